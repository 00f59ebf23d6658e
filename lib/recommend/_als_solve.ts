/** Private: the per-row least-squares solves of implicit ALS (Hu, Koren & Volinsky 2008). */
import type { CsrMatrix } from "./types.ts";

/**
 * G = YᵀY + λI (f × f, row-major, float64).
 *
 * @example
 * ```ts
 * import { gramPlusReg } from "@shoplab/lib/recommend/_als_solve.ts";
 * import assert from "node:assert/strict";
 * // Y = [[1, 2], [3, 4]]: YᵀY = [[10, 14], [14, 20]]
 * const G = gramPlusReg(Float32Array.of(1, 2, 3, 4), 2, 2, 0.5);
 * assert.deepEqual([...G], [10.5, 14, 14, 20.5]);
 * ```
 */
export function gramPlusReg(Y: Float32Array, n: number, f: number, reg: number): Float64Array {
  const G = new Float64Array(f * f);
  for (let i = 0; i < n; i++) {
    const o = i * f;
    for (let a = 0; a < f; a++) {
      const ya = Y[o + a];
      if (ya === 0) continue;
      for (let b = a; b < f; b++) G[a * f + b] += ya * Y[o + b];
    }
  }
  for (let a = 0; a < f; a++) {
    for (let b = 0; b < a; b++) G[a * f + b] = G[b * f + a];
    G[a * f + a] += reg;
  }
  return G;
}

/** y[yo .. yo+f) · x[0 .. f), unrolled by 4. */
function dotAt(y: Float32Array, yo: number, x: Float64Array, f: number): number {
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0, a = 0;
  for (; a + 3 < f; a += 4) {
    s0 += y[yo + a] * x[a];
    s1 += y[yo + a + 1] * x[a + 1];
    s2 += y[yo + a + 2] * x[a + 2];
    s3 += y[yo + a + 3] * x[a + 3];
  }
  for (; a < f; a++) s0 += y[yo + a] * x[a];
  return s0 + s1 + s2 + s3;
}

/** out[0 .. f) += w · y[yo .. yo+f). */
function axpyAt(out: Float64Array, w: number, y: Float32Array, yo: number, f: number): void {
  for (let a = 0; a < f; a++) out[a] += w * y[yo + a];
}

/** out = G x for the f × f row-major G. */
function gemv(G: Float64Array, x: Float64Array, out: Float64Array, f: number): void {
  for (let a = 0; a < f; a++) {
    const go = a * f;
    let s0 = 0, s1 = 0, b = 0;
    for (; b + 1 < f; b += 2) {
      s0 += G[go + b] * x[b];
      s1 += G[go + b + 1] * x[b + 1];
    }
    if (b < f) s0 += G[go + b] * x[b];
    out[a] = s0 + s1;
  }
}

/**
 * Updates every row x_u of X (in place) for fixed Y by solving
 * (YᵀY + λI + Yᵀ(C_u − I)Y) x_u = Yᵀ C_u p_u with c = 1 + α r, p = 1 on stored entries,
 * by `steps` conjugate-gradient iterations warm-started at the current x_u.
 *
 * @example
 * ```ts
 * import { gramPlusReg, solveCg } from "@shoplab/lib/recommend/_als_solve.ts";
 * import assert from "node:assert/strict";
 * // one user who bought item 0 of two; one factor; item factors y = (1, 2)
 * const R = { nRows: 1, nCols: 2, indptr: Int32Array.of(0, 1), indices: Int32Array.of(0),
 *   values: Float32Array.of(1) };
 * const Y = Float32Array.of(1, 2);
 * // (YᵀY + λ + (c − 1) y₀²) x = c y₀ with c = 1 + α·1 = 2, λ = 0.5: x = 2 / 6.5
 * const X = new Float32Array(1);
 * solveCg(X, Y, R, gramPlusReg(Y, 2, 1, 0.5), 1, 1, 3);
 * assert.ok(Math.abs(X[0] - 2 / 6.5) < 1e-6);
 * ```
 */
export function solveCg(
  X: Float32Array,
  Y: Float32Array,
  R: CsrMatrix,
  G: Float64Array,
  f: number,
  alpha: number,
  steps: number,
): void {
  const x = new Float64Array(f), r = new Float64Array(f), p = new Float64Array(f);
  const Ap = new Float64Array(f);
  const { indptr, indices, values } = R;
  for (let u = 0; u < R.nRows; u++) {
    const xo = u * f;
    for (let a = 0; a < f; a++) x[a] = X[xo + a];
    // r = b − A x = Σ c y_i − G x − Σ (c − 1)(y_i·x) y_i
    gemv(G, x, r, f);
    for (let a = 0; a < f; a++) r[a] = -r[a];
    for (let q = indptr[u]; q < indptr[u + 1]; q++) {
      const yo = indices[q] * f;
      const cm1 = alpha * values[q];
      axpyAt(r, cm1 + 1 - cm1 * dotAt(Y, yo, x, f), Y, yo, f);
    }
    let rs = 0;
    for (let a = 0; a < f; a++) {
      p[a] = r[a];
      rs += r[a] * r[a];
    }
    for (let it = 0; it < steps && rs > 1e-20; it++) {
      gemv(G, p, Ap, f);
      for (let q = indptr[u]; q < indptr[u + 1]; q++) {
        const yo = indices[q] * f;
        axpyAt(Ap, alpha * values[q] * dotAt(Y, yo, p, f), Y, yo, f);
      }
      let pAp = 0;
      for (let a = 0; a < f; a++) pAp += p[a] * Ap[a];
      if (!(pAp > 0)) break;
      const step = rs / pAp;
      let rsNew = 0;
      for (let a = 0; a < f; a++) {
        x[a] += step * p[a];
        r[a] -= step * Ap[a];
        rsNew += r[a] * r[a];
      }
      const beta = rsNew / rs;
      for (let a = 0; a < f; a++) p[a] = r[a] + beta * p[a];
      rs = rsNew;
    }
    for (let a = 0; a < f; a++) X[xo + a] = x[a];
  }
}

/**
 * Same system solved exactly by Cholesky (O(f³) per row).
 *
 * @example
 * ```ts
 * import { gramPlusReg, solveCholesky } from "@shoplab/lib/recommend/_als_solve.ts";
 * import assert from "node:assert/strict";
 * // one user who bought item 0 of two; one factor; item factors y = (1, 2)
 * const R = { nRows: 1, nCols: 2, indptr: Int32Array.of(0, 1), indices: Int32Array.of(0),
 *   values: Float32Array.of(1) };
 * const Y = Float32Array.of(1, 2);
 * const X = new Float32Array(1);
 * solveCholesky(X, Y, R, gramPlusReg(Y, 2, 1, 0.5), 1, 1);
 * assert.ok(Math.abs(X[0] - 2 / 6.5) < 1e-6);
 * ```
 */
export function solveCholesky(
  X: Float32Array,
  Y: Float32Array,
  R: CsrMatrix,
  G: Float64Array,
  f: number,
  alpha: number,
): void {
  const A = new Float64Array(f * f), b = new Float64Array(f);
  const { indptr, indices, values } = R;
  for (let u = 0; u < R.nRows; u++) {
    A.set(G);
    b.fill(0);
    for (let q = indptr[u]; q < indptr[u + 1]; q++) {
      const yo = indices[q] * f;
      const cm1 = alpha * values[q];
      for (let a = 0; a < f; a++) {
        const ya = Y[yo + a];
        b[a] += (cm1 + 1) * ya;
        const w = cm1 * ya;
        for (let c = 0; c <= a; c++) A[a * f + c] += w * Y[yo + c];
      }
    }
    // in-place Cholesky on the lower triangle: A = L Lᵀ
    for (let j = 0; j < f; j++) {
      let d = A[j * f + j];
      for (let c = 0; c < j; c++) d -= A[j * f + c] * A[j * f + c];
      d = Math.sqrt(Math.max(d, 1e-300));
      A[j * f + j] = d;
      for (let i = j + 1; i < f; i++) {
        let s = A[i * f + j];
        for (let c = 0; c < j; c++) s -= A[i * f + c] * A[j * f + c];
        A[i * f + j] = s / d;
      }
    }
    // L z = b, then Lᵀ x = z
    for (let i = 0; i < f; i++) {
      let s = b[i];
      for (let c = 0; c < i; c++) s -= A[i * f + c] * b[c];
      b[i] = s / A[i * f + i];
    }
    for (let i = f - 1; i >= 0; i--) {
      let s = b[i];
      for (let c = i + 1; c < f; c++) s -= A[c * f + i] * b[c];
      b[i] = s / A[i * f + i];
    }
    for (let a = 0; a < f; a++) X[u * f + a] = b[a];
  }
}

/**
 * Hu et al.'s objective Σ_{u,i} c_ui (p_ui − x_u·y_i)² + λ(Σ‖x_u‖² + Σ‖y_i‖²), computed
 * without the dense matrix: Σ_u x_uᵀ(YᵀY)x_u + Σ_stored [c(1 − s)² − s²] + λ(…).
 *
 * @example
 * ```ts
 * import { alsLoss } from "@shoplab/lib/recommend/_als_solve.ts";
 * import assert from "node:assert/strict";
 * // one user who bought item 0 of two; one factor; item factors y = (1, 2)
 * const R = { nRows: 1, nCols: 2, indptr: Int32Array.of(0, 1), indices: Int32Array.of(0),
 *   values: Float32Array.of(1) };
 * const Y = Float32Array.of(1, 2);
 * // x = 0.5: 2·(1 − 0.5)² + 1·(0 − 1)² + 0.5·(0.5² + 1² + 2²) = 1.5 + 2.625
 * assert.ok(Math.abs(alsLoss(Float32Array.of(0.5), Y, R, 1, 1, 0.5) - 4.125) < 1e-9);
 * ```
 */
export function alsLoss(
  X: Float32Array,
  Y: Float32Array,
  R: CsrMatrix,
  f: number,
  alpha: number,
  reg: number,
): number {
  const G = gramPlusReg(Y, R.nCols, f, 0);
  let loss = 0;
  const { indptr, indices, values } = R;
  const gx = new Float64Array(f);
  for (let u = 0; u < R.nRows; u++) {
    const xo = u * f;
    for (let a = 0; a < f; a++) {
      let s = 0;
      for (let b = 0; b < f; b++) s += G[a * f + b] * X[xo + b];
      gx[a] = s;
    }
    for (let a = 0; a < f; a++) loss += X[xo + a] * gx[a];
    for (let q = indptr[u]; q < indptr[u + 1]; q++) {
      const yo = indices[q] * f;
      let s = 0;
      for (let a = 0; a < f; a++) s += X[xo + a] * Y[yo + a];
      const c = 1 + alpha * values[q];
      loss += c * (1 - s) * (1 - s) - s * s;
    }
  }
  let norms = 0;
  for (let q = 0; q < X.length; q++) norms += X[q] * X[q];
  for (let q = 0; q < Y.length; q++) norms += Y[q] * Y[q];
  return loss + reg * norms;
}
