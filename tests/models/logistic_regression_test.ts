import assert from "node:assert/strict";
import { logisticRegression } from "@shoplab/lib/models/logistic_regression.ts";
import type { Matrix } from "@shoplab/lib/models/types.ts";
import { PROJECT_ROOT } from "@shoplab/lib/core/paths.ts";
import { createRng } from "@shoplab/lib/core/random.ts";

interface Case {
  name: string;
  options: { penalty: "l1" | "l2"; C: number; classWeight?: [number, number] | "balanced" };
  x: number[][];
  y: number[];
  coef: number[];
  intercept: number;
  proba: number[];
  coef_newton?: number[];
  intercept_newton?: number;
}
const fixture = JSON.parse(
  await Deno.readTextFile(`${PROJECT_ROOT}/tests/fixtures/models_logreg.json`),
) as { cases: Case[] };

function matrix(rows: number[][]): Matrix {
  const cols = rows[0].length;
  return { x: Float64Array.from(rows.flat()), rows: rows.length, cols };
}

for (const c of fixture.cases) {
  Deno.test(`logisticRegression() matches scikit-learn LogisticRegression: ${c.name}`, async () => {
    const { classWeight, ...opts } = c.options;
    const model = logisticRegression({ ...opts, tol: 1e-10 });
    const report = await model.fit(matrix(c.x), c.y, { classWeight });
    assert.ok(report.converged, `not converged after ${report.iterations} steps`);
    const f = model.fitted!;
    c.coef.forEach((b, j) => {
      assert.ok(Math.abs(f.coefficients[j] - b) < 1e-4, `β${j}: ${f.coefficients[j]} vs ${b}`);
      if (b === 0) assert.equal(f.coefficients[j], 0, `β${j} should be exactly 0 (L1)`);
    });
    assert.ok(Math.abs(f.intercept - c.intercept) < 1e-4, `β0: ${f.intercept} vs ${c.intercept}`);
    if (c.coef_newton) {
      // scikit-learn's newton-cholesky solver (same objective) pins the optimum down further.
      c.coef_newton.forEach((b, j) => assert.ok(Math.abs(f.coefficients[j] - b) < 1e-7, `β${j}`));
      assert.ok(Math.abs(f.intercept - c.intercept_newton!) < 1e-7);
    }
    const p = await model.predictProba(matrix(c.x));
    const worst = c.proba.reduce((m, q, i) => Math.max(m, Math.abs(q - p[i])), 0);
    assert.ok(worst < 1e-4, `largest probability difference ${worst}`);
  });
}

Deno.test("logisticRegression() solves a hand-worked two-point example exactly", async () => {
  // x = [0, 1], y = [0, 1], no penalty: the MLE diverges, so use L2 with C = 1. The optimum
  // satisfies b = −w/2 by symmetry and w = (σ(w/2) − σ(−w/2))... checked through the gradient.
  const x: Matrix = { x: Float64Array.from([0, 1]), rows: 2, cols: 1 };
  const model = logisticRegression({ C: 1, tol: 1e-12 });
  await model.fit(x, [0, 1]);
  const { coefficients: [w], intercept: b } = model.fitted!;
  assert.ok(Math.abs(b + w / 2) < 1e-10, "symmetric data: intercept = −w/2");
  // ∂/∂w: w + (σ(b) − 0)·0 + (σ(w + b) − 1)·1 = 0  ⇒  w = 1 − σ(w/2).
  const s = 1 / (1 + Math.exp(-w / 2));
  assert.ok(Math.abs(w - (1 - s)) < 1e-10, `w = ${w}`);
});

Deno.test("logisticRegression() with a huge C and balanced classes recovers the intercept-only fit", async () => {
  // A constant feature carries no information; the L2 penalty drives its weight to 0 and the
  // intercept is the log-odds of the positive rate (3 of 8).
  const x: Matrix = { x: new Float64Array(8), rows: 8, cols: 1 };
  const model = logisticRegression({ C: 1e6 });
  await model.fit(x, [1, 1, 1, 0, 0, 0, 0, 0]);
  assert.ok(Math.abs(model.fitted!.intercept - Math.log(3 / 5)) < 1e-9);
  const weighted = logisticRegression({ C: 1e6 });
  await weighted.fit(x, [1, 1, 1, 0, 0, 0, 0, 0], { classWeight: "balanced" });
  assert.ok(Math.abs(weighted.fitted!.intercept) < 1e-9, "balanced weights make the odds even");
});

Deno.test("logisticRegression() L1 zeroes every coefficient when C is tiny", async () => {
  const c = fixture.cases[0];
  const model = logisticRegression({ penalty: "l1", C: 1e-4 });
  await model.fit(matrix(c.x), c.y);
  assert.deepEqual([...model.fitted!.coefficients], new Array(c.coef.length).fill(0));
  assert.match(model.explain().lines.at(-1)!, /β = 0/);
});

Deno.test("logisticRegression() explain() lists odds ratios e^β sorted by |β|", async () => {
  const c = fixture.cases[0];
  const model = logisticRegression();
  await model.fit({ ...matrix(c.x), columns: ["a", "b", "c", "d", "e"] }, c.y);
  const e = model.explain();
  assert.equal(e.kind, "coefficients");
  assert.equal(e.table[0].feature, "(intercept)");
  const rest = e.table.slice(1);
  for (const r of rest) {
    assert.ok(Math.abs(Number(r.odds_ratio) - Math.exp(Number(r.coefficient))) < 1e-12);
  }
  for (let i = 1; i < rest.length; i++) {
    assert.ok(Math.abs(Number(rest[i - 1].coefficient)) >= Math.abs(Number(rest[i].coefficient)));
  }
  assert.equal(rest[0].feature, "c");
});

Deno.test("logisticRegression() rejects bad input with clear errors", async () => {
  const x: Matrix = { x: Float64Array.from([0, 1, NaN]), rows: 3, cols: 1, columns: ["recency"] };
  await assert.rejects(
    () => logisticRegression().fit(x, [0, 1, 0]),
    /NaN at row 2, column "recency"/,
  );
  const ok: Matrix = { x: Float64Array.from([0, 1, 2]), rows: 3, cols: 1 };
  await assert.rejects(() => logisticRegression().fit(ok, [0, 1]), /2 labels but x has 3 rows/);
  await assert.rejects(() => logisticRegression().fit(ok, [1, 1, 1]), /one class only/);
  await assert.rejects(() => logisticRegression().fit(ok, [0, 2, 1]), /y has 2 at row 1/);
  assert.throws(() => logisticRegression({ C: 0 }), /C must be > 0/);
  await assert.rejects(() => logisticRegression().predictProba(ok), /call fit first/);
  const m = logisticRegression();
  await m.fit(ok, [0, 1, 1]);
  await assert.rejects(
    () => m.predictProba({ x: new Float64Array(4), rows: 2, cols: 2 }),
    /2 columns/,
  );
});

Deno.test("logisticRegression() does not mutate its inputs", async () => {
  const c = fixture.cases[1];
  const x = matrix(c.x), copy = x.x.slice(), y = [...c.y];
  await logisticRegression().fit(x, y, { classWeight: "balanced" });
  assert.deepEqual(x.x, copy);
  assert.deepEqual(y, c.y);
});

Deno.test("logisticRegression() reaches the same optimum with a sub-sampled Hessian", async () => {
  for (const c of [fixture.cases[0], fixture.cases[3]]) {
    const { classWeight, ...opts } = c.options;
    const full = logisticRegression({ ...opts, tol: 1e-10 });
    const sampled = logisticRegression({ ...opts, tol: 1e-10, hessianRows: 37 });
    await full.fit(matrix(c.x), c.y, { classWeight });
    const report = await sampled.fit(matrix(c.x), c.y, { classWeight });
    assert.ok(report.converged);
    full.fitted!.coefficients.forEach((b, j) =>
      assert.ok(Math.abs(sampled.fitted!.coefficients[j] - b) < 1e-7, `${c.name} β${j}`)
    );
  }
});

Deno.test("logisticRegression() converges on 1,000,000 rows where F changes below its rounding", async () => {
  // Near the optimum the objective (~6·10⁵) changes in its 15th digit: a naive sum cannot
  // see the decrease and the line search stalls (30 steps, not converged, before the fix).
  const n = 1_000_000, d = 20, rng = createRng(42);
  const beta = Array.from({ length: d }, () => rng.normal() * 0.5);
  const x = new Float64Array(n * d), y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    let z = -1;
    for (let j = 0; j < d; j++) {
      const v = rng.normal();
      x[i * d + j] = v;
      z += beta[j] * v;
    }
    y[i] = rng.next() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
  }
  const model = logisticRegression({ tol: 1e-10, maxIterations: 30 });
  const report = await model.fit({ x, rows: n, cols: d }, y);
  assert.ok(report.converged && report.iterations <= 12, `${report.iterations} steps`);
  // The true coefficients are recovered to sampling error (~1/√n).
  beta.forEach((b, j) => assert.ok(Math.abs(model.fitted!.coefficients[j] - b) < 0.02, `β${j}`));
});
