/**
 * Table sizes of a loaded shop.
 *
 * @module
 */
import type pl from "nodejs-polars";
import type { ShopData } from "../data/types.ts";

/** One row per loaded table. */
export type TableSizeRow = {
  /** Table name (`transactions`, `events`, …). */
  readonly table: string;
  /** Row count. */
  readonly rows: number;
  /** Column names, comma-separated. */
  readonly columns: string;
};

/**
 * Lists the tables of a loaded shop with their row counts and columns.
 *
 * @param shop Loaded shop.
 * @returns One row per table present.
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { shopSummary } from "@shoplab/lib/prep/shop_summary.ts";
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
