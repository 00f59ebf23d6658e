/**
 * The metric suite for every binary classifier in shoplab (churn, purchase, acquisition),
 * matching scikit-learn's definitions and checked against it on shared fixtures.
 *
 * - Threshold metrics: {@linkcode confusionMatrix}, {@linkcode accuracyScore},
 *   {@linkcode precisionScore}, {@linkcode recallScore}, {@linkcode f1Score} (predict positive
 *   when `score >= threshold`, default 0.5).
 * - Ranking: {@linkcode rocCurve}, {@linkcode rocAuc}, {@linkcode auc},
 *   {@linkcode precisionRecallCurve}, {@linkcode averagePrecision}.
 * - Probabilities: {@linkcode logLoss}, {@linkcode brierScore}, {@linkcode calibrationCurve}.
 * - Targeting: {@linkcode gainsCurve}, {@linkcode liftCurve}, {@linkcode topDecileLift}.
 * - Choosing a threshold: {@linkcode bestF1Threshold}, {@linkcode minCostThreshold}.
 * - Everything at once: {@linkcode classificationReport}.
 *
 * Inputs are `ArrayLike<number>`: labels 0/1, scores or probabilities of the same length.
 * Impossible input throws a RangeError naming the function, argument and index: lengths that
 * differ, NaN, a label other than 0/1, a probability outside [0, 1], one class only where the
 * metric needs both (AUC, ROC) or no positive where it needs one (PR, AP, gains). Curves'
 * field names match the chart builders in `lib/charts` (`rocChart`, `prChart`,
 * `calibrationChart`, `liftChart`, `confusionMatrixChart`).
 *
 * @module
 */
export * from "./confusion_matrix.ts";
export * from "./accuracy_score.ts";
export * from "./precision_score.ts";
export * from "./recall_score.ts";
export * from "./f1_score.ts";
export * from "./roc_curve.ts";
export * from "./roc_auc.ts";
export * from "./auc.ts";
export * from "./precision_recall_curve.ts";
export * from "./average_precision.ts";
export * from "./log_loss.ts";
export * from "./brier_score.ts";
export * from "./calibration_curve.ts";
export * from "./gains_curve.ts";
export * from "./lift_curve.ts";
export * from "./top_decile_lift.ts";
export * from "./best_f1_threshold.ts";
export * from "./min_cost_threshold.ts";
export * from "./classification_report.ts";
export type { ZeroDivisionOptions } from "./_ratio.ts";
