/**
 * Private: subtracting return lines from the same customer's purchases of the same item.
 *
 * @module
 */
import pl from "nodejs-polars";
import { TX } from "../data/schema.ts";

/** What {@linkcode netReturns} did. */
export interface NetReturnsResult {
  /** Sale lines with returned units subtracted; fully returned lines removed. */
  readonly table: pl.DataFrame;
  /** Sale lines whose quantity went down but stayed positive. */
  readonly reduced: number;
  /** Sale lines whose whole quantity was returned (removed). */
  readonly removed: number;
  /** Return lines of a customer and item whose returned units exceed the units bought. */
  readonly unmatched: number;
}

/**
 * Nets returns: per (customer, item), the returned units are taken off the sale lines, latest
 * sale first. Time order between sale and return is not checked (a return of an item bought
 * before the data starts simply finds nothing, and is counted in `unmatched`).
 *
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { netReturns } from "@shoplab/lib/prep/_net_returns.ts";
 * import assert from "node:assert/strict";
 * const d = (day: number) => new Date(Date.UTC(2024, 0, day));
 * const sales = pl.DataFrame({
 *   customer_id: ["a", "a"], item_id: ["x", "x"], timestamp: [d(1), d(5)], quantity: [3, 2],
 * });
 * const returns = pl.DataFrame({ customer_id: ["a"], item_id: ["x"], quantity: [-3] });
 * const r = netReturns(sales, returns);
 * // the latest sale (2 units) is removed, the earlier one goes from 3 to 2
 * assert.deepEqual(r.table.getColumn("quantity").toArray(), [2]);
 * assert.equal(r.removed, 1);
 * assert.equal(r.reduced, 1);
 * assert.equal(r.unmatched, 0);
 * ```
 */
export function netReturns(sales: pl.DataFrame, returns: pl.DataFrame): NetReturnsResult {
  const key = [TX.customer, TX.item];
  const returned = returns.lazy().groupBy(key).agg(
    pl.col(TX.quantity).sum().mul(-1).alias("__returned"),
    pl.len().alias("__lines"),
  );
  const q = pl.col(TX.quantity);
  const rows = sales.lazy().withRowIndex("__row");
  // Only the sale lines of a (customer, item) with returns need the window computation; the
  // result joins back on the row number.
  const affected = rows.join(returned, { on: key, how: "inner" })
    .sort({
      by: [TX.customer, TX.item, TX.timestamp, "__row"],
      descending: [false, false, true, true],
    })
    .withColumns(q.cumSum().over(TX.customer, TX.item).sub(q).alias("__before"))
    .withColumns(
      pl.col("__returned").sub(pl.col("__before")).clip(0, Number.MAX_VALUE).alias("__absorb"),
    )
    .select(
      pl.col("__row"),
      pl.when(pl.col("__absorb").gtEq(q)).then(pl.lit(0)).otherwise(q.sub(pl.col("__absorb")))
        .cast(pl.Float64).alias("__net"),
    );
  const netted = rows.join(affected, { on: "__row", how: "left" })
    .withColumns(pl.col("__net").fillNull(q.cast(pl.Float64)))
    .sort("__row")
    .collectSync();
  const net = pl.col("__net");
  const counts = netted.select(
    net.eq(0).sum().alias("removed"),
    net.gt(0).and(net.lt(q)).sum().alias("reduced"),
  ).toRecords()[0] as { removed: number; reduced: number };
  const bought = sales.lazy().join(returned, { on: key, how: "semi" })
    .groupBy(key).agg(q.sum().alias("__bought"));
  const unmatched = returned.join(bought, { on: key, how: "left" })
    .filter(pl.col("__returned").gt(pl.col("__bought").fillNull(0)))
    .select(pl.col("__lines").sum().alias("n")).collectSync().getColumn("n").get(0);
  const table = netted.filter(net.gt(0))
    .withColumns(net.cast(pl.Float64).alias(TX.quantity))
    .select(...sales.columns);
  return {
    table,
    reduced: Number(counts.reduced ?? 0),
    removed: Number(counts.removed ?? 0),
    unmatched: Number(unmatched ?? 0),
  };
}
