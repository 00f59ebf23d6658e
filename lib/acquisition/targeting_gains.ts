/**
 * Targeting: the value captured by contacting the customers with the highest scores first,
 * against contacting the same number at random (value-weighted cumulative gains and lift).
 *
 * @module
 */

/** Options of {@linkcode targetingGains}. */
export interface TargetingGainsOptions {
  /** Shares of customers contacted, each in (0, 1]. Default deciles `[0.1, 0.2, …, 1]`. */
  readonly fractions?: ArrayLike<number>;
  /** Cost of contacting one customer, subtracted in `net` and `randomNet`. Default `0`. */
  readonly costPerContact?: number;
}

/** One targeting depth of {@linkcode targetingGains}. */
export interface TargetingGainsRow {
  /** Share of customers contacted. */
  readonly fraction: number;
  /** Customers contacted, fraction × N (may be fractional). */
  readonly contacted: number;
  /** Value found among the top-scored `contacted` customers (expected value over tied scores). */
  readonly value: number;
  /** Expected value of contacting the same number at random: fraction × total value. */
  readonly randomValue: number;
  /** value ÷ total value: the cumulative gains. */
  readonly gains: number;
  /** value ÷ randomValue: the lift over random targeting. */
  readonly lift: number;
  /** value − contacted × costPerContact. */
  readonly net: number;
  /** randomValue − contacted × costPerContact. */
  readonly randomNet: number;
}

/**
 * Ranks customers by score (highest first) and, for each share contacted, sums the value they
 * bring (e.g. 1 per buyer, or next-month margin) against the expected value of a random
 * selection of the same size. With 0/1 values, `gains` and `lift` are the usual cumulative
 * gains and lift (`lift` at 0.1 is the top-decile lift). Ties are not broken arbitrarily: a
 * group of equal scores cut by the boundary contributes pro rata (its expected value under a
 * random order).
 *
 * @param scores Score per customer (higher = contact first), not NaN.
 * @param values Value per customer, same length, finite, total > 0.
 * @param options See {@linkcode TargetingGainsOptions}.
 * @returns One row per fraction, in the order given.
 * @throws {RangeError} Different lengths, empty input, NaN scores, non-finite values, a total
 *   value ≤ 0, or a fraction outside (0, 1].
 * @example
 * ```ts
 * import { targetingGains } from "@shoplab/lib/acquisition/targeting_gains.ts";
 * import assert from "node:assert/strict";
 * // 10 customers, 2 buyers with the two highest scores
 * const scores = [0.9, 0.8, 0.5, 0.4, 0.3, 0.3, 0.2, 0.2, 0.1, 0.1];
 * const bought = [1, 1, 0, 0, 0, 0, 0, 0, 0, 0];
 * const [top] = targetingGains(scores, bought, { fractions: [0.1] });
 * assert.equal(top.lift, 5); // 1 buyer in the top 1 vs 0.2 expected at random
 * assert.equal(top.gains, 0.5);
 * ```
 */
export function targetingGains(
  scores: ArrayLike<number>,
  values: ArrayLike<number>,
  options: TargetingGainsOptions = {},
): TargetingGainsRow[] {
  const fn = "targetingGains";
  const n = scores.length;
  if (n !== values.length) {
    throw new RangeError(`${fn}: scores and values differ in length (${n} vs ${values.length})`);
  }
  if (n === 0) throw new RangeError(`${fn}: no customers`);
  let total = 0;
  for (let i = 0; i < n; i++) {
    if (typeof scores[i] !== "number" || Number.isNaN(scores[i])) {
      throw new RangeError(`${fn}: scores[${i}] is ${scores[i]}, expected a number`);
    }
    if (!Number.isFinite(values[i])) {
      throw new RangeError(`${fn}: values[${i}] is ${values[i]}, expected a finite number`);
    }
    total += values[i];
  }
  if (!(total > 0)) throw new RangeError(`${fn}: total value must be > 0, got ${total}`);
  const cost = options.costPerContact ?? 0;
  if (!Number.isFinite(cost)) throw new RangeError(`${fn}: costPerContact must be finite`);
  const fractions = options.fractions ?? [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[b] - scores[a]);
  // Groups of tied scores: end position (exclusive) and cumulative value at that end.
  const ends: number[] = [], cum: number[] = [];
  let acc = 0;
  for (let i = 0; i < n; i++) {
    acc += values[order[i]];
    if (i === n - 1 || scores[order[i + 1]] !== scores[order[i]]) ends.push(i + 1), cum.push(acc);
  }
  const out: TargetingGainsRow[] = [];
  for (let f = 0; f < fractions.length; f++) {
    const fr = fractions[f];
    if (!(fr > 0 && fr <= 1)) {
      throw new RangeError(`${fn}: fractions[${f}] must be in (0, 1], got ${fr}`);
    }
    const m = fr * n;
    let g = 0;
    while (ends[g] < m) g++;
    const start = g > 0 ? ends[g - 1] : 0, before = g > 0 ? cum[g - 1] : 0;
    const value = before + (cum[g] - before) * (m - start) / (ends[g] - start);
    const randomValue = fr * total;
    out.push({
      fraction: fr,
      contacted: m,
      value,
      randomValue,
      gains: value / total,
      lift: value / randomValue,
      net: value - m * cost,
      randomNet: randomValue - m * cost,
    });
  }
  return out;
}
