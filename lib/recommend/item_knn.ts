/**
 * Item-based collaborative filtering ("customers who bought this also bought…").
 *
 * @module
 */
import type { CsrMatrix, FittedRecommender, Interactions, Recommender } from "./types.ts";
import type { Similarity } from "./vector_similarity.ts";
import { itemSimilarityTopK } from "./item_similarity_top_k.ts";
import { label, makeFitted } from "./_fitted.ts";

/** Options of {@linkcode itemKnn}. */
export interface ItemKnnOptions {
  /** Neighbours kept per item. Default `50`. */
  readonly neighbours?: number;
  /** Item-item similarity. Default `"cosine"`. */
  readonly similarity?: Similarity;
  /** Shrinkage for pairs with few common users (see `itemSimilarityTopK`). Default `0`. */
  readonly shrink?: number;
  /** Name in evaluation tables. Default `"item-knn"`. */
  readonly name?: string;
}

/** A fitted item-kNN model: the shared interface plus its neighbour lists. */
export interface FittedItemKnn extends FittedRecommender {
  /** Top-k neighbours of each item (CSR, best first). */
  readonly neighbours: CsrMatrix;
}

/**
 * Item-based CF: `score(u, j) = Σ_{i ∈ history(u)} sim(i, j) · r_ui` over the top-k
 * neighbour lists; the explanation names the history item contributing most ("Because you
 * bought X").
 *
 * @param options See {@linkcode ItemKnnOptions}.
 * @returns A {@linkcode Recommender}; `fit` resolves to a {@linkcode FittedItemKnn}.
 * @example
 * ```ts
 * import { interactionsFromArrays } from "@shoplab/lib/recommend/interactions_from_arrays.ts";
 * import { itemKnn } from "@shoplab/lib/recommend/item_knn.ts";
 * import assert from "node:assert/strict";
 * const train = interactionsFromArrays(
 *   { users: [0, 0, 1, 1, 2], items: [0, 1, 0, 1, 0] },
 *   { itemLabels: ["mug", "teapot"] },
 * );
 * const model = await itemKnn().fit(train);
 * const [rec] = model.recommend([2], { k: 1 });
 * assert.equal(rec.items[0].item, 1);
 * assert.equal(rec.items[0].explanation?.text, 'Because you bought "mug"');
 * ```
 */
export function itemKnn(options: ItemKnnOptions = {}): Recommender<FittedItemKnn> {
  const name = options.name ?? "item-knn";
  return {
    name,
    fit(train: Interactions): Promise<FittedItemKnn> {
      const nb = itemSimilarityTopK(train, {
        k: options.neighbours ?? 50,
        similarity: options.similarity,
        shrink: options.shrink,
      });
      const { indptr, indices, values } = train.byUser;
      function scores(u: number): Float32Array {
        const s = new Float32Array(train.nItems);
        for (let q = indptr[u]; q < indptr[u + 1]; q++) {
          const i = indices[q], r = values[q];
          for (let p = nb.indptr[i]; p < nb.indptr[i + 1]; p++) {
            s[nb.indices[p]] += nb.values[p] * r;
          }
        }
        return s;
      }
      function explain(u: number, j: number) {
        let best = -1, bestC = 0;
        for (let q = indptr[u]; q < indptr[u + 1]; q++) {
          const i = indices[q];
          for (let p = nb.indptr[i]; p < nb.indptr[i + 1]; p++) {
            if (nb.indices[p] !== j) continue;
            const c = nb.values[p] * values[q];
            if (c > bestC) (bestC = c, best = i);
          }
        }
        return best < 0
          ? undefined
          : { text: `Because you bought "${label(train, best)}"`, items: [best] };
      }
      return Promise.resolve(
        makeFitted(name, train, scores, explain, { neighbours: nb }) as FittedItemKnn,
      );
    },
  };
}
