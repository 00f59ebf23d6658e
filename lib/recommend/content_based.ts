/**
 * Content-based recommendations: TF-IDF vectors of item text → user interest profiles → cosine.
 *
 * @module
 */
import { fitTfidf, type TfidfOptions } from "../text/fit_tfidf.ts";
import { rowDot, type SparseRows } from "../text/sparse_rows.ts";
import type { Explanation, FittedRecommender, Interactions, Recommender } from "./types.ts";
import { label, makeFitted } from "./_fitted.ts";

/** Options of {@linkcode contentBased}. */
export interface ContentBasedOptions {
  /** Text of each item, aligned with `train.itemIds`. Default `train.itemText`. */
  readonly itemText?: readonly string[];
  /** TF-IDF options (tokeniser, min/max df, …). Default `{ sublinearTf: true }`. */
  readonly tfidf?: TfidfOptions;
  /** Name in evaluation tables. Default `"content"`. */
  readonly name?: string;
}

/** A fitted content-based model. */
export interface FittedContentBased extends FittedRecommender {
  /** L2-normalised TF-IDF vector of each item. */
  readonly itemVectors: SparseRows;
  /** Terms (columns of `itemVectors`). */
  readonly terms: readonly string[];
}

/**
 * Content-based recommender: each item is the TF-IDF vector of its text (title, category, …);
 * a user's profile is Σ r_ui · v_i over their history; `score(u, j) = cos(profile_u, v_j)`.
 * Needs no interactions on the item side, so it can recommend brand-new items (cold start).
 * The explanation names the history item whose text is closest.
 *
 * @param options See {@linkcode ContentBasedOptions}.
 * @returns A {@linkcode Recommender}.
 * @throws {TypeError} At fit time when no item text is available.
 * @throws {RangeError} At fit time when the item text does not match the number of items.
 * @example
 * ```ts
 * import { interactionsFromArrays } from "@shoplab/lib/recommend/interactions_from_arrays.ts";
 * import { contentBased } from "@shoplab/lib/recommend/content_based.ts";
 * import assert from "node:assert/strict";
 * const train = interactionsFromArrays({ users: [0], items: [0] }, {
 *   nItems: 3,
 *   itemText: ["red tea mug", "garden chair", "blue tea mug"],
 * });
 * const model = await contentBased().fit(train);
 * assert.equal(model.recommend([0], { k: 1 })[0].items[0].item, 2); // the other tea mug
 * ```
 */
export function contentBased(options: ContentBasedOptions = {}): Recommender<FittedContentBased> {
  const name = options.name ?? "content";
  return {
    name,
    fit(train: Interactions): Promise<FittedContentBased> {
      const text = options.itemText ?? train.itemText;
      if (text === undefined) {
        return Promise.reject(
          new TypeError(
            "contentBased(): no item text (pass itemText or build interactions with an items table)",
          ),
        );
      }
      if (text.length !== train.nItems) {
        return Promise.reject(
          new RangeError(`contentBased(): ${text.length} item texts for ${train.nItems} items`),
        );
      }
      const docs = text.some((t) => t.trim() !== "") ? text : [...text.slice(0, -1), "_"];
      const model = fitTfidf(docs, options.tfidf ?? { sublinearTf: true });
      const V = model.transform(text);
      const nTerms = model.terms.length;
      const { indptr, indices, values } = train.byUser;
      const profile = new Float64Array(nTerms);

      function scores(u: number): Float32Array {
        profile.fill(0);
        for (let q = indptr[u]; q < indptr[u + 1]; q++) {
          const i = indices[q], r = values[q];
          for (let p = V.indptr[i]; p < V.indptr[i + 1]; p++) {
            profile[V.indices[p]] += r * V.values[p];
          }
        }
        let norm = 0;
        for (let t = 0; t < nTerms; t++) norm += profile[t] * profile[t];
        const s = new Float32Array(train.nItems);
        if (norm === 0) return s;
        norm = Math.sqrt(norm);
        for (let j = 0; j < train.nItems; j++) {
          let x = 0;
          for (let p = V.indptr[j]; p < V.indptr[j + 1]; p++) {
            x += profile[V.indices[p]] * V.values[p];
          }
          s[j] = x / norm;
        }
        return s;
      }

      function explain(u: number, j: number): Explanation | undefined {
        let best = -1, bestS = 0;
        for (let q = indptr[u]; q < indptr[u + 1]; q++) {
          const i = indices[q];
          const s = rowDot(V, V, i, j);
          if (s > bestS) (bestS = s, best = i);
        }
        return best < 0
          ? undefined
          : { text: `Similar to "${label(train, best)}", which you bought`, items: [best] };
      }

      return Promise.resolve(
        makeFitted(name, train, scores, explain, {
          itemVectors: V,
          terms: model.terms,
        }) as FittedContentBased,
      );
    },
  };
}
