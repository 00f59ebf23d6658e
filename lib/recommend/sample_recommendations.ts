/**
 * A side-by-side table of what customers bought and what a model recommends to them, with the
 * reasons, for notebooks and reports.
 *
 * @module
 */
import type { FittedRecommender, Interactions } from "./types.ts";
import { resolveUsers } from "./_fitted.ts";

/** Options of {@linkcode sampleRecommendations}. */
export interface SampleRecommendationsOptions {
  /** Recommendations per customer. Default `5`. */
  readonly k?: number;
  /**
   * Held-out interactions (same index space): adds the column `bought later`, `"yes"` when the
   * customer interacted with the recommended item there. Default: none.
   */
  readonly test?: Interactions;
}

/**
 * One line of the table: position `rank` of one customer's history and recommendations (a type
 * alias, so rows go straight into `showTable`).
 */
export type SampleRecommendationRow = {
  /** Customer id. */
  readonly customer: string;
  /** Position, 1-based. */
  readonly rank: number;
  /** The customer's rank-th training item, latest first (by last time when known, else strength); `""` past the end. */
  readonly history: string;
  /** The rank-th recommended item (its label); `""` past the end. */
  readonly recommended: string;
  /** The model's explanation of it; `""` when it has none. */
  readonly why: string;
  /** With `test`: `"yes"` / `"no"` (whether the customer took the recommendation later). */
  readonly "bought later"?: string;
};

/**
 * For each customer, max(k, |history| up to k) rows placing their training history (latest
 * first) beside the model's top-k recommendations and explanations (seen items excluded).
 *
 * @param model A fitted recommender.
 * @param users Customer indices or ids of `model.train`.
 * @param options See {@linkcode SampleRecommendationsOptions}.
 * @returns Rows, customer by customer.
 * @throws {RangeError} When a user is unknown, `k` is not a positive integer, or `test` has
 *   another index space.
 * @example
 * ```ts
 * import { interactionsFromArrays } from "@shoplab/lib/recommend/interactions_from_arrays.ts";
 * import { itemKnn } from "@shoplab/lib/recommend/item_knn.ts";
 * import { sampleRecommendations } from "@shoplab/lib/recommend/sample_recommendations.ts";
 * import assert from "node:assert/strict";
 * const train = interactionsFromArrays(
 *   { users: [0, 0, 1], items: [0, 1, 0] },
 *   { itemLabels: ["mug", "teapot"], userIds: ["ann", "bob"] },
 * );
 * const rows = sampleRecommendations(await itemKnn().fit(train), ["bob"], { k: 1 });
 * assert.deepEqual(rows, [
 *   { customer: "bob", rank: 1, history: "mug", recommended: "teapot", why: 'Because you bought "mug"' },
 * ]);
 * ```
 */
export function sampleRecommendations(
  model: FittedRecommender,
  users: ArrayLike<number> | readonly string[],
  options: SampleRecommendationsOptions = {},
): SampleRecommendationRow[] {
  const k = options.k ?? 5;
  if (!(Number.isInteger(k) && k >= 1)) {
    throw new RangeError(`sampleRecommendations(): k must be a positive integer, got ${k}`);
  }
  const train = model.train, test = options.test;
  if (test && (test.nUsers !== train.nUsers || test.nItems !== train.nItems)) {
    throw new RangeError("sampleRecommendations(): test must share the model's index space");
  }
  const name = (i: number) => train.itemLabels?.[i] ?? train.itemIds[i];
  const recs = model.recommend(resolveUsers(train, users), { k });
  const rows: SampleRecommendationRow[] = [];
  for (const rec of recs) {
    const { indptr, indices, values } = train.byUser;
    const hist = Array.from(
      { length: indptr[rec.user + 1] - indptr[rec.user] },
      (_, j) => indptr[rec.user] + j,
    );
    const ts = train.lastTimestamp;
    hist.sort((a, b) => (ts ? ts[b] - ts[a] : values[b] - values[a]) || a - b);
    const later = new Set<number>();
    if (test) {
      for (let q = test.byUser.indptr[rec.user]; q < test.byUser.indptr[rec.user + 1]; q++) {
        later.add(test.byUser.indices[q]);
      }
    }
    const n = Math.max(rec.items.length, Math.min(k, hist.length));
    for (let r = 0; r < n; r++) {
      const item = rec.items[r];
      const row: SampleRecommendationRow = {
        customer: rec.userId,
        rank: r + 1,
        history: r < hist.length ? name(indices[hist[r]]) : "",
        recommended: item ? name(item.item) : "",
        why: item?.explanation?.text ?? "",
      };
      rows.push(
        test ? { ...row, "bought later": item ? (later.has(item.item) ? "yes" : "no") : "" } : row,
      );
    }
  }
  return rows;
}
