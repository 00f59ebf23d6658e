/**
 * Private: rows of `customerFeatures` for customers with no purchase before the cut-off (its
 * `include` option), so the purchase question can be asked of every registered customer.
 *
 * @module
 */
import pl from "nodejs-polars";
import { MS_PER_DAY } from "../core/constants.ts";
import { CU, EV, TX } from "../data/schema.ts";
import { columnsOf, epochMs, type Frame, toLazy } from "./_columns.ts";
import { joinEventFeatures } from "./_event_features.ts";

/** The tables the non-buyer rows read (those of `customerFeatures`). */
export interface NonBuyerTables {
  /** Canonical events (optional): first event, views and carts. */
  readonly events?: Frame;
  /** Canonical customers (optional): signup date and attributes. */
  readonly customers?: Frame;
}

/** What to add: who, at which cut-off, with which window and attribute columns. */
export interface NonBuyerOptions {
  /** Customers to give a row (those already in `features` are kept as they are). */
  readonly ids: readonly string[];
  /** Cut-off: only rows with a time strictly before it count. */
  readonly asOf: Date;
  /** Window of the recent view/cart counts, in days. */
  readonly windowDays: number;
  /** Attribute columns of `features` copied from the customers table. */
  readonly attributes: readonly string[];
}

/**
 * Appends rows for `ids` missing from `features` (customers with no purchase before `asOf`),
 * plus a `has_purchased` column (1 for the buyers' rows, 0 for the new ones). For non-buyers:
 * frequency, monetary, active days, returns and category shares are 0; recency, order value
 * and inter-purchase time are null; tenure counts from the earlier of signup and first event
 * before `asOf` (null when neither); view/cart features and attributes come from the events
 * and customers tables as for buyers. Rows sorted by `customer_id`.
 *
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { withNonBuyers } from "@shoplab/lib/prep/_non_buyer_rows.ts";
 * import assert from "node:assert/strict";
 * const t = (s: string) => new Date(s + "T00:00:00Z");
 * const features = pl.DataFrame({ customer_id: ["b"], frequency: [2], tenure_days: [30] });
 * const customers = pl.DataFrame({ customer_id: ["a", "b"], signup_date: [t("2025-01-01"), t("2024-12-01")] });
 * const out = withNonBuyers({ customers }, features, {
 *   ids: ["a", "b"],
 *   asOf: t("2025-01-11"),
 *   windowDays: 30,
 *   attributes: [],
 * });
 * assert.deepEqual(out.getColumn("customer_id").toArray(), ["a", "b"]);
 * assert.deepEqual(out.getColumn("frequency").toArray(), [0, 2]);
 * assert.deepEqual(out.getColumn("tenure_days").toArray(), [10, 30]);
 * assert.deepEqual(out.getColumn("has_purchased").toArray(), [0, 1]);
 * ```
 */
export function withNonBuyers(
  shop: NonBuyerTables,
  features: pl.DataFrame,
  options: NonBuyerOptions,
): pl.DataFrame {
  const { ids, windowDays } = options;
  const t0 = options.asOf.getTime();
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
  if (shop.events) {
    starts.push(
      toLazy(shop.events).select(pl.col(EV.customer), epochMs(EV.timestamp).alias("__s"))
        .filter(pl.col("__s").lt(pl.lit(t0))),
    );
  }
  if (starts.length) {
    const first = pl.concat(starts.map((s) => s.collectSync())).lazy()
      .filter(pl.col("__s").lt(pl.lit(t0))).groupBy(CU.customer).agg(pl.col("__s").min());
    rows = rows.join(first, { on: TX.customer, how: "left" })
      .withColumns(days(pl.col("__s")).alias("tenure_days"));
  } else rows = rows.withColumns(pl.lit(null).cast(pl.Float64).alias("tenure_days"));
  if (shop.events) rows = joinEventFeatures(rows, shop.events, t0, windowDays);
  const attrs = features.columns.filter((c) => options.attributes.includes(c));
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
