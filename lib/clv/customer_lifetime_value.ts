/**
 * CLV from a BG/NBD purchase model and a Gamma-Gamma spend model, discounted monthly.
 *
 * @module
 */
import { conditionalPurchases } from "./_bg_nbd_core.ts";
import { UNIT_DAYS } from "./_units.ts";
import { checkBgNbd, checkRepeat } from "./_validate.ts";
import type { BgNbdParams } from "./fit_bg_nbd.ts";
import type { GammaGammaParams } from "./fit_gamma_gamma.ts";
import { gammaGammaExpectedSpend } from "./gamma_gamma_expected_spend.ts";

/** The two fitted models. */
export interface ClvModels {
  /** BG/NBD purchase-process parameters; α in the time unit given by the options' `unit`. */
  readonly bgNbd: BgNbdParams;
  /** Gamma-Gamma spend parameters (γ in currency units). */
  readonly gammaGamma: GammaGammaParams;
}

/** Per-customer input: x, t_x, T (in the fit's unit) and z̄. */
export interface ClvData {
  /** x: number of repeat purchases (integers ≥ 0). */
  readonly frequency: ArrayLike<number>;
  /** t_x: time from the first to the last purchase, in the options' `unit`. */
  readonly recency: ArrayLike<number>;
  /** T: time from the first purchase to the end of the calibration period, in `unit`. */
  readonly T: ArrayLike<number>;
  /** z̄: mean spend per repeat purchase, in currency (0 when x = 0). */
  readonly monetaryValue: ArrayLike<number>;
}

/** Options of {@linkcode customerLifetimeValue}. */
export interface CustomerLifetimeValueOptions {
  /** Time unit of `recency`, `T` and the BG/NBD's α (required): `"days"` or `"weeks"`. */
  readonly unit: "days" | "weeks";
  /** Horizon in months. Default 12. */
  readonly months?: number;
  /** Discount rate per month. Default 0.01 (lifetimes' default). */
  readonly monthlyDiscountRate?: number;
  /**
   * Length of a month in `unit`. Default 365.2425/12 days (30.44) or that / 7 weeks (4.348);
   * lifetimes uses 30 and 4.345 — pass those to reproduce its numbers exactly.
   */
  readonly unitsPerMonth?: number;
  /** Margin applied to spend (0–1). Default 1 (CLV as revenue). */
  readonly margin?: number;
}

/**
 * Expected discounted value of each customer over the next `months` months, lifetimes'
 * `customer_lifetime_value` convention:
 *
 * CLVᵢ = Σ_{k=1..H} margin · E[Zᵢ] · (E[Y(k·u) | xᵢ, t_xᵢ, Tᵢ] − E[Y((k−1)·u) | ·]) / (1+d)ᵏ
 *
 * where u is one month in the fit's unit, E[Y(t)|·] is the BG/NBD conditional expectation
 * (Fader, Hardie & Lee 2005, eq. 10), E[Z] the Gamma-Gamma expected spend (Fader & Hardie
 * 2013, eq. 5) and d the monthly discount rate: month k's purchases are discounted k months.
 *
 * @param models Fitted BG/NBD and Gamma-Gamma parameters.
 * @param data x, t_x, T and z̄ per customer.
 * @param options See {@linkcode CustomerLifetimeValueOptions}; `unit` is required.
 * @returns One CLV per customer.
 * @throws {RangeError} For invalid parameters, rows (named) or options.
 * @example
 * ```ts
 * import { customerLifetimeValue } from "@shoplab/lib/clv/customer_lifetime_value.ts";
 * import assert from "node:assert/strict";
 * const models = { bgNbd: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, gammaGamma: { p: 6.25, q: 3.74, gamma: 15.44 } };
 * const data = { frequency: [2, 0], recency: [30.43, 0], T: [38.86, 38.86], monetaryValue: [22.35, 0] };
 * const [c1, c2] = customerLifetimeValue(models, data, { unit: "weeks" });
 * assert.ok(c1 > c2 && c2 > 0);
 * const undiscounted = customerLifetimeValue(models, data, { unit: "weeks", monthlyDiscountRate: 0 });
 * assert.ok(undiscounted[0] > c1);
 * ```
 */
export function customerLifetimeValue(
  models: ClvModels,
  data: ClvData,
  options: CustomerLifetimeValueOptions,
): Float64Array {
  const fn = "customerLifetimeValue";
  checkBgNbd(fn, models?.bgNbd);
  const unit = options?.unit;
  if (unit !== "days" && unit !== "weeks") {
    throw new RangeError(
      `${fn}: options.unit must be "days" or "weeks" (the fit's unit), got ${unit}`,
    );
  }
  const months = options.months ?? 12;
  const d = options.monthlyDiscountRate ?? 0.01;
  const u = options.unitsPerMonth ?? UNIT_DAYS.months / UNIT_DAYS[unit];
  const margin = options.margin ?? 1;
  if (!Number.isInteger(months) || months < 0) {
    throw new RangeError(`${fn}: months must be a whole number ≥ 0, got ${months}`);
  }
  if (!(d >= 0) || !Number.isFinite(d)) {
    throw new RangeError(`${fn}: monthlyDiscountRate must be ≥ 0, got ${d}`);
  }
  if (!(u > 0) || !Number.isFinite(u)) {
    throw new RangeError(`${fn}: unitsPerMonth must be > 0, got ${u}`);
  }
  if (!(margin >= 0 && margin <= 1)) {
    throw new RangeError(`${fn}: margin must be in [0, 1], got ${margin}`);
  }
  checkRepeat(fn, data, "the data");
  const spend = gammaGammaExpectedSpend(models.gammaGamma, data);
  const p = models.bgNbd;
  const out = new Float64Array(data.frequency.length);
  for (let i = 0; i < out.length; i++) {
    const x = data.frequency[i], tx = data.recency[i], T = data.T[i];
    let prev = 0, total = 0;
    for (let k = 1; k <= months; k++) {
      const cum = conditionalPurchases(p, k * u, x, tx, T);
      total += (cum - prev) / Math.pow(1 + d, k);
      prev = cum;
    }
    out[i] = margin * spend[i] * total;
  }
  return out;
}
