// Private helpers shared by the classic models: input checks, class weights, a clock-free timer.
import type { Labels, Matrix } from "./types.ts";

/**
 * Checks a matrix: positive sizes, finite values, `x.length === rows · cols`.
 *
 * @example
 * ```ts
 * import { checkMatrix } from "@shoplab/lib/models/_check.ts";
 * import assert from "node:assert/strict";
 * const m = { x: Float64Array.of(1, NaN), rows: 1, cols: 2, columns: ["a", "b"] };
 * assert.throws(() => checkMatrix("fit", m), /x has NaN at row 0, column "b"; impute first/);
 * const two = { x: new Float64Array(2), rows: 1, cols: 2 };
 * assert.throws(() => checkMatrix("predict", two, 3), /fitted on 3/);
 * ```
 */
export function checkMatrix(fn: string, m: Matrix, cols?: number): void {
  if (!m || !(m.x instanceof Float64Array)) {
    throw new TypeError(`${fn}: x must be a Matrix { x: Float64Array, rows, cols }`);
  }
  if (m.x.length !== m.rows * m.cols) {
    throw new RangeError(
      `${fn}: x has ${m.x.length} values, expected rows × cols = ${m.rows * m.cols}`,
    );
  }
  if (cols !== undefined && m.cols !== cols) {
    throw new RangeError(`${fn}: x has ${m.cols} columns, the model was fitted on ${cols}`);
  }
  for (let k = 0; k < m.x.length; k++) {
    if (!Number.isFinite(m.x[k])) {
      const i = Math.floor(k / m.cols), j = k % m.cols;
      const name = m.columns?.[j] !== undefined ? `"${m.columns[j]}"` : `${j}`;
      throw new RangeError(`${fn}: x has ${m.x[k]} at row ${i}, column ${name}; impute first`);
    }
  }
}

/**
 * Checks labels against a matrix and returns them as 0/1 bytes plus the count of positives.
 *
 * @example
 * ```ts
 * import { checkLabels } from "@shoplab/lib/models/_check.ts";
 * import assert from "node:assert/strict";
 * const m = { x: new Float64Array(3), rows: 3, cols: 1 };
 * assert.deepEqual(checkLabels("fit", m, [0, 1, 1]), { y: Uint8Array.of(0, 1, 1), positives: 2 });
 * assert.throws(() => checkLabels("fit", m, [1, 1, 1]), /one class only/);
 * assert.equal(checkLabels("score", m, [1, 1, 1], false).positives, 3);
 * ```
 */
export function checkLabels(
  fn: string,
  m: Matrix,
  y: Labels,
  needBoth = true,
): { y: Uint8Array; positives: number } {
  if (y.length !== m.rows) {
    throw new RangeError(`${fn}: y has ${y.length} labels but x has ${m.rows} rows`);
  }
  const out = new Uint8Array(y.length);
  let positives = 0;
  for (let i = 0; i < y.length; i++) {
    const v = Number(y[i]);
    if (v !== 0 && v !== 1) {
      throw new RangeError(`${fn}: y has ${y[i]} at row ${i}, expected 0 or 1`);
    }
    out[i] = v;
    positives += v;
  }
  if (needBoth && (positives === 0 || positives === y.length)) {
    throw new RangeError(
      `${fn}: y has one class only (${positives === 0 ? "no 1s" : "no 0s"} in ${y.length} rows)`,
    );
  }
  return { y: out, positives };
}

/**
 * Resolves `classWeight` to `[w0, w1]` (`"balanced"`: n / (2 · n_c), as scikit-learn).
 *
 * @example
 * ```ts
 * import { resolveClassWeight } from "@shoplab/lib/models/_check.ts";
 * import assert from "node:assert/strict";
 * assert.deepEqual(resolveClassWeight("fit", undefined, 4, 1), [1, 1]);
 * assert.deepEqual(resolveClassWeight("fit", "balanced", 4, 1), [4 / 6, 2]);
 * assert.throws(() => resolveClassWeight("fit", [0, 1], 4, 1), RangeError);
 * ```
 */
export function resolveClassWeight(
  fn: string,
  classWeight: readonly [number, number] | "balanced" | undefined,
  n: number,
  positives: number,
): [number, number] {
  if (classWeight === undefined) return [1, 1];
  if (classWeight === "balanced") return [n / (2 * (n - positives)), n / (2 * positives)];
  const [w0, w1] = classWeight;
  if (!(w0 > 0 && w1 > 0 && Number.isFinite(w0) && Number.isFinite(w1))) {
    throw new RangeError(`${fn}: classWeight must be two positive numbers, got [${w0}, ${w1}]`);
  }
  return [w0, w1];
}

/** What {@linkcode checkTraining} returns: the 0/1 labels and each row's class weight. */
export interface CheckedTraining {
  /** Labels as 0/1 bytes. */
  readonly y: Uint8Array;
  /** Count of label 1. */
  readonly positives: number;
  /** Weight of each training row: `w1` for label 1, `w0` for label 0. */
  readonly rowWeights: Float64Array;
}

/**
 * The checks every classic model's `fit` starts with — {@linkcode checkMatrix},
 * {@linkcode checkLabels} (both classes), {@linkcode resolveClassWeight} — and the per-row weights.
 *
 * @example
 * ```ts
 * import { checkTraining } from "@shoplab/lib/models/_check.ts";
 * import assert from "node:assert/strict";
 * const m = { x: new Float64Array(4), rows: 4, cols: 1 };
 * const t = checkTraining("fit", m, [0, 0, 0, 1], "balanced");
 * assert.deepEqual([...t.rowWeights], [4 / 6, 4 / 6, 4 / 6, 2]);
 * assert.throws(() => checkTraining("fit", m, [1, 1, 1, 1], undefined), /one class only/);
 * ```
 */
export function checkTraining(
  fn: string,
  x: Matrix,
  y: Labels,
  classWeight: readonly [number, number] | "balanced" | undefined,
): CheckedTraining {
  checkMatrix(fn, x);
  const labels = checkLabels(fn, x, y);
  const [w0, w1] = resolveClassWeight(fn, classWeight, x.rows, labels.positives);
  const rowWeights = Float64Array.from(labels.y, (v) => (v === 1 ? w1 : w0));
  return { ...labels, rowWeights };
}

/**
 * Feature names: the matrix's column names or `x0, x1, …`.
 *
 * @example
 * ```ts
 * import { featureNames } from "@shoplab/lib/models/_check.ts";
 * import assert from "node:assert/strict";
 * assert.deepEqual(featureNames({ x: new Float64Array(2), rows: 1, cols: 2 }), ["x0", "x1"]);
 * ```
 */
export function featureNames(m: Matrix): string[] {
  return Array.from({ length: m.cols }, (_, j) => m.columns?.[j] ?? `x${j}`);
}

/**
 * The default timer of `fit` reports: a monotonic millisecond counter (durations only).
 *
 * @example
 * ```ts
 * import { defaultTimer } from "@shoplab/lib/models/_check.ts";
 * import assert from "node:assert/strict";
 * const t0 = defaultTimer();
 * assert.ok(defaultTimer() >= t0);
 * ```
 */
export function defaultTimer(): number {
  return performance.now();
}

/**
 * Logistic function, stable for large |z|.
 *
 * @example
 * ```ts
 * import { sigmoid } from "@shoplab/lib/models/_check.ts";
 * import assert from "node:assert/strict";
 * assert.equal(sigmoid(0), 0.5);
 * assert.equal(sigmoid(-1000), 0);
 * assert.equal(sigmoid(1000), 1);
 * ```
 */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/**
 * log(1 + e^z), stable for large |z|.
 *
 * @example
 * ```ts
 * import { log1pExp } from "@shoplab/lib/models/_check.ts";
 * import assert from "node:assert/strict";
 * assert.equal(log1pExp(0), Math.LN2);
 * assert.equal(log1pExp(1000), 1000); // no overflow
 * ```
 */
export function log1pExp(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

/**
 * Runs `f` and returns its result as a promise, turning a throw into a rejection.
 *
 * @example
 * ```ts
 * import { attempt } from "@shoplab/lib/models/_check.ts";
 * import assert from "node:assert/strict";
 * assert.equal(await attempt(() => 2), 2);
 * await assert.rejects(attempt(() => {
 *   throw new RangeError("bad");
 * }), RangeError);
 * ```
 */
export function attempt<T>(f: () => T): Promise<T> {
  try {
    return Promise.resolve(f());
  } catch (e) {
    return Promise.reject(e);
  }
}
