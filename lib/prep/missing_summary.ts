/**
 * Missing values per column.
 *
 * @module
 */
import pl from "nodejs-polars";

/** One row of {@linkcode missingSummary}. */
export type MissingRow = {
  /** Column name. */
  readonly column: string;
  /** Missing values (null, or NaN in a float column). */
  readonly missing: number;
  /** Missing values ÷ rows (0 for an empty table). */
  readonly share: number;
};

/**
 * Counts missing values (null, and NaN for floats) per column.
 *
 * @param df Table.
 * @returns One row per column, in table order.
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { missingSummary } from "@shoplab/lib/prep/missing_summary.ts";
 * import assert from "node:assert/strict";
 * const rows = missingSummary(pl.DataFrame({ a: [1, null, NaN, 4] }));
 * assert.deepEqual(rows, [{ column: "a", missing: 2, share: 0.5 }]);
 * ```
 */
export function missingSummary(df: pl.DataFrame): MissingRow[] {
  return df.columns.map((c) => {
    const s = df.getColumn(c);
    let missing = s.nullCount();
    if (String(s.dtype).includes("Float")) {
      missing += Number(df.select(pl.col(c).isNan().sum().alias(c)).getColumn(c).get(0) ?? 0);
    }
    return { column: c, missing, share: df.height === 0 ? 0 : missing / df.height };
  });
}
