/**
 * Private: the view/cart features of `customerFeatures`, shared by the buyers' rows and the
 * rows of registered customers without a purchase.
 *
 * @module
 */
import pl from "nodejs-polars";
import { MS_PER_DAY } from "../core/constants.ts";
import { EV } from "../data/schema.ts";
import { epochMs, type Frame, requireColumns, toLazy } from "./_columns.ts";

/** The event feature columns for a window of `windowDays` days, in output order. */
export function eventColumns(windowDays: number): string[] {
  return [
    "days_since_last_view",
    "days_since_last_cart",
    `views_${windowDays}d`,
    `carts_${windowDays}d`,
  ];
}

/**
 * Joins the view/cart features onto `rows` (by `customer_id`): `days_since_last_view`,
 * `days_since_last_cart` (null when never, before `asOf`), `views_<W>d`, `carts_<W>d` (events
 * in the last `windowDays` days before `asOf`, 0 when none).
 *
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { joinEventFeatures } from "@shoplab/lib/prep/_event_features.ts";
 * import assert from "node:assert/strict";
 * const t = (s: string) => new Date(s + "T00:00:00Z");
 * const events = pl.DataFrame({
 *   customer_id: ["a", "a", "b"], event_type: ["view", "cart", "view"],
 *   timestamp: [t("2025-01-01"), t("2025-01-09"), t("2025-02-01")],
 * });
 * const rows = pl.DataFrame({ customer_id: ["a", "b"] }).lazy();
 * const out = joinEventFeatures(rows, events, t("2025-01-11").getTime(), 5).collectSync();
 * assert.deepEqual(out.getColumn("days_since_last_view").toArray(), [10, null]);
 * assert.deepEqual(out.getColumn("carts_5d").toArray(), [1, 0]);
 * ```
 */
export function joinEventFeatures(
  rows: pl.LazyDataFrame,
  events: Frame,
  asOf: number,
  windowDays: number,
): pl.LazyDataFrame {
  requireColumns(events, [EV.customer, EV.type, EV.timestamp], "customerFeatures (events)");
  const [lastView, lastCart, views, carts] = eventColumns(windowDays);
  const days = (e: pl.Expr) => e.div(pl.lit(MS_PER_DAY));
  const recent = pl.col("__t").gtEq(pl.lit(asOf - windowDays * MS_PER_DAY));
  const isType = (t: string) => pl.col(EV.type).eq(pl.lit(t));
  const evAgg = toLazy(events).select(EV.customer, EV.type, EV.timestamp)
    .withColumns(epochMs(EV.timestamp).alias("__t"))
    // `eq`, not `isIn`: polars' streaming engine holds a whole column for `isIn`.
    .filter(pl.col("__t").lt(pl.lit(asOf)).and(isType("view").or(isType("cart"))))
    .select(
      pl.col(EV.customer),
      pl.when(isType("view")).then(pl.col("__t")).otherwise(pl.lit(null)).alias("__last_view"),
      pl.when(isType("cart")).then(pl.col("__t")).otherwise(pl.lit(null)).alias("__last_cart"),
      isType("view").and(recent).cast(pl.Float64).alias(views),
      isType("cart").and(recent).cast(pl.Float64).alias(carts),
    )
    .groupBy(EV.customer).agg(
      pl.col("__last_view").max(),
      pl.col("__last_cart").max(),
      pl.col(views).sum(),
      pl.col(carts).sum(),
    );
  return rows.join(evAgg, { on: EV.customer, how: "left" }).withColumns(
    days(pl.lit(asOf).sub(pl.col("__last_view"))).alias(lastView),
    days(pl.lit(asOf).sub(pl.col("__last_cart"))).alias(lastCart),
    pl.col(views).fillNull(0),
    pl.col(carts).fillNull(0),
  );
}
