import assert from "node:assert/strict";
import {
  accuracyScore,
  auc,
  averagePrecision,
  brierScore,
  calibrationCurve,
  classificationReport,
  confusionMatrix,
  gainsCurve,
  logLoss,
  minCostThreshold,
  precisionRecallCurve,
  rocAuc,
  rocCurve,
  topDecileLift,
} from "@shoplab/lib/metrics/mod.ts";

function throwsRange(fn: () => unknown, pattern: RegExp): void {
  assert.throws(fn, (e: unknown) => e instanceof RangeError && pattern.test(e.message));
}

Deno.test("rocAuc() rejects one class only, naming the count and the class", () => {
  throwsRange(() => rocAuc([1, 1, 1], [0.1, 0.5, 0.9]), /rocAuc: yTrue has only one class.*are 1/);
  throwsRange(() => rocAuc([0, 0], [0.1, 0.5]), /only one class \(all 2 labels are 0\)/);
  throwsRange(() => rocCurve([0, 0], [0.1, 0.5]), /rocCurve: yTrue has only one class/);
  throwsRange(() => classificationReport([1], [0.7]), /classificationReport: .*one class/);
});

Deno.test("metrics reject lengths that differ, naming both lengths", () => {
  throwsRange(
    () => rocAuc([0, 1, 1], [0.1, 0.5]),
    /rocAuc: yTrue and yScore differ in length \(3 vs 2\)/,
  );
  throwsRange(() => logLoss([0, 1], [0.1]), /logLoss: yTrue and yProb differ in length \(2 vs 1\)/);
  throwsRange(() => auc([0, 1], [0]), /auc: x and y differ in length/);
  throwsRange(() => accuracyScore([], []), /empty/);
});

Deno.test("metrics reject NaN, naming the argument and index", () => {
  throwsRange(() => rocAuc([0, 1, 0], [0.1, NaN, 0.3]), /rocAuc: yScore\[1\] is NaN/);
  throwsRange(() => averagePrecision([0, NaN], [0.1, 0.2]), /yTrue\[1\] must be 0 or 1, got NaN/);
  throwsRange(() => brierScore([0, 1], [0.2, NaN]), /brierScore: yProb\[1\] is NaN/);
  throwsRange(() => auc([0, NaN, 1], [0, 1, 1]), /auc: x\[1\] is NaN/);
});

Deno.test("probability metrics reject values outside [0, 1], naming the index and value", () => {
  throwsRange(() => logLoss([0, 1, 1], [0.2, 1.2, 0.5]), /logLoss: yProb\[1\] .*\[0, 1\], got 1.2/);
  throwsRange(() => brierScore([0, 1], [-0.1, 0.5]), /yProb\[0\].*got -0.1/);
  throwsRange(() => calibrationCurve([0, 1], [0.5, 2]), /calibrationCurve: yProb\[1\]/);
  throwsRange(() => classificationReport([0, 1], [0.5, 3]), /yProb\[1\]/);
  // scores (not probabilities) may be any number for ranking metrics
  assert.equal(rocAuc([0, 1], [-3, 7]), 1);
});

Deno.test("metrics reject labels other than 0/1", () => {
  throwsRange(
    () => confusionMatrix([0, 2], [0.1, 0.9]),
    /confusionMatrix: yTrue\[1\] must be 0 or 1, got 2/,
  );
  throwsRange(() => rocAuc([-1, 1], [0.1, 0.9]), /yTrue\[0\]/);
});

Deno.test("precisionRecallCurve() and gainsCurve() reject data without positives", () => {
  throwsRange(() => precisionRecallCurve([0, 0], [0.1, 0.2]), /no positive label/);
  throwsRange(() => averagePrecision([0, 0], [0.1, 0.2]), /averagePrecision: .*no positive/);
  throwsRange(() => gainsCurve([0, 0], [0.1, 0.2]), /no positive/);
  throwsRange(
    () => topDecileLift([1, 0], [0.1, 0.2], { fraction: 0 }),
    /fraction must be in \(0, 1\]/,
  );
});

Deno.test("option checks name the option", () => {
  throwsRange(() => calibrationCurve([0, 1], [0.1, 0.2], { nBins: 0 }), /nBins/);
  throwsRange(() => logLoss([0, 1], [0.1, 0.2], { eps: 0.7 }), /eps/);
  throwsRange(() => minCostThreshold([0, 1], [0.1, 0.2], { costFn: -1 }), /costFn/);
  throwsRange(() => confusionMatrix([0, 1], [0.1, 0.2], { threshold: NaN }), /threshold/);
  throwsRange(() => auc([0, 1, 0.5], [0, 1, 1]), /auc: x is neither increasing nor decreasing/);
});
