/**
 * Private: checks on the typed-array matrices the segmentation functions take.
 *
 * @module
 */
import type { Matrix } from "../prep/to_matrix.ts";

/** The part of a {@linkcode Matrix} the algorithms need: row-major values and dimensions. */
export type MatrixLike = Pick<Matrix, "x" | "rows" | "cols">;

/**
 * Throws unless `m` is a consistent matrix of finite numbers.
 *
 * @example
 * ```ts
 * import { checkMatrix } from "@shoplab/lib/segment/_matrix.ts";
 * import assert from "node:assert/strict";
 * checkMatrix({ x: Float64Array.of(1, 2), rows: 1, cols: 2 }, "kmeans");
 * assert.throws(() => checkMatrix({ x: Float64Array.of(1, NaN), rows: 1, cols: 2 }, "kmeans"));
 * ```
 */
export function checkMatrix(m: MatrixLike, fn: string): void {
  const { x, rows, cols } = m;
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 0 || cols < 1) {
    throw new RangeError(`${fn}: bad dimensions ${rows} × ${cols}`);
  }
  if (x.length !== rows * cols) {
    throw new RangeError(`${fn}: x has ${x.length} values, expected rows × cols = ${rows * cols}`);
  }
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i])) {
      throw new RangeError(
        `${fn}: value ${x[i]} at row ${Math.floor(i / cols)}, column ${i % cols} (0-based); ` +
          "impute missing values first",
      );
    }
  }
}

/**
 * Squared Euclidean distance between row `i` of `a` and row `j` of `b` (both `d` wide).
 *
 * @example
 * ```ts
 * import { sqDist } from "@shoplab/lib/segment/_matrix.ts";
 * import assert from "node:assert/strict";
 * const a = Float64Array.of(0, 0, 1, 1), b = Float64Array.of(4, 5);
 * assert.equal(sqDist(a, 1, b, 0, 2), 9 + 16);
 * ```
 */
export function sqDist(
  a: Float64Array,
  i: number,
  b: Float64Array,
  j: number,
  d: number,
): number {
  let s = 0;
  const oa = i * d, ob = j * d;
  for (let t = 0; t < d; t++) {
    const v = a[oa + t] - b[ob + t];
    s += v * v;
  }
  return s;
}
