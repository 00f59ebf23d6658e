/**
 * Choosing the number of clusters by the silhouette.
 *
 * @module
 */
import { kmeans, type KMeansOptions } from "./kmeans.ts";
import type { MatrixLike } from "./_matrix.ts";
import { silhouetteScore } from "./silhouette_score.ts";

/** Options of {@linkcode chooseK}. */
export interface ChooseKOptions extends Omit<KMeansOptions, "k"> {
  /** Values of k to try (each ≥ 2). Default `[2, 3, …, 10]`. */
  readonly ks?: readonly number[];
  /** Silhouette sample size (see `silhouetteScore`). Default: all rows up to 10,000, else 10,000. */
  readonly sampleSize?: number;
}

/** Scores of one k. */
export interface KScore {
  /** Number of clusters. */
  readonly k: number;
  /** Mean silhouette of the k-means labels. */
  readonly silhouette: number;
  /** k-means inertia. */
  readonly inertia: number;
}

/** Result of {@linkcode chooseK}. */
export interface ChooseKResult {
  /** The k with the highest silhouette (the smallest such k on ties). */
  readonly k: number;
  /** Every k tried, in the order given. */
  readonly scores: readonly KScore[];
}

/**
 * Fits {@linkcode kmeans} for each k and picks the one whose labels have the highest mean
 * silhouette (same seed for every k and for the silhouette sample).
 *
 * @param x Matrix (standardised features).
 * @param options See {@linkcode ChooseKOptions}.
 * @returns The chosen k and the score of every k.
 * @throws {RangeError} When a k is below 2 or above rows − 1, or `ks` is empty.
 * @example
 * ```ts
 * import { chooseK } from "@shoplab/lib/segment/choose_k.ts";
 * import assert from "node:assert/strict";
 * const x = Float64Array.from([0, 1, 10, 11, 20, 21]);
 * assert.equal(chooseK({ x, rows: 6, cols: 1 }, { ks: [2, 3, 4], seed: 1 }).k, 3);
 * ```
 */
export function chooseK(x: MatrixLike, options: ChooseKOptions = {}): ChooseKResult {
  const ks = options.ks ?? [2, 3, 4, 5, 6, 7, 8, 9, 10];
  if (ks.length === 0) throw new RangeError("chooseK: ks is empty");
  for (const k of ks) {
    if (!Number.isInteger(k) || k < 2 || k > x.rows - 1) {
      throw new RangeError(`chooseK: every k must be an integer in 2 … ${x.rows - 1}, got ${k}`);
    }
  }
  const scores = ks.map((k) => {
    const m = kmeans(x, { ...options, k });
    const silhouette = silhouetteScore(x, m.labels, {
      sampleSize: options.sampleSize,
      seed: options.seed,
    });
    return { k, silhouette, inertia: m.inertia };
  });
  let best = scores[0];
  for (const s of scores) {
    if (s.silhouette > best.silhouette || (s.silhouette === best.silhouette && s.k < best.k)) {
      best = s;
    }
  }
  return { k: best.k, scores };
}
