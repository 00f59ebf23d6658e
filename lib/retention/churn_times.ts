/**
 * Time to churn per customer, with right-censoring, from transactions: the input of
 * Kaplan–Meier and the log-rank test.
 *
 * @module
 */
import pl from "nodejs-polars";
import { MS_PER_DAY } from "../core/constants.ts";
import {
  asOfMs,
  customerInfo,
  firstLastSale,
  oneOf,
  readLines,
  UNKNOWN_CHANNEL,
} from "./_activity.ts";
import type { RetentionTables } from "./cohort_table.ts";

/** Options of {@linkcode churnTimes}. */
export interface ChurnTimesOptions {
  /** End of observation: only transactions before asOf are used. */
  readonly asOf: Date;
  /**
   * A customer counts as churned when they have not bought for this many days by `asOf`.
   * Default `90`.
   */
  readonly inactivityDays?: number;
  /**
   * Where the clock starts: `"first_purchase"` or `"signup"` (customers table needed; customers
   * who never bought are included, with their signup as last activity). Default
   * `"first_purchase"`.
   */
  readonly origin?: "first_purchase" | "signup";
  /**
   * When churn happens:
   * - `"last_purchase"` (default): the customer's lifetime ends at their last purchase; churned
   *   customers have their event there, the others are censored there (they were seen alive
   *   until then, their future is unknown);
   * - `"inactivity_end"`: churn is the day it becomes known, last purchase + `inactivityDays`;
   *   the others are censored at `asOf`.
   */
  readonly eventAt?: "last_purchase" | "inactivity_end";
  /** Drop exact duplicate transaction rows first. Default `true`. */
  readonly dropDuplicates?: boolean;
}

/**
 * Builds the right-censored "time to churn" table, one row per customer:
 *
 * - origin = first purchase (or signup); last = last purchase before `asOf` (or the signup for
 *   customers who never bought);
 * - `churned` = asOf − last ≥ `inactivityDays` (a customer who bought within the window is not
 *   churned yet: **censored**);
 * - `duration_days` = last − origin with `eventAt: "last_purchase"`; with `"inactivity_end"`,
 *   last + inactivityDays − origin for churned customers and asOf − origin for censored ones.
 *
 * One-time buyers who are churned have duration 0 under `"last_purchase"`, so Ŝ(0) is already
 * below 1: the share of customers who ever came back.
 *
 * @param tables Transactions (+ customers for signup origin and channels).
 * @param options See {@linkcode ChurnTimesOptions}.
 * @returns DataFrame `customer_id, channel, origin, last_purchase, duration_days, churned`
 *   sorted by `customer_id` (`channel` = `"unknown"` when not known).
 * @throws {RangeError} Invalid `asOf` or `inactivityDays` ≤ 0.
 * @throws {TypeError} Missing columns, unknown option values, or signup origin without
 *   signup dates.
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { churnTimes } from "@shoplab/lib/retention/churn_times.ts";
 * import assert from "node:assert/strict";
 * const d = (s: string) => new Date(s + "T00:00:00Z");
 * const transactions = pl.DataFrame({
 *   customer_id: ["a", "a", "b"], order_id: ["1", "2", "3"],
 *   timestamp: [d("2025-01-01"), d("2025-01-31"), d("2025-06-01")],
 *   quantity: [1, 1, 1], unit_price: [5, 5, 5],
 * });
 * const t = churnTimes({ transactions }, { asOf: d("2025-07-01"), inactivityDays: 90 });
 * assert.deepEqual(t.getColumn("duration_days").toArray(), [30, 0]);
 * assert.deepEqual(t.getColumn("churned").toArray(), [true, false]); // b bought 30 days ago
 * ```
 */
export function churnTimes(tables: RetentionTables, options: ChurnTimesOptions): pl.DataFrame {
  const fn = "churnTimes";
  const asOf = asOfMs(options.asOf, fn);
  const window = options.inactivityDays ?? 90;
  if (!(window > 0)) throw new RangeError(`${fn}: inactivityDays must be > 0, got ${window}`);
  const origin = oneOf(
    options.origin ?? "first_purchase",
    ["first_purchase", "signup"],
    "origin",
    fn,
  );
  const eventAt = oneOf(
    options.eventAt ?? "last_purchase",
    ["last_purchase", "inactivity_end"],
    "eventAt",
    fn,
  );
  const lines = readLines(tables.transactions, {
    asOf,
    dropDuplicates: options.dropDuplicates,
    fn,
  });
  const info = customerInfo(tables, fn);
  if (origin === "signup" && info.signup.size === 0) {
    throw new TypeError(`${fn}: origin "signup" needs a customers table with "signup_date"`);
  }
  const { first, last } = firstLastSale(lines);
  const lastOf = new Map<string, number>(), firstOf = new Map<string, number>();
  lines.customers.forEach((id, c) => {
    if (!Number.isNaN(first[c])) firstOf.set(id, first[c]), lastOf.set(id, last[c]);
  });
  const ids = origin === "signup"
    ? [...info.signup.entries()].filter(([, s]) => s < asOf).map(([id]) => id).sort()
    : [...firstOf.keys()];
  const w = window * MS_PER_DAY;
  const col = {
    customer_id: [] as string[],
    channel: [] as string[],
    origin: [] as Date[],
    last_purchase: [] as Date[],
    duration_days: [] as number[],
    churned: [] as boolean[],
  };
  for (const id of ids) {
    const start = origin === "signup" ? info.signup.get(id)! : firstOf.get(id)!;
    const end = Math.max(start, lastOf.get(id) ?? start);
    const churned = asOf - end >= w;
    const stop = eventAt === "last_purchase" ? end : churned ? end + w : asOf;
    col.customer_id.push(id);
    col.channel.push(info.channel.get(id) ?? UNKNOWN_CHANNEL);
    col.origin.push(new Date(start));
    col.last_purchase.push(new Date(end));
    col.duration_days.push((stop - start) / MS_PER_DAY);
    col.churned.push(churned);
  }
  return pl.DataFrame({
    customer_id: pl.Series("customer_id", col.customer_id, pl.Utf8),
    channel: pl.Series("channel", col.channel, pl.Utf8),
    origin: pl.Series("origin", col.origin, pl.Datetime("ms")),
    last_purchase: pl.Series("last_purchase", col.last_purchase, pl.Datetime("ms")),
    duration_days: pl.Series("duration_days", col.duration_days, pl.Float64),
    churned: pl.Series("churned", col.churned, pl.Bool),
  });
}
