/**
 * Period-over-period retention and churn of the whole customer base, calendar period by period.
 *
 * @module
 */
import {
  asOfMs,
  checkUnit,
  firstLastSale,
  forEachCustomer,
  type Frame,
  periodIndex,
  periodStart,
  type PeriodUnit,
  readLines,
} from "./_activity.ts";

/** Options of {@linkcode periodRetention}. */
export interface PeriodRetentionOptions {
  /** Cut-off: only transactions before asOf; only periods that ended by asOf are reported. */
  readonly asOf: Date;
  /** Period length. Default `"month"`. */
  readonly period?: PeriodUnit;
  /** Drop exact duplicate transaction rows first. Default `true`. */
  readonly dropDuplicates?: boolean;
}

/** One calendar period of {@linkcode periodRetention}. */
export interface PeriodRetentionRow {
  /** First instant of the period (UTC). */
  readonly period: Date;
  /** Customers with a sale line in the period. */
  readonly active: number;
  /** Active customers whose first purchase is in this period. */
  readonly new: number;
  /** Active in this period and in the previous one. */
  readonly retained: number;
  /** Active now, not active last period, but bought before (win-backs). */
  readonly reactivated: number;
  /**
   * retained ÷ active last period: the share of last period's customers who bought again
   * (`null` for the first period or when nobody was active).
   */
  readonly retentionRate: number | null;
  /** 1 − retentionRate: the period churn rate A(i) (`null` when retentionRate is). */
  readonly churnRate: number | null;
  /**
   * active ÷ active last period, the source article's formula "active users this period ÷ active
   * users last period": it counts new customers too, so it can exceed 1 and is **not** a
   * retention rate.
   */
  readonly activeRatio: number | null;
}

/**
 * Period-over-period retention of the customer base: for each complete calendar month (or
 * week) before `asOf`, who was active, who was retained from the previous period, who is new,
 * who came back. `retentionRate` follows last period's customers; chain the `churnRate`s with
 * {@linkcode cumulativeRetention} only for a fixed cohort (see {@linkcode cohortTable}).
 *
 * @param tx Canonical transactions.
 * @param options See {@linkcode PeriodRetentionOptions}.
 * @returns One row per period from the first sale to the last complete period, in time order.
 * @throws {RangeError} Invalid `asOf`.
 * @throws {TypeError} Missing columns or an unknown `period`.
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { periodRetention } from "@shoplab/lib/retention/period_retention.ts";
 * import assert from "node:assert/strict";
 * const d = (s: string) => new Date(s + "T12:00:00Z");
 * const tx = pl.DataFrame({
 *   customer_id: ["a", "b", "a", "c", "d"], order_id: ["1", "2", "3", "4", "5"],
 *   timestamp: [d("2025-01-03"), d("2025-01-09"), d("2025-02-02"), d("2025-02-05"), d("2025-02-06")],
 *   quantity: [1, 1, 1, 1, 1], unit_price: [1, 1, 1, 1, 1],
 * });
 * const [jan, feb] = periodRetention(tx, { asOf: d("2025-03-01") });
 * assert.equal(jan.active, 2);
 * assert.deepEqual([feb.active, feb.retained, feb.new, feb.retentionRate], [3, 1, 2, 0.5]);
 * assert.equal(feb.activeRatio, 1.5); // the article's ratio: above 1, yet half the customers left
 * ```
 */
export function periodRetention(
  tx: Frame,
  options: PeriodRetentionOptions,
): PeriodRetentionRow[] {
  const fn = "periodRetention";
  const asOf = asOfMs(options.asOf, fn);
  const unit = checkUnit(options.period ?? "month", fn);
  const lines = readLines(tx, { asOf, dropDuplicates: options.dropDuplicates, fn });
  const last = periodIndex(asOf, unit) - 1;
  const { first, earliest } = firstLastSale(lines);
  if (!Number.isFinite(earliest)) return [];
  const lo = periodIndex(earliest, unit);
  if (lo > last) return [];
  const len = last - lo + 1;
  const active = new Float64Array(len), fresh = new Float64Array(len);
  const retained = new Float64Array(len), back = new Float64Array(len);
  forEachCustomer(lines, (c, from, to) => {
    let prev = -Infinity;
    const firstP = Number.isNaN(first[c]) ? NaN : periodIndex(first[c], unit);
    for (let j = from; j < to; j++) {
      if (!lines.sale[j]) continue;
      const p = periodIndex(lines.time[j], unit);
      if (p === prev || p > last) continue;
      const k = p - lo;
      active[k]++;
      if (p === firstP) fresh[k]++;
      else if (p === prev + 1) retained[k]++;
      else back[k]++;
      prev = p;
    }
  });
  const out: PeriodRetentionRow[] = [];
  for (let k = 0; k < len; k++) {
    const before = k > 0 ? active[k - 1] : 0;
    const rate = before > 0 ? retained[k] / before : null;
    out.push({
      period: periodStart(lo + k, unit),
      active: active[k],
      new: fresh[k],
      retained: retained[k],
      reactivated: back[k],
      retentionRate: rate,
      churnRate: rate === null ? null : 1 - rate,
      activeRatio: before > 0 ? active[k] / before : null,
    });
  }
  return out;
}
