/**
 * Cohort tables: customers grouped by the month (or week) they started, followed period by
 * period — counts, retention and revenue retention, optionally split by acquisition channel.
 *
 * @module
 */
import {
  asOfMs,
  checkUnit,
  customerInfo,
  firstLastSale,
  forEachCustomer,
  type Frame,
  oneOf,
  periodIndex,
  periodStart,
  type PeriodUnit,
  readLines,
  UNKNOWN_CHANNEL,
} from "./_activity.ts";

/** The tables retention functions read: a `ShopData` fits. */
export interface RetentionTables {
  /** Canonical transactions (required). */
  readonly transactions: Frame;
  /** Canonical customers (optional): signup dates and channels. */
  readonly customers?: Frame;
}

/** Options of {@linkcode cohortTable}. */
export interface CohortTableOptions {
  /** Cut-off: only transactions with timestamp < asOf are used. */
  readonly asOf: Date;
  /**
   * What starts a customer's cohort: `"first_purchase"` (the period of the first sale line) or
   * `"signup"` (the signup date in the customers table; customers who never bought count in the
   * cohort size). Default `"first_purchase"`.
   */
  readonly cohort?: "first_purchase" | "signup";
  /** Cohort and period length. Default `"month"`. */
  readonly period?: PeriodUnit;
  /** Split every cohort by acquisition channel. Default: no split. */
  readonly by?: "channel";
  /** Highest period index kept (0 = the cohort's first period). Default: all. */
  readonly maxPeriods?: number;
  /**
   * Keep the period that contains `asOf` (observed only in part, so its retention is biased
   * down). Default `false`: only periods that ended by `asOf`.
   */
  readonly includePartial?: boolean;
  /** Drop exact duplicate transaction rows first. Default `true`. */
  readonly dropDuplicates?: boolean;
}

/** One cell of a cohort table. */
export interface CohortRow {
  /** First instant of the cohort's period (UTC). */
  readonly cohort: Date;
  /** Channel when split by channel, else `"all"`. */
  readonly group: string;
  /** Periods since the cohort's start (0 = the start period). */
  readonly period: number;
  /** Customers in the cohort. */
  readonly cohortSize: number;
  /** Cohort customers with a sale line in this period. */
  readonly active: number;
  /** active ÷ cohortSize. */
  readonly retention: number;
  /** The cohort's net revenue in this period (sales minus returns). */
  readonly revenue: number;
  /** revenue ÷ the cohort's revenue in period 0 (`null` when period-0 revenue is ≤ 0). */
  readonly revenueRetention: number | null;
  /** revenue ÷ cohortSize. */
  readonly revenuePerCustomer: number;
}

/**
 * Builds a cohort × period table. A customer belongs to the cohort of the period in which they
 * first bought (or signed up); they are active in period k when they have a sale line in the
 * k-th period after that; revenue is net (returns subtract in the period they happen).
 * Retention here is cumulative cohort retention N(k)/N(0) measured directly (a customer who
 * skips a month and comes back counts again), not a period-over-period rate.
 *
 * @param tables Transactions (+ customers for signup cohorts or channels).
 * @param options See {@linkcode CohortTableOptions}.
 * @returns Rows ordered by group, cohort, period.
 * @throws {RangeError} Invalid `asOf` or `maxPeriods`.
 * @throws {TypeError} Missing columns, an unknown `period`/`cohort`, or a signup cohort
 *   without a customers table with `signup_date`.
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { cohortTable } from "@shoplab/lib/retention/cohort_table.ts";
 * import assert from "node:assert/strict";
 * const d = (s: string) => new Date(s + "T12:00:00Z");
 * const transactions = pl.DataFrame({
 *   customer_id: ["a", "a", "b", "c"], order_id: ["1", "2", "3", "4"],
 *   timestamp: [d("2025-01-05"), d("2025-02-07"), d("2025-01-20"), d("2025-02-01")],
 *   quantity: [1, 1, 1, 1], unit_price: [10, 20, 10, 5],
 * });
 * const rows = cohortTable({ transactions }, { asOf: d("2025-03-01") });
 * const jan = rows.filter((r) => r.cohort.getUTCMonth() === 0);
 * assert.deepEqual(jan.map((r) => [r.period, r.active, r.retention]), [[0, 2, 1], [1, 1, 0.5]]);
 * assert.equal(jan[1].revenueRetention, 1); // 20 in February ÷ 20 in January
 * ```
 */
export function cohortTable(
  tables: RetentionTables,
  options: CohortTableOptions,
): CohortRow[] {
  const fn = "cohortTable";
  const asOf = asOfMs(options.asOf, fn);
  const unit = checkUnit(options.period ?? "month", fn);
  const kind = oneOf(
    options.cohort ?? "first_purchase",
    ["first_purchase", "signup"],
    "cohort",
    fn,
  );
  const maxP = options.maxPeriods ?? Infinity;
  if (!(maxP >= 0)) throw new RangeError(`${fn}: maxPeriods must be ≥ 0, got ${maxP}`);
  if (options.by !== undefined && options.by !== "channel") {
    throw new TypeError(`${fn}: by must be "channel" or absent, got ${String(options.by)}`);
  }
  const lines = readLines(tables.transactions, {
    asOf,
    dropDuplicates: options.dropDuplicates,
    fn,
  });
  const info = customerInfo(tables, fn);
  if (kind === "signup" && info.signup.size === 0) {
    throw new TypeError(`${fn}: cohort "signup" needs a customers table with "signup_date"`);
  }
  const groupOf = (id: string) =>
    options.by === "channel" ? info.channel.get(id) ?? UNKNOWN_CHANNEL : "all";
  // Last period that may be shown: the one containing asOf only when includePartial.
  const asOfPeriod = periodIndex(asOf, unit);
  const atStart = periodStart(asOfPeriod, unit).getTime() === asOf;
  const lastShown = options.includePartial && !atStart ? asOfPeriod : asOfPeriod - 1;
  // Cohort start per customer.
  const start = new Map<string, number>();
  if (kind === "first_purchase") {
    const { first } = firstLastSale(lines);
    lines.customers.forEach((id, c) => {
      if (!Number.isNaN(first[c])) start.set(id, periodIndex(first[c], unit));
    });
  } else {
    for (const [id, s] of info.signup) if (s < asOf) start.set(id, periodIndex(s, unit));
  }
  // cells: key group|cohort → { size, active[k], revenue[k] }
  const cells = new Map<
    string,
    { group: string; cohort: number; size: number; active: number[]; revenue: number[] }
  >();
  const cellOf = (id: string, cohort: number) => {
    const group = groupOf(id), key = group + "\u0000" + cohort;
    let cell = cells.get(key);
    if (!cell) cells.set(key, cell = { group, cohort, size: 0, active: [], revenue: [] });
    return cell;
  };
  for (const [id, cohort] of start) if (cohort <= lastShown) cellOf(id, cohort).size++;
  // Walk lines customer by customer (lines are sorted by customer, then time).
  forEachCustomer(lines, (c, i, j) => {
    const id = lines.customers[c], cohort = start.get(id);
    if (cohort === undefined || cohort > lastShown) return;
    const cell = cellOf(id, cohort);
    let lastActive = -1;
    for (let r = i; r < j; r++) {
      const p = periodIndex(lines.time[r], unit) - cohort;
      if (p < 0 || p > maxP || p + cohort > lastShown) continue;
      cell.revenue[p] = (cell.revenue[p] ?? 0) + lines.value[r];
      if (lines.sale[r] && p !== lastActive) {
        cell.active[p] = (cell.active[p] ?? 0) + 1;
        lastActive = p;
      }
    }
  });
  const out: CohortRow[] = [];
  const sorted = [...cells.values()].sort((a, b) =>
    a.group < b.group ? -1 : a.group > b.group ? 1 : a.cohort - b.cohort
  );
  for (const cell of sorted) {
    const periods = Math.min(maxP, lastShown - cell.cohort);
    const rev0 = cell.revenue[0] ?? 0;
    for (let p = 0; p <= periods; p++) {
      const active = cell.active[p] ?? 0, revenue = cell.revenue[p] ?? 0;
      out.push({
        cohort: periodStart(cell.cohort, unit),
        group: cell.group,
        period: p,
        cohortSize: cell.size,
        active,
        retention: cell.size > 0 ? active / cell.size : 0,
        revenue,
        revenueRetention: rev0 > 0 ? revenue / rev0 : null,
        revenuePerCustomer: cell.size > 0 ? revenue / cell.size : 0,
      });
    }
  }
  return out;
}
