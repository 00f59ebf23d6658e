/**
 * Minimisers for the maximum-likelihood fits of lib/clv: L-BFGS with analytic gradients
 * (Nocedal & Wright 2006, Algorithm 7.4, with a backtracking Armijo line search) and
 * Nelder-Mead (Lagarias et al. 1998, adaptive coefficients of Gao & Han 2012). Both work in a
 * box (the log-parameter bounds) by projection. Private to lib/clv.
 *
 * @module
 */

/** Where an optimiser ended. */
export interface MinimizeResult {
  /** The minimiser found. */
  readonly x: Float64Array;
  /** Objective at `x`. */
  readonly f: number;
  /** Largest absolute gradient component at `x` (NaN for Nelder-Mead). */
  readonly gradMax: number;
  readonly iterations: number;
  readonly evaluations: number;
  readonly converged: boolean;
  /** Why it stopped. */
  readonly message: string;
  /** Some coordinate of `x` is at a bound. */
  readonly atBound: boolean;
}

/** Settings shared by both optimisers. */
export interface MinimizeSettings {
  readonly lower: number;
  readonly upper: number;
  readonly maxIterations: number;
  /** Converged when max |gradient| ≤ gtol · max(1, |f|). */
  readonly gtol: number;
}

function project(x: Float64Array, lo: number, hi: number): Float64Array {
  for (let i = 0; i < x.length; i++) x[i] = Math.min(hi, Math.max(lo, x[i]));
  return x;
}

function maxAbs(g: Float64Array): number {
  let m = 0;
  for (const v of g) m = Math.max(m, Math.abs(v));
  return m;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function onBound(x: Float64Array, lo: number, hi: number): boolean {
  return x.some((v) => v <= lo + 1e-9 || v >= hi - 1e-9);
}

/**
 * L-BFGS (memory 10). `fg(x, g)` returns f(x) and writes the gradient into `g`.
 *
 * @example
 * ```ts
 * import { lbfgs } from "@shoplab/lib/clv/_optimize.ts";
 * import assert from "node:assert/strict";
 * // f(x) = (x₀ − 1)² + 10 (x₁ + 2)², minimum at (1, −2)
 * const settings = { lower: -10, upper: 10, maxIterations: 1000, gtol: 1e-10 };
 * const res = lbfgs((x, g) => {
 *   g[0] = 2 * (x[0] - 1);
 *   g[1] = 20 * (x[1] + 2);
 *   return (x[0] - 1) ** 2 + 10 * (x[1] + 2) ** 2;
 * }, [0, 0], settings);
 * assert.ok(res.converged && !res.atBound);
 * assert.ok(Math.abs(res.x[0] - 1) < 1e-8 && Math.abs(res.x[1] + 2) < 1e-8);
 * ```
 */
export function lbfgs(
  fg: (x: Float64Array, g: Float64Array) => number,
  x0: ArrayLike<number>,
  s: MinimizeSettings,
): MinimizeResult {
  const n = x0.length;
  const m = 10;
  let x = project(Float64Array.from(x0), s.lower, s.upper);
  let g = new Float64Array(n);
  let f = fg(x, g);
  let evaluations = 1;
  const S: Float64Array[] = [];
  const Y: Float64Array[] = [];
  const rho: number[] = [];
  const done = (iterations: number, converged: boolean, message: string): MinimizeResult => ({
    x,
    f,
    gradMax: maxAbs(g),
    iterations,
    evaluations,
    converged,
    message,
    atBound: onBound(x, s.lower, s.upper),
  });
  if (!Number.isFinite(f)) return done(0, false, `objective is ${f} at the starting point`);
  let stalls = 0;
  for (let it = 1; it <= s.maxIterations; it++) {
    if (maxAbs(g) <= s.gtol * Math.max(1, Math.abs(f))) return done(it - 1, true, "gradient ≈ 0");
    // Two-loop recursion: d = −H g.
    const d = Float64Array.from(g, (v) => -v);
    const alpha = new Array<number>(S.length);
    for (let k = S.length - 1; k >= 0; k--) {
      alpha[k] = rho[k] * dot(S[k], d);
      for (let i = 0; i < n; i++) d[i] -= alpha[k] * Y[k][i];
    }
    const gamma = S.length
      ? dot(S[S.length - 1], Y[S.length - 1]) / dot(Y[Y.length - 1], Y[Y.length - 1])
      : 1 / Math.max(1, maxAbs(g));
    for (let i = 0; i < n; i++) d[i] *= gamma;
    for (let k = 0; k < S.length; k++) {
      const beta = rho[k] * dot(Y[k], d);
      for (let i = 0; i < n; i++) d[i] += S[k][i] * (alpha[k] - beta);
    }
    if (!(dot(g, d) < 0)) {
      // Not a descent direction: restart from steepest descent.
      S.length = Y.length = rho.length = 0;
      for (let i = 0; i < n; i++) d[i] = -g[i] / Math.max(1, maxAbs(g));
    }
    // Backtracking Armijo line search on the projected path.
    let step = 1;
    let xn = x;
    const gn = new Float64Array(n);
    let fn = Infinity;
    for (let ls = 0; ls < 60; ls++) {
      xn = project(Float64Array.from(x, (v, i) => v + step * d[i]), s.lower, s.upper);
      fn = fg(xn, gn);
      evaluations++;
      let decrease = 0;
      for (let i = 0; i < n; i++) decrease += g[i] * (xn[i] - x[i]);
      if (Number.isFinite(fn) && fn <= f + 1e-4 * decrease) break;
      step *= 0.5;
      fn = Infinity;
    }
    if (!Number.isFinite(fn)) {
      return done(it, false, "line search failed to decrease the objective");
    }
    const sk = Float64Array.from(xn, (v, i) => v - x[i]);
    const yk = Float64Array.from(gn, (v, i) => v - g[i]);
    const sy = dot(sk, yk);
    const df = f - fn;
    x = xn;
    g = gn;
    f = fn;
    if (sy > 1e-12 * Math.sqrt(dot(sk, sk) * dot(yk, yk))) {
      S.push(sk);
      Y.push(yk);
      rho.push(1 / sy);
      if (S.length > m) S.shift(), Y.shift(), rho.shift();
    }
    stalls = df <= 1e-14 * Math.max(1, Math.abs(f)) ? stalls + 1 : 0;
    const small = maxAbs(g) <= 1e2 * s.gtol * Math.max(1, Math.abs(f));
    if (stalls >= 3 || (stalls >= 1 && small)) {
      const ok = small;
      return done(
        it,
        ok,
        ok
          ? "objective stopped decreasing, gradient small"
          : "objective stopped decreasing with a large gradient",
      );
    }
  }
  const ok = maxAbs(g) <= s.gtol * Math.max(1, Math.abs(f));
  return done(
    s.maxIterations,
    ok,
    ok ? "gradient ≈ 0" : `no convergence in ${s.maxIterations} iterations`,
  );
}

/**
 * Nelder-Mead on the box. Converged when the simplex's f spread ≤ 1e-10 · max(1, |f|) and its
 * diameter ≤ 1e-8.
 *
 * @example
 * ```ts
 * import { nelderMead } from "@shoplab/lib/clv/_optimize.ts";
 * import assert from "node:assert/strict";
 * // f(x) = (x₀ − 1)² + 10 (x₁ + 2)², minimum at (1, −2)
 * const settings = { lower: -10, upper: 10, maxIterations: 1000, gtol: 1e-10 };
 * const res = nelderMead((x) => (x[0] - 1) ** 2 + 10 * (x[1] + 2) ** 2, [0, 0], settings);
 * assert.ok(res.converged);
 * assert.ok(Math.abs(res.x[0] - 1) < 1e-6 && Math.abs(res.x[1] + 2) < 1e-6);
 * ```
 */
export function nelderMead(
  f: (x: Float64Array) => number,
  x0: ArrayLike<number>,
  s: MinimizeSettings,
): MinimizeResult {
  const n = x0.length;
  const [ar, ag, ac, as] = [1, 1 + 2 / n, 0.75 - 1 / (2 * n), 1 - 1 / n];
  const eval_ = (x: Float64Array): number => {
    const v = f(project(x, s.lower, s.upper));
    return Number.isFinite(v) ? v : Infinity;
  };
  let evaluations = 0;
  const pts: Float64Array[] = [];
  const fs: number[] = [];
  for (let k = 0; k <= n; k++) {
    const p = Float64Array.from(x0);
    if (k > 0) p[k - 1] += p[k - 1] !== 0 ? 0.05 * Math.abs(p[k - 1]) + 0.1 : 0.25;
    pts.push(p);
    fs.push(eval_(p));
    evaluations++;
  }
  let it = 0;
  let converged = false;
  for (; it < s.maxIterations; it++) {
    const order = fs.map((_, i) => i).sort((i, j) => fs[i] - fs[j]);
    const P = order.map((i) => pts[i]);
    const F = order.map((i) => fs[i]);
    pts.splice(0, n + 1, ...P);
    fs.splice(0, n + 1, ...F);
    let diam = 0;
    for (let k = 1; k <= n; k++) {
      for (let i = 0; i < n; i++) diam = Math.max(diam, Math.abs(pts[k][i] - pts[0][i]));
    }
    if (fs[n] - fs[0] <= 1e-10 * Math.max(1, Math.abs(fs[0])) && diam <= 1e-8) {
      converged = true;
      break;
    }
    const cen = new Float64Array(n);
    for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) cen[i] += pts[k][i] / n;
    const along = (t: number) => Float64Array.from(cen, (c, i) => c + t * (pts[n][i] - c));
    const xr = along(-ar);
    const fr = eval_(xr);
    evaluations++;
    if (fr < fs[0]) {
      const xe = along(-ar * ag);
      const fe = eval_(xe);
      evaluations++;
      [pts[n], fs[n]] = fe < fr ? [xe, fe] : [xr, fr];
    } else if (fr < fs[n - 1]) {
      [pts[n], fs[n]] = [xr, fr];
    } else {
      const outside = fr < fs[n];
      const xc = along(outside ? -ar * ac : ac);
      const fc = eval_(xc);
      evaluations++;
      if (fc < (outside ? fr : fs[n])) {
        [pts[n], fs[n]] = [xc, fc];
      } else {
        for (let k = 1; k <= n; k++) {
          pts[k] = Float64Array.from(pts[k], (v, i) => pts[0][i] + as * (v - pts[0][i]));
          fs[k] = eval_(pts[k]);
          evaluations++;
        }
      }
    }
  }
  const x = project(Float64Array.from(pts[0]), s.lower, s.upper);
  return {
    x,
    f: fs[0],
    gradMax: NaN,
    iterations: it,
    evaluations,
    converged: converged && Number.isFinite(fs[0]),
    message: converged ? "simplex collapsed" : `no convergence in ${s.maxIterations} iterations`,
    atBound: onBound(x, s.lower, s.upper),
  };
}

/**
 * Curvature at a minimum: the Hessian by central differences of the analytic gradient
 * (step 1e-4 in each coordinate), symmetrised, then Cholesky. Returns the smallest Cholesky
 * pivot² relative to the largest diagonal entry: ≤ ~1e-8 means a flat or indefinite direction
 * (parameters not identified by the data, or a saddle).
 *
 * @example
 * ```ts
 * import { curvature } from "@shoplab/lib/clv/_optimize.ts";
 * import assert from "node:assert/strict";
 * // f = x² + y² has Hessian 2I: well identified
 * const fg = (x: Float64Array, g: Float64Array) => {
 *   g[0] = 2 * x[0];
 *   g[1] = 2 * x[1];
 *   return x[0] ** 2 + x[1] ** 2;
 * };
 * const { hessian, minPivot } = curvature(fg, Float64Array.of(0, 0));
 * assert.ok(Math.abs(hessian[0][0] - 2) < 1e-8 && Math.abs(hessian[0][1]) < 1e-8);
 * assert.ok(Math.abs(minPivot - 1) < 1e-8);
 * ```
 */
export function curvature(
  fg: (x: Float64Array, g: Float64Array) => number,
  x: Float64Array,
): { readonly hessian: Float64Array[]; readonly minPivot: number } {
  const n = x.length;
  const h = 1e-4;
  const H = Array.from({ length: n }, () => new Float64Array(n));
  const gp = new Float64Array(n), gm = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const xp = Float64Array.from(x), xm = Float64Array.from(x);
    xp[j] += h;
    xm[j] -= h;
    fg(xp, gp);
    fg(xm, gm);
    for (let i = 0; i < n; i++) H[i][j] = (gp[i] - gm[i]) / (2 * h);
  }
  let maxDiag = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) H[i][j] = H[j][i] = (H[i][j] + H[j][i]) / 2;
    maxDiag = Math.max(maxDiag, Math.abs(H[i][i]));
  }
  const L = H.map((row) => Float64Array.from(row));
  let minPivot = Infinity;
  for (let j = 0; j < n; j++) {
    let d = L[j][j];
    for (let k = 0; k < j; k++) d -= L[j][k] * L[j][k];
    minPivot = Math.min(minPivot, d / (maxDiag || 1));
    if (!(d > 0)) return { hessian: H, minPivot: Math.min(minPivot, 0) };
    const s = Math.sqrt(d);
    L[j][j] = s;
    for (let i = j + 1; i < n; i++) {
      let v = L[i][j];
      for (let k = 0; k < j; k++) v -= L[i][k] * L[j][k];
      L[i][j] = v / s;
    }
  }
  return { hessian: H, minPivot };
}
