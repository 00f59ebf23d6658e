/**
 * Min-max scaling to [0, 1] or [-1, 1], fitted on the training part.
 *
 * @module
 */
import type pl from "nodejs-polars";
import { columnStats, type FittedScaler, makeScaler, type ScalerOptions } from "./_scaler.ts";

/** Options of {@linkcode fitMinMaxScaler}. */
export interface MinMaxScalerOptions extends ScalerOptions {
  /** Target range. Default `[0, 1]`; `[-1, 1]` centres the data. */
  readonly range?: readonly [number, number];
}

/**
 * Fits a min-max scaler mapping each column's training minimum and maximum to `range`, as
 * scikit-learn's `MinMaxScaler(feature_range=range)`: x' = lo + (x − min)(hi − lo)/(max − min).
 * Later tables can fall outside `range` (no clipping). A constant column (range below 10·ε)
 * gets a range of 1, as in scikit-learn: its training rows map to `lo`.
 *
 * @param df Training table.
 * @param columns Feature columns.
 * @param options See {@linkcode MinMaxScalerOptions}.
 * @returns A fitted scaler with `transform` and `inverseTransform`.
 * @throws {RangeError} When a column has no values or the range is empty.
 * @throws {TypeError} When a column is missing, not numeric, or the label.
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { fitMinMaxScaler } from "@shoplab/lib/prep/min_max_scaler.ts";
 * import assert from "node:assert/strict";
 * const s = fitMinMaxScaler(pl.DataFrame({ x: [2, 4, 6] }), ["x"], { range: [-1, 1] });
 * assert.deepEqual(s.transform(pl.DataFrame({ x: [2, 4, 6] })).getColumn("x").toArray(), [-1, 0, 1]);
 * ```
 */
export function fitMinMaxScaler(
  df: pl.DataFrame,
  columns: readonly string[],
  options: MinMaxScalerOptions = {},
): FittedScaler {
  const [lo, hi] = options.range ?? [0, 1];
  if (!(hi > lo)) throw new RangeError(`fitMinMaxScaler: range [${lo}, ${hi}] is empty`);
  const row = columnStats(df, columns, "fitMinMaxScaler", options.label, (x, c) => [
    x.count().alias(`${c}:n`),
    x.min().alias(`${c}:min`),
    x.max().alias(`${c}:max`),
  ]);
  const center: Record<string, number> = {}, scale: Record<string, number> = {};
  for (const c of columns) {
    const min = row[`${c}:min`] as number, max = row[`${c}:max`] as number;
    const range = max - min < 10 * Number.EPSILON ? 1 : max - min;
    center[c] = min;
    scale[c] = range / (hi - lo);
  }
  return makeScaler("minmax", columns, center, scale, lo);
}
