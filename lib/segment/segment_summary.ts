/**
 * Size and value of each segment.
 *
 * @module
 */
import pl from "nodejs-polars";
import { requireColumns, requireNumeric } from "../prep/_columns.ts";
import { RFM_SEGMENTS } from "./rfm_segments.ts";

/** Options of {@linkcode segmentSummary}. */
export interface SegmentSummaryOptions {
  /** Segment column. Default `"segment"`. */
  readonly segment?: string;
  /** Value column summed per segment. Default `"monetary"`. */
  readonly value?: string;
  /** Columns averaged per segment (those present). Default recency, frequency, monetary. */
  readonly means?: readonly string[];
  /** Row order of segments; others follow, largest first. Default {@linkcode RFM_SEGMENTS}. */
  readonly order?: readonly string[];
}

/**
 * Summarises segments: customers, share of customers, total value, share of value, and the
 * mean of a few columns (`mean_<column>`), so a notebook can show e.g. that champions are 15 %
 * of customers and 45 % of revenue.
 *
 * @param df Table with a segment column (e.g. from `rfmSegments`).
 * @param options See {@linkcode SegmentSummaryOptions}.
 * @returns One row per segment present.
 * @throws {TypeError} When the segment or value column is missing.
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { segmentSummary } from "@shoplab/lib/segment/segment_summary.ts";
 * import assert from "node:assert/strict";
 * const df = pl.DataFrame({ segment: ["lost", "champions", "champions"], monetary: [10, 60, 30] });
 * const s = segmentSummary(df);
 * assert.deepEqual(s.getColumn("segment").toArray(), ["champions", "lost"]);
 * assert.deepEqual(s.getColumn("share_value").toArray(), [0.9, 0.1]);
 * ```
 */
export function segmentSummary(
  df: pl.DataFrame,
  options: SegmentSummaryOptions = {},
): pl.DataFrame {
  const seg = options.segment ?? "segment", value = options.value ?? "monetary";
  requireColumns(df, [seg], "segmentSummary");
  requireNumeric(df, [value], "segmentSummary");
  const means = (options.means ?? ["recency_days", "frequency", "monetary"])
    .filter((c) => df.columns.includes(c));
  const order = options.order ?? RFM_SEGMENTS;
  const n = df.height;
  const total = Number(
    df.select(pl.col(value).cast(pl.Float64).sum().alias("v")).getColumn("v").get(0) ?? 0,
  );
  const out = df.groupBy(seg).agg(
    pl.len().cast(pl.Int32).alias("customers"),
    pl.col(value).cast(pl.Float64).sum().alias("value"),
    ...means.map((c) => pl.col(c).cast(pl.Float64).mean().alias(`mean_${c}`)),
  );
  // Known segments in `order`, then the others by size (then name).
  let pos: pl.Expr = pl.lit(order.length);
  for (let i = order.length - 1; i >= 0; i--) {
    pos = pl.when(pl.col(seg).cast(pl.Utf8).eq(pl.lit(order[i]))).then(pl.lit(i)).otherwise(pos);
  }
  return out.withColumns(pos.alias("__pos"))
    .sort(["__pos", "customers", seg], [false, true, false])
    .select(
      pl.col(seg),
      pl.col("customers"),
      pl.col("customers").cast(pl.Float64).div(pl.lit(n)).alias("share_customers"),
      pl.col("value"),
      pl.col("value").div(pl.lit(total === 0 ? NaN : total)).alias("share_value"),
      ...means.map((c) => pl.col(`mean_${c}`)),
    );
}
