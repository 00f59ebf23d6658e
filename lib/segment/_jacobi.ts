/**
 * Private: eigen-decomposition of a small symmetric matrix by the cyclic Jacobi method.
 *
 * @module
 */

/** Eigenvalues (descending) and unit eigenvectors (rows of `vectors`, row-major d × d). */
export interface Eigen {
  readonly values: Float64Array;
  readonly vectors: Float64Array;
}

/**
 * Diagonalises the symmetric d × d matrix `a` (row-major, not modified) with cyclic Jacobi
 * rotations until the off-diagonal mass is negligible. Eigenpairs are sorted by decreasing
 * eigenvalue (ties keep column order).
 *
 * @example
 * ```ts
 * import { jacobiEigen } from "@shoplab/lib/segment/_jacobi.ts";
 * import assert from "node:assert/strict";
 * const { values, vectors } = jacobiEigen(Float64Array.of(2, 1, 1, 2), 2);
 * assert.ok(Math.abs(values[0] - 3) < 1e-12 && Math.abs(values[1] - 1) < 1e-12);
 * // first eigenvector ∝ (1, 1)
 * assert.ok(Math.abs(Math.abs(vectors[0]) - Math.SQRT1_2) < 1e-12);
 * assert.ok(Math.abs(vectors[0] - vectors[1]) < 1e-12);
 * ```
 */
export function jacobiEigen(a: Float64Array, d: number): Eigen {
  const m = Float64Array.from(a);
  const v = new Float64Array(d * d);
  for (let i = 0; i < d; i++) v[i * d + i] = 1;
  let scale = 0;
  for (let i = 0; i < d * d; i++) scale += m[i] * m[i];
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < d; p++) for (let q = p + 1; q < d; q++) off += m[p * d + q] ** 2;
    if (off <= 1e-30 * scale || off === 0) break;
    for (let p = 0; p < d; p++) {
      for (let q = p + 1; q < d; q++) {
        const apq = m[p * d + q];
        if (apq === 0) continue;
        const app = m[p * d + p], aqq = m[q * d + q];
        const theta = (aqq - app) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1), s = t * c;
        for (let k = 0; k < d; k++) {
          // Rotate columns p and q, then rows p and q.
          const mkp = m[k * d + p], mkq = m[k * d + q];
          m[k * d + p] = c * mkp - s * mkq;
          m[k * d + q] = s * mkp + c * mkq;
        }
        for (let k = 0; k < d; k++) {
          const mpk = m[p * d + k], mqk = m[q * d + k];
          m[p * d + k] = c * mpk - s * mqk;
          m[q * d + k] = s * mpk + c * mqk;
        }
        for (let k = 0; k < d; k++) {
          const vkp = v[k * d + p], vkq = v[k * d + q];
          v[k * d + p] = c * vkp - s * vkq;
          v[k * d + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: d }, (_, i) => i)
    .sort((i, j) => m[j * d + j] - m[i * d + i] || i - j);
  const values = new Float64Array(d), vectors = new Float64Array(d * d);
  order.forEach((col, r) => {
    values[r] = m[col * d + col];
    for (let k = 0; k < d; k++) vectors[r * d + k] = v[k * d + col];
  });
  return { values, vectors };
}
