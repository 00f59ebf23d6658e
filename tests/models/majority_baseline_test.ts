import assert from "node:assert/strict";
import { majorityBaseline } from "@shoplab/lib/models/majority_baseline.ts";
import type { BinaryClassifier, Matrix } from "@shoplab/lib/models/types.ts";

const x: Matrix = { x: Float64Array.from([5, 1, 4, 2, 3]), rows: 5, cols: 1 };

Deno.test("majorityBaseline() predicts the training share of class 1 for every row", async () => {
  const m: BinaryClassifier = majorityBaseline({ positiveLabel: "churn" });
  await m.fit(x, [1, 1, 0, 1, 0]);
  const p = await m.predictProba({ x: new Float64Array(3), rows: 3, cols: 1 });
  assert.deepEqual([...p], [0.6, 0.6, 0.6]);
  assert.match(m.explain().lines[0], /"churn" \(the majority class\); P\(churn\) = 60.0 %/);
});

Deno.test("majorityBaseline() accepts one class only (the prior is then 0 or 1)", async () => {
  const m = majorityBaseline();
  await m.fit(x, [0, 0, 0, 0, 0]);
  assert.equal(m.positiveRate, 0);
  assert.deepEqual([...await m.predictProba(x)], [0, 0, 0, 0, 0]);
});

Deno.test("majorityBaseline() rejects bad input", async () => {
  await assert.rejects(() => majorityBaseline().fit(x, [0, 1]), /2 labels but x has 5 rows/);
  await assert.rejects(() => majorityBaseline().predictProba(x), /call fit first/);
  const m = majorityBaseline();
  await m.fit(x, [0, 1, 0, 1, 0]);
  await assert.rejects(
    () => m.predictProba({ x: new Float64Array(4), rows: 2, cols: 2 }),
    /2 columns/,
  );
});
