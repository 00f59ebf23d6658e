/**
 * BG/NBD: expected purchases of each customer in the next t periods, given their history.
 *
 * @module
 */
import { conditionalPurchases } from "./_bg_nbd_core.ts";
import { checkBgNbd, checkRepeat } from "./_validate.ts";
import type { BgNbdData, BgNbdParams } from "./fit_bg_nbd.ts";

/** Options of {@linkcode bgNbdConditionalPurchases}. */
export interface BgNbdConditionalPurchasesOptions {
  /** Length of the future period, in the time unit of the fit (required). */
  readonly t: number;
}

/**
 * E[Y(t) | x, t_x, T], the expected number of purchases in (T, T + t] of a customer with
 * history (x, t_x, T) (Fader, Hardie & Lee 2005, eq. 10):
 *
 * E[Y(t)|·] = [(a+b+x−1)/(a−1)] [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))]
 *             / [1 + δ(x>0) a/(b+x−1) ((α+T)/(α+t_x))^(r+x)].
 *
 * @param params Fitted BG/NBD parameters.
 * @param data x, t_x, T per customer.
 * @param options `t`: the horizon.
 * @returns One expectation per customer.
 * @throws {RangeError} For t < 0, a non-positive parameter or an invalid row (named).
 * @example
 * ```ts
 * import { bgNbdConditionalPurchases } from "@shoplab/lib/clv/bg_nbd_conditional_purchases.ts";
 * import assert from "node:assert/strict";
 * // FHL 2005: CDNOW customer 1 (x = 2, t_x = 30.43, T = 38.86 weeks) buys 1.226 times in 39 weeks.
 * const p = { r: 0.242593, alpha: 4.413532, a: 0.792886, b: 2.425753 };
 * const [e] = bgNbdConditionalPurchases(p, { frequency: [2], recency: [30.43], T: [38.86] }, { t: 39 });
 * assert.ok(Math.abs(e - 1.226) < 0.001);
 * ```
 */
export function bgNbdConditionalPurchases(
  params: BgNbdParams,
  data: BgNbdData,
  options: BgNbdConditionalPurchasesOptions,
): Float64Array {
  checkBgNbd("bgNbdConditionalPurchases", params);
  const t = options?.t;
  if (!(t >= 0) || !Number.isFinite(t)) {
    throw new RangeError(
      `bgNbdConditionalPurchases: options.t must be a finite number ≥ 0, got ${t}`,
    );
  }
  checkRepeat("bgNbdConditionalPurchases", data, "the data");
  const n = data.frequency.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    out[i] = conditionalPurchases(params, t, data.frequency[i], data.recency[i], data.T[i]);
  }
  return out;
}
