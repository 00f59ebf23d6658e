/**
 * Median imputation, fitted on one table and applied to others.
 *
 * @module
 */
import type pl from "nodejs-polars";
import { fitImputer, type FittedImputer } from "./_imputer.ts";

/**
 * Learns column medians on `df` (ignoring nulls and NaN; the mean of the two middle values for
 * an even count) to fill missing values in any table. Robust to outliers, unlike the mean.
 *
 * @param df Training table.
 * @param columns Numeric columns.
 * @returns A fitted imputer.
 * @throws {RangeError} When a column has no values at all.
 * @throws {TypeError} When a column is missing or not numeric.
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { imputeMedian } from "@shoplab/lib/prep/impute_median.ts";
 * import assert from "node:assert/strict";
 * const imp = imputeMedian(pl.DataFrame({ x: [1, null, 3, 100] }), ["x"]);
 * assert.equal(imp.values.x, 3);
 * ```
 */
export function imputeMedian(df: pl.DataFrame, columns: readonly string[]): FittedImputer {
  return fitImputer(df, columns, "median", "imputeMedian");
}
