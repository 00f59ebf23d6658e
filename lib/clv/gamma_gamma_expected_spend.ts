/**
 * Gamma-Gamma: expected average spend per transaction of each customer.
 *
 * @module
 */
import { checkPositive } from "./_validate.ts";
import type { GammaGammaData, GammaGammaParams } from "./fit_gamma_gamma.ts";

/**
 * E[Z | z̄, x] = p(γ + x z̄)/(px + q − 1) (Fader & Hardie 2013, eq. 5): a weighted mean of the
 * population mean pγ/(q − 1) and the customer's own z̄, with weight px/(px + q − 1) on z̄.
 * Customers with x = 0 get the population mean (as lifetimes does).
 *
 * @param params Fitted Gamma-Gamma parameters (q > 1 for a finite mean).
 * @param data x and z̄ per customer.
 * @returns One expected spend per customer.
 * @throws {RangeError} When q ≤ 1, a parameter is not positive, lengths differ, or a row has a
 *   negative or non-finite z̄ (named).
 * @example
 * ```ts
 * import { gammaGammaExpectedSpend } from "@shoplab/lib/clv/gamma_gamma_expected_spend.ts";
 * import assert from "node:assert/strict";
 * // Fader & Hardie 2013: CDNOW customer 1 (x = 2, z̄ = 22.35) → 24.65; x = 0 → 35.17.
 * const gg = { p: 6.2488, q: 3.7446, gamma: 15.4477 };
 * const [c1, c3] = gammaGammaExpectedSpend(gg, { frequency: [2, 0], monetaryValue: [22.35, 0] });
 * assert.ok(Math.abs(c1 - 24.65) < 0.01 && Math.abs(c3 - 35.17) < 0.01);
 * ```
 */
export function gammaGammaExpectedSpend(
  params: GammaGammaParams,
  data: GammaGammaData,
): Float64Array {
  const { p, q, gamma } = params;
  checkPositive("gammaGammaExpectedSpend", { p, q, gamma });
  if (!(q > 1)) {
    throw new RangeError(
      `gammaGammaExpectedSpend: q must be > 1 for a finite mean spend, got ${q}`,
    );
  }
  const { frequency: x, monetaryValue: z } = data;
  if (x.length !== z.length) {
    throw new RangeError(
      `gammaGammaExpectedSpend: ${x.length} frequencies but ${z.length} monetary values`,
    );
  }
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    if (!(z[i] >= 0) || !Number.isFinite(z[i])) {
      throw new RangeError(
        `gammaGammaExpectedSpend: row ${i} has monetary value ${z[i]} with frequency ${
          x[i]
        }, expected a number ≥ 0`,
      );
    }
    out[i] = x[i] > 0 ? (p * (gamma + x[i] * z[i])) / (p * x[i] + q - 1) : (p * gamma) / (q - 1);
  }
  return out;
}
