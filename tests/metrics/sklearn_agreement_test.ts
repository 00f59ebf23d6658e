// Every metric against scikit-learn 1.2 (and numpy for gains/lift/thresholds) on the shared
// fixtures of tests/fixtures/metrics_fixtures.py, to 1e-9.
import assert from "node:assert/strict";
import fixtures from "../fixtures/metrics.json" with { type: "json" };
import {
  accuracyScore,
  averagePrecision,
  bestF1Threshold,
  brierScore,
  calibrationCurve,
  classificationReport,
  confusionMatrix,
  f1Score,
  gainsCurve,
  liftCurve,
  logLoss,
  minCostThreshold,
  precisionRecallCurve,
  precisionScore,
  recallScore,
  rocAuc,
  rocCurve,
  topDecileLift,
} from "@shoplab/lib/metrics/mod.ts";

const TOL = 1e-9;
const cases = Object.entries(fixtures.cases);

function close(actual: number, expected: number, what: string): void {
  assert.ok(
    Math.abs(actual - expected) <= TOL,
    `${what}: got ${actual}, scikit-learn ${expected}`,
  );
}

function closeArrays(actual: ArrayLike<number>, expected: readonly number[], what: string): void {
  assert.equal(actual.length, expected.length, `${what}: length`);
  for (let i = 0; i < expected.length; i++) close(actual[i], expected[i], `${what}[${i}]`);
}

Deno.test("fixtures cover ties, perfect, inverted, imbalanced and 1,000 random rows", () => {
  assert.deepEqual(
    Object.keys(fixtures.cases).sort(),
    ["hard", "imbalanced", "inverted", "perfect", "random", "random_ties", "ties"],
  );
  assert.equal(fixtures.cases.random.y.length, 1000);
  assert.equal(fixtures.sklearn, "1.2.1");
});

Deno.test("threshold metrics agree with scikit-learn at threshold 0.5", () => {
  for (const [name, c] of cases) {
    assert.deepEqual(confusionMatrix(c.y, c.p), c.confusion, name);
    close(accuracyScore(c.y, c.p), c.accuracy, `${name} accuracy`);
    close(precisionScore(c.y, c.p), c.precision, `${name} precision`);
    close(recallScore(c.y, c.p), c.recall, `${name} recall`);
    close(f1Score(c.y, c.p), c.f1, `${name} f1`);
  }
});

Deno.test("rocCurve() matches roc_curve with and without drop_intermediate", () => {
  for (const [name, c] of cases) {
    for (const [key, drop] of [["roc_drop", true], ["roc_full", false]] as const) {
      const r = rocCurve(c.y, c.p, { dropIntermediate: drop });
      closeArrays(r.fpr, c[key].fpr, `${name} ${key} fpr`);
      closeArrays(r.tpr, c[key].tpr, `${name} ${key} tpr`);
      assert.equal(r.thresholds[0], Infinity);
      closeArrays(r.thresholds.subarray(1), c[key].thresholds, `${name} ${key} thresholds`);
    }
  }
});

Deno.test("rocAuc() matches roc_auc_score, ties counted one half", () => {
  for (const [name, c] of cases) close(rocAuc(c.y, c.p), c.roc_auc, `${name} auc`);
  assert.equal(fixtures.cases.perfect.roc_auc, 1);
  assert.equal(fixtures.cases.inverted.roc_auc, 0);
});

Deno.test("precisionRecallCurve() and averagePrecision() match scikit-learn", () => {
  for (const [name, c] of cases) {
    const r = precisionRecallCurve(c.y, c.p);
    closeArrays(r.precision, c.pr.precision, `${name} precision`);
    closeArrays(r.recall, c.pr.recall, `${name} recall`);
    closeArrays(r.thresholds, c.pr.thresholds, `${name} thresholds`);
    close(averagePrecision(c.y, c.p), c.average_precision, `${name} AP`);
  }
});

Deno.test("logLoss() and brierScore() match log_loss (eps clipping) and brier_score_loss", () => {
  for (const [name, c] of cases) {
    close(logLoss(c.y, c.p), c.log_loss, `${name} log loss`);
    close(brierScore(c.y, c.p), c.brier, `${name} brier`);
  }
  // the "hard" case has p = 0 and 1 exactly: only eps clipping keeps it finite
  assert.ok(fixtures.cases.hard.log_loss > 1 && Number.isFinite(fixtures.cases.hard.log_loss));
});

Deno.test("calibrationCurve() matches calibration_curve, uniform and quantile bins", () => {
  for (const [name, c] of cases) {
    for (const strategy of ["uniform", "quantile"] as const) {
      for (const nBins of [5, 10]) {
        const key = `${strategy}_${nBins}` as keyof typeof c.calibration;
        const r = calibrationCurve(c.y, c.p, { strategy, nBins });
        closeArrays(r.observed, c.calibration[key].observed, `${name} ${key} observed`);
        closeArrays(r.predicted, c.calibration[key].predicted, `${name} ${key} predicted`);
      }
    }
  }
});

Deno.test("gainsCurve(), liftCurve() and topDecileLift() match the numpy reference", () => {
  for (const [name, c] of cases) {
    const g = gainsCurve(c.y, c.p, { fractions: c.gains.fractions });
    closeArrays(g.gains, c.gains.gains, `${name} gains`);
    const l = liftCurve(c.y, c.p, { fractions: c.gains.fractions });
    closeArrays(l.lift, c.gains.gains.map((v, i) => v / c.gains.fractions[i]), `${name} lift`);
    close(topDecileLift(c.y, c.p), c.top_decile_lift, `${name} top-decile lift`);
  }
});

Deno.test("bestF1Threshold() and minCostThreshold() match the numpy reference", () => {
  for (const [name, c] of cases) {
    const b = bestF1Threshold(c.y, c.p);
    close(b.threshold, c.best_f1.threshold, `${name} best-F1 threshold`);
    close(b.f1, c.best_f1.f1, `${name} best F1`);
    close(b.precision, c.best_f1.precision, `${name} best-F1 precision`);
    close(b.recall, c.best_f1.recall, `${name} best-F1 recall`);
    const m = minCostThreshold(c.y, c.p, {
      costFp: c.min_cost.cost_fp,
      costFn: c.min_cost.cost_fn,
    });
    const t = c.min_cost.threshold as number | string;
    assert.equal(m.threshold, t === "Infinity" ? Infinity : t, `${name} min-cost threshold`);
    close(m.totalCost, c.min_cost.totalCost, `${name} total cost`);
    close(m.cost, c.min_cost.cost, `${name} cost`);
    assert.deepEqual(
      [m.tp, m.fp, m.tn, m.fn],
      [c.min_cost.tp, c.min_cost.fp, c.min_cost.tn, c.min_cost.fn],
      name,
    );
  }
});

Deno.test("classificationReport() equals the scikit-learn numbers on every case", () => {
  for (const [name, c] of cases) {
    const r = classificationReport(c.y, c.p);
    assert.deepEqual([r.tp, r.fp, r.tn, r.fn], [
      c.confusion.tp,
      c.confusion.fp,
      c.confusion.tn,
      c.confusion.fn,
    ]);
    close(r.accuracy, c.accuracy, `${name} accuracy`);
    close(r.precision, c.precision, `${name} precision`);
    close(r.recall, c.recall, `${name} recall`);
    close(r.f1, c.f1, `${name} f1`);
    close(r.auc, c.roc_auc, `${name} auc`);
    close(r.averagePrecision, c.average_precision, `${name} AP`);
    close(r.logLoss, c.log_loss, `${name} log loss`);
    close(r.brier, c.brier, `${name} brier`);
    close(r.topDecileLift, c.top_decile_lift, `${name} lift`);
    close(r.positiveRate, c.y.reduce((a, v) => a + v, 0) / c.y.length, `${name} rate`);
  }
});
