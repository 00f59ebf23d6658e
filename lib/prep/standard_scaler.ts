/**
 * Standardisation (z-score) fitted on the training part.
 *
 * @module
 */
import type pl from "nodejs-polars";
import { columnStats, type FittedScaler, makeScaler, type ScalerOptions } from "./_scaler.ts";

export type { FittedScaler, ScalerOptions } from "./_scaler.ts";

/** Options of {@linkcode fitStandardScaler}. */
export type StandardScalerOptions = ScalerOptions;

/**
 * Fits a standard scaler, z = (x − mean) / std, on `df`, as scikit-learn's `StandardScaler`:
 * population standard deviation (ddof 0); nulls and NaN ignored when fitting and passed
 * through; a (numerically) constant column gets scale 1, so it maps to 0 rather than NaN
 * (scikit-learn's rule: var ≤ n·ε·var + (n·mean·ε)²).
 *
 * @param df Training table. Fit on the training part only: fitting on all rows leaks test data.
 * @param columns Feature columns (never the label: pass `label` to have that checked).
 * @param options See {@linkcode StandardScalerOptions}.
 * @returns A fitted scaler with `transform` and `inverseTransform`.
 * @throws {RangeError} When a column has no values.
 * @throws {TypeError} When a column is missing, not numeric, or the label.
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { fitStandardScaler } from "@shoplab/lib/prep/standard_scaler.ts";
 * import assert from "node:assert/strict";
 * const s = fitStandardScaler(pl.DataFrame({ x: [1, 3] }), ["x"]);
 * assert.deepEqual(s.transform(pl.DataFrame({ x: [1, 5] })).getColumn("x").toArray(), [-1, 3]);
 * ```
 */
export function fitStandardScaler(
  df: pl.DataFrame,
  columns: readonly string[],
  options: StandardScalerOptions = {},
): FittedScaler {
  const row = columnStats(df, columns, "fitStandardScaler", options.label, (x, c) => [
    x.count().alias(`${c}:n`),
    x.mean().alias(`${c}:mean`),
    x.sub(x.mean()).pow(2).mean().alias(`${c}:var`),
  ]);
  const center: Record<string, number> = {}, scale: Record<string, number> = {};
  const eps = Number.EPSILON;
  for (const c of columns) {
    const n = row[`${c}:n`] as number, mean = row[`${c}:mean`] as number;
    const v = row[`${c}:var`] as number;
    center[c] = mean;
    const constant = v <= n * eps * v + (n * mean * eps) ** 2;
    scale[c] = constant ? 1 : Math.sqrt(v);
  }
  return makeScaler("standard", columns, center, scale, 0);
}
