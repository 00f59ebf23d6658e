/**
 * Private: feature rows for registered customers who have not bought before a cut-off, in the
 * columns of `customerFeatures`, so `snapshotDataset({ population: "registered" })` can ask the
 * purchase question of everyone.
 *
 * @module
 */
import pl from "nodejs-polars";
import { MS_PER_DAY } from "../core/constants.ts";
import { CU, EV, TX } from "../data/schema.ts";
import { ATTRIBUTE_COLUMNS, type FeatureTables } from "../prep/customer_features.ts";
import { columnsOf, epochMs, toLazy } from "../prep/_columns.ts";

/**
 * Appends rows for `ids` missing from `features` (customers with no purchase before `asOf`),
 * plus a `has_purchased` column (1 for the buyers' rows, 0 for the new ones). For non-buyers:
 * frequency, monetary, active days, returns and category shares are 0; recency, order value
 * and inter-purchase time are null (filled later by the training medians; `has_purchased`
 * lets a model tell them apart); tenure counts from signup or the first event; view/cart
 * features and attributes come from the events and customers tables as for buyers.
 */
export function withNonBuyers(
  shop: FeatureTables,
  features: pl.DataFrame,
  ids: readonly string[],
  asOf: Date,
  windowDays: number,
): pl.DataFrame {
  const t0 = asOf.getTime();
  const have = new Set(features.getColumn(TX.customer).toArray() as string[]);
  const missing = ids.filter((id) => !have.has(id));
  const buyers = features.withColumns(pl.lit(1).cast(pl.Float64).alias("has_purchased"));
  if (missing.length === 0) return buyers;
  const days = (e: pl.Expr) => pl.lit(t0).sub(e).div(pl.lit(MS_PER_DAY));
  let rows: pl.LazyDataFrame = pl.DataFrame({ [TX.customer]: missing }).lazy();
  // first sign of life: signup, else the first event before asOf
  const starts: pl.LazyDataFrame[] = [];
  if (shop.customers && columnsOf(shop.customers).includes(CU.signupDate)) {
    starts.push(
      toLazy(shop.customers).select(pl.col(CU.customer), epochMs(CU.signupDate).alias("__s")),
    );
  }
  let evAgg: pl.LazyDataFrame | undefined;
  if (shop.events) {
    const ev = toLazy(shop.events).select(EV.customer, EV.type, EV.timestamp)
      .withColumns(epochMs(EV.timestamp).alias("__t")).filter(pl.col("__t").lt(pl.lit(t0)));
    starts.push(ev.select(pl.col(EV.customer), pl.col("__t").alias("__s")));
    const isType = (t: string) => pl.col(EV.type).eq(pl.lit(t));
    const recent = pl.col("__t").gtEq(pl.lit(t0 - windowDays * MS_PER_DAY));
    evAgg = ev.select(
      pl.col(EV.customer),
      pl.when(isType("view")).then(pl.col("__t")).otherwise(pl.lit(null)).alias("__lv"),
      pl.when(isType("cart")).then(pl.col("__t")).otherwise(pl.lit(null)).alias("__lc"),
      isType("view").and(recent).cast(pl.Float64).alias(`views_${windowDays}d`),
      isType("cart").and(recent).cast(pl.Float64).alias(`carts_${windowDays}d`),
    ).groupBy(EV.customer).agg(
      pl.col("__lv").max(),
      pl.col("__lc").max(),
      pl.col(`views_${windowDays}d`).sum(),
      pl.col(`carts_${windowDays}d`).sum(),
    );
  }
  if (starts.length) {
    const first = pl.concat(starts.map((s) => s.collectSync())).lazy()
      .filter(pl.col("__s").lt(pl.lit(t0))).groupBy(CU.customer).agg(pl.col("__s").min());
    rows = rows.join(first, { on: TX.customer, how: "left" })
      .withColumns(days(pl.col("__s")).alias("tenure_days"));
  } else rows = rows.withColumns(pl.lit(null).cast(pl.Float64).alias("tenure_days"));
  if (evAgg) {
    rows = rows.join(evAgg, { on: TX.customer, how: "left" }).withColumns(
      days(pl.col("__lv")).alias("days_since_last_view"),
      days(pl.col("__lc")).alias("days_since_last_cart"),
      pl.col(`views_${windowDays}d`).fillNull(0),
      pl.col(`carts_${windowDays}d`).fillNull(0),
    );
  }
  const attrs = features.columns.filter((c) =>
    (ATTRIBUTE_COLUMNS as readonly string[]).includes(c)
  );
  if (attrs.length && shop.customers) {
    const cu = toLazy(shop.customers).select(pl.col(CU.customer), ...attrs.map((c) => pl.col(c)))
      .unique(CU.customer, "first");
    rows = rows.join(cu, { on: TX.customer, how: "left" });
  }
  const zero = new Set(["frequency", "monetary", "active_days", "returns_count"]);
  const out = rows.collectSync();
  const cols = features.columns.map((c) => {
    if (c === TX.customer || attrs.includes(c)) return pl.col(c);
    if (zero.has(c) || c.startsWith("share_")) return pl.lit(0).cast(pl.Float64).alias(c);
    return out.columns.includes(c)
      ? pl.col(c).cast(pl.Float64)
      : pl.lit(null).cast(pl.Float64).alias(c);
  });
  const extra = out.select(...cols, pl.lit(0).cast(pl.Float64).alias("has_purchased"));
  return pl.concat([buyers, extra], { how: "vertical" }).sort(TX.customer);
}
