/**
 * Private: purchase events as transaction lines, for an events-only source.
 *
 * @module
 */
import pl from "nodejs-polars";
import { EV, TX } from "./schema.ts";

/**
 * Purchase events as transaction lines (quantity 1, unit price unknown = 0).
 *
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { purchasesAsTransactions } from "@shoplab/lib/data/_purchases.ts";
 * import assert from "node:assert/strict";
 * const events = pl.DataFrame({
 *   customer_id: ["u1", "u1"],
 *   item_id: ["i1", "i2"],
 *   event_type: ["view", "purchase"],
 *   timestamp: [new Date("2025-01-01T10:00:00Z"), new Date("2025-01-01T10:05:00Z")],
 * }).withColumns(pl.col("timestamp").cast(pl.Datetime("ms")));
 * const tx = purchasesAsTransactions(events);
 * assert.equal(tx.height, 1);
 * assert.deepEqual(
 *   [tx.getColumn("order_id").get(0), tx.getColumn("quantity").get(0)],
 *   [`u1-${Date.UTC(2025, 0, 1, 10, 5)}`, 1],
 * );
 * ```
 */
export function purchasesAsTransactions<T extends pl.DataFrame | pl.LazyDataFrame>(events: T): T {
  // Both frame kinds have the same filter/select API; the union confuses the overloads.
  const e = events as unknown as pl.LazyDataFrame;
  return e.filter(pl.col(EV.type).eq(pl.lit("purchase"))).select(
    pl.col(EV.customer).alias(TX.customer),
    pl.concatString([pl.col(EV.customer), pl.col(EV.timestamp).cast(pl.Int64).cast(pl.Utf8)], "-")
      .alias(TX.order),
    pl.col(EV.timestamp).alias(TX.timestamp),
    pl.col(EV.item).alias(TX.item),
    pl.lit(1).cast(pl.Float64).alias(TX.quantity),
    pl.lit(0).cast(pl.Float64).alias(TX.unitPrice),
  ) as unknown as T;
}
