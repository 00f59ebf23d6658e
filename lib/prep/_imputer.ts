/**
 * Private: the fitted mean/median imputer shared by `imputeMean` and `imputeMedian`.
 *
 * @module
 */
import pl from "nodejs-polars";
import { requireNumeric } from "./_columns.ts";

/** A fitted imputer: per-column fill values learnt from the training table. */
export interface FittedImputer {
  /** Strategy used. */
  readonly strategy: "mean" | "median";
  /** Columns it fills. */
  readonly columns: readonly string[];
  /** Fill value per column. */
  readonly values: Readonly<Record<string, number>>;
  /** Fills nulls and NaN of the columns in `df` (cast to Float64) with the learnt values. */
  transform(df: pl.DataFrame): pl.DataFrame;
}

/**
 * Fits the fill values with one polars `select` over the training table.
 *
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { fitImputer } from "@shoplab/lib/prep/_imputer.ts";
 * import assert from "node:assert/strict";
 * const imp = fitImputer(pl.DataFrame({ a: [1, null, 5, 6] }), ["a"], "median", "imputeMedian");
 * assert.equal(imp.values.a, 5);
 * const filled = imp.transform(pl.DataFrame({ a: [null, 2] }));
 * assert.deepEqual(filled.getColumn("a").toArray(), [5, 2]);
 * ```
 */
export function fitImputer(
  df: pl.DataFrame,
  columns: readonly string[],
  strategy: "mean" | "median",
  fn: string,
): FittedImputer {
  requireNumeric(df, columns, fn);
  const clean = (c: string) => pl.col(c).cast(pl.Float64).fillNan(pl.lit(null));
  const row = columns.length === 0 ? {} : df.select(
    ...columns.map((c) => (strategy === "mean" ? clean(c).mean() : clean(c).median()).alias(c)),
  ).toRecords()[0] ?? {};
  const values: Record<string, number> = {};
  for (const c of columns) {
    const v = (row as Record<string, number | null>)[c];
    if (v === null || v === undefined || Number.isNaN(v)) {
      throw new RangeError(`${fn}: column "${c}" has no values to learn from (all missing)`);
    }
    values[c] = v;
  }
  const fixed = [...columns];
  return {
    strategy,
    columns: fixed,
    values,
    transform(other: pl.DataFrame): pl.DataFrame {
      requireNumeric(other, fixed, `${fn}().transform`);
      if (fixed.length === 0) return other;
      return other.withColumns(
        ...fixed.map((c) => clean(c).fillNull(pl.lit(values[c])).alias(c)),
      );
    },
  };
}
