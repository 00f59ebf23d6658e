/**
 * The silhouette coefficient of a clustering, exact or on a seeded sample.
 *
 * @module
 */
import { SEED } from "../core/constants.ts";
import { permutation } from "../core/random.ts";
import { checkMatrix, type MatrixLike } from "./_matrix.ts";

/** Rows above which {@linkcode silhouetteScore} samples by default. */
export const SILHOUETTE_SAMPLE_SIZE = 10_000;

/** Options of {@linkcode silhouetteScore}. */
export interface SilhouetteOptions {
  /**
   * Rows drawn at random (without replacement, seeded) to compute the score on, as
   * scikit-learn's `sample_size`: distances are then only among the drawn rows. Default: every
   * row when there are at most {@linkcode SILHOUETTE_SAMPLE_SIZE} (10,000), else 10,000 — the
   * exact score costs rows² distances. A value ≥ rows means every row.
   */
  readonly sampleSize?: number;
  /** Seed of the sample. Default `SEED` (42). */
  readonly seed?: number;
}

/**
 * Mean silhouette coefficient, s(i) = (b − a) / max(a, b), where a is the mean Euclidean
 * distance from row i to the other rows of its cluster and b the smallest mean distance to the
 * rows of another cluster; s(i) = 0 for a row alone in its cluster (scikit-learn's
 * `silhouette_score`). Ranges over [−1, 1]; higher means tighter, better separated clusters.
 *
 * @param x Matrix (the features the clustering used).
 * @param labels Cluster of each row (any integers).
 * @param options See {@linkcode SilhouetteOptions}.
 * @returns The mean silhouette over the (sampled) rows.
 * @throws {RangeError} When lengths differ, or the (sampled) rows hold fewer than 2 or more
 *   than rows − 1 distinct labels.
 * @example
 * ```ts
 * import { silhouetteScore } from "@shoplab/lib/segment/silhouette_score.ts";
 * import assert from "node:assert/strict";
 * const x = Float64Array.from([0, 1, 10, 11]);
 * // a = 1 for every row; b = mean(10, 11) = 10.5 for rows 0 and 3, mean(9, 10) = 9.5 for 1 and 2
 * const s = silhouetteScore({ x, rows: 4, cols: 1 }, [0, 0, 1, 1]);
 * assert.ok(Math.abs(s - (9.5 / 10.5 + 8.5 / 9.5) / 2) < 1e-15);
 * ```
 */
export function silhouetteScore(
  x: MatrixLike,
  labels: ArrayLike<number>,
  options: SilhouetteOptions = {},
): number {
  checkMatrix(x, "silhouetteScore");
  const { rows: n, cols: d } = x;
  if (labels.length !== n) {
    throw new RangeError(`silhouetteScore: ${labels.length} labels for ${n} rows`);
  }
  const size = options.sampleSize ?? (n > SILHOUETTE_SAMPLE_SIZE ? SILHOUETTE_SAMPLE_SIZE : n);
  if (!(size >= 1)) throw new RangeError(`silhouetteScore: sampleSize must be ≥ 1, got ${size}`);
  let idx: Uint32Array;
  if (size >= n) idx = Uint32Array.from({ length: n }, (_, i) => i);
  else idx = permutation(n, options.seed ?? SEED).slice(0, Math.floor(size));
  const m = idx.length;
  // Relabel 0 … L − 1 among the sampled rows.
  const code = new Map<number, number>();
  const lab = new Int32Array(m);
  for (let s = 0; s < m; s++) {
    const l = labels[idx[s]];
    let c = code.get(l);
    if (c === undefined) code.set(l, c = code.size);
    lab[s] = c;
  }
  const L = code.size;
  if (L < 2 || L > m - 1) {
    throw new RangeError(
      `silhouetteScore: ${L} distinct label(s) among ${m} rows; valid values are 2 to ${m - 1}`,
    );
  }
  const size_ = new Float64Array(L);
  for (let s = 0; s < m; s++) size_[lab[s]]++;
  // Copy the sampled rows contiguously, then sum distances per (row, cluster), each pair once.
  const y = new Float64Array(m * d);
  for (let s = 0; s < m; s++) y.set(x.x.subarray(idx[s] * d, idx[s] * d + d), s * d);
  const sums = new Float64Array(m * L);
  for (let i = 0; i < m; i++) {
    const oi = i * d, li = lab[i];
    for (let j = i + 1; j < m; j++) {
      const oj = j * d;
      let s = 0;
      for (let t = 0; t < d; t++) {
        const v = y[oi + t] - y[oj + t];
        s += v * v;
      }
      const dist = Math.sqrt(s);
      sums[i * L + lab[j]] += dist;
      sums[j * L + li] += dist;
    }
  }
  let total = 0;
  for (let i = 0; i < m; i++) {
    const li = lab[i];
    if (size_[li] <= 1) continue; // s(i) = 0
    const a = sums[i * L + li] / (size_[li] - 1);
    let b = Infinity;
    for (let c = 0; c < L; c++) {
      if (c === li) continue;
      const v = sums[i * L + c] / size_[c];
      if (v < b) b = v;
    }
    const den = Math.max(a, b);
    total += den > 0 ? (b - a) / den : 0;
  }
  return total / m;
}
