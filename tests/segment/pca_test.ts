import assert from "node:assert/strict";
import { pca } from "@shoplab/lib/segment/pca.ts";
import { fixtures, matrixOf } from "./_fixtures.ts";

Deno.test("pca() agrees with scikit-learn: variance ratios, variances, |components| to 1e-9", () => {
  const fx = fixtures.pca;
  const p = pca(matrixOf(fx.x), { components: fx.components });
  const d = fx.x[0].length;
  for (let c = 0; c < fx.components; c++) {
    assert.ok(Math.abs(p.explainedVarianceRatio[c] - fx.explained_variance_ratio[c]) < 1e-9);
    assert.ok(Math.abs(p.explainedVariance[c] - fx.explained_variance[c]) < 1e-9);
    for (let t = 0; t < d; t++) {
      assert.ok(Math.abs(Math.abs(p.loadings[c * d + t]) - fx.abs_components[c][t]) < 1e-9);
    }
  }
});

Deno.test("pca() signs: the largest loading is positive, whatever the row order", () => {
  const fx = fixtures.pca;
  const p = pca(matrixOf(fx.x));
  const q = pca(matrixOf([...fx.x].reverse()));
  const d = fx.x[0].length;
  for (let c = 0; c < 2; c++) {
    const row = [...p.loadings.subarray(c * d, c * d + d)];
    const big = row.reduce((b, v, i) => (Math.abs(v) > Math.abs(row[b]) ? i : b), 0);
    assert.ok(row[big] > 0);
    row.forEach((v, t) => assert.ok(Math.abs(v - q.loadings[c * d + t]) < 1e-12));
  }
});

Deno.test("pca() scores are centred projections with the explained variance", () => {
  // Axis-aligned data: variances 4 (column 1) and 1 (column 0), no covariance.
  const x = matrixOf([[1, 0], [-1, 0], [0, 2], [0, -2], [0, 0]]);
  const p = pca(x);
  assert.deepEqual([...p.explainedVariance], [2, 0.5]); // 8/4 and 2/4 (ddof 1)
  assert.deepEqual([...p.explainedVarianceRatio], [0.8, 0.2]);
  assert.deepEqual([...p.loadings].map(Math.abs), [0, 1, 1, 0]);
  const s0 = [0, 1, 2, 3, 4].map((i) => p.scores[i * 2]);
  assert.deepEqual(s0.map(Math.abs), [0, 0, 2, 2, 0]);
});

Deno.test("pca() limits: one row, too many components, constant data", () => {
  assert.throws(() => pca(matrixOf([[1, 2]])), RangeError);
  assert.throws(() => pca(matrixOf([[1, 2], [3, 4]]), { components: 3 }), RangeError);
  const flat = pca(matrixOf([[1, 1], [1, 1], [1, 1]]));
  assert.deepEqual([...flat.explainedVarianceRatio], [0, 0]);
});
