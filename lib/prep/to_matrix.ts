/**
 * A feature table as a plain row-major Float64Array, the input of every model and of k-means.
 *
 * @module
 */
import pl from "nodejs-polars";
import { floatColumn, requireNumeric } from "./_columns.ts";

/** A dense row-major matrix: entry (i, j) is `x[i * cols + j]`. */
export interface Matrix {
  /** Values, row-major. */
  readonly x: Float64Array;
  /** Number of rows. */
  readonly rows: number;
  /** Number of columns. */
  readonly cols: number;
  /** Column names, when the matrix came from a table. */
  readonly columns?: readonly string[];
}

/** Options of {@linkcode toMatrix}. */
export interface ToMatrixOptions {
  /**
   * Missing values (null, NaN, ±Infinity): `"error"` (default) throws a RangeError naming the
   * column and row — impute first; `"nan"` keeps them as NaN (null → NaN).
   */
  readonly missing?: "error" | "nan";
}

/**
 * Copies numeric columns of a table into a row-major Float64Array (Booleans and integers become
 * numbers). Categorical columns must be one-hot encoded first.
 *
 * @param df Table.
 * @param columns Columns, in matrix order.
 * @param options See {@linkcode ToMatrixOptions}.
 * @returns `{ x, rows, cols, columns }`.
 * @throws {TypeError} When a column is missing or not numeric.
 * @throws {RangeError} When a value is missing and `missing` is `"error"`.
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { toMatrix } from "@shoplab/lib/prep/to_matrix.ts";
 * import assert from "node:assert/strict";
 * const m = toMatrix(pl.DataFrame({ a: [1, 2], b: [3, 4] }), ["a", "b"]);
 * assert.deepEqual([...m.x], [1, 3, 2, 4]);
 * assert.equal(m.cols, 2);
 * ```
 */
export function toMatrix(
  df: pl.DataFrame,
  columns: readonly string[],
  options: ToMatrixOptions = {},
): Matrix {
  requireNumeric(df, columns, "toMatrix");
  const rows = df.height, cols = columns.length;
  const x = new Float64Array(rows * cols);
  const strict = (options.missing ?? "error") === "error";
  columns.forEach((c, j) => {
    const s = df.getColumn(c);
    const v = /Bool/.test(String(s.dtype))
      ? floatColumn(df.select(pl.col(c).cast(pl.Int8).alias(c)), c)
      : floatColumn(df, c);
    for (let i = 0; i < rows; i++) {
      const value = v[i];
      if (strict && !Number.isFinite(value)) {
        const found = s.get(i);
        throw new RangeError(
          `toMatrix: column "${c}" has ${
            found === null ? "a missing value" : String(found)
          } at row ${i} (0-based); impute or drop missing values first`,
        );
      }
      x[i * cols + j] = value;
    }
  });
  return { x, rows, cols, columns: [...columns] };
}
