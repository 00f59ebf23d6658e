/**
 * Churn and purchase labels: what each customer does in the window after a cut-off date.
 *
 * @module
 */
import pl from "nodejs-polars";
import { MS_PER_DAY } from "../core/constants.ts";
import { TX } from "../data/schema.ts";
import { epochMs, type Frame, isEager, requireColumns, toLazy } from "./_columns.ts";

/** Options of {@linkcode futureLabels}. */
export interface FutureLabelsOptions {
  /** Cut-off: features use t < asOf, labels use asOf ≤ t < asOf + windowDays. */
  readonly asOf: Date;
  /** Length of the label window, in days. Default `90`. */
  readonly windowDays?: number;
  /**
   * Customers to label (ids, or a table with `customer_id`, e.g. the feature table). Default:
   * every customer with a sale line before `asOf`.
   */
  readonly customers?: readonly string[] | pl.DataFrame;
  /**
   * Allow a window that ends after the last transaction in the data. Default `false`: such
   * labels call every customer a churner for lack of data, so it throws.
   */
  readonly allowPartialWindow?: boolean;
}

/**
 * Labels each customer by their purchases in the window [asOf, asOf + windowDays):
 * `purchases` = distinct orders with a sale line (quantity > 0) in the window,
 * `purchase` = 1 when `purchases` ≥ 1, and `churn` = 1 − `purchase` (no purchase in the window).
 *
 * The window starts at `asOf` inclusive, where the features (t < asOf) stop, so no instant
 * belongs to both or neither.
 *
 * @param tx Canonical transactions (eager or lazy).
 * @param options See {@linkcode FutureLabelsOptions}.
 * @returns `customer_id`, `purchases`, `purchase`, `churn` (Int32), sorted by `customer_id`.
 * @throws {RangeError} When the data ends before the window does (unless allowed), `asOf` is
 *   invalid or `windowDays` ≤ 0.
 * @throws {TypeError} When a required column is missing.
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { futureLabels } from "@shoplab/lib/prep/future_labels.ts";
 * import assert from "node:assert/strict";
 * const d = (s: string) => new Date(s + "T00:00:00Z");
 * const tx = pl.DataFrame({
 *   customer_id: ["a", "b", "a", "c"], order_id: ["1", "2", "3", "4"],
 *   timestamp: [d("2025-01-01"), d("2025-01-02"), d("2025-02-10"), d("2025-04-30")],
 *   quantity: [1, 1, 1, 1],
 * });
 * const y = futureLabels(tx, { asOf: d("2025-02-01"), windowDays: 30 });
 * assert.deepEqual(y.getColumn("customer_id").toArray(), ["a", "b"]);
 * assert.deepEqual(y.getColumn("churn").toArray(), [0, 1]);
 * ```
 */
export function futureLabels(tx: Frame, options: FutureLabelsOptions): pl.DataFrame {
  const asOf = options.asOf instanceof Date ? options.asOf.getTime() : NaN;
  if (!Number.isFinite(asOf)) throw new RangeError("futureLabels: asOf must be a valid Date");
  const windowDays = options.windowDays ?? 90;
  if (!(windowDays > 0)) {
    throw new RangeError(`futureLabels: windowDays must be > 0, got ${windowDays}`);
  }
  requireColumns(tx, [TX.customer, TX.order, TX.timestamp, TX.quantity], "futureLabels");
  const end = asOf + windowDays * MS_PER_DAY;
  const t = epochMs(TX.timestamp);
  const lazy = toLazy(tx).select(TX.customer, TX.order, TX.timestamp, TX.quantity)
    .filter(pl.col(TX.quantity).gt(0));
  if (!options.allowPartialWindow) {
    const last = lazy.select(t.max().alias("m")).collectSync().getColumn("m").get(0) as
      | number
      | null;
    if (last === null || last < end - MS_PER_DAY) {
      const seen = last === null ? "no sales" : `its last sale on ${new Date(last).toISOString()}`;
      throw new RangeError(
        `futureLabels: the label window ends ${
          new Date(end).toISOString()
        } but the data has ${seen}; choose an earlier asOf or a shorter window (or allowPartialWindow)`,
      );
    }
  }
  let who: pl.LazyDataFrame;
  if (options.customers === undefined) {
    who = lazy.filter(t.lt(pl.lit(asOf))).select(TX.customer).unique();
  } else if (isEager(options.customers)) {
    requireColumns(options.customers, [TX.customer], "futureLabels (customers)");
    who = options.customers.lazy().select(pl.col(TX.customer).cast(pl.Utf8)).unique();
  } else {
    const ids = pl.Series(TX.customer, [...(options.customers as readonly string[])], pl.Utf8);
    who = pl.DataFrame([ids]).lazy().unique();
  }
  const counts = lazy.filter(t.gtEq(pl.lit(asOf)).and(t.lt(pl.lit(end))))
    .groupBy(TX.customer).agg(pl.col(TX.order).nUnique().cast(pl.Int32).alias("purchases"));
  return who.join(counts, { on: TX.customer, how: "left" })
    .select(
      pl.col(TX.customer),
      pl.col("purchases").fillNull(0).cast(pl.Int32),
      pl.col("purchases").fillNull(0).gt(0).cast(pl.Int32).alias("purchase"),
      pl.col("purchases").fillNull(0).eq(0).cast(pl.Int32).alias("churn"),
    )
    .sort(TX.customer)
    .collectSync({ engine: "streaming" });
}
