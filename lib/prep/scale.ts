/**
 * Scalers fitted on one table (the training part) and applied to others: standardisation
 * (z-score) and min-max to [0, 1] or [-1, 1].
 *
 * @module
 */
import pl from "nodejs-polars";

/** A fitted scaler: `x' = (x − center) / scale` per column, then shifted for min-max ranges. */
export interface FittedScaler {
  /** Kind of scaler. */
  readonly kind: "standard" | "minmax";
  /** Per-column centre (mean, or min for min-max). */
  readonly center: Readonly<Record<string, number>>;
  /** Per-column scale (population std, or range scaled to the target width). */
  readonly scale: Readonly<Record<string, number>>;
  /** Lower end of the target range (min-max only, else 0). */
  readonly offset: number;
  /** Scales the columns of `df`; other columns pass through. */
  transform(df: pl.DataFrame): pl.DataFrame;
  /** Undoes {@linkcode FittedScaler.transform}. */
  inverseTransform(df: pl.DataFrame): pl.DataFrame;
}

function make(
  kind: "standard" | "minmax",
  columns: readonly string[],
  center: Record<string, number>,
  scale: Record<string, number>,
  offset: number,
): FittedScaler {
  return {
    kind,
    center,
    scale,
    offset,
    transform: (df) =>
      df.withColumns(
        ...columns.map((c) =>
          pl.col(c).cast(pl.Float64).sub(pl.lit(center[c])).div(pl.lit(scale[c])).add(
            pl.lit(offset),
          ).alias(c)
        ),
      ),
    inverseTransform: (df) =>
      df.withColumns(
        ...columns.map((c) =>
          pl.col(c).cast(pl.Float64).sub(pl.lit(offset)).mul(pl.lit(scale[c])).add(
            pl.lit(center[c]),
          ).alias(c)
        ),
      ),
  };
}

function values(df: pl.DataFrame, c: string): number[] {
  const v = (df.getColumn(c).cast(pl.Float64).toArray() as (number | null)[]).filter((
    x,
  ): x is number => x !== null && !Number.isNaN(x));
  if (v.length === 0) throw new RangeError(`scaler: column "${c}" has no values to fit on`);
  return v;
}

/**
 * Fits a standard scaler (z = (x − mean) / std) on `df`, with the population standard deviation
 * (ddof 0) as scikit-learn's `StandardScaler`; a constant column gets scale 1.
 *
 * @param df Training table. Fit on the training part only: fitting on all rows leaks test data.
 * @param columns Feature columns (never the label).
 * @returns A fitted scaler.
 * @throws {RangeError} When a column has no values.
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { fitStandardScaler } from "@shoplab/lib/prep/scale.ts";
 * import assert from "node:assert/strict";
 * const s = fitStandardScaler(pl.DataFrame({ x: [1, 3] }), ["x"]);
 * assert.deepEqual(s.transform(pl.DataFrame({ x: [1, 5] })).getColumn("x").toArray(), [-1, 3]);
 * ```
 */
export function fitStandardScaler(df: pl.DataFrame, columns: readonly string[]): FittedScaler {
  const center: Record<string, number> = {}, scale: Record<string, number> = {};
  for (const c of columns) {
    const v = values(df, c);
    const mean = v.reduce((a, b) => a + b, 0) / v.length;
    const sd = Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / v.length);
    center[c] = mean;
    scale[c] = sd === 0 ? 1 : sd;
  }
  return make("standard", columns, center, scale, 0);
}

/** Options of {@linkcode fitMinMaxScaler}. */
export interface MinMaxOptions {
  /** Target range. Default `[0, 1]`; `[-1, 1]` centres the data. */
  readonly range?: readonly [number, number];
}

/**
 * Fits a min-max scaler mapping each column's training min and max to `range` (as
 * scikit-learn's `MinMaxScaler`; a constant column maps to the lower end).
 *
 * @param df Training table.
 * @param columns Feature columns.
 * @param options See {@linkcode MinMaxOptions}.
 * @returns A fitted scaler.
 * @throws {RangeError} When a column has no values or the range is empty.
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { fitMinMaxScaler } from "@shoplab/lib/prep/scale.ts";
 * import assert from "node:assert/strict";
 * const s = fitMinMaxScaler(pl.DataFrame({ x: [2, 4, 6] }), ["x"], { range: [-1, 1] });
 * assert.deepEqual(s.transform(pl.DataFrame({ x: [2, 4, 6] })).getColumn("x").toArray(), [-1, 0, 1]);
 * ```
 */
export function fitMinMaxScaler(
  df: pl.DataFrame,
  columns: readonly string[],
  options: MinMaxOptions = {},
): FittedScaler {
  const [lo, hi] = options.range ?? [0, 1];
  if (!(hi > lo)) throw new RangeError(`fitMinMaxScaler: range [${lo}, ${hi}] is empty`);
  const center: Record<string, number> = {}, scale: Record<string, number> = {};
  for (const c of columns) {
    const v = values(df, c);
    let min = Infinity, max = -Infinity;
    for (const x of v) {
      if (x < min) min = x;
      if (x > max) max = x;
    }
    center[c] = min;
    scale[c] = max === min ? 1 : (max - min) / (hi - lo);
  }
  return make("minmax", columns, center, scale, lo);
}
