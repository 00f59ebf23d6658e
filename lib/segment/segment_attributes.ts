/**
 * Picking the categorical customer attributes a data set has, for segmentation.
 *
 * @module
 */
import pl from "nodejs-polars";
import { CU, TX } from "../data/schema.ts";
import { requireColumns } from "../prep/_columns.ts";

/** Attribute columns looked for, in this order. */
export const SEGMENT_ATTRIBUTES: readonly string[] = [
  CU.gender,
  CU.ageBand,
  CU.country,
  CU.channel,
];

/** Options of {@linkcode segmentAttributes}. */
export interface SegmentAttributesOptions {
  /** Candidate columns. Default {@linkcode SEGMENT_ATTRIBUTES} (gender, age band, country, channel). */
  readonly columns?: readonly string[];
  /**
   * Categories held by fewer than this share of customers are merged into `"other"`, so that
   * k-means does not get one indicator column per rare country. Default `0.01`.
   */
  readonly minShare?: number;
}

/** The table with its attributes, and which attributes were found. */
export interface SegmentAttributes {
  /** `features` with the attribute columns (rare categories merged), same rows and order. */
  readonly table: pl.DataFrame;
  /** Attribute columns present (text), in the order of `columns`. */
  readonly categorical: readonly string[];
  /** Where each attribute came from: `"customers"` (the table) or `"transactions"` (modal value). */
  readonly source: Readonly<Record<string, "customers" | "transactions">>;
}

/**
 * Finds the categorical attributes a shop has for segmentation. Attributes of the customers
 * table are already in the feature table (`customerFeatures` copies them); a shop without one —
 * UCI Online Retail — still has a `country` on every transaction, so each customer gets the
 * country of most of their lines (ties: alphabetical). Categories rarer than `minShare` become
 * `"other"`; missing values stay missing (the one-hot encoder gives them their own column).
 *
 * @param features One row per customer with a `customer_id` column.
 * @param transactions Canonical transactions (optional; used for `country` when missing).
 * @param options See {@linkcode SegmentAttributesOptions}.
 * @returns The table, the attribute columns found (possibly none) and their sources.
 * @throws {TypeError} When `features` has no `customer_id` column.
 * @throws {RangeError} When `minShare` is not in [0, 1).
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { segmentAttributes } from "@shoplab/lib/segment/segment_attributes.ts";
 * import assert from "node:assert/strict";
 * const features = pl.DataFrame({ customer_id: ["a", "b"], frequency: [1, 3] });
 * const transactions = pl.DataFrame({
 *   customer_id: ["a", "a", "a", "b"], country: ["UK", "FR", "UK", "DE"],
 * });
 * const s = segmentAttributes(features, transactions, { minShare: 0 });
 * assert.deepEqual(s.categorical, ["country"]);
 * assert.deepEqual(s.table.getColumn("country").toArray(), ["UK", "DE"]);
 * ```
 */
export function segmentAttributes(
  features: pl.DataFrame,
  transactions?: pl.DataFrame,
  options: SegmentAttributesOptions = {},
): SegmentAttributes {
  const wanted = options.columns ?? SEGMENT_ATTRIBUTES;
  const minShare = options.minShare ?? 0.01;
  if (!(minShare >= 0 && minShare < 1)) {
    throw new RangeError(`segmentAttributes: minShare must be in [0, 1), got ${minShare}`);
  }
  requireColumns(features, [CU.customer], "segmentAttributes");
  let table = features;
  const source: Record<string, "customers" | "transactions"> = {};
  for (const c of wanted) {
    if (table.columns.includes(c)) source[c] = "customers";
    else if (transactions && transactions.columns.includes(c) && c === TX.country) {
      const modal = transactions.lazy()
        .filter(pl.col(c).isNotNull())
        .groupBy([TX.customer, c]).agg(pl.len().alias("__n"))
        .sort(["__n", c], [true, false])
        .groupBy(TX.customer, { maintainOrder: true }).agg(pl.col(c).first().alias(c))
        .collectSync();
      table = table.withRowIndex("__row").join(modal, { on: CU.customer, how: "left" })
        .sort("__row").drop("__row");
      source[c] = "transactions";
    }
  }
  const categorical = wanted.filter((c) => c in source);
  const n = table.height;
  if (minShare > 0 && n > 0) {
    for (const c of categorical) {
      const counts = table.select(pl.col(c).cast(pl.Utf8)).getColumn(c).valueCounts();
      const keep = counts.filter(pl.col("count").div(n).gtEq(minShare).and(pl.col(c).isNotNull()))
        .getColumn(c).toArray() as string[];
      table = table.withColumns(
        pl.when(pl.col(c).isNull()).then(pl.lit(null))
          .when(pl.col(c).cast(pl.Utf8).isIn(keep)).then(pl.col(c).cast(pl.Utf8))
          .otherwise(pl.lit("other")).alias(c),
      );
    }
  }
  return { table, categorical, source };
}
