/**
 * Private: the split result type and fraction checks.
 *
 * @module
 */
import type pl from "nodejs-polars";

/**
 * The three parts of a split (a type alias, so it also fits `Record<string, DataFrame>`, e.g.
 * for `splitSummary`).
 */
export type Split = {
  /** Rows to fit on. */
  readonly train: pl.DataFrame;
  /** Rows to tune on (early stopping, thresholds, hyper-parameters). */
  readonly validation: pl.DataFrame;
  /** Rows to report on, once. */
  readonly test: pl.DataFrame;
};

/**
 * Throws a RangeError unless three fractions are ≥ 0 and sum to 1.
 *
 * @example
 * ```ts
 * import { checkFractions } from "@shoplab/lib/prep/_split.ts";
 * import assert from "node:assert/strict";
 * checkFractions([0.7, 0.15, 0.15], "randomSplit");
 * assert.throws(() => checkFractions([0.7, 0.2, 0.2], "randomSplit"), RangeError);
 * ```
 */
export function checkFractions(f: readonly number[], fn: string): void {
  if (
    f.length !== 3 || f.some((x) => !(x >= 0)) ||
    Math.abs(f.reduce((a, b) => a + b, 0) - 1) > 1e-9
  ) {
    throw new RangeError(
      `${fn}: fractions must be three numbers ≥ 0 summing to 1, got [${f.join(", ")}]`,
    );
  }
}
