/**
 * User-based collaborative filtering ("customers like you bought…").
 *
 * @module
 */
import type { Explanation, FittedRecommender, Interactions, Recommender } from "./types.ts";
import type { Similarity } from "./vector_similarity.ts";
import { rowSimilarity } from "./_row_sim.ts";
import { makeFitted } from "./_fitted.ts";

/** Options of {@linkcode userKnn}. */
export interface UserKnnOptions {
  /** Similar users used per user. Default `50`. */
  readonly neighbours?: number;
  /** User-user similarity over item vectors. Default `"cosine"`. */
  readonly similarity?: Similarity;
  /** Shrinkage for pairs with few common items. Default `0`. */
  readonly shrink?: number;
  /** Name in evaluation tables. Default `"user-knn"`. */
  readonly name?: string;
}

/** A fitted user-kNN model: the shared interface plus the neighbour search. */
export interface FittedUserKnn extends FittedRecommender {
  /** The most similar users of `user` (best first) with their similarities. */
  neighboursOf(user: number): { users: Int32Array; similarities: Float32Array };
}

/**
 * User-based CF: find the `neighbours` users most similar to `u` (only users sharing at least one
 * item are candidates, found through the item → users index; only positive similarities), then
 * `score(u, j) = Σ_v sim(u, v) · r_vj`. The explanation counts the similar customers who bought
 * the item.
 *
 * @param options See {@linkcode UserKnnOptions}.
 * @returns A {@linkcode Recommender}; `fit` resolves to a {@linkcode FittedUserKnn}.
 * @example
 * ```ts
 * import { interactionsFromArrays } from "@shoplab/lib/recommend/interactions_from_arrays.ts";
 * import { userKnn } from "@shoplab/lib/recommend/user_knn.ts";
 * import assert from "node:assert/strict";
 * // users 0 and 1 share item 0; user 1 also bought item 2
 * const train = interactionsFromArrays({ users: [0, 1, 1, 2], items: [0, 0, 2, 1] });
 * const model = await userKnn().fit(train);
 * const [rec] = model.recommend([0], { k: 1 });
 * assert.equal(rec.items[0].item, 2);
 * assert.equal(rec.items[0].explanation?.text, "1 customer like you bought this");
 * ```
 */
export function userKnn(options: UserKnnOptions = {}): Recommender<FittedUserKnn> {
  const name = options.name ?? "user-knn";
  const k = options.neighbours ?? 50;
  if (!(Number.isInteger(k) && k >= 1)) {
    throw new RangeError(`userKnn(): neighbours must be a positive integer, got ${k}`);
  }
  return {
    name,
    fit(train: Interactions): Promise<FittedUserKnn> {
      const sim = rowSimilarity(train.byUser, options.similarity ?? "cosine", options.shrink ?? 0);
      const { indptr, indices, values } = train.byUser;
      const { indptr: cp, indices: cu, values: cv } = train.byItem;
      const acc = new Float64Array(train.nUsers);
      const co = new Int32Array(train.nUsers);
      const touched = new Int32Array(train.nUsers);
      let cacheUser = -1;
      let cache = { users: new Int32Array(0), similarities: new Float32Array(0) };

      function neighboursOf(u: number) {
        if (u === cacheUser) return cache;
        let nt = 0;
        for (let q = indptr[u]; q < indptr[u + 1]; q++) {
          const i = indices[q], r = values[q];
          for (let p = cp[i]; p < cp[i + 1]; p++) {
            const v = cu[p];
            if (co[v] === 0) touched[nt++] = v;
            acc[v] += r * cv[p];
            co[v]++;
          }
        }
        const bu = new Int32Array(k), bs = new Float32Array(k);
        let n = 0;
        for (let t = 0; t < nt; t++) {
          const v = touched[t];
          const dot = acc[v], common = co[v];
          acc[v] = 0;
          co[v] = 0;
          if (v === u) continue;
          const s = sim(u, v, dot, common);
          if (!(s > 0)) continue;
          if (n === k && !(s > bs[k - 1] || (s === bs[k - 1] && v < bu[k - 1]))) continue;
          let pos = n < k ? n++ : k - 1;
          while (pos > 0 && (s > bs[pos - 1] || (s === bs[pos - 1] && v < bu[pos - 1]))) {
            bs[pos] = bs[pos - 1];
            bu[pos] = bu[pos - 1];
            pos--;
          }
          bs[pos] = s;
          bu[pos] = v;
        }
        cacheUser = u;
        cache = { users: bu.slice(0, n), similarities: bs.slice(0, n) };
        return cache;
      }

      function scores(u: number): Float32Array {
        const s = new Float32Array(train.nItems);
        const nb = neighboursOf(u);
        for (let t = 0; t < nb.users.length; t++) {
          const v = nb.users[t], w = nb.similarities[t];
          for (let q = indptr[v]; q < indptr[v + 1]; q++) s[indices[q]] += w * values[q];
        }
        return s;
      }

      function explain(u: number, j: number): Explanation | undefined {
        const nb = neighboursOf(u);
        const who: number[] = [];
        for (const v of nb.users) {
          for (let q = indptr[v]; q < indptr[v + 1]; q++) {
            if (indices[q] === j) {
              who.push(v);
              break;
            }
          }
        }
        if (who.length === 0) return undefined;
        const noun = who.length === 1 ? "customer" : "customers";
        return { text: `${who.length} ${noun} like you bought this`, users: who };
      }

      return Promise.resolve(
        makeFitted(name, train, scores, explain, { neighboursOf }) as FittedUserKnn,
      );
    },
  };
}
