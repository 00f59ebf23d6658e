/**
 * All headline numbers of a binary classifier in one flat object.
 *
 * @module
 */
import { brierScore } from "./brier_score.ts";
import { confusionMatrix } from "./confusion_matrix.ts";
import { logLoss } from "./log_loss.ts";
import { aucOf, averagePrecisionOf, binaryClfCurve, expectedTpAt } from "./_curve.ts";
import { ratio } from "./_ratio.ts";
import { checkInputs, checkThreshold, requireBothClasses } from "./_validate.ts";

/** Options of {@linkcode classificationReport}. */
export interface ClassificationReportOptions {
  /** Predict positive when `p >= threshold` for the threshold metrics. Default `0.5`. */
  readonly threshold?: number;
}

/**
 * Headline metrics, one flat object so that a list of them (one per model) is a table.
 * Ratios with a zero denominator are 0 (scikit-learn's `zero_division` default).
 */
export interface ClassificationReport {
  /** Rows scored. */
  readonly n: number;
  /** Rows with label 1. */
  readonly positives: number;
  /** positives / n. */
  readonly positiveRate: number;
  /** Threshold used for the threshold metrics. */
  readonly threshold: number;
  /** True positives at the threshold. */
  readonly tp: number;
  /** False positives at the threshold. */
  readonly fp: number;
  /** True negatives at the threshold. */
  readonly tn: number;
  /** False negatives at the threshold. */
  readonly fn: number;
  /** (TP + TN) / n. */
  readonly accuracy: number;
  /** TP / (TP + FP). */
  readonly precision: number;
  /** TP / (TP + FN), the true positive rate. */
  readonly recall: number;
  /** TN / (TN + FP), the true negative rate. */
  readonly specificity: number;
  /** 2·TP / (2·TP + FP + FN). */
  readonly f1: number;
  /** Area under the ROC curve (threshold-free). */
  readonly auc: number;
  /** Average precision, step-wise (threshold-free). */
  readonly averagePrecision: number;
  /** Mean binary cross-entropy, eps-clipped as scikit-learn. */
  readonly logLoss: number;
  /** Mean squared error of the probabilities. */
  readonly brier: number;
  /** Lift among the 10 % highest probabilities. */
  readonly topDecileLift: number;
}

/**
 * Every headline number of a binary classifier at once: counts, accuracy, precision, recall,
 * specificity and F1 at `threshold`, plus the threshold-free AUC, average precision, log loss,
 * Brier score and top-decile lift. Each equals the matching single metric of this module
 * (`rocAuc`, `averagePrecision`, `logLoss`, …). The signature is stable: notebooks build their
 * model comparison tables from it.
 *
 * @param yTrue Labels, 0 or 1, with both classes present.
 * @param yProb Predicted P(y = 1), each in [0, 1].
 * @param options See {@linkcode ClassificationReportOptions}.
 * @returns A {@linkcode ClassificationReport}.
 * @throws {RangeError} When lengths differ, the input is empty, a label is not 0/1, a
 *   probability is NaN or outside [0, 1], or `yTrue` holds one class only.
 * @example
 * ```ts
 * import { classificationReport } from "@shoplab/lib/metrics/classification_report.ts";
 * import assert from "node:assert/strict";
 * const r = classificationReport([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]);
 * assert.equal(r.accuracy, 0.75);
 * assert.equal(r.auc, 0.75);
 * assert.equal(r.recall, 0.5);
 * assert.deepEqual([r.tp, r.fp, r.tn, r.fn], [1, 0, 2, 1]);
 * ```
 */
export function classificationReport(
  yTrue: ArrayLike<number>,
  yProb: ArrayLike<number>,
  options: ClassificationReportOptions = {},
): ClassificationReport {
  const threshold = checkThreshold("classificationReport", options.threshold ?? 0.5);
  const c = checkInputs("classificationReport", yTrue, yProb, "yProb", true);
  requireBothClasses("classificationReport", c);
  const { tp, fp, tn, fn } = confusionMatrix(yTrue, yProb, { threshold });
  const curve = binaryClfCurve(yTrue, yProb, c.positives); // one sort for the ranking metrics
  return {
    n: c.n,
    positives: c.positives,
    positiveRate: c.positives / c.n,
    threshold,
    tp,
    fp,
    tn,
    fn,
    accuracy: (tp + tn) / c.n,
    precision: ratio(tp, tp + fp, 0),
    recall: ratio(tp, tp + fn, 0),
    specificity: ratio(tn, tn + fp, 0),
    f1: ratio(2 * tp, 2 * tp + fp + fn, 0),
    auc: aucOf(curve),
    averagePrecision: averagePrecisionOf(curve),
    logLoss: logLoss(yTrue, yProb),
    brier: brierScore(yTrue, yProb),
    topDecileLift: expectedTpAt(curve, 0.1 * c.n) / c.positives / 0.1,
  };
}
