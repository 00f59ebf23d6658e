/**
 * Small descriptive tables used to look at data before modelling: table sizes, missing values,
 * revenue over time, the date ranges of a split, top items.
 *
 * @module
 */
import pl from "nodejs-polars";
import { IT, TX } from "../data/schema.ts";
import type { ShopData } from "../data/types.ts";

/** One row per loaded table. */
export interface TableSizeRow {
  readonly table: string;
  readonly rows: number;
  readonly columns: string;
}

/**
 * Lists the tables of a loaded shop with their row counts and columns.
 *
 * @param shop Loaded shop.
 * @returns One row per table present.
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { shopSummary } from "@shoplab/lib/prep/summaries.ts";
 * import assert from "node:assert/strict";
 * const rows = shopSummary({ source: { format: "transactions", path: "" }, cleaning: [],
 *   transactions: pl.DataFrame({ customer_id: ["a"] }) });
 * assert.deepEqual(rows, [{ table: "transactions", rows: 1, columns: "customer_id" }]);
 * ```
 */
export function shopSummary(shop: ShopData): TableSizeRow[] {
  const tables: [string, pl.DataFrame | undefined][] = [
    ["transactions", shop.transactions],
    ["events", shop.events],
    ["customers", shop.customers],
    ["items", shop.items],
    ["channelSpend", shop.channelSpend],
  ];
  return tables.filter(([, df]) => df !== undefined).map(([table, df]) => ({
    table,
    rows: df!.height,
    columns: df!.columns.join(", "),
  }));
}

/** One row of {@linkcode missingSummary}. */
export interface MissingRow {
  readonly column: string;
  readonly missing: number;
  readonly share: number;
}

/**
 * Counts missing values (null, and NaN for floats) per column.
 *
 * @param df Table.
 * @returns One row per column, in table order.
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { missingSummary } from "@shoplab/lib/prep/summaries.ts";
 * import assert from "node:assert/strict";
 * const rows = missingSummary(pl.DataFrame({ a: [1, null, NaN, 4] }));
 * assert.deepEqual(rows, [{ column: "a", missing: 2, share: 0.5 }]);
 * ```
 */
export function missingSummary(df: pl.DataFrame): MissingRow[] {
  return df.columns.map((c) => {
    const s = df.getColumn(c);
    let missing = s.nullCount();
    if (String(s.dtype).includes("Float")) {
      missing += Number(df.select(pl.col(c).isNan().sum().alias(c)).getColumn(c).get(0) ?? 0);
    }
    return { column: c, missing, share: df.height === 0 ? 0 : missing / df.height };
  });
}

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
 * import { revenueByPeriod } from "@shoplab/lib/prep/summaries.ts";
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

/**
 * The time range and size of each part of a split, to check a chronological split really keeps
 * the future out of training.
 *
 * @param parts Named tables (e.g. `{ train, validation, test }`).
 * @param time Time column.
 * @returns One row per part: rows, first and last time.
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { splitSummary } from "@shoplab/lib/prep/summaries.ts";
 * import assert from "node:assert/strict";
 * const rows = splitSummary({ train: pl.DataFrame({ t: [new Date(0), new Date(5)] }) }, "t");
 * assert.equal(rows[0].rows, 2);
 * ```
 */
export function splitSummary(
  parts: Readonly<Record<string, pl.DataFrame>>,
  time: string,
): { part: string; rows: number; first: Date | null; last: Date | null }[] {
  return Object.entries(parts).map(([part, df]) => {
    const t = df.getColumn(time).cast(pl.Datetime("ms"));
    return {
      part,
      rows: df.height,
      first: df.height ? new Date(Number(t.cast(pl.Int64).min())) : null,
      last: df.height ? new Date(Number(t.cast(pl.Int64).max())) : null,
    };
  });
}

/**
 * The best-selling items by net revenue, with title and category when the items table has them.
 *
 * @param shop Loaded shop.
 * @param n Number of items. Default `10`.
 * @returns Rows `{ item_id, title, category, revenue, units }`, best first.
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { topItems } from "@shoplab/lib/prep/summaries.ts";
 * import assert from "node:assert/strict";
 * const transactions = pl.DataFrame({ item_id: ["x", "y", "x"], quantity: [1, 1, 1], unit_price: [5, 7, 5] });
 * const rows = topItems({ source: { format: "transactions", path: "" }, cleaning: [], transactions }, 1);
 * assert.equal(rows[0].item_id, "x");
 * ```
 */
export function topItems(shop: ShopData, n = 10): Record<string, string | number | null>[] {
  let df = shop.transactions.lazy().groupBy(TX.item).agg(
    pl.col(TX.quantity).mul(pl.col(TX.unitPrice)).sum().alias("revenue"),
    pl.col(TX.quantity).sum().alias("units"),
  ).sort("revenue", true).limit(n);
  if (shop.items) {
    const cols = [IT.item, IT.title, IT.category].filter((c) => shop.items!.columns.includes(c));
    df = df.join(shop.items.lazy().select(...cols), { on: TX.item, how: "left" });
  }
  return df.sort("revenue", true).collectSync().toRecords() as Record<
    string,
    string | number | null
  >[];
}
