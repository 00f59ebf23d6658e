/**
 * The common-sense baseline every model is shown against: predict the majority class.
 *
 * @module
 */
import { attempt, checkLabels, checkMatrix, defaultTimer } from "./_check.ts";
import type { BinaryClassifier, Explanation, FitReport, Labels, Matrix } from "./types.ts";

/** Options of {@linkcode majorityBaseline}. */
export interface MajorityBaselineOptions {
  /** What class 1 means, for the explanation ("churn", "buys"). Default `"positive"`. */
  readonly positiveLabel?: string;
  /** Display name. Default `"majority class"`. */
  readonly name?: string;
  /** Millisecond counter used only for `FitReport.seconds`. Default `performance.now`. */
  readonly timer?: () => number;
}

/** The majority-class baseline: a {@linkcode BinaryClassifier} that also exposes the prior. */
export interface MajorityBaselineModel extends BinaryClassifier<Matrix> {
  /** Share of class 1 in the training labels after `fit`, `undefined` before. */
  readonly positiveRate: number | undefined;
}

/**
 * Majority-class baseline (scikit-learn's `DummyClassifier(strategy="prior")`): ignores the
 * features, predicts P(y = 1) = the share of class 1 in the training labels for every row, so
 * thresholding at 0.5 gives the majority class. Its AUC is 0.5, its accuracy the majority
 * share and its Brier score p(1 − p): any real model must beat these. Class weights are
 * ignored (they would only move the constant).
 *
 * @param options See {@linkcode MajorityBaselineOptions}.
 * @returns An unfitted model.
 * @example
 * ```ts
 * import { majorityBaseline } from "@shoplab/lib/models/majority_baseline.ts";
 * import assert from "node:assert/strict";
 * const x = { x: new Float64Array(4), rows: 4, cols: 1 };
 * const m = majorityBaseline({ positiveLabel: "churn" });
 * await m.fit(x, [0, 1, 0, 0]);
 * assert.deepEqual([...await m.predictProba(x)], [0.25, 0.25, 0.25, 0.25]);
 * assert.match(m.explain().lines[0], /no churn/);
 * ```
 */
export function majorityBaseline(options: MajorityBaselineOptions = {}): MajorityBaselineModel {
  const positive = options.positiveLabel ?? "positive";
  const timer = options.timer ?? defaultTimer;
  let rate: number | undefined;
  let cols = 0;
  return {
    name: options.name ?? "majority class",
    get positiveRate() {
      return rate;
    },
    fit: (x: Matrix, y: Labels) =>
      attempt((): FitReport => {
        const t0 = timer();
        checkMatrix("majorityBaseline.fit", x);
        const { positives } = checkLabels("majorityBaseline.fit", x, y, false);
        if (x.rows === 0) throw new RangeError("majorityBaseline.fit: no rows");
        rate = positives / x.rows;
        cols = x.cols;
        return { seconds: (timer() - t0) / 1000, iterations: 1, converged: true, history: [] };
      }),
    predictProba: (x: Matrix) =>
      attempt(() => {
        if (rate === undefined) {
          throw new TypeError("majorityBaseline.predictProba: call fit first");
        }
        checkMatrix("majorityBaseline.predictProba", x, cols);
        return new Float64Array(x.rows).fill(rate);
      }),
    explain(): Explanation {
      if (rate === undefined) throw new TypeError("majorityBaseline.explain: call fit first");
      const majority = rate > 0.5 ? positive : `no ${positive}`;
      return {
        kind: "importance",
        table: [{ feature: "(none)", positive_rate: rate }],
        lines: [
          `always predicts "${majority}" (the majority class); P(${positive}) = ${
            (rate * 100).toFixed(1)
          } % for everyone`,
        ],
      };
    },
    dispose() {},
  };
}
