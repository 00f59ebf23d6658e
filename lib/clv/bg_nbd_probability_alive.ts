/**
 * BG/NBD: probability that each customer is still active.
 *
 * @module
 */
import { probabilityAlive } from "./_bg_nbd_core.ts";
import { checkBgNbd, checkRepeat } from "./_validate.ts";
import type { BgNbdData, BgNbdParams } from "./fit_bg_nbd.ts";

/**
 * P(alive | x, t_x, T) = 1 / [1 + δ(x>0) a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)]
 * (Fader, Hardie & Lee 2005, eq. 11 with the note "Computing P(alive) using the BG/NBD model").
 * Customers with x = 0 are alive with probability 1 under the BG/NBD (they cannot drop out
 * before a repeat purchase).
 *
 * @param params Fitted BG/NBD parameters.
 * @param data x, t_x, T per customer.
 * @returns One probability per customer, in (0, 1].
 * @throws {RangeError} For a non-positive parameter or an invalid row (named).
 * @example
 * ```ts
 * import { bgNbdProbabilityAlive } from "@shoplab/lib/clv/bg_nbd_probability_alive.ts";
 * import assert from "node:assert/strict";
 * const p = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
 * const [fresh, recent, lapsed] = bgNbdProbabilityAlive(p, { frequency: [0, 5, 5], recency: [0, 38, 5], T: [39, 39, 39] });
 * assert.equal(fresh, 1);
 * assert.ok(recent > 0.8 && lapsed < 0.01);
 * ```
 */
export function bgNbdProbabilityAlive(params: BgNbdParams, data: BgNbdData): Float64Array {
  checkBgNbd("bgNbdProbabilityAlive", params);
  checkRepeat("bgNbdProbabilityAlive", data, "the data");
  const n = data.frequency.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    out[i] = probabilityAlive(params, data.frequency[i], data.recency[i], data.T[i]);
  }
  return out;
}
