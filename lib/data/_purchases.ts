/**
 * Private: purchase events as transaction lines, for an events-only source.
 *
 * @module
 */
import pl from "nodejs-polars";
import { EV, TX } from "./schema.ts";

/** Purchase events as transaction lines (quantity 1, unit price unknown = 0). */
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
