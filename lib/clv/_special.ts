/**
 * Special functions for the CLV models: log-gamma (with sign), digamma, log-sum-exp and the
 * Gauss hypergeometric function 2F1. Private to lib/clv; checked against scipy.special in
 * tests/clv/special_test.ts (fixture tests/fixtures/clv_reference.json).
 *
 * @module
 */

// Lanczos approximation, g = 7, n = 9 (Numerical Recipes 3rd ed. / Boost's table): ~1e-15.
const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993,
  676.5203681218851,
  -1259.1392167224028,
  771.32342877765313,
  -176.61502916214059,
  12.507343278686905,
  -0.13857109526572012,
  9.9843695780195716e-6,
  1.5056327351493116e-7,
];
const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/** ln|Γ(x)| for x > 0 (Lanczos). */
function lgammaPositive(x: number): number {
  if (x < 0.5) {
    // Reflection keeps accuracy for small x: Γ(x)Γ(1−x) = π / sin(πx).
    return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lgammaPositive(1 - x);
  }
  const y = x - 1;
  let s = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i++) s += LANCZOS[i] / (y + i);
  const t = y + LANCZOS_G + 0.5;
  return LOG_SQRT_2PI + (y + 0.5) * Math.log(t) - t + Math.log(s);
}

/**
 * ln Γ(x) for x > 0.
 * @throws {RangeError} When x is not a positive finite number.
 * @example
 * ```ts
 * import { lgamma } from "@shoplab/lib/clv/_special.ts";
 * import assert from "node:assert/strict";
 * assert.ok(Math.abs(lgamma(5) - Math.log(24)) < 1e-12); // Γ(5) = 4!
 * assert.ok(Math.abs(lgamma(0.5) - Math.log(Math.sqrt(Math.PI))) < 1e-12);
 * assert.throws(() => lgamma(0), RangeError);
 * ```
 */
export function lgamma(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) throw new RangeError(`lgamma: x must be > 0, got ${x}`);
  return lgammaPositive(x);
}

/**
 * ln|Γ(x)| and the sign of Γ(x) for any real x; `[Infinity, 0]` at the poles 0, −1, −2, ….
 *
 * @example
 * ```ts
 * import { lgammaSigned } from "@shoplab/lib/clv/_special.ts";
 * import assert from "node:assert/strict";
 * // Γ(−0.5) = −2√π
 * const [logAbs, sign] = lgammaSigned(-0.5);
 * assert.ok(Math.abs(logAbs - Math.log(2 * Math.sqrt(Math.PI))) < 1e-12);
 * assert.equal(sign, -1);
 * assert.deepEqual(lgammaSigned(-2), [Infinity, 0]);
 * ```
 */
export function lgammaSigned(x: number): [number, number] {
  if (x > 0) return [lgammaPositive(x), 1];
  if (Number.isInteger(x)) return [Infinity, 0];
  // Γ(x) = π / (sin(πx) Γ(1−x)), 1 − x > 1.
  const s = Math.sin(Math.PI * x);
  return [Math.log(Math.PI / Math.abs(s)) - lgammaPositive(1 - x), s > 0 ? 1 : -1];
}

/**
 * ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b), a, b > 0.
 *
 * @example
 * ```ts
 * import { logBeta } from "@shoplab/lib/clv/_special.ts";
 * import assert from "node:assert/strict";
 * assert.ok(Math.abs(logBeta(2, 3) - Math.log(1 / 12)) < 1e-12); // B(2, 3) = 1!·2!/4!
 * ```
 */
export function logBeta(a: number, b: number): number {
  return lgamma(a) + lgamma(b) - lgamma(a + b);
}

/**
 * ψ(x) = d/dx ln Γ(x), x > 0: recurrence to x ≥ 10, then the asymptotic series.
 *
 * @example
 * ```ts
 * import { digamma } from "@shoplab/lib/clv/_special.ts";
 * import assert from "node:assert/strict";
 * const eulerGamma = 0.5772156649015329;
 * assert.ok(Math.abs(digamma(1) + eulerGamma) < 1e-12); // ψ(1) = −γ
 * assert.ok(Math.abs(digamma(0.5) + eulerGamma + 2 * Math.LN2) < 1e-12);
 * ```
 */
export function digamma(x: number): number {
  if (!(x > 0)) throw new RangeError(`digamma: x must be > 0, got ${x}`);
  let r = 0;
  while (x < 10) {
    r -= 1 / x;
    x += 1;
  }
  const f = 1 / (x * x);
  return r + Math.log(x) - 0.5 / x -
    f *
      (1 / 12 - f * (1 / 120 - f * (1 / 252 - f * (1 / 240 - f * (1 / 132 - f * (691 / 32760))))));
}

/**
 * ln(e^a + e^b) without overflow.
 *
 * @example
 * ```ts
 * import { logAddExp } from "@shoplab/lib/clv/_special.ts";
 * import assert from "node:assert/strict";
 * assert.ok(Math.abs(logAddExp(1000, 1000) - (1000 + Math.LN2)) < 1e-9);
 * assert.equal(logAddExp(-Infinity, 3), 3);
 * ```
 */
export function logAddExp(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}

const MAX_TERMS = 200_000;

/** Maclaurin series of 2F1, |z| ≤ ~0.75 (or terminating). */
function series(a: number, b: number, c: number, z: number): number {
  let term = 1;
  let sum = 1;
  for (let n = 0; n < MAX_TERMS; n++) {
    term *= ((a + n) * (b + n)) / ((c + n) * (n + 1)) * z;
    sum += term;
    if (term === 0 || (Math.abs(term) <= 1e-17 * Math.abs(sum) && n > 2)) return sum;
    if (!Number.isFinite(sum)) break;
  }
  throw new RangeError(
    `hyp2f1(${a}, ${b}; ${c}; ${z}): the series did not converge in ${MAX_TERMS} terms`,
  );
}

function isNonPositiveInteger(x: number): boolean {
  return x <= 0 && Number.isInteger(x);
}

/** Γ(c)Γ(d)/(Γ(e)Γ(f)) as a signed value; 0 when e or f is a pole. */
function gammaRatio(c: number, d: number, e: number, f: number): number {
  const [lc, sc] = lgammaSigned(c);
  const [ld, sd] = lgammaSigned(d);
  const [le, se] = lgammaSigned(e);
  const [lf, sf] = lgammaSigned(f);
  if (se === 0 || sf === 0) return 0;
  return sc * sd * se * sf * Math.exp(lc + ld - le - lf);
}

/** The 1 − z connection formula (Abramowitz & Stegun 15.3.6), s = c − a − b not an integer. */
function connection(a: number, b: number, c: number, z: number): number {
  const s = c - a - b;
  const w = 1 - z;
  const t1 = gammaRatio(c, s, c - a, c - b);
  const t2 = gammaRatio(c, -s, a, b);
  const f1 = t1 === 0 ? 0 : t1 * series(a, b, 1 - s, w);
  const f2 = t2 === 0 ? 0 : t2 * Math.pow(w, s) * series(c - a, c - b, 1 + s, w);
  return f1 + f2;
}

/**
 * The Gauss hypergeometric function ₂F₁(a, b; c; z) for real arguments and z < 1 (and z = 1
 * when c − a − b > 0, by Gauss's theorem).
 *
 * - 0 ≤ z ≤ 0.5, or a or b a non-positive integer: the Maclaurin series;
 * - z < 0: Pfaff's transformation (1 − z)^(−a) ₂F₁(a, c − b; c; z/(z − 1)) into (0, 1);
 * - 0.5 < z < 1 with s = c − a − b < 0: Euler's transformation (1 − z)^s ₂F₁(c−a, c−b; c; z),
 *   which has −s > 0; then, with s ≥ 0:
 * - z ≤ 0.9 or s > 8: the Maclaurin series (its terms fall like n^(−s−1) zⁿ);
 * - otherwise the 1 − z connection formula (A&S 15.3.6), whose series converge as (1 − z)ⁿ.
 *   When s is within 1e-4 of an integer the formula is singular; the value is then the
 *   Richardson extrapolation in c of evaluations at c ± h and c ± 2h (h = 1e-3), error O(h⁴).
 *
 * @throws {RangeError} When z > 1, c is a non-positive integer, or a series does not converge.
 * @example
 * ```ts
 * import { hyp2f1 } from "@shoplab/lib/clv/_special.ts";
 * import assert from "node:assert/strict";
 * // ₂F₁(1, 1; 2; z) = −ln(1 − z) / z
 * assert.ok(Math.abs(hyp2f1(1, 1, 2, 0.5) - 2 * Math.LN2) < 1e-10);
 * // ₂F₁(a, b; b; z) = (1 − z)^(−a), here with z < 0
 * assert.ok(Math.abs(hyp2f1(0.5, 3, 3, -2) - 1 / Math.sqrt(3)) < 1e-10);
 * ```
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  if (![a, b, c, z].every(Number.isFinite)) {
    throw new RangeError(`hyp2f1(${a}, ${b}; ${c}; ${z}): arguments must be finite`);
  }
  if (isNonPositiveInteger(c)) {
    throw new RangeError(`hyp2f1: c must not be a non-positive integer, got ${c}`);
  }
  if (z === 0 || a === 0 || b === 0) return 1;
  if (z > 1) throw new RangeError(`hyp2f1: z must be ≤ 1, got ${z}`);
  if (z === 1) {
    if (c - a - b <= 0) return Infinity;
    return gammaRatio(c, c - a - b, c - a, c - b);
  }
  if (isNonPositiveInteger(a) || isNonPositiveInteger(b)) return series(a, b, c, z);
  if (z < 0) {
    // Pfaff: pick the parameter that keeps the new first argument a polynomial if possible.
    const [p, q] = isNonPositiveInteger(c - a) ? [b, a] : [a, b];
    return Math.pow(1 - z, -p) * hyp2f1(p, c - q, c, z / (z - 1));
  }
  if (z <= 0.5) return series(a, b, c, z);
  const s = c - a - b;
  // Euler: F(a, b; c; z) = (1 − z)^s F(c − a, c − b; c; z) turns s < 0 into −s > 0.
  if (s < 0) return Math.pow(1 - z, s) * hyp2f1(c - a, c - b, c, z);
  // Terms decay like n^(−s−1) zⁿ: the series is quick for z ≤ 0.9 or a large s, and then
  // avoids the cancellation of the connection formula's two large terms.
  if (z <= 0.9 || s > 8) return series(a, b, c, z);
  if (Math.abs(s - Math.round(s)) > 1e-4) return connection(a, b, c, z);
  const h = 1e-3;
  const avg = (k: number) => (connection(a, b, c + k, z) + connection(a, b, c - k, z)) / 2;
  return (4 * avg(h) - avg(2 * h)) / 3;
}
