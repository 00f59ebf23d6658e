/**
 * Item-item similarity as top-k neighbour lists, computed from the sparse matrix without ever
 * forming the dense item × item matrix.
 *
 * @module
 */
import type { CsrMatrix, Interactions } from "./types.ts";
import type { Similarity } from "./vector_similarity.ts";
import { rowSimilarity } from "./_row_sim.ts";
import { TopKHeaps } from "./_top_k_heaps.ts";

/** Options of {@linkcode itemSimilarityTopK}. */
export interface ItemSimilarityOptions {
  /** Neighbours kept per item. Default `50`. */
  readonly k?: number;
  /** Strategy over the items' user vectors. Default `"cosine"`. */
  readonly similarity?: Similarity;
  /** Shrink towards 0 for pairs with few common users: × common / (common + shrink). Default `0`. */
  readonly shrink?: number;
}

/**
 * For every item, its `k` most similar other items (only pairs with at least one common user
 * are candidates; only positive similarities are kept), best first, ties to the lower index.
 * Each pair is computed once — Σ_users (items per user)² / 2 multiply-adds — so a custom
 * `similarity` must be symmetric. Memory O(nnz + items × k).
 *
 * @param data Interactions (its `byItem` CSR gives each item's user vector).
 * @param options See {@linkcode ItemSimilarityOptions}.
 * @returns A CSR matrix: row `i` lists neighbours of item `i` in descending similarity.
 * @throws {RangeError} When `k` is not a positive integer.
 * @example
 * ```ts
 * import { interactionsFromArrays } from "@shoplab/lib/recommend/interactions_from_arrays.ts";
 * import { itemSimilarityTopK } from "@shoplab/lib/recommend/item_similarity_top_k.ts";
 * import assert from "node:assert/strict";
 * // items 0 and 1 bought by the same two users; item 2 by one of them
 * const m = interactionsFromArrays({ users: [0, 0, 0, 1, 1], items: [0, 1, 2, 0, 1] });
 * const nb = itemSimilarityTopK(m, { k: 1 });
 * assert.deepEqual([...nb.indices], [1, 0, 0]);
 * assert.ok(Math.abs(nb.values[0] - 1) < 1e-6);
 * ```
 */
export function itemSimilarityTopK(
  data: Interactions,
  options: ItemSimilarityOptions = {},
): CsrMatrix {
  const k = options.k ?? 50;
  if (!(Number.isInteger(k) && k >= 1)) {
    throw new RangeError(`itemSimilarityTopK(): k must be a positive integer, got ${k}`);
  }
  const nItems = data.nItems;
  const sim = rowSimilarity(data.byItem, options.similarity ?? "cosine", options.shrink ?? 0);
  const { indptr: cp, indices: cu, values: cv } = data.byItem;
  const { indptr: rp, indices: ri, values: rv } = data.byUser;
  // position in the user's CSR row of every CSC entry, so that item i only pairs with j > i
  const pos = new Int32Array(cu.length);
  const fill = cp.slice(0, nItems);
  for (let u = 0; u < data.nUsers; u++) {
    for (let q = rp[u]; q < rp[u + 1]; q++) pos[fill[ri[q]]++] = q;
  }
  const acc = new Float64Array(nItems);
  const co = new Int32Array(nItems);
  const touched = new Int32Array(nItems);
  const cap = Math.min(k, Math.max(nItems - 1, 0));
  const heaps = new TopKHeaps(nItems, cap);
  // each pair once (similarities are symmetric), offered to both items' top-k
  for (let i = 0; i < nItems; i++) {
    let nt = 0;
    for (let q = cp[i]; q < cp[i + 1]; q++) {
      const r = cv[q], end = rp[cu[q] + 1];
      for (let p = pos[q] + 1; p < end; p++) {
        const j = ri[p];
        if (co[j] === 0) touched[nt++] = j;
        acc[j] += r * rv[p];
        co[j]++;
      }
    }
    for (let t = 0; t < nt; t++) {
      const j = touched[t];
      const dot = acc[j], common = co[j];
      acc[j] = 0;
      co[j] = 0;
      const s = sim(i, j, dot, common);
      if (!(s > 0)) continue;
      heaps.offer(i, j, s);
      heaps.offer(j, i, s);
    }
  }
  const indptr = new Int32Array(nItems + 1);
  const outI = new Int32Array(heaps.total());
  const outS = new Float32Array(outI.length);
  let out = 0;
  for (let i = 0; i < nItems; i++) {
    out = heaps.drainSorted(i, outI, outS, out);
    indptr[i + 1] = out;
  }
  return {
    nRows: nItems,
    nCols: nItems,
    indptr,
    indices: outI,
    values: outS,
  };
}
