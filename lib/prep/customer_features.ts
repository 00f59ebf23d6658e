/**
 * The per-customer feature table at a cut-off date: RFM, tenure, activity, order value,
 * inter-purchase time, returns, category shares, recent views and carts, and customer
 * attributes. Only data strictly before `asOf` is used, so the table can feed models that
 * predict what happens after it.
 *
 * @module
 */
import pl from "nodejs-polars";
import { MS_PER_DAY } from "../core/constants.ts";
import { CU, EV, IT, TX } from "../data/schema.ts";
import type { ShopData } from "../data/types.ts";

/** Options of {@linkcode customerFeatures}. */
export interface CustomerFeaturesOptions {
  /** Cut-off: only rows with timestamp < asOf are used. */
  readonly asOf: Date;
  /** Window for the recent-activity counts (`views_30d`, `carts_30d`), in days. Default `30`. */
  readonly windowDays?: number;
  /** Number of most-bought categories that get a `share_<category>` column. Default `6`. */
  readonly topCategories?: number;
  /** Drop exact duplicate rows of transactions and events first. Default `true`. */
  readonly dropDuplicates?: boolean;
}

/** Numeric feature columns produced when the data allows (category shares come on top). */
export const FEATURE_COLUMNS = [
  "recency_days",
  "frequency",
  "monetary",
  "tenure_days",
  "active_days",
  "avg_order_value",
  "mean_interpurchase_days",
  "returns_count",
  "days_since_last_view",
  "days_since_last_cart",
  "views_30d",
  "carts_30d",
] as const;

function epochMs(col: string): pl.Expr {
  return pl.col(col).cast(pl.Datetime("ms")).cast(pl.Int64).cast(pl.Float64);
}

/** Safe column name for a category: lower case, non-alphanumerics → `_`. */
export function categoryColumn(category: string): string {
  return "share_" + category.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "");
}

/**
 * Builds one row per customer who bought before `asOf`:
 *
 * - `recency_days` = (asOf − last purchase) in days; `frequency` = distinct orders;
 *   `monetary` = net revenue (sales minus returns); `active_days` = distinct purchase days;
 * - `tenure_days` = asOf − signup (or first purchase when there is no customers table);
 * - `avg_order_value` = sales revenue / frequency;
 * - `mean_interpurchase_days` = (last − first purchase) / (frequency − 1), null below 2 orders;
 * - `returns_count` = return lines; `share_<category>` = share of purchase lines per category;
 * - with events: `views_30d`, `carts_30d` (last `windowDays`), `days_since_last_view`,
 *   `days_since_last_cart` (null when never);
 * - with a customers table: `channel`, `country`, `age_band`, `gender`.
 *
 * @param shop Loaded shop (canonical tables).
 * @param options See {@linkcode CustomerFeaturesOptions}.
 * @returns Feature table sorted by `customer_id`.
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { customerFeatures } from "@shoplab/lib/prep/customer_features.ts";
 * import assert from "node:assert/strict";
 * const d = (s: string) => new Date(s + "T00:00:00Z");
 * const transactions = pl.DataFrame({
 *   customer_id: ["a", "a", "b"], order_id: ["1", "2", "3"],
 *   timestamp: [d("2025-01-01"), d("2025-01-11"), d("2025-01-05")], item_id: ["x", "y", "x"],
 *   quantity: [1, 2, 1], unit_price: [10, 5, 4],
 * });
 * const f = customerFeatures({ source: { format: "transactions", path: "" }, transactions, cleaning: [] },
 *   { asOf: d("2025-01-21") });
 * assert.deepEqual(f.getColumn("recency_days").toArray(), [10, 16]);
 * assert.deepEqual(f.getColumn("monetary").toArray(), [20, 4]);
 * assert.deepEqual(f.getColumn("mean_interpurchase_days").toArray(), [10, null]);
 * ```
 */
export function customerFeatures(shop: ShopData, options: CustomerFeaturesOptions): pl.DataFrame {
  const asOf = options.asOf.getTime();
  const window = (options.windowDays ?? 30) * MS_PER_DAY;
  const dedupe = options.dropDuplicates ?? true;
  const days = (e: pl.Expr) => e.div(pl.lit(MS_PER_DAY));
  let tx = shop.transactions.lazy();
  if (dedupe) tx = tx.unique();
  tx = tx.withColumns(
    epochMs(TX.timestamp).alias("__t"),
    pl.col(TX.quantity).mul(pl.col(TX.unitPrice)).alias("__value"),
  )
    .filter(pl.col("__t").lt(pl.lit(asOf)));
  if (shop.items && shop.items.columns.includes(IT.category)) {
    tx = tx.join(shop.items.lazy().select(IT.item, IT.category), { on: TX.item, how: "left" });
  }
  const sales = tx.filter(pl.col(TX.quantity).gt(0));
  let out = sales.groupBy(TX.customer).agg(
    pl.col("__t").max().alias("__last"),
    pl.col("__t").min().alias("__first"),
    pl.col(TX.order).nUnique().cast(pl.Float64).alias("frequency"),
    pl.col("__t").div(pl.lit(MS_PER_DAY)).floor().nUnique().cast(pl.Float64).alias("active_days"),
    pl.col("__value").sum().alias("__sales"),
  );
  const returns = tx.filter(pl.col(TX.quantity).lt(0)).groupBy(TX.customer).agg(
    pl.len().cast(pl.Float64).alias("returns_count"),
    pl.col("__value").sum().alias("__returned"),
  );
  out = out.join(returns, { on: TX.customer, how: "left" }).withColumns(
    days(pl.lit(asOf).sub(pl.col("__last"))).alias("recency_days"),
    pl.col("__sales").add(pl.col("__returned").fillNull(0)).alias("monetary"),
    pl.col("__sales").div(pl.col("frequency")).alias("avg_order_value"),
    pl.when(pl.col("frequency").gtEq(2))
      .then(days(pl.col("__last").sub(pl.col("__first"))).div(pl.col("frequency").sub(1)))
      .otherwise(pl.lit(null)).alias("mean_interpurchase_days"),
    pl.col("returns_count").fillNull(0),
  );
  if (shop.customers) {
    const cu = shop.customers.lazy().select(
      pl.col(CU.customer),
      epochMs(CU.signupDate).alias("__signup"),
      ...[CU.channel, CU.country, CU.ageBand, CU.gender].filter((c) =>
        shop.customers!.columns.includes(c)
      ).map((c) => pl.col(c)),
    );
    out = out.join(cu, { on: TX.customer, how: "left" }).withColumns(
      days(
        pl.lit(asOf).sub(
          pl.minHorizontal([pl.col("__signup").fillNull(pl.col("__first")), pl.col("__first")]),
        ),
      ).alias("tenure_days"),
    );
  } else {
    out = out.withColumns(days(pl.lit(asOf).sub(pl.col("__first"))).alias("tenure_days"));
  }
  if (shop.events) {
    let ev = shop.events.lazy();
    if (dedupe) ev = ev.unique();
    ev = ev.withColumns(epochMs(EV.timestamp).alias("__t")).filter(pl.col("__t").lt(pl.lit(asOf)));
    const recent = pl.col("__t").gtEq(pl.lit(asOf - window));
    const isType = (t: string) => pl.col(EV.type).eq(pl.lit(t));
    const evAgg = ev.groupBy(EV.customer).agg(
      pl.col("__t").filter(isType("view")).max().alias("__last_view"),
      pl.col("__t").filter(isType("cart")).max().alias("__last_cart"),
      isType("view").and(recent).sum().cast(pl.Float64).alias("views_30d"),
      isType("cart").and(recent).sum().cast(pl.Float64).alias("carts_30d"),
    );
    out = out.join(evAgg, { on: TX.customer, how: "left" }).withColumns(
      days(pl.lit(asOf).sub(pl.col("__last_view"))).alias("days_since_last_view"),
      days(pl.lit(asOf).sub(pl.col("__last_cart"))).alias("days_since_last_cart"),
      pl.col("views_30d").fillNull(0),
      pl.col("carts_30d").fillNull(0),
    );
  }
  let table = out.collectSync();
  if (shop.items && shop.items.columns.includes(IT.category)) {
    const top = sales.filter(pl.col(IT.category).isNotNull()).groupBy(IT.category).agg(
      pl.len().alias("n"),
    )
      .sort("n", true).limit(options.topCategories ?? 6).collectSync().getColumn(IT.category)
      .toArray() as string[];
    if (top.length > 0) {
      const shares = sales.groupBy(TX.customer).agg(
        ...top.map((c) =>
          pl.col(IT.category).eq(pl.lit(c)).cast(pl.Float64).sum().div(pl.len().cast(pl.Float64))
            .cast(pl.Float64).alias(
              categoryColumn(c),
            )
        ),
      ).collectSync();
      table = table.join(shares, { on: TX.customer, how: "left" });
    }
  }
  const numeric = FEATURE_COLUMNS.filter((c) => table.columns.includes(c));
  const extra = table.columns.filter((c) => c.startsWith("share_"));
  const attrs = [CU.channel, CU.country, CU.ageBand, CU.gender].filter((c) =>
    table.columns.includes(c)
  );
  return table.select(TX.customer, ...numeric, ...extra, ...attrs).sort(TX.customer);
}
