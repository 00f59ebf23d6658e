/**
 * Private: the fitted scaler shared by the standard and min-max scalers.
 *
 * @module
 */
import pl from "nodejs-polars";
import { requireNumeric } from "./_columns.ts";

/**
 * A fitted scaler: `x' = (x − center) / scale + offset` per column. Nulls and NaN pass through.
 */
export interface FittedScaler {
  /** Kind of scaler. */
  readonly kind: "standard" | "minmax";
  /** Scaled columns. */
  readonly columns: readonly string[];
  /** Per-column centre (mean, or minimum for min-max). */
  readonly center: Readonly<Record<string, number>>;
  /** Per-column divisor (population std, or range ÷ target width); 1 for constant columns. */
  readonly scale: Readonly<Record<string, number>>;
  /** Lower end of the target range (min-max), 0 for the standard scaler. */
  readonly offset: number;
  /** Scales the columns of `df` (cast to Float64); other columns pass through. */
  transform(df: pl.DataFrame): pl.DataFrame;
  /** Undoes {@linkcode FittedScaler.transform}. */
  inverseTransform(df: pl.DataFrame): pl.DataFrame;
}

/** Options shared by the scalers. */
export interface ScalerOptions {
  /**
   * Name of the label (target) column. If it is among `columns` the scaler refuses to fit:
   * scaling the label with the features is a classic leak. Default: no check.
   */
  readonly label?: string;
}

/**
 * Checks the columns and returns per-column aggregates computed in one polars `select`.
 *
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { columnStats } from "@shoplab/lib/prep/_scaler.ts";
 * import assert from "node:assert/strict";
 * const df = pl.DataFrame({ a: [1, 3, null], y: [0, 1, 0] });
 * const stats = columnStats(df, ["a"], "fitStandardScaler", "y", (x, c) => [
 *   x.count().alias(`${c}:n`),
 *   x.mean().alias(`${c}:mean`),
 * ]);
 * assert.equal(stats["a:mean"], 2);
 * // the label is refused: scaling it with the features would leak
 * assert.throws(() => columnStats(df, ["y"], "fitStandardScaler", "y", () => []), TypeError);
 * ```
 */
export function columnStats(
  df: pl.DataFrame,
  columns: readonly string[],
  fn: string,
  label: string | undefined,
  aggs: (x: pl.Expr, name: string) => pl.Expr[],
): Record<string, number | null> {
  if (label !== undefined && columns.includes(label)) {
    throw new TypeError(
      `${fn}: "${label}" is the label; scale the features only (fit on the training part)`,
    );
  }
  requireNumeric(df, columns, fn);
  if (columns.length === 0) return {};
  const exprs = columns.flatMap((c) => aggs(pl.col(c).cast(pl.Float64).fillNan(pl.lit(null)), c));
  const row = df.select(...exprs).toRecords()[0] ?? {};
  for (const c of columns) {
    if (row[`${c}:n`] === 0 || row[`${c}:n`] === undefined) {
      throw new RangeError(`${fn}: column "${c}" has no values to fit on (empty or all missing)`);
    }
  }
  return row as Record<string, number | null>;
}

/**
 * Builds the fitted scaler object.
 *
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { makeScaler } from "@shoplab/lib/prep/_scaler.ts";
 * import assert from "node:assert/strict";
 * const s = makeScaler("standard", ["a"], { a: 2 }, { a: 4 }, 0);
 * const out = s.transform(pl.DataFrame({ a: [2, 6] }));
 * assert.deepEqual(out.getColumn("a").toArray(), [0, 1]);
 * assert.deepEqual(s.inverseTransform(out).getColumn("a").toArray(), [2, 6]);
 * ```
 */
export function makeScaler(
  kind: "standard" | "minmax",
  columns: readonly string[],
  center: Record<string, number>,
  scale: Record<string, number>,
  offset: number,
): FittedScaler {
  const fixed = [...columns];
  const x = (c: string) => pl.col(c).cast(pl.Float64);
  return {
    kind,
    columns: fixed,
    center,
    scale,
    offset,
    transform(df: pl.DataFrame): pl.DataFrame {
      requireNumeric(df, fixed, `${kind} scaler transform`);
      if (fixed.length === 0) return df;
      return df.withColumns(
        ...fixed.map((c) =>
          x(c).sub(pl.lit(center[c])).div(pl.lit(scale[c])).add(pl.lit(offset)).alias(c)
        ),
      );
    },
    inverseTransform(df: pl.DataFrame): pl.DataFrame {
      requireNumeric(df, fixed, `${kind} scaler inverseTransform`);
      if (fixed.length === 0) return df;
      return df.withColumns(
        ...fixed.map((c) =>
          x(c).sub(pl.lit(offset)).mul(pl.lit(scale[c])).add(pl.lit(center[c])).alias(c)
        ),
      );
    },
  };
}
