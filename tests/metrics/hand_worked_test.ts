// Limits and hand-worked examples, independent of the scikit-learn fixtures.
import assert from "node:assert/strict";
import { createRng } from "@shoplab/lib/core/random.ts";
import {
  accuracyScore,
  auc,
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

function sample(n: number, seed: number): { y: number[]; p: number[] } {
  const rng = createRng(seed);
  const y: number[] = [], p: number[] = [];
  for (let i = 0; i < n; i++) {
    const label = rng.next() < 0.3 ? 1 : 0;
    y.push(label);
    p.push(1 / (1 + Math.exp(-(label * 1.5 - 0.8 + rng.normal()))));
  }
  return { y, p };
}

Deno.test("rocAuc() equals the Mann-Whitney pair count with ties as one half", () => {
  const { y, p } = sample(300, 3);
  const q = p.map((v) => Math.round(v * 20) / 20); // many ties
  let wins = 0, pairs = 0;
  for (let i = 0; i < y.length; i++) {
    for (let j = 0; j < y.length; j++) {
      if (y[i] !== 1 || y[j] !== 0) continue;
      pairs++;
      wins += q[i] > q[j] ? 1 : q[i] === q[j] ? 0.5 : 0;
    }
  }
  assert.ok(Math.abs(rocAuc(y, q) - wins / pairs) < 1e-12);
  const r = rocCurve(y, q, { dropIntermediate: false });
  assert.ok(Math.abs(auc(r.fpr, r.tpr) - wins / pairs) < 1e-12);
  const dropped = rocCurve(y, q);
  assert.ok(dropped.fpr.length <= r.fpr.length);
  assert.ok(Math.abs(auc(dropped.fpr, dropped.tpr) - wins / pairs) < 1e-12);
});

Deno.test("rocAuc() is 1 for a perfect ranking, 0 inverted, 0.5 for constant scores", () => {
  assert.equal(rocAuc([0, 0, 1], [0.1, 0.2, 0.9]), 1);
  assert.equal(rocAuc([0, 0, 1], [0.9, 0.8, 0.1]), 0);
  assert.equal(rocAuc([0, 1, 0, 1], [0.4, 0.4, 0.4, 0.4]), 0.5);
  // the source-article pitfall: AUC of 0/1 predictions loses the ranking
  const y = [0, 0, 1, 1, 0, 1], p = [0.1, 0.45, 0.55, 0.9, 0.2, 0.4];
  assert.equal(rocAuc(y, p), 8 / 9);
  assert.equal(rocAuc(y, p.map((v) => (v >= 0.5 ? 1 : 0))), 7.5 / 9);
});

Deno.test("confusionMatrix() counts by hand and the threshold metrics follow from it", () => {
  const y = [1, 1, 1, 0, 0, 0, 0, 1], p = [0.9, 0.6, 0.3, 0.7, 0.2, 0.1, 0.5, 0.5];
  // >= 0.5: predicted 1 at rows 0, 1, 3, 6, 7
  assert.deepEqual(confusionMatrix(y, p), { tp: 3, fp: 2, tn: 2, fn: 1 });
  assert.equal(accuracyScore(y, p), 5 / 8);
  assert.equal(precisionScore(y, p), 3 / 5);
  assert.equal(recallScore(y, p), 3 / 4);
  assert.equal(f1Score(y, p), 6 / 9);
  assert.deepEqual(confusionMatrix(y, p, { threshold: 0.8 }), { tp: 1, fp: 0, tn: 4, fn: 3 });
  assert.equal(precisionScore([0, 1], [0.1, 0.2], { zeroDivision: 1 }), 1);
});

Deno.test("averagePrecision() is the step-wise sum, not the trapezoid", () => {
  // ranking: + - + -  → AP = 1/2·1 + 1/2·(2/3) = 5/6
  const y = [1, 0, 1, 0], s = [0.9, 0.8, 0.7, 0.1];
  assert.ok(Math.abs(averagePrecision(y, s) - 5 / 6) < 1e-15);
  const pr = precisionRecallCurve(y, s);
  const trapezoid = auc(pr.recall, pr.precision);
  assert.notEqual(trapezoid.toFixed(6), (5 / 6).toFixed(6));
  assert.equal(averagePrecision([1, 1, 0], [0.9, 0.8, 0.1]), 1);
});

Deno.test("logLoss() and brierScore() give the constant-predictor values", () => {
  const y = [1, 0, 0, 0, 1, 0, 0, 0, 0, 0], pi = 0.2;
  const constant = y.map(() => pi);
  const entropy = -(pi * Math.log(pi) + (1 - pi) * Math.log(1 - pi));
  assert.ok(Math.abs(logLoss(y, constant) - entropy) < 1e-12);
  assert.ok(Math.abs(brierScore(y, constant) - pi * (1 - pi)) < 1e-15);
  assert.equal(brierScore([0, 1], [0, 1]), 0);
  // a confident mistake costs -ln(eps), about 36 nats
  assert.ok(Math.abs(logLoss([1], [0]) + Math.log(Number.EPSILON)) < 1e-9);
  assert.ok(Math.abs(logLoss([1], [0], { eps: 1e-15 }) + Math.log(1e-15)) < 1e-9);
});

Deno.test("calibrationCurve() quantile bins hold equal counts and the curve is within [0, 1]", () => {
  const { y, p } = sample(1000, 5);
  const c = calibrationCurve(y, p, { nBins: 10, strategy: "quantile" });
  assert.equal(c.counts.length, 10);
  for (const n of c.counts) assert.ok(n >= 99 && n <= 101, `count ${n}`);
  assert.equal(c.counts.reduce((a, b) => a + b, 0), 1000);
  for (const v of [...c.observed, ...c.predicted]) assert.ok(v >= 0 && v <= 1);
  assert.equal(c.edges.length, 11);
  const u = calibrationCurve(y, p);
  assert.deepEqual(Array.from(u.edges), [0, 0.2, 0.4, 0.6000000000000001, 0.8, 1]);
});

Deno.test("gainsCurve() ends at (1, 1); liftCurve() is 1 at fraction 1; ties count pro rata", () => {
  const { y, p } = sample(500, 9);
  const g = gainsCurve(y, p);
  assert.equal(g.fraction[0], 0);
  assert.equal(g.gains[0], 0);
  assert.equal(g.fraction[g.fraction.length - 1], 1);
  assert.equal(g.gains[g.gains.length - 1], 1);
  for (let i = 1; i < g.gains.length; i++) assert.ok(g.gains[i] >= g.gains[i - 1]);
  const l = liftCurve(y, p);
  assert.equal(l.fraction.length, 10);
  assert.ok(Math.abs(l.lift[9] - 1) < 1e-12);
  // all scores tied: the expected lift of a random order is exactly 1
  assert.equal(topDecileLift([1, 0, 0, 0, 1, 0, 0, 0, 0, 0], new Array(10).fill(0.3)), 1);
  // 10 rows, top decile = 1 row, the top row is a positive, rate 0.2 → lift 5
  assert.equal(topDecileLift([1, 0, 0, 0, 1, 0, 0, 0, 0, 0], [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]), 5);
});

Deno.test("bestF1Threshold() beats every threshold; minCostThreshold() can flag nobody", () => {
  const { y, p } = sample(400, 11);
  const b = bestF1Threshold(y, p);
  for (const t of [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]) {
    assert.ok(f1Score(y, p, { threshold: t }) <= b.f1 + 1e-15);
  }
  assert.ok(Math.abs(f1Score(y, p, { threshold: b.threshold }) - b.f1) < 1e-15);
  // false alarms cost far more than misses: flag nobody
  const none = minCostThreshold([0, 1, 0], [0.9, 0.5, 0.2], { costFp: 100, costFn: 1 });
  assert.equal(none.threshold, Infinity);
  assert.deepEqual([none.tp, none.fp, none.tn, none.fn], [0, 0, 2, 1]);
  assert.equal(none.cost, 1 / 3);
  // misses cost far more than false alarms: flag everybody
  const all = minCostThreshold([0, 1, 0], [0.9, 0.5, 0.2], { costFp: 1, costFn: 100 });
  assert.equal(all.threshold, 0.5);
});

Deno.test("classificationReport() agrees with the single metrics and does not mutate inputs", () => {
  const { y, p } = sample(800, 13);
  const py = [...y], pp = [...p];
  const r = classificationReport(y, p, { threshold: 0.4 });
  assert.deepEqual(y, py);
  assert.deepEqual(p, pp);
  assert.equal(r.threshold, 0.4);
  assert.equal(r.auc, rocAuc(y, p));
  assert.equal(r.f1, f1Score(y, p, { threshold: 0.4 }));
  assert.equal(r.logLoss, logLoss(y, p));
  assert.equal(r.n, 800);
  assert.equal(r.specificity, r.tn / (r.tn + r.fp));
  assert.ok(r.auc > 0.7 && r.auc < 0.95, `auc ${r.auc}`);
  // works on typed arrays too
  const t = classificationReport(Uint8Array.from(y), Float32Array.from(p));
  assert.ok(Math.abs(t.auc - r.auc) < 1e-6);
});
