/**
 * One-hot encoding ("get_dummies") fitted on a training table, so that train and test get the
 * same columns.
 *
 * @module
 */
import pl from "nodejs-polars";
import { requireColumns } from "./_columns.ts";

/** A fitted one-hot encoder. */
export interface FittedOneHot {
  /** Encoded columns. */
  readonly columns: readonly string[];
  /** Categories per column that get an indicator, in output order (after `dropFirst`). */
  readonly categories: Readonly<Record<string, readonly string[]>>;
  /** Name of each column's missing-value indicator (absent when `missing` is `"zeros"`). */
  readonly missingColumns: Readonly<Record<string, string>>;
  /** Names of the produced indicator columns, in output order. */
  readonly outputColumns: readonly string[];
  /**
   * Replaces each encoded column by its Float64 0/1 indicator columns (appended after the other
   * columns). A category not seen in training → all zeros.
   */
  transform(df: pl.DataFrame): pl.DataFrame;
}

/** Options of {@linkcode oneHot}. */
export interface OneHotOptions {
  /**
   * Drop the first category (in sorted order) of each column: its rows become all zeros. Avoids
   * perfectly collinear columns in unregularised linear models. Default `false`.
   */
  readonly dropFirst?: boolean;
  /**
   * Fixed categories per column (in this order) instead of the sorted values seen in `df`;
   * values outside the list are treated as unknown (all zeros).
   */
  readonly categories?: Readonly<Record<string, readonly string[]>>;
  /**
   * Missing values (null): `"column"` (default) gives them their own `<column>_missing`
   * indicator, added whenever the training table has a null; `"zeros"` encodes them as all
   * zeros, like an unknown category.
   */
  readonly missing?: "column" | "zeros";
}

/**
 * Learns the categories of categorical columns (values are compared as strings) and encodes
 * them as `<column>_<category>` indicator columns, like pandas' `get_dummies`, but fitted: apply
 * `transform` to the training table and to later tables so both get exactly the same columns.
 *
 * @param df Training table.
 * @param columns Categorical columns.
 * @param options See {@linkcode OneHotOptions}.
 * @returns A fitted encoder.
 * @throws {TypeError} When a column is missing.
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
  requireColumns(df, columns, "oneHot");
  // Whole-number float columns (JS numbers arrive as Float64) are named "1", not "1.0".
  const whole = new Set(columns.filter((c) => {
    if (!/Float/.test(String(df.getColumn(c).dtype))) return false;
    const bad = df.select(
      pl.col(c).isNotNull().and(pl.col(c).neq(pl.col(c).round(0))).sum().alias("n"),
    )
      .getColumn("n").get(0);
    return Number(bad) === 0;
  }));
  const asText = (c: string) =>
    whole.has(c)
      ? pl.when(pl.col(c).eq(pl.col(c).round(0)))
        .then(pl.col(c).cast(pl.Int64).cast(pl.Utf8))
        .otherwise(pl.col(c).cast(pl.Utf8))
      : pl.col(c).cast(pl.Utf8);
  const categories: Record<string, string[]> = {};
  const missingColumns: Record<string, string> = {};
  const outputColumns: string[] = [];
  for (const c of columns) {
    const seen = df.select(asText(c).alias(c)).getColumn(c);
    let cats = options.categories?.[c]
      ? [...options.categories[c]]
      : (seen.dropNulls().unique().toArray() as string[]).sort();
    if (options.dropFirst) cats = cats.slice(1);
    categories[c] = cats;
    const names = cats.map((v) => `${c}_${v}`);
    outputColumns.push(...names);
    if ((options.missing ?? "column") === "column" && seen.nullCount() > 0) {
      let name = `${c}_missing`;
      while (names.includes(name)) name = `_${name}`;
      missingColumns[c] = name;
      outputColumns.push(name);
    }
  }
  const fixed = [...columns];
  return {
    columns: fixed,
    categories,
    missingColumns,
    outputColumns,
    transform(other: pl.DataFrame): pl.DataFrame {
      requireColumns(other, fixed, "oneHot().transform");
      const exprs = fixed.flatMap((c) => [
        ...categories[c].map((v) =>
          asText(c).eq(pl.lit(v)).fillNull(pl.lit(false)).cast(pl.Float64).alias(`${c}_${v}`)
        ),
        ...(missingColumns[c]
          ? [pl.col(c).isNull().cast(pl.Float64).alias(missingColumns[c])]
          : []),
      ]);
      const keep = other.columns.filter((c) => !fixed.includes(c));
      return other.select(...keep.map((c) => pl.col(c)), ...exprs);
    },
  };
}
