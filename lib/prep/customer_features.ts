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
import { CU, IT, TX } from "../data/schema.ts";
import { epochMs, type Frame, requireColumns, toLazy } from "./_columns.ts";
import { eventColumns, joinEventFeatures } from "./_event_features.ts";
import { withNonBuyers } from "./_non_buyer_rows.ts";

export type { Frame } from "./_columns.ts";

/**
 * The tables {@linkcode customerFeatures} reads: a `ShopData` fits, and so do lazy frames
 * (e.g. `pl.scanCSV(...)`) for tables too big to load whole.
 */
export interface FeatureTables {
  /** Canonical transactions (required). */
  readonly transactions: Frame;
  /** Canonical events (optional): enables the view/cart features. */
  readonly events?: Frame;
  /** Canonical customers (optional): enables signup tenure and the attributes. */
  readonly customers?: Frame;
  /** Canonical items (optional): enables the category shares when it has `category`. */
  readonly items?: Frame;
}

/** Options of {@linkcode customerFeatures}. */
export interface CustomerFeaturesOptions {
  /** Cut-off: only rows with timestamp < asOf are used. */
  readonly asOf: Date;
  /**
   * Window of the recent-activity counts, in days; names the columns (`views_30d`, `carts_30d`
   * for the default). Default `30`.
   */
  readonly windowDays?: number;
  /** Number of top categories (by sales value) that get a `share_<category>` column. Default `6`. */
  readonly topCategories?: number;
  /** Drop exact duplicate transaction rows first (events are taken as given). Default `true`. */
  readonly dropDuplicates?: boolean;
  /**
   * Customers who also get a row without a purchase before `asOf` (e.g. everyone registered:
   * signed up or browsed before it). Their frequency, monetary, active days, returns and
   * category shares are 0; recency, order value and inter-purchase time null; tenure counts
   * from the earlier of signup and first event before `asOf`; views, carts and attributes as
   * for buyers. When given (even empty), a last column `has_purchased` is 1 for buyers and 0
   * for these rows. Default: none (buyers only, no `has_purchased`).
   */
  readonly include?: readonly string[];
}

/** The numeric feature columns, in output order (event counts named for the default window). */
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

/** The customer attribute columns copied from the customers table when present. */
export const ATTRIBUTE_COLUMNS = [CU.channel, CU.country, CU.ageBand, CU.gender] as const;

/**
 * Column name for a category share: `share_` + lower case, runs of other characters → `_`.
 *
 * @param category Category as found in the items table.
 * @returns Column name.
 * @example
 * ```ts
 * import { categoryColumn } from "@shoplab/lib/prep/customer_features.ts";
 * import assert from "node:assert/strict";
 * assert.equal(categoryColumn("Home & Garden"), "share_home_garden");
 * ```
 */
export function categoryColumn(category: string): string {
  return "share_" + category.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "");
}

const ms = epochMs;
const days = (e: pl.Expr) => e.div(pl.lit(MS_PER_DAY));
/** Money is summed in micro-units (1e-6 of the currency), as Int64. */
const MICRO = 1_000_000;
const money = (e: pl.Expr) => e.cast(pl.Float64).div(pl.lit(MICRO));

/**
 * Builds one row per customer with at least one sale line (quantity > 0) before `asOf`:
 *
 * - `recency_days` = (asOf − last purchase) in days; `frequency` = distinct orders with a sale
 *   line; `monetary` = net revenue (sales minus returns before asOf); `active_days` = distinct
 *   UTC days with a purchase;
 * - `tenure_days` = asOf − the earlier of signup and first purchase (first purchase when there
 *   is no customers table or no signup);
 * - `avg_order_value` = sales revenue / frequency;
 * - `mean_interpurchase_days` = (last − first purchase) / (frequency − 1), null below 2 orders;
 * - `returns_count` = return lines (quantity < 0);
 * - with an items table that has categories: `share_<category>` = that category's share of the
 *   customer's sales value, for the `topCategories` best-selling categories (see
 *   {@linkcode categoryColumn});
 * - with events: `views_<W>d`, `carts_<W>d` (events in the last `windowDays` days),
 *   `days_since_last_view`, `days_since_last_cart` (null when never);
 * - with a customers table: `channel`, `country`, `age_band`, `gender` (those present);
 * - with `include`: rows for those customers without a purchase, and `has_purchased`.
 *
 * Everything runs as polars lazy queries (group-bys and joins) collected once, on the streaming
 * engine, so lazy inputs (`scanShop`, `scanSynthetic`, `pl.scanCSV`) are read in batches and
 * never held whole. Money is summed exactly: each line value (quantity × unit price) is rounded
 * to 1e-6 of the currency and summed as Int64, so the table is bit-identical for eager and lazy
 * inputs and from run to run (multi-threaded float sums are not).
 *
 * @param shop Canonical tables (`ShopData` or lazy frames).
 * @param options See {@linkcode CustomerFeaturesOptions}.
 * @returns Feature table sorted by `customer_id`; numeric features are Float64.
 * @throws {RangeError} When `asOf` is not a valid date or `windowDays` ≤ 0.
 * @throws {TypeError} When a table lacks a required column, or `include` is not an array of
 *   strings.
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
 * const f = customerFeatures({ transactions }, { asOf: d("2025-01-21") });
 * assert.deepEqual(f.getColumn("recency_days").toArray(), [10, 16]);
 * assert.deepEqual(f.getColumn("monetary").toArray(), [20, 4]);
 * assert.deepEqual(f.getColumn("mean_interpurchase_days").toArray(), [10, null]);
 * ```
 */
export function customerFeatures(
  shop: FeatureTables,
  options: CustomerFeaturesOptions,
): pl.DataFrame {
  const asOf = options.asOf instanceof Date ? options.asOf.getTime() : NaN;
  if (!Number.isFinite(asOf)) throw new RangeError("customerFeatures: asOf must be a valid Date");
  const windowDays = options.windowDays ?? 30;
  if (!(windowDays > 0)) {
    throw new RangeError(`customerFeatures: windowDays must be > 0, got ${windowDays}`);
  }
  const include = options.include;
  if (
    include !== undefined &&
    !(Array.isArray(include) && include.every((id) => typeof id === "string"))
  ) {
    throw new TypeError("customerFeatures: include must be an array of customer id strings");
  }
  const txCols = [TX.customer, TX.order, TX.timestamp, TX.item, TX.quantity, TX.unitPrice];
  requireColumns(shop.transactions, txCols, "customerFeatures (transactions)");
  let tx: pl.LazyDataFrame = toLazy(shop.transactions).select(...txCols)
    .filter(ms(TX.timestamp).lt(pl.lit(asOf)));
  if (options.dropDuplicates ?? true) tx = tx.unique();
  tx = tx.withColumns(
    ms(TX.timestamp).alias("__t"),
    // Line value in micro-units (1e-6 of the currency) as Int64: integer sums are exact, so the
    // table is bit-identical whatever the engine, thread count or chunking (float sums are not).
    pl.col(TX.quantity).cast(pl.Float64).mul(pl.col(TX.unitPrice).cast(pl.Float64))
      .mul(pl.lit(MICRO)).round(0).cast(pl.Int64).alias("__v"),
  );
  const hasCategory = shop.items !== undefined && shop.items.columns.includes(IT.category);
  if (hasCategory) {
    requireColumns(shop.items!, [IT.item], "customerFeatures (items)");
    const items = toLazy(shop.items!).select(IT.item, IT.category).unique(IT.item, "first");
    tx = tx.join(items, { on: TX.item, how: "left" });
  }
  const isSale = pl.col(TX.quantity).gt(0);
  const sales = tx.filter(isSale);

  // Share columns: per-customer sums of every candidate category are aggregated in the one
  // query below and the `topCategories` best sellers picked from the collected totals (Int64
  // sums, so the ranking equals a global group-by). Aggregations use plain sums/maxima of
  // precomputed columns: polars' fast path, unlike filters in `agg`.
  const topK = hasCategory ? options.topCategories ?? 6 : 0;
  const candidates = topK > 0 ? shareCandidates(shop.items!, sales, topK) : [];
  const shareCols = candidates.flatMap((c, i) => {
    const hit = pl.col(IT.category).eq(pl.lit(c)).fillNull(false);
    return [
      pl.when(hit).then(pl.col("__v")).otherwise(pl.lit(0)).cast(pl.Int64).alias(`__v${i}`),
      hit.cast(pl.UInt32).alias(`__n${i}`),
    ];
  });
  const shareExprs = candidates.flatMap((_, i) => [
    pl.col(`__v${i}`).sum().alias(`__v${i}`),
    pl.col(`__n${i}`).sum().alias(`__n${i}`),
  ]);

  let out = sales.withColumns(...shareCols).groupBy(TX.customer).agg(
    pl.col("__t").max().alias("__last"),
    pl.col("__t").min().alias("__first"),
    pl.col(TX.order).nUnique().cast(pl.Float64).alias("frequency"),
    pl.col("__t").div(pl.lit(MS_PER_DAY)).floor().nUnique().cast(pl.Float64).alias("active_days"),
    pl.col("__v").sum().alias("__sales"),
    ...shareExprs,
  );
  const returns = tx.filter(pl.col(TX.quantity).lt(0)).groupBy(TX.customer).agg(
    pl.len().cast(pl.Float64).alias("returns_count"),
    pl.col("__v").sum().alias("__returned"),
  );
  out = out.join(returns, { on: TX.customer, how: "left" }).withColumns(
    days(pl.lit(asOf).sub(pl.col("__last"))).alias("recency_days"),
    money(pl.col("__sales").add(pl.col("__returned").fillNull(0))).alias("monetary"),
    money(pl.col("__sales")).div(pl.col("frequency")).alias("avg_order_value"),
    pl.when(pl.col("frequency").gtEq(2))
      .then(days(pl.col("__last").sub(pl.col("__first"))).div(pl.col("frequency").sub(1)))
      .otherwise(pl.lit(null)).alias("mean_interpurchase_days"),
    pl.col("returns_count").fillNull(0),
  );

  const attrs: string[] = [];
  let start = pl.col("__first");
  if (shop.customers) {
    requireColumns(shop.customers, [CU.customer], "customerFeatures (customers)");
    const have = shop.customers.columns;
    attrs.push(...ATTRIBUTE_COLUMNS.filter((c) => have.includes(c)));
    const signup = have.includes(CU.signupDate)
      ? [ms(CU.signupDate).alias("__signup")]
      : [pl.lit(null).cast(pl.Float64).alias("__signup")];
    const cu = toLazy(shop.customers).select(
      pl.col(CU.customer),
      ...signup,
      ...attrs.map((c) => pl.col(c)),
    )
      .unique(CU.customer, "first");
    out = out.join(cu, { on: TX.customer, how: "left" });
    start = pl.minHorizontal([pl.col("__signup").fillNull(pl.col("__first")), pl.col("__first")]);
  }
  out = out.withColumns(days(pl.lit(asOf).sub(start)).alias("tenure_days"));

  const eventCols: string[] = [];
  if (shop.events) {
    eventCols.push(...eventColumns(windowDays));
    out = joinEventFeatures(out, shop.events, asOf, windowDays);
  }
  const numeric = [
    ...FEATURE_COLUMNS.slice(0, 8),
    ...eventCols,
  ];
  const collected = out.sort(TX.customer).collectSync({ engine: "streaming" });
  const top = topShares(collected, candidates, topK);
  const shareNames: string[] = [];
  for (const { category } of top) {
    let name = categoryColumn(category);
    while (shareNames.includes(name)) name += "_";
    shareNames.push(name);
  }
  const features = collected.select(
    pl.col(TX.customer),
    ...numeric.map((c) => pl.col(c).cast(pl.Float64)),
    ...top.map(({ index }, j) =>
      pl.col(`__v${index}`).cast(pl.Float64).div(pl.col("__sales").cast(pl.Float64))
        .alias(shareNames[j])
    ),
    ...attrs.map((c) => pl.col(c)),
  );
  return include === undefined ? features : withNonBuyers(shop, features, {
    ids: include,
    asOf: options.asOf,
    windowDays,
    attributes: attrs,
  });
}

/** Most categories summed per customer in the main query; more are ranked by a pre-query. */
const MAX_CANDIDATES = 64;

/** Categories that may get a share column: all of the items table's, or the top k by sales. */
function shareCandidates(items: Frame, sales: pl.LazyDataFrame, k: number): string[] {
  const all = toLazy(items).select(pl.col(IT.category).cast(pl.Utf8)).filter(
    pl.col(IT.category).isNotNull(),
  ).unique().sort(IT.category).collectSync().getColumn(IT.category).toArray() as string[];
  if (all.length <= MAX_CANDIDATES) return all;
  return sales.filter(pl.col(IT.category).isNotNull())
    .groupBy(IT.category).agg(pl.col("__v").sum().alias("v"))
    .sort(["v", IT.category], [true, false]).limit(k)
    .collectSync({ engine: "streaming" }).getColumn(IT.category).toArray() as string[];
}

/** The k candidates with the most sales value (ties: by name) among those sold at all. */
function topShares(df: pl.DataFrame, candidates: readonly string[], k: number) {
  if (candidates.length === 0) return [];
  const totals = pl.concat(candidates.map((c, i) =>
    df.select(
      pl.lit(c).cast(pl.Utf8).alias("category"),
      pl.lit(i).cast(pl.Int64).alias("index"),
      pl.col(`__v${i}`).cast(pl.Int64).sum().alias("v"),
      pl.col(`__n${i}`).cast(pl.Int64).sum().alias("n"),
    )
  ));
  const top = totals.filter(pl.col("n").gt(0)).sort(["v", "category"], [true, false]).head(k);
  return (top.select("category", "index").toRecords() as { category: string; index: number }[])
    .map((r) => ({ category: r.category, index: Number(r.index) }));
}
