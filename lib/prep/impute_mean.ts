/**
 * Mean imputation, fitted on one table and applied to others.
 *
 * @module
 */
import type pl from "nodejs-polars";
import { fitImputer, type FittedImputer } from "./_imputer.ts";

export type { FittedImputer } from "./_imputer.ts";

/**
 * Learns column means on `df` (ignoring nulls and NaN) to fill missing values in any table —
 * fit on the training part, then `transform` train, validation and test alike.
 *
 * @param df Training table.
 * @param columns Numeric columns.
 * @returns A fitted imputer.
 * @throws {RangeError} When a column has no values at all.
 * @throws {TypeError} When a column is missing or not numeric.
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { imputeMean } from "@shoplab/lib/prep/impute_mean.ts";
 * import assert from "node:assert/strict";
 * const imp = imputeMean(pl.DataFrame({ x: [1, null, 3] }), ["x"]);
 * assert.deepEqual(imp.transform(pl.DataFrame({ x: [null, 5] })).getColumn("x").toArray(), [2, 5]);
 * ```
 */
export function imputeMean(df: pl.DataFrame, columns: readonly string[]): FittedImputer {
  return fitImputer(df, columns, "mean", "imputeMean");
}
