/** Private: dense/sparse vector access used by the similarity functions. */

/** A sparse vector: sorted `indices` with their `values`, of logical `length`. */
export interface SparseVector {
  /** Logical length (number of positions, zeros included). */
  readonly length: number;
  /** Positions of the stored values, ascending. */
  readonly indices: ArrayLike<number>;
  /** Stored values. */
  readonly values: ArrayLike<number>;
}

/** A dense vector (any array-like of numbers) or a {@linkcode SparseVector}. */
export type Vector = ArrayLike<number> | SparseVector;

/**
 * Whether a vector is a {@linkcode SparseVector} (has `indices` and `values`).
 *
 * @param v A dense or sparse vector.
 * @returns True for a sparse vector.
 * @example
 * ```ts
 * import { isSparse } from "@shoplab/lib/recommend/_vector.ts";
 * import assert from "node:assert/strict";
 * assert.equal(isSparse([1, 0]), false);
 * assert.equal(isSparse({ length: 2, indices: [0], values: [1] }), true);
 * ```
 */
export function isSparse(v: Vector): v is SparseVector {
  return typeof v === "object" && v !== null && "indices" in v && "values" in v;
}

/** Summary statistics of a pair of vectors from which cosine, Pearson and Jaccard follow. */
export interface PairStats {
  n: number; // logical length
  dot: number;
  sa: number;
  sb: number;
  saa: number;
  sbb: number;
  nza: number; // non-zeros of a
  nzb: number;
  both: number; // positions non-zero in both
}

/**
 * Sums, sums of squares, dot product and non-zero counts of two vectors (dense, sparse or
 * mixed), from which cosine, Pearson and Jaccard follow.
 *
 * @param a First vector.
 * @param b Second vector, same length.
 * @returns The {@linkcode PairStats}.
 * @throws {RangeError} When the lengths differ.
 * @example
 * ```ts
 * import { pairStats } from "@shoplab/lib/recommend/_vector.ts";
 * import assert from "node:assert/strict";
 * const s = pairStats([1, 0, 2], { length: 3, indices: [1, 2], values: [5, 3] });
 * assert.equal(s.dot, 6);
 * assert.equal(s.both, 1);
 * assert.equal(s.sb, 8);
 * ```
 */
export function pairStats(a: Vector, b: Vector): PairStats {
  const st: PairStats = {
    n: a.length,
    dot: 0,
    sa: 0,
    sb: 0,
    saa: 0,
    sbb: 0,
    nza: 0,
    nzb: 0,
    both: 0,
  };
  if (a.length !== b.length) {
    throw new RangeError(`vectors differ in length: ${a.length} and ${b.length}`);
  }
  if (!isSparse(a) && !isSparse(b)) {
    for (let i = 0; i < a.length; i++) {
      const x = a[i], y = b[i];
      st.dot += x * y;
      st.sa += x;
      st.sb += y;
      st.saa += x * x;
      st.sbb += y * y;
      if (x !== 0) st.nza++;
      if (y !== 0) st.nzb++;
      if (x !== 0 && y !== 0) st.both++;
    }
    return st;
  }
  const sa = toSparse(a), sb = toSparse(b);
  for (let i = 0; i < sa.values.length; i++) {
    const x = sa.values[i];
    st.sa += x;
    st.saa += x * x;
    if (x !== 0) st.nza++;
  }
  for (let i = 0; i < sb.values.length; i++) {
    const y = sb.values[i];
    st.sb += y;
    st.sbb += y * y;
    if (y !== 0) st.nzb++;
  }
  let i = 0, j = 0;
  while (i < sa.indices.length && j < sb.indices.length) {
    const p = sa.indices[i], q = sb.indices[j];
    if (p === q) {
      const x = sa.values[i++], y = sb.values[j++];
      st.dot += x * y;
      if (x !== 0 && y !== 0) st.both++;
    } else if (p < q) i++;
    else j++;
  }
  return st;
}

function toSparse(v: Vector): SparseVector {
  if (isSparse(v)) return v;
  const idx: number[] = [], val: number[] = [];
  for (let i = 0; i < v.length; i++) if (v[i] !== 0) (idx.push(i), val.push(v[i]));
  return { length: v.length, indices: idx, values: val };
}

/**
 * Cosine similarity dot / (‖a‖ ‖b‖) from pair statistics; 0 when a vector is all zero.
 *
 * @param s Statistics from {@linkcode pairStats}.
 * @returns The cosine, in [−1, 1].
 * @example
 * ```ts
 * import { cosineFromStats, pairStats } from "@shoplab/lib/recommend/_vector.ts";
 * import assert from "node:assert/strict";
 * assert.ok(Math.abs(cosineFromStats(pairStats([1, 1], [1, 0])) - Math.SQRT1_2) < 1e-12);
 * assert.equal(cosineFromStats(pairStats([0, 0], [1, 0])), 0);
 * ```
 */
export function cosineFromStats(s: PairStats): number {
  const d = Math.sqrt(s.saa) * Math.sqrt(s.sbb);
  return d > 0 ? s.dot / d : Number.isNaN(d) ? NaN : 0;
}

/**
 * Pearson correlation over all `n` positions (zeros included) from pair statistics; 0 when a
 * vector is constant.
 *
 * @param s Statistics from {@linkcode pairStats}.
 * @returns The correlation, clamped to [−1, 1].
 * @example
 * ```ts
 * import { pairStats, pearsonFromStats } from "@shoplab/lib/recommend/_vector.ts";
 * import assert from "node:assert/strict";
 * assert.ok(Math.abs(pearsonFromStats(pairStats([1, 2, 3], [6, 4, 2])) + 1) < 1e-12);
 * assert.equal(pearsonFromStats(pairStats([1, 1, 1], [1, 2, 3])), 0);
 * ```
 */
export function pearsonFromStats(s: PairStats): number {
  const n = s.n;
  const cov = s.dot - (s.sa * s.sb) / n;
  const va = s.saa - (s.sa * s.sa) / n, vb = s.sbb - (s.sb * s.sb) / n;
  const d = Math.sqrt(va * vb);
  if (Number.isNaN(d) || Number.isNaN(cov)) return NaN;
  // tiny negative variances are rounding noise: treat as constant
  return d > 1e-12 * Math.max(1, s.saa, s.sbb) ? Math.max(-1, Math.min(1, cov / d)) : 0;
}

/**
 * Jaccard similarity of the non-zero patterns, |A ∩ B| / |A ∪ B|, from pair statistics; 0 when
 * both vectors are all zero.
 *
 * @param s Statistics from {@linkcode pairStats}.
 * @returns The similarity, in [0, 1].
 * @example
 * ```ts
 * import { jaccardFromStats, pairStats } from "@shoplab/lib/recommend/_vector.ts";
 * import assert from "node:assert/strict";
 * assert.equal(jaccardFromStats(pairStats([1, 1, 0, 0], [0, 2, 3, 0])), 1 / 3);
 * ```
 */
export function jaccardFromStats(s: PairStats): number {
  const union = s.nza + s.nzb - s.both;
  return union > 0 ? s.both / union : 0;
}
