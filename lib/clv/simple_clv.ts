/**
 * The textbook CLV formula, average order value × purchase frequency × lifetime, with the time
 * units carried in the arguments so that a rate per month cannot be multiplied by years.
 *
 * @module
 */
import { type TimeUnit, unitRatio } from "./_units.ts";

export type { TimeUnit } from "./_units.ts";

/** A purchase rate: `count` purchases per one `per`. */
export interface PurchaseRate {
  /** Purchases per `per` (≥ 0). */
  readonly count: number;
  /** The time unit the count is per: days, weeks, months or years. */
  readonly per: TimeUnit;
}

/** A length of time. */
export interface Duration {
  /** Length in `unit` (≥ 0). */
  readonly value: number;
  /** Time unit of `value`: days, weeks, months or years. */
  readonly unit: TimeUnit;
}

/** Options of {@linkcode simpleClv}. */
export interface SimpleClvOptions {
  /** Purchase frequency with its unit, e.g. `{ count: 1, per: "months" }`. */
  readonly frequency: PurchaseRate;
  /** Expected customer lifetime with its unit, e.g. `{ value: 2, unit: "years" }`. */
  readonly lifetime: Duration;
  /** Margin applied to revenue (0–1). Default 1 (CLV as revenue). */
  readonly margin?: number;
}

/**
 * Converts a duration to another unit (a month is 365.2425/12 days, a year exactly 12 months).
 *
 * @param duration The length of time.
 * @param unit The unit wanted.
 * @returns The value in `unit`.
 * @throws {TypeError} For an unknown unit.
 * @example
 * ```ts
 * import { convertDuration } from "@shoplab/lib/clv/simple_clv.ts";
 * import assert from "node:assert/strict";
 * assert.equal(convertDuration({ value: 2, unit: "years" }, "months"), 24);
 * assert.equal(convertDuration({ value: 3, unit: "weeks" }, "days"), 21);
 * ```
 */
export function convertDuration(duration: Duration, unit: TimeUnit): number {
  return duration.value * unitRatio(duration.unit, unit, "convertDuration");
}

/**
 * Simple customer lifetime value: CLV = margin × average order value × purchase frequency ×
 * lifetime, where the lifetime is converted into the unit of the frequency first:
 * 100 × (1 per month) × (2 years = 24 months) = 2,400 — not 200, the source article's
 * mistake of multiplying a monthly rate by a number of years.
 *
 * @param averageOrderValue Mean value of one order (currency).
 * @param options Frequency and lifetime, each with its unit; see {@linkcode SimpleClvOptions}.
 * @returns The CLV in the currency of `averageOrderValue`.
 * @throws {TypeError} When `frequency` or `lifetime` is a bare number or has an unknown unit.
 * @throws {RangeError} For a negative or non-finite input, or a margin outside [0, 1].
 * @example
 * ```ts
 * import { simpleClv } from "@shoplab/lib/clv/simple_clv.ts";
 * import assert from "node:assert/strict";
 * const clv = simpleClv(100, { frequency: { count: 1, per: "months" }, lifetime: { value: 2, unit: "years" } });
 * assert.equal(clv, 2400);
 * assert.throws(() => simpleClv(100, { frequency: 1 as never, lifetime: { value: 2, unit: "years" } }), TypeError);
 * ```
 */
export function simpleClv(averageOrderValue: number, options: SimpleClvOptions): number {
  const { frequency, lifetime } = options ?? {};
  if (frequency === null || typeof frequency !== "object") {
    throw new TypeError(
      `simpleClv: options.frequency must be { count, per } with a time unit, got ${frequency}`,
    );
  }
  if (lifetime === null || typeof lifetime !== "object") {
    throw new TypeError(
      `simpleClv: options.lifetime must be { value, unit } with a time unit, got ${lifetime}`,
    );
  }
  const margin = options.margin ?? 1;
  for (
    const [name, v] of [
      ["averageOrderValue", averageOrderValue],
      ["frequency.count", frequency.count],
      ["lifetime.value", lifetime.value],
    ] as const
  ) {
    if (!(v >= 0) || !Number.isFinite(v)) {
      throw new RangeError(`simpleClv: ${name} must be a finite number ≥ 0, got ${v}`);
    }
  }
  if (!(margin >= 0 && margin <= 1)) {
    throw new RangeError(`simpleClv: margin must be in [0, 1], got ${margin}`);
  }
  const periods = lifetime.value * unitRatio(lifetime.unit, frequency.per, "simpleClv");
  return margin * averageOrderValue * frequency.count * periods;
}
