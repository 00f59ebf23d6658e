/** Scalar BG/NBD predictions shared by the public functions (private). */
import { hyp2f1 } from "./_special.ts";
import type { BgNbdParams } from "./fit_bg_nbd.ts";

/**
 * ln of the odds term a/(b+x−1) · ((α+T)/(α+t_x))^(r+x), −∞ when x = 0.
 *
 * @example
 * ```ts
 * import { logDeadOdds } from "@shoplab/lib/clv/_bg_nbd_core.ts";
 * import assert from "node:assert/strict";
 * const p = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }; // CDNOW, FHL 2005
 * assert.equal(logDeadOdds(p, 0, 0, 39), -Infinity);
 * // bought at the very end (t_x = T): odds a / (b + x − 1)
 * assert.ok(Math.abs(logDeadOdds(p, 2, 39, 39) - Math.log(0.793 / 3.426)) < 1e-12);
 * ```
 */
export function logDeadOdds(p: BgNbdParams, x: number, tx: number, T: number): number {
  if (x === 0) return -Infinity;
  return Math.log(p.a) - Math.log(p.b + x - 1) +
    (p.r + x) * (Math.log(p.alpha + T) - Math.log(p.alpha + tx));
}

/**
 * P(alive | x, t_x, T) = 1 / (1 + odds) (FHL 2005 eq. 11 / Fader, Hardie & Lee 2008 note).
 *
 * @example
 * ```ts
 * import { probabilityAlive } from "@shoplab/lib/clv/_bg_nbd_core.ts";
 * import assert from "node:assert/strict";
 * const p = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }; // CDNOW, FHL 2005
 * assert.equal(probabilityAlive(p, 0, 0, 39), 1); // no repeat purchase: no chance to drop out
 * assert.ok(Math.abs(probabilityAlive(p, 2, 39, 39) - 1 / (1 + 0.793 / 3.426)) < 1e-12);
 * assert.ok(probabilityAlive(p, 2, 5, 39) < probabilityAlive(p, 2, 30, 39));
 * ```
 */
export function probabilityAlive(p: BgNbdParams, x: number, tx: number, T: number): number {
  const l = logDeadOdds(p, x, tx, T);
  return l === -Infinity ? 1 : l > 0 ? Math.exp(-l) / (1 + Math.exp(-l)) : 1 / (1 + Math.exp(l));
}

/**
 * (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; z)], z = t/(α+T+t):
 * the numerator of FHL 2005 eq. 10. The ₂F₁ term is evaluated through Euler's transformation,
 * (1−z)^(r+x) ₂F₁(r+x, b+x; c; z) = (1−z)^(a−1) ₂F₁(a+b−1−r, a−1; c; z), whose parameters stay
 * small however large x is. At a = 1 (removable singularity) the mean of a = 1 ± 1e-4 is used.
 */
function numerator(p: BgNbdParams, t: number, x: number, T: number): number {
  const f = (a: number) => {
    const c = a + p.b + x - 1;
    const z = t / (p.alpha + T + t);
    const w = Math.pow((p.alpha + T) / (p.alpha + T + t), a - 1);
    return (c / (a - 1)) * (1 - w * hyp2f1(a + p.b - 1 - p.r, a - 1, c, z));
  };
  if (Math.abs(p.a - 1) > 1e-4) return f(p.a);
  return (f(1 + 1e-4) + f(1 - 1e-4)) / 2;
}

/**
 * E[Y(t) | x, t_x, T] (FHL 2005 eq. 10); with x = t_x = T = 0 it is E[X(t)] (eq. 9).
 *
 * @example
 * ```ts
 * import { conditionalPurchases } from "@shoplab/lib/clv/_bg_nbd_core.ts";
 * import assert from "node:assert/strict";
 * const p = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }; // CDNOW, FHL 2005
 * assert.equal(conditionalPurchases(p, 0, 2, 30, 39), 0);
 * // more recent buyers are expected to buy more
 * assert.ok(conditionalPurchases(p, 39, 2, 30, 39) > conditionalPurchases(p, 39, 2, 5, 39));
 * ```
 */
export function conditionalPurchases(
  p: BgNbdParams,
  t: number,
  x: number,
  tx: number,
  T: number,
): number {
  if (t === 0) return 0;
  return numerator(p, t, x, T) * probabilityAlive(p, x, tx, T);
}
