/**
 * Linear interpolation in time for gaps in time series.
 *
 * @module
 */
import pl from "nodejs-polars";
import { requireColumns } from "./_columns.ts";

/** Options of {@linkcode interpolateTime}. */
export interface InterpolateTimeOptions {
  /** Time column (Datetime or numeric). */
  readonly time: string;
  /** Columns to interpolate (numeric). */
  readonly columns: readonly string[];
  /** Optional series key (e.g. `"customer_id"`): each group is interpolated on its own. */
  readonly by?: string;
}

/**
 * Fills gaps in a time series by linear interpolation in time, not in row position: a value
 * missing at t between known (t₀, y₀) and (t₁, y₁) becomes y₀ + (y₁ − y₀)(t − t₀)/(t₁ − t₀).
 * Leading and trailing gaps stay missing (no extrapolation); NaN counts as missing. Rows are
 * sorted by time (within `by` groups) first. Built from polars forward/backward fills.
 *
 * @param df Table with a time column.
 * @param options See {@linkcode InterpolateTimeOptions}.
 * @returns The sorted table with the columns filled (as Float64).
 * @throws {TypeError} When a column is missing.
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { interpolateTime } from "@shoplab/lib/prep/interpolate_time.ts";
 * import assert from "node:assert/strict";
 * const df = pl.DataFrame({ t: [0, 1, 4], y: [0, null, 8] });
 * const out = interpolateTime(df, { time: "t", columns: ["y"] });
 * assert.deepEqual(out.getColumn("y").toArray(), [0, 2, 8]);
 * ```
 */
export function interpolateTime(df: pl.DataFrame, options: InterpolateTimeOptions): pl.DataFrame {
  const { time, columns, by } = options;
  requireColumns(df, [time, ...columns, ...(by ? [by] : [])], "interpolateTime");
  if (df.height === 0 || columns.length === 0) return df;
  const sorted = df.sort(by ? [by, time] : [time]);
  const t = pl.col(time).cast(pl.Float64);
  const group = (e: pl.Expr) => (by ? e.over(by) : e);
  const exprs = columns.map((c) => {
    const y = pl.col(c).cast(pl.Float64).fillNan(pl.lit(null));
    const known = y.isNotNull();
    const tKnown = pl.when(known).then(t).otherwise(pl.lit(null));
    const t0 = group(tKnown.forwardFill()), t1 = group(tKnown.backwardFill());
    const y0 = group(y.forwardFill()), y1 = group(y.backwardFill());
    const span = t1.sub(t0);
    return pl.when(known).then(y)
      .when(span.eq(0)).then(y0)
      .otherwise(y0.add(y1.sub(y0).mul(t.sub(t0)).div(span)))
      .alias(c);
  });
  return sorted.withColumns(...exprs);
}
