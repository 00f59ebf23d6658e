/**
 * One-hot encoding ("get_dummies") fitted on a training table, so that train and test get the
 * same columns.
 *
 * @module
 */
import pl from "nodejs-polars";

/** A fitted one-hot encoder. */
export interface FittedOneHot {
  /** Categories per column, in output order (missing values map to `"missing"`). */
  readonly categories: Readonly<Record<string, readonly string[]>>;
  /** Names of the produced indicator columns. */
  readonly outputColumns: readonly string[];
  /** Replaces each encoded column by its 0/1 indicator columns. Unknown categories → all zeros. */
  transform(df: pl.DataFrame): pl.DataFrame;
}

/** Options of {@linkcode oneHot}. */
export interface OneHotOptions {
  /** Drop the first category of each column (avoids collinearity in linear models). Default `false`. */
  readonly dropFirst?: boolean;
}

/**
 * Learns the categories of string columns and encodes them as `<column>_<category>` indicator
 * columns (Float64 0/1). Missing values get their own `<column>_missing` indicator.
 *
 * @param df Training table.
 * @param columns Categorical columns.
 * @param options See {@linkcode OneHotOptions}.
 * @returns A fitted encoder.
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { oneHot } from "@shoplab/lib/prep/one_hot.ts";
 * import assert from "node:assert/strict";
 * const enc = oneHot(pl.DataFrame({ g: ["f", "m", null] }), ["g"]);
 * const out = enc.transform(pl.DataFrame({ g: ["m", "x"] }));
 * assert.deepEqual(out.columns, ["g_f", "g_m", "g_missing"]);
 * assert.deepEqual(out.getColumn("g_m").toArray(), [1, 0]);
 * ```
 */
export function oneHot(
  df: pl.DataFrame,
  columns: readonly string[],
  options: OneHotOptions = {},
): FittedOneHot {
  const categories: Record<string, string[]> = {};
  for (const c of columns) {
    const vals = (df.select(pl.col(c).cast(pl.Utf8).fillNull(pl.lit("missing")).alias(c))
      .getColumn(c).unique().toArray() as string[]).sort();
    categories[c] = options.dropFirst ? vals.slice(1) : vals;
  }
  const outputColumns = columns.flatMap((c) => categories[c].map((v) => `${c}_${v}`));
  return {
    categories,
    outputColumns,
    transform(other) {
      const exprs = columns.flatMap((c) =>
        categories[c].map((v) =>
          pl.col(c).cast(pl.Utf8).fillNull(pl.lit("missing")).eq(pl.lit(v)).cast(pl.Float64).alias(
            `${c}_${v}`,
          )
        )
      );
      const keep = other.columns.filter((c) => !columns.includes(c));
      return other.select(...keep.map((c) => pl.col(c)), ...exprs);
    },
  };
}
