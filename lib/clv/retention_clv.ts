/**
 * Retention-based discounted CLV with a constant retention rate.
 *
 * @module
 */

/** Options of {@linkcode retentionClv}. */
export interface RetentionClvOptions {
  /** Retention rate r per period, in [0, 1) (required). */
  readonly retention: number;
  /** Discount rate d per period, ≥ 0 (required; e.g. 0.01 per month). */
  readonly discountRate: number;
  /** Last period T of the sum. Default `Infinity`. */
  readonly horizon?: number;
  /**
   * First period of the sum. `1` (default): margins arrive at the end of each period the
   * customer survives into (Gupta & Lehmann 2003), so the infinite sum is m·r/(1+d−r). `0`:
   * the current period's margin is counted too, undiscounted: Σ_{t=0..T} m rᵗ/(1+d)ᵗ.
   */
  readonly start?: 0 | 1;
}

/**
 * Discounted CLV with constant retention r and discount rate d per period:
 *
 * CLV = Σ_{t=start..T} m · rᵗ / (1+d)ᵗ = m (qˢ − q^(T+1)) / (1 − q), q = r/(1+d), s = start;
 *
 * with `start` 1 and T = ∞ this is the familiar m·r/(1+d−r); with `start` 0 it is the
 * finite-horizon sum Σ_{t=0..T} m rᵗ/(1+d)ᵗ that counts the current period's margin m.
 * All quantities are per the same period (e.g. month): convert an annual rate first.
 *
 * @param margin Margin m per period per active customer (currency).
 * @param options See {@linkcode RetentionClvOptions}.
 * @returns The CLV.
 * @throws {RangeError} For r outside [0, 1), d < 0, a negative horizon or a non-finite margin.
 * @example
 * ```ts
 * import { retentionClv } from "@shoplab/lib/clv/retention_clv.ts";
 * import assert from "node:assert/strict";
 * // m = 100, r = 0.8, d = 0.1: 100·0.8/(1.1−0.8) = 266.67
 * assert.ok(Math.abs(retentionClv(100, { retention: 0.8, discountRate: 0.1 }) - 800 / 3) < 1e-9);
 * // t = 0..2: 100 + 100·0.8/1.1 + 100·0.64/1.21 = 225.62
 * const f = retentionClv(100, { retention: 0.8, discountRate: 0.1, horizon: 2, start: 0 });
 * assert.ok(Math.abs(f - (100 + 80 / 1.1 + 64 / 1.21)) < 1e-9);
 * ```
 */
export function retentionClv(margin: number, options: RetentionClvOptions): number {
  const { retention: r, discountRate: d } = options ?? {};
  const horizon = options.horizon ?? Infinity;
  const start = options.start ?? 1;
  if (!Number.isFinite(margin)) {
    throw new RangeError(`retentionClv: margin must be finite, got ${margin}`);
  }
  if (!(r >= 0 && r < 1)) {
    throw new RangeError(`retentionClv: retention must be in [0, 1), got ${r}`);
  }
  if (!(d >= 0) || !Number.isFinite(d)) {
    throw new RangeError(`retentionClv: discountRate must be a finite number ≥ 0, got ${d}`);
  }
  if (!(horizon >= 0) || (Number.isFinite(horizon) && !Number.isInteger(horizon))) {
    throw new RangeError(
      `retentionClv: horizon must be a whole number ≥ 0 or Infinity, got ${horizon}`,
    );
  }
  if (start !== 0 && start !== 1) {
    throw new RangeError(`retentionClv: start must be 0 or 1, got ${start}`);
  }
  if (horizon < start) return 0;
  const q = r / (1 + d);
  const tail = Number.isFinite(horizon) ? Math.pow(q, horizon + 1) : 0;
  return (margin * (Math.pow(q, start) - tail)) / (1 - q);
}
