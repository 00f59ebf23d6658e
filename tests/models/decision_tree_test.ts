import assert from "node:assert/strict";
import { decisionTree } from "@shoplab/lib/models/decision_tree.ts";
import type { Matrix } from "@shoplab/lib/models/types.ts";
import { PROJECT_ROOT } from "@shoplab/lib/core/paths.ts";

interface Case {
  name: string;
  options: {
    criterion: "gini" | "entropy";
    maxDepth: number;
    minSamplesLeaf?: number;
    minSamplesSplit?: number;
  };
  classWeight: "balanced" | null;
  feature: number[];
  threshold: number[];
  left: number[];
  right: number[];
  n_node_samples: number[];
  proba: number[];
  importances: number[];
  ties: string[];
}
const fixture = JSON.parse(
  await Deno.readTextFile(`${PROJECT_ROOT}/tests/fixtures/models_tree.json`),
) as { x: number[][]; y: number[]; columns: string[]; cases: Case[] };
const X: Matrix = {
  x: Float64Array.from(fixture.x.flat()),
  rows: fixture.x.length,
  cols: fixture.columns.length,
  columns: fixture.columns,
};

for (const c of fixture.cases) {
  Deno.test(`decisionTree() grows the same splits as scikit-learn: ${c.name}`, async () => {
    const model = decisionTree(c.options);
    await model.fit(X, fixture.y, { classWeight: c.classWeight ?? undefined });
    const t = model.tree!;
    assert.equal(t.feature.length, c.feature.length, "node count");
    for (let k = 0; k < c.feature.length; k++) {
      assert.equal(t.samples[k], c.n_node_samples[k], `samples at node ${k}`);
      if (c.feature[k] < 0) {
        assert.equal(t.left[k], -1, `node ${k} is a leaf`);
        continue;
      }
      assert.equal(t.left[k], c.left[k]);
      assert.equal(t.right[k], c.right[k]);
      if (c.ties[k] === "same-partition") continue; // several features give these children
      assert.equal(t.feature[k], c.feature[k], `feature at node ${k}`);
      assert.equal(t.threshold[k], c.threshold[k], `threshold at node ${k}`);
    }
    const p = await model.predictProba(X);
    c.proba.forEach((q, i) => assert.ok(Math.abs(p[i] - q) < 1e-12, `row ${i}: ${p[i]} vs ${q}`));
    c.importances.forEach((v, j) =>
      assert.ok(Math.abs(t.importances[j] - v) < 1e-9, `importance ${j}: ${t.importances[j]}`)
    );
  });
}

Deno.test("decisionTree() picks the hand-computed gini split", async () => {
  // x: 1 2 3 4 5 6, y: 0 0 1 0 1 1. Split at 2.5: left {0,0} pure, right {1,0,1,1} gini 0.375;
  // weighted 4/6·0.375 = 0.25. At 3.5: both sides gini 4/9, weighted 0.444. At 4.5: left
  // {0,0,1,0} 0.375, right pure: 0.25 too, but 2.5 comes first.
  const x: Matrix = { x: Float64Array.from([1, 2, 3, 4, 5, 6]), rows: 6, cols: 1 };
  const model = decisionTree({ maxDepth: 1 });
  await model.fit(x, [0, 0, 1, 0, 1, 1]);
  assert.equal(model.tree!.threshold[0], 2.5);
  assert.deepEqual([...await model.predictProba(x)], [0, 0, 0.75, 0.75, 0.75, 0.75]);
});

Deno.test("decisionTree() writes readable rules with share and count", async () => {
  // Churn when recency is high and frequency low.
  const rows: number[][] = [], y: number[] = [];
  for (let r = 0; r < 10; r++) {
    for (let f = 1; f <= 4; f++) {
      rows.push([r * 20, f]);
      y.push(r * 20 > 90 && f <= 2 ? 1 : 0);
    }
  }
  const x: Matrix = {
    x: Float64Array.from(rows.flat()),
    rows: rows.length,
    cols: 2,
    columns: ["recency", "frequency"],
  };
  const model = decisionTree({ maxDepth: 2, positiveLabel: "churn" });
  await model.fit(x, y);
  const e = model.explain();
  assert.equal(e.kind, "rules");
  assert.equal(e.lines[0], "recency > 90 and frequency ≤ 2.5 → churn 100 %, 10 customers");
  const total = model.rules().reduce((s, r) => s + r.n, 0);
  assert.equal(total, rows.length, "leaves partition the training rows");
});

Deno.test("decisionTree() respects maxDepth, minSamplesLeaf and minSamplesSplit", async () => {
  const model = decisionTree({ maxDepth: 2, minSamplesLeaf: 30 });
  await model.fit(X, fixture.y);
  const t = model.tree!;
  for (let k = 0; k < t.samples.length; k++) {
    assert.ok(t.depth[k] <= 2);
    if (t.left[k] < 0) assert.ok(t.samples[k] >= 30, `leaf ${k} has ${t.samples[k]} rows`);
  }
  const stump = decisionTree({ minSamplesSplit: X.rows + 1 });
  await stump.fit(X, fixture.y);
  assert.equal(stump.tree!.samples.length, 1, "a root with too few rows is a leaf");
  assert.deepEqual(stump.explain().lines.length, 1);
});

Deno.test("decisionTree() rejects bad input and bad options", async () => {
  assert.throws(() => decisionTree({ minSamplesLeaf: 0 }), /minSamplesLeaf/);
  assert.throws(() => decisionTree({ criterion: "log" as "gini" }), /criterion/);
  const x: Matrix = { x: Float64Array.from([1, 2]), rows: 2, cols: 1 };
  await assert.rejects(() => decisionTree().fit(x, [1, 1]), /one class only/);
  await assert.rejects(() => decisionTree().predictProba(x), /call fit first/);
  assert.throws(() => decisionTree().explain(), /call fit first/);
});

Deno.test("decisionTree() writes 0/1 features as = 0 / = 1 in rules", async () => {
  const x: Matrix = {
    x: Float64Array.from([0, 5, 0, 6, 1, 5, 1, 6]),
    rows: 4,
    cols: 2,
    columns: ["channel_email", "visits"],
  };
  const model = decisionTree({ maxDepth: 1 });
  await model.fit(x, [0, 0, 1, 1]);
  assert.deepEqual(model.rules().map((r) => r.rule), ["channel_email = 0", "channel_email = 1"]);
});
