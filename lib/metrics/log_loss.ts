/**
 * Log loss.
 *
 * @module
 */
import { checkInputs } from "./_validate.ts";

/** Options of {@linkcode logLoss}. */
export interface LogLossOptions {
  /**
   * Probabilities are clipped to [eps, 1 − eps] so that a confident mistake costs a large but
   * finite amount. Default `Number.EPSILON` (2.22e-16), scikit-learn's `eps="auto"` for float64.
   */
  readonly eps?: number;
}

/**
 * Mean binary cross-entropy (scikit-learn's `log_loss`):
 * $-\frac1n\sum_i \big(y_i \ln p_i + (1-y_i)\ln(1-p_i)\big)$ with p clipped to [eps, 1 − eps]
 * and the pair (1 − p, p) renormalised, as scikit-learn does. Lower is better; always
 * predicting the positive rate π scores −π ln π − (1−π) ln(1−π).
 *
 * @param yTrue Labels, 0 or 1 (one class only is allowed: the labels are known to be {0, 1}).
 * @param yProb Predicted P(y = 1), each in [0, 1].
 * @param options See {@linkcode LogLossOptions}.
 * @returns The mean loss in nats, ≥ 0.
 * @throws {RangeError} When lengths differ, the input is empty, a label is not 0/1, or a
 *   probability is NaN or outside [0, 1]; when `eps` is not in [0, 0.5).
 * @example
 * ```ts
 * import { logLoss } from "@shoplab/lib/metrics/log_loss.ts";
 * import assert from "node:assert/strict";
 * assert.ok(Math.abs(logLoss([1, 0], [0.8, 0.3]) - (-Math.log(0.8) - Math.log(0.7)) / 2) < 1e-15);
 * assert.ok(Number.isFinite(logLoss([1], [0]))); // clipped, not Infinity
 * ```
 */
export function logLoss(
  yTrue: ArrayLike<number>,
  yProb: ArrayLike<number>,
  options: LogLossOptions = {},
): number {
  const eps = options.eps ?? Number.EPSILON;
  if (!(eps >= 0 && eps < 0.5)) {
    throw new RangeError(`logLoss: eps must be in [0, 0.5), got ${eps}`);
  }
  const { n } = checkInputs("logLoss", yTrue, yProb, "yProb", true);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const p = Math.min(Math.max(yProb[i], eps), 1 - eps);
    const q = 1 - p, s = q + p;
    sum -= yTrue[i] === 1 ? Math.log(p / s) : Math.log(q / s);
  }
  return sum / n;
}
