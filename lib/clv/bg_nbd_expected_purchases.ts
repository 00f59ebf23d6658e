/**
 * BG/NBD: expected number of purchases of a new customer in a period of length t.
 *
 * @module
 */
import { conditionalPurchases } from "./_bg_nbd_core.ts";
import { checkBgNbd } from "./_validate.ts";
import type { BgNbdParams } from "./fit_bg_nbd.ts";

/**
 * E[X(t)], the expected number of repeat purchases in (0, t] of a customer whose first
 * purchase is at time 0 (Fader, Hardie & Lee 2005, eq. 9):
 *
 * E[X(t)] = (a+b−1)/(a−1) · [1 − (α/(α+t))^r ₂F₁(r, b; a+b−1; t/(α+t))].
 *
 * @param params Fitted BG/NBD parameters.
 * @param t Length of the period, in the time unit of the fit (e.g. weeks for CDNOW).
 * @returns The expected count.
 * @throws {RangeError} When t < 0 or a parameter is not positive.
 * @example
 * ```ts
 * import { bgNbdExpectedPurchases } from "@shoplab/lib/clv/bg_nbd_expected_purchases.ts";
 * import assert from "node:assert/strict";
 * const cdnow = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }; // weeks
 * assert.equal(bgNbdExpectedPurchases(cdnow, 0), 0);
 * // for a short period it is ≈ the mean purchase rate r/α times t
 * assert.ok(Math.abs(bgNbdExpectedPurchases(cdnow, 0.01) / 0.01 - 0.243 / 4.414) < 1e-3);
 * ```
 */
export function bgNbdExpectedPurchases(params: BgNbdParams, t: number): number {
  checkBgNbd("bgNbdExpectedPurchases", params);
  if (!(t >= 0) || !Number.isFinite(t)) {
    throw new RangeError(`bgNbdExpectedPurchases: t must be a finite number ≥ 0, got ${t}`);
  }
  return conditionalPurchases(params, t, 0, 0, 0);
}
