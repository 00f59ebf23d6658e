/**
 * Private numerical helpers: the standard normal quantile and the chi-square upper tail.
 *
 * @module
 */

/**
 * Standard normal quantile Φ⁻¹(p): Acklam's rational approximation refined by one Halley step
 * on erfc (agrees with scipy's `norm.ppf` to 1e-12 in the tests).
 *
 * @example
 * ```ts
 * import { normalQuantile } from "@shoplab/lib/retention/_stats.ts";
 * import assert from "node:assert/strict";
 * assert.ok(Math.abs(normalQuantile(0.975) - 1.959963984540054) < 1e-12); // scipy norm.ppf
 * assert.ok(Math.abs(normalQuantile(0.5)) < 1e-15);
 * ```
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`normal quantile: p must be in (0, 1), got ${p}`);
  const a = [
    -39.69683028665376,
    220.9460984245205,
    -275.9285104469687,
    138.357751867269,
    -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406,
    161.5858368580409,
    -155.6989798598866,
    66.80131188771972,
    -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293,
    -0.3223964580411365,
    -2.400758277161838,
    -2.549732539343734,
    4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const lo = 0.02425;
  let x: number;
  if (p < lo) {
    const q = Math.sqrt(-2 * Math.log(p));
    x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  } else if (p <= 1 - lo) {
    const q = p - 0.5, r = q * q;
    x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
      (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  const e = 0.5 * erfc(-x / Math.SQRT2) - p;
  const u = e * Math.sqrt(2 * Math.PI) * Math.exp(x * x / 2);
  return x - u / (1 + x * u / 2);
}

/**
 * Complementary error function: the Chebyshev expansion of Numerical Recipes (3rd ed.,
 * `erfccheb`), close to double precision; used for the Halley step of the normal quantile.
 */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 2 / (2 + z);
  const ty = 4 * t - 2;
  const cof = [
    -1.3026537197817094,
    6.4196979235649026e-1,
    1.9476473204185836e-2,
    -9.561514786808631e-3,
    -9.46595344482036e-4,
    3.66839497852761e-4,
    4.2523324806907e-5,
    -2.0278578112534e-5,
    -1.624290004647e-6,
    1.30365583558e-6,
    1.5626441722e-8,
    -8.5238095915e-8,
    6.529054439e-9,
    5.059343495e-9,
    -9.91364156e-10,
    -2.27365122e-10,
    9.6467911e-11,
    2.394038e-12,
    -6.886027e-12,
    8.94487e-13,
    3.13092e-13,
    -1.12708e-13,
    3.81e-16,
    7.106e-15,
    -1.523e-15,
    -9.4e-17,
    1.21e-16,
    -2.8e-17,
  ];
  let d = 0, dd = 0;
  for (let j = cof.length - 1; j > 0; j--) {
    const tmp = d;
    d = ty * d - dd + cof[j];
    dd = tmp;
  }
  const r = t * Math.exp(-z * z + 0.5 * (cof[0] + ty * d) - dd);
  return x >= 0 ? r : 2 - r;
}

/**
 * log Γ(x) for x > 0: shifted up to x ≥ 15, then Stirling's series (absolute error < 1e-14).
 *
 * @example
 * ```ts
 * import { logGamma } from "@shoplab/lib/retention/_stats.ts";
 * import assert from "node:assert/strict";
 * assert.ok(Math.abs(logGamma(5) - Math.log(24)) < 1e-13);
 * assert.ok(Math.abs(logGamma(0.5) - Math.log(Math.sqrt(Math.PI))) < 1e-13);
 * ```
 */
export function logGamma(x: number): number {
  if (!(x > 0)) throw new RangeError(`logGamma: x must be > 0, got ${x}`);
  let shift = 0;
  while (x < 15) {
    shift += Math.log(x);
    x += 1;
  }
  const x2 = 1 / (x * x);
  const series = (1 / 12 - x2 * (1 / 360 - x2 * (1 / 1260 - x2 * (1 / 1680 - x2 *
                  (1 / 1188 - x2 * (691 / 360360 - x2 / 156)))))) / x;
  return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + series - shift;
}

/**
 * Regularised upper incomplete gamma Q(a, x) = Γ(a, x) / Γ(a) (series / continued fraction).
 *
 * @example
 * ```ts
 * import { gammaQ } from "@shoplab/lib/retention/_stats.ts";
 * import assert from "node:assert/strict";
 * assert.ok(Math.abs(gammaQ(1, 2) - Math.exp(-2)) < 1e-14); // Q(1, x) = e^(−x)
 * assert.equal(gammaQ(3, 0), 1);
 * ```
 */
export function gammaQ(a: number, x: number): number {
  if (x <= 0) return 1;
  const lead = -x + a * Math.log(x) - logGamma(a);
  if (x < a + 1) {
    let sum = 1 / a, term = sum, ap = a;
    for (let n = 0; n < 10_000; n++) {
      ap += 1;
      term *= x / ap;
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-16) break;
    }
    return Math.max(0, 1 - sum * Math.exp(lead));
  }
  // Lentz's continued fraction.
  const tiny = 1e-300;
  let b = x + 1 - a, c = 1 / tiny, d = 1 / b, h = d;
  for (let i = 1; i < 10_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-16) break;
  }
  return Math.exp(lead) * h;
}

/**
 * Upper tail P(X ≥ x) of a chi-square distribution with `df` degrees of freedom.
 *
 * @example
 * ```ts
 * import { chiSquareSf } from "@shoplab/lib/retention/_stats.ts";
 * import assert from "node:assert/strict";
 * // scipy.stats.chi2.ppf(0.95, 1) = 3.841458820694124
 * assert.ok(Math.abs(chiSquareSf(3.841458820694124, 1) - 0.05) < 1e-12);
 * assert.ok(Math.abs(chiSquareSf(2, 2) - Math.exp(-1)) < 1e-14); // df 2: e^(−x/2)
 * ```
 */
export function chiSquareSf(x: number, df: number): number {
  if (!(df > 0)) throw new RangeError(`chi-square: df must be > 0, got ${df}`);
  return gammaQ(df / 2, x / 2);
}

/**
 * Solves the symmetric positive-definite system A x = b (Cholesky); `a` is row-major n×n.
 *
 * @example
 * ```ts
 * import { solveSpd } from "@shoplab/lib/retention/_stats.ts";
 * import assert from "node:assert/strict";
 * // 4x + 2y = 2, 2x + 3y = 5
 * const x = solveSpd(Float64Array.of(4, 2, 2, 3), Float64Array.of(2, 5), 2);
 * assert.ok(Math.abs(x[0] + 0.5) < 1e-12 && Math.abs(x[1] - 2) < 1e-12);
 * ```
 */
export function solveSpd(a: Float64Array, b: Float64Array, n: number): Float64Array {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * n + j];
      for (let k = 0; k < j; k++) s -= l[i * n + k] * l[j * n + k];
      if (i === j) {
        if (!(s > 0)) throw new RangeError("log-rank variance matrix is singular");
        l[i * n + i] = Math.sqrt(s);
      } else l[i * n + j] = s / l[j * n + j];
    }
  }
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= l[i * n + k] * y[k];
    y[i] = s / l[i * n + i];
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i];
    for (let k = i + 1; k < n; k++) s -= l[k * n + i] * x[k];
    x[i] = s / l[i * n + i];
  }
  return x;
}
