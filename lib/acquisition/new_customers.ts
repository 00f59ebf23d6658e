/**
 * New customers per acquisition channel and month.
 *
 * @module
 */
import { oneOf } from "../retention/_activity.ts";
import { cohortTable, type RetentionTables } from "../retention/cohort_table.ts";
import { acquiredRows } from "./_tables.ts";

/** Options of {@linkcode newCustomers}. */
export interface NewCustomersOptions {
  /** Cut-off: only data before asOf; only months that ended by asOf. */
  readonly asOf: Date;
  /**
   * When a customer counts as acquired: at the first purchase (transactions) or at signup
   * (customers table). Default `"first_purchase"`.
   */
  readonly acquiredAt?: "first_purchase" | "signup";
}

/** One row of {@linkcode newCustomers}. */
export interface NewCustomersRow {
  /** Acquisition channel (`"unknown"` when the data has none for the customer). */
  readonly channel: string;
  /** First day of the month (UTC). */
  readonly month: Date;
  /** Customers acquired in that month through that channel. */
  readonly customers: number;
}

/**
 * Counts newly acquired customers per channel and calendar month, for complete months before
 * `asOf`. The channel comes from the customers table (or the transactions' `channel` column).
 *
 * @param tables Transactions (+ customers for channels or signup dates).
 * @param options See {@linkcode NewCustomersOptions}.
 * @returns Rows sorted by channel, then month (months without new customers are left out).
 * @throws {RangeError} Invalid `asOf`.
 * @throws {TypeError} Missing columns, or `"signup"` without signup dates.
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { newCustomers } from "@shoplab/lib/acquisition/new_customers.ts";
 * import assert from "node:assert/strict";
 * const d = (s: string) => new Date(s + "T12:00:00Z");
 * const transactions = pl.DataFrame({ customer_id: ["a", "b", "a"], order_id: ["1", "2", "3"],
 *   timestamp: [d("2025-01-05"), d("2025-02-07"), d("2025-02-08")], quantity: [1, 1, 1],
 *   unit_price: [1, 1, 1], channel: ["email", "social", "email"] });
 * const rows = newCustomers({ transactions }, { asOf: d("2025-03-01") });
 * assert.deepEqual(rows.map((r) => [r.channel, r.month.toISOString().slice(0, 7), r.customers]),
 *   [["email", "2025-01", 1], ["social", "2025-02", 1]]);
 * ```
 */
export function newCustomers(
  tables: RetentionTables,
  options: NewCustomersOptions,
): NewCustomersRow[] {
  const kind = oneOf(
    options.acquiredAt ?? "first_purchase",
    ["first_purchase", "signup"],
    "acquiredAt",
    "newCustomers",
  );
  return acquiredRows(
    cohortTable(tables, { asOf: options.asOf, cohort: kind, by: "channel", maxPeriods: 0 }),
  );
}
