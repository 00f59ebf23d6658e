/**
 * Choosing the number of clusters by the silhouette.
 *
 * @module
 */
import { kmeans, type KMeansOptions } from "./kmeans.ts";
import type { MatrixLike } from "./_matrix.ts";
import { silhouetteScore } from "./silhouette_score.ts";
import { elbowK } from "./elbow_k.ts";

/** Options of {@linkcode chooseK}. */
export interface ChooseKOptions extends Omit<KMeansOptions, "k"> {
  /** Values of k to try (each ≥ 2). Default `[2, 3, …, 10]`. */
  readonly ks?: readonly number[];
  /** Silhouette sample size (see `silhouetteScore`). Default: all rows up to 10,000, else 10,000. */
  readonly sampleSize?: number;
  /**
   * Which k is returned as `k`: `"silhouette"` (default) the highest mean silhouette;
   * `"elbow"` the elbow of the inertia curve (`elbowK`, needs at least 3 values of k). Both are
   * always reported.
   */
  readonly criterion?: "silhouette" | "elbow";
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
  /** The chosen k, by `criterion`. */
  readonly k: number;
  /** The k with the highest silhouette (the smallest such k on ties). */
  readonly silhouetteK: number;
  /** The elbow of the inertia curve (`elbowK`); `null` when fewer than 3 values of k were tried. */
  readonly elbowK: number | null;
  /** Every k tried, in the order given. */
  readonly scores: readonly KScore[];
}

/**
 * Fits {@linkcode kmeans} for each k (same seed for every k and for the silhouette sample) and
 * scores it two ways: the mean silhouette of its labels and its inertia. Returns the k with the
 * highest silhouette (or, with `criterion: "elbow"`, the elbow of the inertia curve), plus both
 * candidates and every score, so a notebook can chart the elbow and the silhouette side by
 * side from one set of fits.
 *
 * @param x Matrix (standardised features).
 * @param options See {@linkcode ChooseKOptions}.
 * @returns The chosen k and the score of every k.
 * @throws {RangeError} When a k is below 2 or above rows − 1, `ks` is empty or not
 *   increasing, or `criterion` is `"elbow"` with fewer than 3 values of k.
 * @example
 * ```ts
 * import { chooseK } from "@shoplab/lib/segment/choose_k.ts";
 * import assert from "node:assert/strict";
 * const x = Float64Array.from([0, 1, 10, 11, 20, 21]);
 * const r = chooseK({ x, rows: 6, cols: 1 }, { ks: [2, 3, 4], seed: 1 });
 * assert.equal(r.k, 3);
 * assert.equal(r.elbowK, 3);
 * ```
 */
export function chooseK(x: MatrixLike, options: ChooseKOptions = {}): ChooseKResult {
  const ks = options.ks ?? [2, 3, 4, 5, 6, 7, 8, 9, 10];
  if (ks.length === 0) throw new RangeError("chooseK: ks is empty");
  ks.forEach((k, i) => {
    if (!Number.isInteger(k) || k < 2 || k > x.rows - 1) {
      throw new RangeError(`chooseK: every k must be an integer in 2 … ${x.rows - 1}, got ${k}`);
    }
    if (i > 0 && k <= ks[i - 1]) {
      throw new RangeError(`chooseK: ks must increase, got ${ks[i - 1]} then ${k}`);
    }
  });
  const criterion = options.criterion ?? "silhouette";
  if (criterion !== "silhouette" && criterion !== "elbow") {
    throw new RangeError(`chooseK: criterion must be "silhouette" or "elbow", got ${criterion}`);
  }
  if (criterion === "elbow" && ks.length < 3) {
    throw new RangeError(`chooseK: criterion "elbow" needs at least 3 values of k`);
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
  const elbow = ks.length >= 3 ? elbowK(scores) : null;
  return {
    k: criterion === "elbow" ? elbow! : best.k,
    silhouetteK: best.k,
    elbowK: elbow,
    scores,
  };
}
