/**
 * The articles' "neural collaborative filtering": user and item embeddings whose dot product
 * (plus biases) gives the logit of an interaction, trained with seeded negative sampling, binary
 * cross-entropy and Adam. The sampling lives here; the tfjs training lives in `lib/models`
 * ({@linkcode embeddingNet}), which takes and returns plain typed arrays and leaves no tensors
 * behind.
 *
 * @module
 */
import { SEED } from "../core/constants.ts";
import { createRng } from "../core/random.ts";
import type { FittedRecommender, Interactions, Recommender } from "./types.ts";
import { label, makeFitted } from "./_fitted.ts";
import {
  embeddingNet,
  embeddingNetScores,
  type EmbeddingTriples,
} from "../models/embedding_net.ts";

/** Options of {@linkcode embeddingModel}. */
export interface EmbeddingModelOptions {
  /** Embedding size. Default `32`. */
  readonly dimension?: number;
  /** Passes over the positive pairs. Default `10`. */
  readonly epochs?: number;
  /** Sampled negative items per positive pair, redrawn every epoch. Default `4`. */
  readonly negatives?: number;
  /** Examples per Adam step. Default `4096`. */
  readonly batchSize?: number;
  /** Adam learning rate. Default `0.01`. */
  readonly learningRate?: number;
  /** L2 penalty on the embeddings used in a batch (mean over the batch). Default `1e-4`. */
  readonly l2?: number;
  /** Add user, item and global biases to the dot product. Default `true`. */
  readonly biases?: boolean;
  /** Seed of initial weights, negatives and shuffling. Default `SEED`. */
  readonly seed?: number;
  /** Name in evaluation tables. Default `"embedding"`. */
  readonly name?: string;
}

/** A fitted embedding model. */
export interface FittedEmbedding extends FittedRecommender {
  /** Embedding size. */
  readonly dimension: number;
  /** User embeddings, row-major nUsers × dimension. */
  readonly userEmbeddings: Float32Array;
  /** Item embeddings, row-major nItems × dimension. */
  readonly itemEmbeddings: Float32Array;
  /** Item biases (zeros when `biases` is false). */
  readonly itemBias: Float32Array;
  /** Mean training loss (BCE) of each epoch. */
  readonly loss: readonly number[];
  /** tfjs backend used. */
  readonly backend: string;
}

function isPositive(row: Int32Array, item: number): boolean {
  let lo = 0, hi = row.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (row[mid] === item) return true;
    if (row[mid] < item) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/**
 * Embedding ("neural CF") recommender: P(interaction | u, i) = σ(p_u · q_i + b_u + b_i + b).
 * Each epoch pairs every stored (user, item) with `negatives` items the user has not touched
 * (uniform, seeded), shuffles with the seeded PRNG and takes Adam steps on binary cross-entropy.
 *
 * @param options See {@linkcode EmbeddingModelOptions}.
 * @returns A {@linkcode Recommender}; `fit` resolves to a {@linkcode FittedEmbedding}.
 * @throws {RangeError} When a size option is not a positive integer.
 * @example
 * ```ts
 * import { interactionsFromArrays } from "@shoplab/lib/recommend/interactions_from_arrays.ts";
 * import { embeddingModel } from "@shoplab/lib/recommend/embedding_model.ts";
 * import assert from "node:assert/strict";
 * const train = interactionsFromArrays({ users: [0, 0, 1, 1, 2], items: [0, 1, 0, 1, 2] });
 * const model = await embeddingModel({ dimension: 4, epochs: 3, batchSize: 8 }).fit(train);
 * assert.equal(model.userEmbeddings.length, 3 * 4);
 * assert.equal(model.recommend([2], { k: 2 })[0].items.length, 2);
 * ```
 */
export function embeddingModel(options: EmbeddingModelOptions = {}): Recommender<FittedEmbedding> {
  const d = options.dimension ?? 32;
  const epochs = options.epochs ?? 10;
  const negatives = options.negatives ?? 4;
  const batchSize = options.batchSize ?? 4096;
  for (const [k, v] of [["dimension", d], ["epochs", epochs], ["batchSize", batchSize]] as const) {
    if (!(Number.isInteger(v) && v >= 1)) {
      throw new RangeError(`embeddingModel(): ${k} must be a positive integer, got ${v}`);
    }
  }
  if (!(Number.isInteger(negatives) && negatives >= 0)) {
    throw new RangeError(`embeddingModel(): negatives must be an integer ≥ 0, got ${negatives}`);
  }
  const lr = options.learningRate ?? 0.01;
  const l2 = options.l2 ?? 1e-4;
  const useBias = options.biases ?? true;
  const seed = options.seed ?? SEED;
  const name = options.name ?? "embedding";
  return {
    name,
    async fit(train: Interactions): Promise<FittedEmbedding> {
      const { nUsers, nItems } = train;
      const rng = createRng(seed);
      const { indptr, indices } = train.byUser;
      const perEpoch = train.nnz * (1 + negatives);
      const eu = new Int32Array(perEpoch), ei = new Int32Array(perEpoch);
      const ey = new Float32Array(perEpoch);
      const su = new Int32Array(perEpoch), si = new Int32Array(perEpoch);
      const sy = new Float32Array(perEpoch);
      // every stored pair plus `negatives` sampled items, shuffled: redrawn each epoch
      const epochTriples = (): EmbeddingTriples => {
        let e = 0;
        for (let u = 0; u < nUsers; u++) {
          const row = indices.subarray(indptr[u], indptr[u + 1]);
          const full = row.length >= nItems;
          for (let q = 0; q < row.length; q++) {
            eu[e] = u;
            ei[e] = row[q];
            ey[e++] = 1;
            for (let n = 0; n < negatives; n++) {
              let j = rng.int(nItems);
              for (let tries = 0; !full && tries < 20 && isPositive(row, j); tries++) {
                j = rng.int(nItems);
              }
              eu[e] = u;
              ei[e] = j;
              ey[e++] = 0;
            }
          }
        }
        // seeded shuffle (Fisher–Yates on an index permutation)
        const perm = new Int32Array(e);
        for (let q = 0; q < e; q++) perm[q] = q;
        for (let q = e - 1; q > 0; q--) {
          const r = rng.int(q + 1);
          const t = perm[q];
          perm[q] = perm[r];
          perm[r] = t;
        }
        for (let q = 0; q < e; q++) {
          su[q] = eu[perm[q]];
          si[q] = ei[perm[q]];
          sy[q] = ey[perm[q]];
        }
        return { users: su.subarray(0, e), items: si.subarray(0, e), labels: sy.subarray(0, e) };
      };
      const net = await embeddingNet({ nUsers, nItems, triples: epochTriples }, {
        dimension: d,
        epochs,
        batchSize,
        learningRate: lr,
        l2,
        biases: useBias,
        seed,
      });
      const itemEmb = net.itemEmbeddings;
      const explain = (u: number, j: number) => {
        let best = -1, bestD = -Infinity;
        for (let q = indptr[u]; q < indptr[u + 1]; q++) {
          const i = indices[q];
          let x = 0;
          for (let a = 0; a < d; a++) x += itemEmb[i * d + a] * itemEmb[j * d + a];
          if (x > bestD) (bestD = x, best = i);
        }
        return best < 0
          ? undefined
          : { text: `Similar to "${label(train, best)}", which you bought`, items: [best] };
      };
      return makeFitted(name, train, (u) => embeddingNetScores(net, u), explain, {
        dimension: d,
        userEmbeddings: net.userEmbeddings,
        itemEmbeddings: itemEmb,
        itemBias: net.itemBias,
        loss: net.loss,
        backend: net.backend,
      }) as FittedEmbedding;
    },
  };
}
