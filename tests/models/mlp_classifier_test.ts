import assert from "node:assert/strict";
import { mlpClassifier } from "@shoplab/lib/models/mlp_classifier.ts";
import { ensureTfBackend, tf } from "@shoplab/lib/models/tf_backend.ts";
import type { EpochRecord, Matrix } from "@shoplab/lib/models/types.ts";
import { createRng } from "@shoplab/lib/core/random.ts";

/** Two noisy features; y = 1 when x0 + x1² is large (not linear), about 30 % positives. */
function data(n: number, seed: number): { x: Matrix; y: number[] } {
  const rng = createRng(seed);
  const x = new Float64Array(n * 2), y: number[] = [];
  for (let i = 0; i < n; i++) {
    const a = rng.normal(), b = rng.normal();
    x[2 * i] = a;
    x[2 * i + 1] = b;
    y.push(a + b * b + 0.5 * rng.normal() > 1.2 ? 1 : 0);
  }
  return { x: { x, rows: n, cols: 2, columns: ["a", "b"] }, y };
}

const train = data(600, 1), valid = data(200, 2);

Deno.test("mlpClassifier() leaves no tensors behind after fit, predict and dispose", async () => {
  await ensureTfBackend();
  const before = tf.memory().numTensors;
  const mlp = mlpClassifier({ epochs: 5, batchSize: 128 });
  await mlp.fit(train.x, train.y, { validation: valid, classWeight: "balanced" });
  await mlp.predictProba(valid.x);
  mlp.explain();
  assert.ok(tf.memory().numTensors > before, "the fitted weights are tensors");
  mlp.dispose();
  mlp.dispose(); // safe twice
  assert.equal(tf.memory().numTensors, before);
});

Deno.test("mlpClassifier() gives identical predictions for the same seed", async () => {
  const run = async (seed: number) => {
    const mlp = mlpClassifier({ epochs: 4, batchSize: 64, seed });
    await mlp.fit(train.x, train.y);
    const p = await mlp.predictProba(valid.x);
    mlp.dispose();
    return p;
  };
  const a = await run(7), b = await run(7), c = await run(8);
  assert.deepEqual(a, b);
  assert.notDeepEqual(a, c);
});

Deno.test("mlpClassifier() learns a non-linear boundary better than chance", async () => {
  const mlp = mlpClassifier({ epochs: 60, batchSize: 32, learningRate: 0.01 });
  const seen: EpochRecord[] = [];
  const report = await mlp.fit(train.x, train.y, {
    validation: valid,
    onEpoch: (r) => {
      seen.push(r);
    },
  });
  assert.equal(seen.length, report.iterations);
  assert.deepEqual(seen, report.history);
  const last = report.history.at(-1)!;
  assert.ok(report.history[0].loss > last.loss, "training loss falls");
  const best = Math.max(...report.history.map((r) => r.valAuc!));
  assert.ok(best > 0.9, `validation AUC ${best}`);
  mlp.dispose();
});

Deno.test("mlpClassifier() stops early and restores the best epoch's weights", async () => {
  // A large learning rate over-fits fast; patience 3 stops well before 200 epochs.
  const mlp = mlpClassifier({ epochs: 200, patience: 3, learningRate: 0.05, batchSize: 16 });
  const report = await mlp.fit(train.x, train.y, { validation: valid });
  assert.ok(report.converged, "early stopping triggered");
  assert.ok(report.iterations < 200);
  const losses = report.history.map((r) => r.valLoss!);
  const bestEpoch = losses.indexOf(Math.min(...losses)) + 1;
  assert.equal(mlp.bestEpoch, bestEpoch);
  assert.equal(report.iterations, bestEpoch + 3);
  // The restored weights reproduce the best validation loss.
  const p = await mlp.predictProba(valid.x);
  let loss = 0;
  valid.y.forEach((v, i) => {
    const q = Math.min(Math.max(p[i], 1e-7), 1 - 1e-7);
    loss -= v ? Math.log(q) : Math.log(1 - q);
  });
  assert.ok(Math.abs(loss / valid.y.length - losses[bestEpoch - 1]) < 1e-9);
  mlp.dispose();
});

Deno.test("mlpClassifier() class weights raise the predicted share of the rare class", async () => {
  const mean = async (classWeight?: [number, number]) => {
    const mlp = mlpClassifier({ epochs: 10, batchSize: 64 });
    await mlp.fit(train.x, train.y, { classWeight });
    const p = await mlp.predictProba(valid.x);
    mlp.dispose();
    return p.reduce((s, v) => s + v, 0) / p.length;
  };
  const plain = await mean(), weighted = await mean([1, 5]);
  assert.ok(weighted > plain + 0.1, `mean P ${plain} → ${weighted}`);
});

Deno.test("mlpClassifier() rejects bad input", async () => {
  assert.throws(() => mlpClassifier({ epochs: 0 }), /epochs must be an integer/);
  assert.throws(() => mlpClassifier({ hiddenUnits: [64, 0] }), /hiddenUnits/);
  const mlp = mlpClassifier();
  await assert.rejects(() => mlp.predictProba(train.x), /call fit first/);
  await assert.rejects(
    () =>
      mlp.fit(train.x, train.y, {
        validation: { x: { ...valid.x, cols: 1, x: new Float64Array(200) }, y: valid.y },
      }),
    /1 columns, the model was fitted on 2/,
  );
  await assert.rejects(() => mlp.fit(train.x, train.y.slice(1)), /labels but x has/);
});

Deno.test("mlpClassifier() l2 penalty shrinks the input weights", async () => {
  const size = async (l2: number) => {
    const mlp = mlpClassifier({ epochs: 8, batchSize: 64, learningRate: 0.01, l2 });
    await mlp.fit(train.x, train.y);
    const w = mlp.explain().table.map((r) => Number(r.mean_abs_input_weight));
    mlp.dispose();
    return w.reduce((s, v) => s + v, 0);
  };
  const free = await size(0), shrunk = await size(0.05);
  assert.ok(shrunk < 0.7 * free, `mean |w| ${free} → ${shrunk}`);
});
