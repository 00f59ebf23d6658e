/**
 * Private helpers shared by the preprocessing modules: column checks with messages that name the
 * function, the column and the columns that exist.
 *
 * @module
 */
import pl from "nodejs-polars";

/** A table that may be eager or lazy. */
export type Frame = pl.DataFrame | pl.LazyDataFrame;

/**
 * Lazy view of an eager or lazy table.
 *
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { isEager, toLazy } from "@shoplab/lib/prep/_columns.ts";
 * import assert from "node:assert/strict";
 * const lazy = toLazy(pl.DataFrame({ a: [1, 2] }));
 * assert.equal(isEager(lazy), false);
 * assert.equal(lazy.collectSync().height, 2);
 * ```
 */
export function toLazy(df: Frame): pl.LazyDataFrame {
  return isEager(df) ? df.lazy() : df;
}

/**
 * Whether a table is an eager DataFrame (polars' classes are not `instanceof`-friendly).
 *
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { isEager } from "@shoplab/lib/prep/_columns.ts";
 * import assert from "node:assert/strict";
 * const df = pl.DataFrame({ a: [1] });
 * assert.equal(isEager(df), true);
 * assert.equal(isEager(df.lazy()), false);
 * assert.equal(isEager(null), false);
 * ```
 */
export function isEager(df: unknown): df is pl.DataFrame {
  return typeof df === "object" && df !== null && typeof (df as pl.DataFrame).lazy === "function";
}

/**
 * Column names of an eager or lazy table.
 *
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { columnsOf } from "@shoplab/lib/prep/_columns.ts";
 * import assert from "node:assert/strict";
 * assert.deepEqual(columnsOf(pl.DataFrame({ a: [1], b: [2] }).lazy()), ["a", "b"]);
 * ```
 */
export function columnsOf(df: Frame): string[] {
  return df.columns;
}

/**
 * Throws a TypeError naming `fn` and the missing column when `df` lacks one of `columns`.
 *
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { requireColumns } from "@shoplab/lib/prep/_columns.ts";
 * import assert from "node:assert/strict";
 * const df = pl.DataFrame({ a: [1] });
 * requireColumns(df, ["a"], "toMatrix");
 * assert.throws(() => requireColumns(df, ["b"], "toMatrix"), /toMatrix: column "b" is not in/);
 * ```
 */
export function requireColumns(
  df: Frame,
  columns: readonly string[],
  fn: string,
): void {
  const have = new Set(columnsOf(df));
  for (const c of columns) {
    if (!have.has(c)) {
      throw new TypeError(
        `${fn}: column "${c}" is not in the table (columns: ${[...have].join(", ") || "none"})`,
      );
    }
  }
}

/**
 * Throws a TypeError when a column is not numeric (strings must be one-hot encoded first).
 *
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { requireNumeric } from "@shoplab/lib/prep/_columns.ts";
 * import assert from "node:assert/strict";
 * const df = pl.DataFrame({ n: [1.5], s: ["x"] });
 * requireNumeric(df, ["n"], "toMatrix");
 * assert.throws(() => requireNumeric(df, ["s"], "toMatrix"), /not numeric/);
 * ```
 */
export function requireNumeric(df: pl.DataFrame, columns: readonly string[], fn: string): void {
  requireColumns(df, columns, fn);
  for (const c of columns) {
    const t = String(df.getColumn(c).dtype);
    if (/Utf8|String|Categorical|List|Struct|Object/.test(t)) {
      throw new TypeError(
        `${fn}: column "${c}" is ${t}, not numeric (encode categorical columns with oneHot first)`,
      );
    }
  }
}

/**
 * Epoch milliseconds of a time column as Float64: Datetime of any unit and Date are converted,
 * integers are taken as epoch ms.
 *
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { epochMs } from "@shoplab/lib/prep/_columns.ts";
 * import assert from "node:assert/strict";
 * const df = pl.DataFrame({ t: [new Date(Date.UTC(2024, 0, 1))] });
 * assert.deepEqual(df.select(epochMs("t")).getColumn("t").toArray(), [Date.UTC(2024, 0, 1)]);
 * ```
 */
export function epochMs(column: string): pl.Expr {
  return pl.col(column).cast(pl.Datetime("ms")).cast(pl.Float64);
}

/**
 * A numeric column as Float64 with null → NaN, as a typed array.
 *
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { floatColumn } from "@shoplab/lib/prep/_columns.ts";
 * import assert from "node:assert/strict";
 * const x = floatColumn(pl.DataFrame({ a: [1, null, 3] }), "a");
 * assert.equal(x[0], 1);
 * assert.ok(Number.isNaN(x[1]));
 * ```
 */
export function floatColumn(df: pl.DataFrame, column: string): Float64Array {
  return df.select(pl.col(column).cast(pl.Float64).fillNull(pl.lit(NaN)).alias(column))
    .getColumn(column).toTypedArray() as Float64Array;
}
