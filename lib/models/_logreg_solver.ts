// Private: proximal Newton solver for penalised logistic regression (scikit-learn's objective).
//
//   F(w, b) = C · Σ s_i [log(1 + e^{z_i}) − y_i z_i] + R(w),   z_i = b + w · x_i
//   R = ½‖w‖² ("l2"), ‖w‖₁ ("l1"), 0 ("none"); the intercept b is never penalised.
//
// Each step builds the exact Hessian of the smooth part (n · p²/2 multiply-adds, blocked). For l2/none the Newton
// direction solves H d = −∇F by Cholesky; for l1 the direction minimises the quadratic model plus
// ‖w + d‖₁ by cyclic coordinate descent (Tseng & Yun 2009; the newGLMNET scheme of liblinear).
// Both use an Armijo backtracking line search on F.
import { log1pExp, sigmoid } from "./_check.ts";

export interface SolverInput {
  readonly x: Float64Array;
  readonly rows: number;
  readonly cols: number;
  readonly y: Uint8Array;
  readonly s: Float64Array;
  readonly C: number;
  readonly penalty: "l2" | "l1" | "none";
  readonly fitIntercept: boolean;
  readonly tol: number;
  readonly maxIterations: number;
  /** Rows used for the Hessian: every ⌈rows / hessianRows⌉-th row when there are more. */
  readonly hessianRows: number;
}

export interface SolverResult {
  readonly w: Float64Array;
  readonly b: number;
  readonly iterations: number;
  readonly converged: boolean;
  readonly objective: number;
  readonly gradientNorm: number;
}

function margins(inp: SolverInput, th: Float64Array, out: Float64Array): void {
  const { x, rows, cols } = inp;
  const b = th[cols];
  for (let i = 0; i < rows; i++) {
    let z = b;
    const o = i * cols;
    for (let j = 0; j < cols; j++) z += x[o + j] * th[j];
    out[i] = z;
  }
}

function penaltyValue(inp: SolverInput, th: Float64Array): number {
  let r = 0;
  for (let j = 0; j < inp.cols; j++) {
    r += inp.penalty === "l2" ? 0.5 * th[j] * th[j] : inp.penalty === "l1" ? Math.abs(th[j]) : 0;
  }
  return r;
}

/** F at θ, the loss summed with Neumaier's compensation: near the optimum of a large data set
 * the line search compares values that differ in the 15th digit. */
function objective(inp: SolverInput, th: Float64Array, z: Float64Array): number {
  let f = 0, c = 0;
  for (let i = 0; i < inp.rows; i++) {
    const term = inp.s[i] * (log1pExp(z[i]) - inp.y[i] * z[i]);
    const t = f + term;
    c += Math.abs(f) >= Math.abs(term) ? (f - t) + term : (term - t) + f;
    f = t;
  }
  return inp.C * (f + c) + penaltyValue(inp, th);
}

/** Gradient of the smooth loss part; fills `v` with the Hessian weights C·s·p(1 − p). */
function gradient(inp: SolverInput, z: Float64Array, g: Float64Array, v: Float64Array): void {
  const { x, rows, cols, C } = inp;
  g.fill(0);
  let gb = 0;
  for (let i = 0; i < rows; i++) {
    const p = sigmoid(z[i]);
    const r = C * inp.s[i] * (p - inp.y[i]);
    v[i] = C * inp.s[i] * p * (1 - p);
    const o = i * cols;
    for (let j = 0; j < cols; j++) g[j] += r * x[o + j];
    gb += r;
  }
  g[cols] = gb;
}

const BLOCK = 512;

/**
 * Hessian Xᵀ diag(v) X of the smooth part (intercept as a last column of ones), in blocks of
 * rows copied column-major so each entry is a dot product over contiguous memory. Above
 * `hessianRows` rows it is estimated from every stride-th row and rescaled (a sub-sampled
 * Newton step: the gradient, and so the optimum and the stopping rule, stay exact) unless
 * `full` is set.
 */
function hessian(inp: SolverInput, v: Float64Array, h: Float64Array, full: boolean): void {
  const { x, rows, cols } = inp;
  const m = cols + 1;
  const stride = full ? 1 : Math.max(1, Math.ceil(rows / inp.hessianRows));
  const used = Math.ceil(rows / stride);
  h.fill(0);
  const a = new Float64Array(m * BLOCK), wa = new Float64Array(m * BLOCK);
  for (let start = 0; start < used; start += BLOCK) {
    const b = Math.min(BLOCK, used - start);
    for (let t = 0; t < b; t++) {
      const i = (start + t) * stride, o = i * cols, vi = v[i];
      for (let j = 0; j < cols; j++) {
        const xv = x[o + j];
        a[j * BLOCK + t] = xv;
        wa[j * BLOCK + t] = vi * xv;
      }
      a[cols * BLOCK + t] = 1;
      wa[cols * BLOCK + t] = vi;
    }
    for (let j = 0; j < m; j++) {
      const oj = j * BLOCK;
      let k = j;
      // Four entries of row j at a time: one load of wa per four multiply-adds.
      for (; k + 3 < m; k += 4) {
        const o0 = k * BLOCK, o1 = o0 + BLOCK, o2 = o1 + BLOCK, o3 = o2 + BLOCK;
        let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        for (let t = 0; t < b; t++) {
          const w = wa[oj + t];
          s0 += w * a[o0 + t];
          s1 += w * a[o1 + t];
          s2 += w * a[o2 + t];
          s3 += w * a[o3 + t];
        }
        const r = j * m + k;
        h[r] += s0;
        h[r + 1] += s1;
        h[r + 2] += s2;
        h[r + 3] += s3;
      }
      for (; k < m; k++) {
        const ok = k * BLOCK;
        let acc = 0;
        for (let t = 0; t < b; t++) acc += wa[oj + t] * a[ok + t];
        h[j * m + k] += acc;
      }
    }
  }
  const scale = rows / used;
  for (let j = 0; j < m; j++) {
    for (let k = j; k < m; k++) h[j * m + k] *= scale;
    for (let k = 0; k < j; k++) h[j * m + k] = h[k * m + j];
  }
}

/** Solves A d = r for symmetric positive definite A (m × m) by Cholesky, adding jitter if needed. */
function choleskySolve(a: Float64Array, r: Float64Array, m: number): Float64Array {
  let jitter = 0;
  for (let attempt = 0; attempt < 12; attempt++) {
    const l = new Float64Array(m * m);
    let ok = true;
    for (let j = 0; j < m && ok; j++) {
      let d = a[j * m + j] + jitter;
      for (let k = 0; k < j; k++) d -= l[j * m + k] * l[j * m + k];
      if (!(d > 0)) {
        ok = false;
        break;
      }
      const ljj = Math.sqrt(d);
      l[j * m + j] = ljj;
      for (let i = j + 1; i < m; i++) {
        let v = a[i * m + j];
        for (let k = 0; k < j; k++) v -= l[i * m + k] * l[j * m + k];
        l[i * m + j] = v / ljj;
      }
    }
    if (ok) {
      const y = new Float64Array(m);
      for (let i = 0; i < m; i++) {
        let v = r[i];
        for (let k = 0; k < i; k++) v -= l[i * m + k] * y[k];
        y[i] = v / l[i * m + i];
      }
      const d = new Float64Array(m);
      for (let i = m - 1; i >= 0; i--) {
        let v = y[i];
        for (let k = i + 1; k < m; k++) v -= l[k * m + i] * d[k];
        d[i] = v / l[i * m + i];
      }
      return d;
    }
    let scale = 0;
    for (let j = 0; j < m; j++) scale = Math.max(scale, Math.abs(a[j * m + j]));
    jitter = jitter === 0 ? 1e-10 * Math.max(scale, 1) : jitter * 10;
  }
  throw new RangeError(
    "logisticRegression: the Hessian is not positive definite (degenerate data)",
  );
}

/** Optimality measure: largest |(minimum-norm sub)gradient| of F, divided by C · Σ s. */
function optimality(inp: SolverInput, th: Float64Array, g: Float64Array, sw: number): number {
  let worst = 0;
  for (let j = 0; j <= inp.cols; j++) {
    if (j === inp.cols && !inp.fitIntercept) continue;
    let v = g[j];
    if (j < inp.cols) {
      if (inp.penalty === "l2") v += th[j];
      else if (inp.penalty === "l1") {
        v = th[j] !== 0 ? v + Math.sign(th[j]) : Math.max(Math.abs(v) - 1, 0);
      }
    }
    worst = Math.max(worst, Math.abs(v));
  }
  return worst / (inp.C * sw);
}

/** L1 direction: argmin_d gᵀd + ½ dᵀHd + ‖w + d‖₁ (intercept free), by coordinate descent. */
function l1Direction(inp: SolverInput, th: Float64Array, g: Float64Array, h: Float64Array) {
  const m = inp.cols + 1;
  const d = new Float64Array(m), hd = new Float64Array(m);
  for (let sweep = 0; sweep < 500; sweep++) {
    let change = 0, size = 0;
    for (let j = 0; j < m; j++) {
      if (j === inp.cols && !inp.fitIntercept) continue;
      const a = h[j * m + j];
      if (!(a > 0)) continue;
      const grad = g[j] + hd[j];
      let delta: number;
      if (j === inp.cols) delta = -grad / a;
      else {
        const u = th[j] + d[j];
        const zt = u - grad / a;
        const un = Math.sign(zt) * Math.max(Math.abs(zt) - 1 / a, 0);
        delta = un - u;
      }
      if (delta !== 0) {
        d[j] += delta;
        for (let k = 0; k < m; k++) hd[k] += h[k * m + j] * delta;
        change = Math.max(change, Math.abs(delta));
      }
      size = Math.max(size, Math.abs(d[j]));
    }
    if (change <= 1e-12 * Math.max(1, size)) break;
  }
  return d;
}

/**
 * Minimises scikit-learn's penalised logistic objective F(w, b) (see the top of this file) by
 * proximal Newton steps with an Armijo line search, starting from w = 0 and b = the log-odds of
 * the weighted positive rate.
 *
 * @param inp Row-major features, 0/1 labels, sample weights `s`, C, penalty and stopping rules.
 * @returns Weights, intercept, iterations, whether the optimality tolerance was reached, the
 *   final objective and gradient norm.
 *
 * @example
 * ```ts
 * import { solveLogistic } from "@shoplab/lib/models/_logreg_solver.ts";
 * import assert from "node:assert/strict";
 * // one binary feature, no penalty: the MLE reproduces the group log-odds,
 * // b = logit(1/2) = 0 for x = 0 and b + w = logit(2/3) = ln 2 for x = 1
 * const res = solveLogistic({
 *   x: Float64Array.of(0, 0, 1, 1, 1), rows: 5, cols: 1, y: Uint8Array.of(0, 1, 0, 1, 1),
 *   s: new Float64Array(5).fill(1), C: 1, penalty: "none", fitIntercept: true, tol: 1e-10,
 *   maxIterations: 100, hessianRows: 5,
 * });
 * assert.ok(res.converged);
 * assert.ok(Math.abs(res.b) < 1e-8 && Math.abs(res.w[0] - Math.LN2) < 1e-8);
 * ```
 */
export function solveLogistic(inp: SolverInput): SolverResult {
  const { rows, cols } = inp;
  const m = cols + 1;
  const th = new Float64Array(m);
  let sw = 0, spos = 0;
  for (let i = 0; i < rows; i++) {
    sw += inp.s[i];
    spos += inp.s[i] * inp.y[i];
  }
  if (inp.fitIntercept) th[cols] = Math.log(spos / (sw - spos));
  const z = new Float64Array(rows), zt = new Float64Array(rows), v = new Float64Array(rows);
  const g = new Float64Array(m), h = new Float64Array(m * m);
  const gt = new Float64Array(m), vt = new Float64Array(rows);
  margins(inp, th, z);
  let f = objective(inp, th, z);
  let iterations = 0, converged = false, opt = Infinity, previous = Infinity, first = Infinity;
  for (;;) {
    gradient(inp, z, g, v);
    opt = optimality(inp, th, g, sw);
    if (opt <= inp.tol) {
      converged = true;
      break;
    }
    if (iterations >= inp.maxIterations) break;
    iterations++;
    // Near the optimum (gradient 10⁴ times below its start), a sub-sampled Hessian that no
    // longer cuts the gradient tenfold per step gives way to the exact one (quadratic
    // convergence for the last digits). Far from it, slow steps are the damped phase.
    if (iterations === 1) first = opt;
    hessian(inp, v, h, opt < 1e-4 * first && opt > 0.1 * previous);
    previous = opt;
    let d: Float64Array, descent: number;
    if (inp.penalty === "l1") {
      d = l1Direction(inp, th, g, h);
      descent = 0;
      for (let j = 0; j < m; j++) descent += g[j] * d[j];
      for (let j = 0; j < cols; j++) descent += Math.abs(th[j] + d[j]) - Math.abs(th[j]);
    } else {
      const grad = new Float64Array(g);
      if (inp.penalty === "l2") {
        for (let j = 0; j < cols; j++) {
          grad[j] += th[j];
          h[j * m + j] += 1;
        }
      }
      if (!inp.fitIntercept) {
        grad[cols] = 0;
        for (let k = 0; k < m; k++) h[cols * m + k] = h[k * m + cols] = k === cols ? 1 : 0;
      }
      d = choleskySolve(h, grad.map((v) => -v), m);
      descent = 0;
      for (let j = 0; j < m; j++) descent += grad[j] * d[j];
    }
    if (!(descent < 0)) break; // no descent left at machine precision
    let t = 1, accepted = false;
    const trial = new Float64Array(m);
    for (let k = 0; k < 40; k++) {
      for (let j = 0; j < m; j++) trial[j] = th[j] + t * d[j];
      margins(inp, trial, zt);
      const ft = objective(inp, trial, zt);
      let ok = ft <= f + 1e-4 * t * descent;
      if (!ok && ft - f <= 16 * Number.EPSILON * Math.abs(f)) {
        // The change of F is below its rounding error (large n near the optimum): judge the
        // step by the gradient instead, as scikit-learn's Newton solvers do.
        gradient(inp, zt, gt, vt);
        if (optimality(inp, trial, gt, sw) < opt) ok = true;
        else break;
      }
      if (ok) {
        th.set(trial);
        z.set(zt);
        f = ft;
        accepted = true;
        break;
      }
      t *= 0.5;
    }
    if (!accepted) break; // no progress possible at machine precision: stop, not converged
  }
  return {
    w: th.slice(0, cols),
    b: inp.fitIntercept ? th[cols] : 0,
    iterations,
    converged,
    objective: f,
    gradientNorm: opt,
  };
}
