// Private: input checks shared by every metric. Errors are RangeErrors that name the function,
// the argument and the index of the first bad value.

/** What the checks learned about the labels. */
export interface Checked {
  /** Number of rows. */
  readonly n: number;
  /** Rows with label 1. */
  readonly positives: number;
}

/**
 * Checks that `y` holds only 0/1 and `s` only non-NaN numbers of the same length.
 *
 * @example
 * ```ts
 * import { checkInputs } from "@shoplab/lib/metrics/_validate.ts";
 * import assert from "node:assert/strict";
 * assert.deepEqual(checkInputs("rocAuc", [0, 1, 1], [0.2, 0.9, 0.4]), { n: 3, positives: 2 });
 * assert.throws(() => checkInputs("rocAuc", [0, 2], [0.1, 0.2]), /yTrue\[1\] must be 0 or 1/);
 * assert.throws(() => checkInputs("logLoss", [0], [1.5], "yProb", true), RangeError);
 * ```
 */
export function checkInputs(
  fn: string,
  yTrue: ArrayLike<number>,
  yScore: ArrayLike<number>,
  scoreName = "yScore",
  probability = false,
): Checked {
  if (yTrue === null || yTrue === undefined || typeof yTrue.length !== "number") {
    throw new TypeError(`${fn}: yTrue must be an array of 0/1 labels`);
  }
  if (yScore === null || yScore === undefined || typeof yScore.length !== "number") {
    throw new TypeError(`${fn}: ${scoreName} must be an array of numbers`);
  }
  const n = yTrue.length;
  if (yScore.length !== n) {
    throw new RangeError(
      `${fn}: yTrue and ${scoreName} differ in length (${n} vs ${yScore.length})`,
    );
  }
  if (n === 0) throw new RangeError(`${fn}: yTrue and ${scoreName} are empty`);
  let positives = 0;
  for (let i = 0; i < n; i++) {
    const y = yTrue[i];
    if (y === 1) positives++;
    else if (y !== 0) {
      throw new RangeError(`${fn}: yTrue[${i}] must be 0 or 1, got ${y}`);
    }
    const s = yScore[i];
    if (typeof s !== "number" || Number.isNaN(s)) {
      throw new RangeError(`${fn}: ${scoreName}[${i}] is ${s}, expected a number`);
    }
    if (probability && !(s >= 0 && s <= 1)) {
      throw new RangeError(
        `${fn}: ${scoreName}[${i}] must be a probability in [0, 1], got ${s}`,
      );
    }
  }
  return { n, positives };
}

/**
 * Throws when the labels hold one class only (AUC, ROC, lift need both).
 *
 * @example
 * ```ts
 * import { requireBothClasses } from "@shoplab/lib/metrics/_validate.ts";
 * import assert from "node:assert/strict";
 * requireBothClasses("rocAuc", { n: 2, positives: 1 });
 * assert.throws(() => requireBothClasses("rocAuc", { n: 2, positives: 2 }), /only one class/);
 * ```
 */
export function requireBothClasses(fn: string, c: Checked): void {
  if (c.positives === 0 || c.positives === c.n) {
    const only = c.positives === 0 ? 0 : 1;
    throw new RangeError(
      `${fn}: yTrue has only one class (all ${c.n} labels are ${only}); ` +
        `it needs both positives and negatives`,
    );
  }
}

/**
 * Throws when there is no positive label (PR curve, average precision, gains).
 *
 * @example
 * ```ts
 * import { requirePositives } from "@shoplab/lib/metrics/_validate.ts";
 * import assert from "node:assert/strict";
 * requirePositives("averagePrecision", { n: 2, positives: 2 });
 * assert.throws(() => requirePositives("averagePrecision", { n: 2, positives: 0 }), RangeError);
 * ```
 */
export function requirePositives(fn: string, c: Checked): void {
  if (c.positives === 0) {
    throw new RangeError(
      `${fn}: yTrue has no positive label (all ${c.n} are 0); recall is undefined`,
    );
  }
}

/**
 * Checks a threshold option.
 *
 * @example
 * ```ts
 * import { checkThreshold } from "@shoplab/lib/metrics/_validate.ts";
 * import assert from "node:assert/strict";
 * assert.equal(checkThreshold("f1Score", 0.5), 0.5);
 * assert.throws(() => checkThreshold("f1Score", NaN), RangeError);
 * ```
 */
export function checkThreshold(fn: string, threshold: number): number {
  if (typeof threshold !== "number" || Number.isNaN(threshold)) {
    throw new RangeError(`${fn}: threshold must be a number, got ${threshold}`);
  }
  return threshold;
}
