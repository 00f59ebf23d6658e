/** Private: the per-row least-squares solves of implicit ALS (Hu, Koren & Volinsky 2008). */
import type { CsrMatrix } from "./types.ts";

/** G = YᵀY + λI (f × f, row-major, float64). */
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

/**
 * Updates every row x_u of X (in place) for fixed Y by solving
 * (YᵀY + λI + Yᵀ(C_u − I)Y) x_u = Yᵀ C_u p_u with c = 1 + α r, p = 1 on stored entries,
 * by `steps` conjugate-gradient iterations warm-started at the current x_u.
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
    for (let a = 0; a < f; a++) {
      let s = 0;
      const go = a * f;
      for (let b = 0; b < f; b++) s += G[go + b] * x[b];
      r[a] = -s;
    }
    for (let q = indptr[u]; q < indptr[u + 1]; q++) {
      const yo = indices[q] * f;
      const cm1 = alpha * values[q];
      let yx = 0;
      for (let a = 0; a < f; a++) yx += Y[yo + a] * x[a];
      const w = cm1 + 1 - cm1 * yx;
      for (let a = 0; a < f; a++) r[a] += w * Y[yo + a];
    }
    let rs = 0;
    for (let a = 0; a < f; a++) {
      p[a] = r[a];
      rs += r[a] * r[a];
    }
    for (let it = 0; it < steps && rs > 1e-20; it++) {
      for (let a = 0; a < f; a++) {
        let s = 0;
        const go = a * f;
        for (let b = 0; b < f; b++) s += G[go + b] * p[b];
        Ap[a] = s;
      }
      for (let q = indptr[u]; q < indptr[u + 1]; q++) {
        const yo = indices[q] * f;
        const cm1 = alpha * values[q];
        let yp = 0;
        for (let a = 0; a < f; a++) yp += Y[yo + a] * p[a];
        const w = cm1 * yp;
        for (let a = 0; a < f; a++) Ap[a] += w * Y[yo + a];
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

/** Same system solved exactly by Cholesky (O(f³) per row). */
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
