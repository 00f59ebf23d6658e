/**
 * Hybrid of a collaborative and a content-based recommender, with a cold-start rule.
 *
 * @module
 */
import type { FittedRecommender, Interactions, Recommender } from "./types.ts";
import { makeFitted } from "./_fitted.ts";

/** Options of {@linkcode hybrid}. */
export interface HybridOptions {
  /** Weight of the CF score for a user and an item with plenty of history, in [0, 1]. Default `0.8`. */
  readonly weight?: number;
  /** User confidence n_u / (n_u + userShrink). Default `5`. */
  readonly userShrink?: number;
  /** Item confidence n_i / (n_i + itemShrink). Default `5`. */
  readonly itemShrink?: number;
  /** Name in evaluation tables. Default `"hybrid"`. */
  readonly name?: string;
}

function minMax(s: Float32Array): Float32Array {
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < s.length; i++) {
    const x = s[i];
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  const out = new Float32Array(s.length);
  if (!(hi > lo)) return out;
  for (let i = 0; i < s.length; i++) out[i] = (s[i] - lo) / (hi - lo);
  return out;
}

/**
 * Blends min-max-normalised scores: `s = w·cf + (1 − w)·content` with
 * `w = weight · n_u/(n_u + userShrink) · n_i/(n_i + itemShrink)`, where n_u and n_i count the
 * training interactions of the user and the item. So new items (n_i = 0) and users with little
 * history lean on content; users with no history at all get the most popular items.
 *
 * @param cf A collaborative model (e.g. `itemKnn()`, `implicitAls()`).
 * @param content A content model (e.g. `contentBased()`).
 * @param options See {@linkcode HybridOptions}.
 * @returns A {@linkcode Recommender}.
 * @throws {RangeError} When `weight` is outside [0, 1] or a shrink is negative.
 * @example
 * ```ts
 * import { interactionsFromArrays } from "@shoplab/lib/recommend/interactions_from_arrays.ts";
 * import { hybrid } from "@shoplab/lib/recommend/hybrid.ts";
 * import { itemKnn } from "@shoplab/lib/recommend/item_knn.ts";
 * import { contentBased } from "@shoplab/lib/recommend/content_based.ts";
 * import assert from "node:assert/strict";
 * // item 2 is new (no interactions) but its text matches what user 0 bought
 * const train = interactionsFromArrays({ users: [0, 1, 1], items: [0, 0, 1] }, {
 *   nItems: 3, itemText: ["tea mug", "garden chair", "tea mug large"],
 * });
 * const model = await hybrid(itemKnn(), contentBased()).fit(train);
 * assert.equal(model.recommend([0], { k: 1 })[0].items[0].item, 2);
 * ```
 */
export function hybrid(
  cf: Recommender,
  content: Recommender,
  options: HybridOptions = {},
): Recommender {
  const weight = options.weight ?? 0.8;
  const tu = options.userShrink ?? 5, ti = options.itemShrink ?? 5;
  if (!(weight >= 0 && weight <= 1)) {
    throw new RangeError(`hybrid(): weight must be in [0, 1], got ${weight}`);
  }
  if (!(tu >= 0 && ti >= 0)) throw new RangeError("hybrid(): shrinks must be ≥ 0");
  const name = options.name ?? "hybrid";
  return {
    name,
    async fit(train: Interactions): Promise<FittedRecommender> {
      const a = await cf.fit(train);
      const b = await content.fit(train);
      const nItem = new Float32Array(train.nItems);
      for (let i = 0; i < train.nItems; i++) {
        nItem[i] = train.byItem.indptr[i + 1] - train.byItem.indptr[i];
      }
      const itemConf = nItem.map((n) => (n + ti > 0 ? n / (n + ti) : 1));
      const userN = (u: number) => train.byUser.indptr[u + 1] - train.byUser.indptr[u];
      function blendWeights(u: number): Float32Array {
        const n = userN(u);
        const uc = n + tu > 0 ? n / (n + tu) : 1;
        return itemConf.map((c) => weight * uc * c);
      }
      function scores(u: number): Float32Array {
        if (userN(u) === 0) return nItem.slice();
        const c = minMax(a.scores(u)), t = minMax(b.scores(u)), w = blendWeights(u);
        for (let i = 0; i < c.length; i++) c[i] = w[i] * c[i] + (1 - w[i]) * t[i];
        return c;
      }
      function explain(u: number, i: number) {
        if (userN(u) === 0) return { text: `Popular: ${nItem[i]} customers bought this` };
        const w = blendWeights(u)[i];
        const first = w >= 0.5 ? a : b, second = w >= 0.5 ? b : a;
        return first.explain?.(u, i) ?? second.explain?.(u, i);
      }
      return makeFitted(name, train, scores, explain, { cf: a, content: b });
    },
  };
}
