/**
 * Revenue, orders and customers per day, week or month.
 *
 * @module
 */
import pl from "nodejs-polars";
import { TX } from "../data/schema.ts";

/** Options of {@linkcode revenueByPeriod}. */
export interface RevenueByPeriodOptions {
  /** Bucket size. Default `"week"` (weeks start on Monday). */
  readonly period?: "day" | "week" | "month";
}

/**
 * Net revenue, orders and distinct customers per day, week or month.
 *
 * @param tx Canonical transactions.
 * @param options See {@linkcode RevenueByPeriodOptions}.
 * @returns Rows `{ period, revenue, orders, customers }` in time order (`period` = bucket start).
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { revenueByPeriod } from "@shoplab/lib/prep/revenue_by_period.ts";
 * import assert from "node:assert/strict";
 * const tx = pl.DataFrame({ customer_id: ["a", "b"], order_id: ["1", "2"],
 *   timestamp: [new Date("2025-01-06T10:00:00Z"), new Date("2025-01-07T10:00:00Z")],
 *   quantity: [1, 2], unit_price: [10, 5] });
 * const rows = revenueByPeriod(tx, { period: "week" });
 * assert.equal(rows.length, 1);
 * assert.equal(rows[0].revenue, 20);
 * ```
 */
export function revenueByPeriod(
  tx: pl.DataFrame,
  options: RevenueByPeriodOptions = {},
): { period: Date; revenue: number; orders: number; customers: number }[] {
  const every = { day: "1d", week: "1w", month: "1mo" }[options.period ?? "week"];
  const out = tx.lazy()
    .withColumns(pl.col(TX.timestamp).cast(pl.Datetime("ms")).dt.truncate(every).alias("period"))
    .groupBy("period").agg(
      pl.col(TX.quantity).mul(pl.col(TX.unitPrice)).sum().alias("revenue"),
      pl.col(TX.order).nUnique().alias("orders"),
      pl.col(TX.customer).nUnique().alias("customers"),
    ).sort("period").collectSync();
  return out.toRecords() as unknown as {
    period: Date;
    revenue: number;
    orders: number;
    customers: number;
  }[];
}
