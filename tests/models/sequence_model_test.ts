import assert from "node:assert/strict";
import { ensureTfBackend, tf } from "@shoplab/lib/models/tf_backend.ts";
import { sequenceModel } from "@shoplab/lib/models/sequence_model.ts";
import { loadSequenceModel } from "@shoplab/lib/models/sequence_model_load.ts";
import { rankAuc as rocAuc } from "@shoplab/lib/models/_auc.ts";
import { rocAuc as metricsRocAuc } from "@shoplab/lib/metrics/roc_auc.ts";
import { createRng } from "@shoplab/lib/core/random.ts";
import type { SequenceBatch } from "@shoplab/lib/models/types.ts";

await ensureTfBackend();

/**
 * Planted signal: label 1 when feature 0 summed over the last 3 real steps is positive. Short
 * histories are left-padded (mask 0) with large junk values that a masked model must ignore.
 */
function planted(n: number, seed: number, steps = 10, features = 3) {
  const rng = createRng(seed);
  const x = new Float32Array(n * steps * features);
  const mask = new Uint8Array(n * steps);
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const len = 4 + rng.int(steps - 3);
    let s = 0;
    for (let t = 0; t < steps; t++) {
      const real = t >= steps - len;
      mask[i * steps + t] = real ? 1 : 0;
      for (let f = 0; f < features; f++) {
        x[(i * steps + t) * features + f] = real ? rng.normal() : 0;
      }
      if (t >= steps - 3) s += x[(i * steps + t) * features];
    }
    y[i] = s > 0 ? 1 : 0;
  }
  const batch: SequenceBatch = {
    x,
    n,
    steps,
    features,
    mask,
    featureNames: ["signal", "noise1", "noise2"],
  };
  return { batch, y };
}

Deno.test("sequenceModel() learns a planted sequence signal to AUC > 0.9 on held-out data", async () => {
  const train = planted(768, 1), test = planted(384, 2);
  const m = sequenceModel({
    units: [16],
    epochs: 25,
    batchSize: 64,
    learningRate: 0.01,
    patience: 6,
  });
  const report = await m.fit(train.batch, train.y, { validation: { x: test.batch, y: test.y } });
  const p = await m.predictProba(test.batch);
  const auc = rocAuc(test.y, p);
  assert.ok(auc > 0.9, `AUC ${auc}`);
  assert.ok(p.every((v) => v >= 0 && v <= 1));
  assert.equal(report.history.length, report.iterations);
  assert.ok(report.history.every((r) => Number.isFinite(r.loss) && r.valAuc! >= 0));
  // early stopping restores the best epoch: final validation AUC equals the best one recorded
  const best = Math.max(...report.history.map((r) => r.valAuc!));
  assert.ok(Math.abs(auc - best) < 1e-9, `restored ${auc} vs best ${best}`);
  assert.equal(m.explain().table[0].feature, "signal");
  m.dispose();
});

Deno.test("sequenceModel() repeats exactly with the same seed (incl. dropout) and differs with another", async () => {
  const d = planted(200, 3);
  const run = async (seed: number) => {
    const m = sequenceModel({
      units: [8, 4],
      epochs: 2,
      batchSize: 50,
      seed,
      dropout: 0.2,
      recurrentDropout: 0.2,
      l2: 1e-4,
    });
    await m.fit(d.batch, d.y, { classWeight: "balanced" });
    const p = await m.predictProba(d.batch);
    m.dispose();
    return p;
  };
  const a = await run(5), b = await run(5), c = await run(6);
  assert.deepEqual(a, b);
  assert.notDeepEqual(a, c);
});

Deno.test("sequenceModel() leaks no tensors across fit, predictProba, explain and dispose", async () => {
  const d = planted(100, 4);
  const before = tf.memory().numTensors;
  const m = sequenceModel({
    units: [8, 4],
    epochs: 2,
    batchSize: 32,
    dropout: 0.1,
    recurrentDropout: 0.1,
  });
  await m.fit(d.batch, d.y, { validation: { x: d.batch, y: d.y } });
  await m.predictProba(d.batch);
  m.explain();
  m.dispose();
  m.dispose();
  assert.equal(tf.memory().numTensors, before);
});

Deno.test("sequenceModel() save/load round-trips predictions and the preprocessing JSON", async () => {
  const d = planted(120, 5);
  const m = sequenceModel({ units: [6, 4], epochs: 2, batchSize: 40 });
  await m.fit(d.batch, d.y);
  const p = await m.predictProba(d.batch);
  const dir = await Deno.makeTempDir({ prefix: "shoplab-seq-" });
  try {
    await m.save(dir, { scaler: { mean: [1, 2] }, steps: 10 });
    const files = [...Deno.readDirSync(dir)].map((e) => e.name).sort();
    assert.deepEqual(files, ["model.json", "preprocessing.json", "weights.bin"]);
    const before = tf.memory().numTensors;
    const { model, preprocessing } = await loadSequenceModel(dir);
    assert.deepEqual(preprocessing, { scaler: { mean: [1, 2] }, steps: 10 });
    assert.deepEqual(await model.predictProba(d.batch), p);
    assert.deepEqual(model.config, m.config);
    assert.deepEqual(model.explain(), m.explain());
    model.dispose();
    assert.equal(tf.memory().numTensors, before);
    await assert.rejects(() => loadSequenceModel(dir + "/missing"), TypeError);
  } finally {
    await Deno.remove(dir, { recursive: true });
    m.dispose();
  }
});

Deno.test("sequenceModel() masks padding: junk in masked steps does not change predictions", async () => {
  const d = planted(120, 6);
  const m = sequenceModel({ units: [6], epochs: 1, batchSize: 40 });
  await m.fit(d.batch, d.y);
  const junk = Float32Array.from(d.batch.x);
  for (let r = 0; r < d.batch.n * d.batch.steps; r++) {
    if (d.batch.mask![r] === 0) { for (let f = 0; f < 3; f++) junk[r * 3 + f] = 1000 * (f + 1); }
  }
  const p = await m.predictProba(d.batch), q = await m.predictProba({ ...d.batch, x: junk });
  for (let i = 0; i < p.length; i++) assert.ok(Math.abs(p[i] - q[i]) < 1e-6);
  m.dispose();
});

Deno.test("sequenceModel() rejects bad input with errors naming the problem", async () => {
  const d = planted(20, 7);
  const m = sequenceModel({ units: [4], epochs: 1 });
  await assert.rejects(() => m.fit(d.batch, d.y.subarray(0, 10)), /10 labels for 20 rows/);
  await assert.rejects(() => m.fit(d.batch, new Uint8Array(20)), /one class only/);
  const bad = Float32Array.from(d.batch.x);
  bad[(3 * 10 + 2) * 3 + 1] = NaN;
  await assert.rejects(() => m.fit({ ...d.batch, x: bad }, d.y), /NaN at row 3, step 2, feature 1/);
  await assert.rejects(
    () => m.fit(d.batch, d.y, { classWeight: [0, 1] }),
    /sequenceModel\.fit: classWeight must be two positive numbers/,
  );
  await assert.rejects(() => m.predictProba(d.batch), /before fit/);
  assert.throws(() => m.explain(), /before fit/);
  assert.throws(() => sequenceModel({ units: [0] }), RangeError);
  assert.throws(() => sequenceModel({ dropout: 1 }), RangeError);
  await m.fit(d.batch, d.y);
  await assert.rejects(() => m.predictProba({ ...d.batch, steps: 5, n: 40 }), /fitted on 10 × 3/);
  m.dispose();
});

Deno.test("rankAuc() matches a hand-worked example with ties", () => {
  // pairs (pos, neg): scores pos {0.8, 0.4}, neg {0.4, 0.1}: 1 + 1 + 0.5 + 1 = 3.5 of 4
  assert.equal(rocAuc([1, 1, 0, 0], [0.8, 0.4, 0.4, 0.1]), 0.875);
  assert.ok(Number.isNaN(rocAuc([1, 1], [0.2, 0.3])));
});

Deno.test("rankAuc() (early stopping) agrees with lib/metrics rocAuc on tied random scores", () => {
  const rng = createRng(7);
  for (let trial = 0; trial < 20; trial++) {
    const n = 50 + trial * 13;
    const y = Array.from({ length: n }, (_, i) => (i < 3 ? i % 2 : rng.next() < 0.3 ? 1 : 0));
    const p = Array.from({ length: n }, () => Math.round(rng.next() * 20) / 20); // many ties
    assert.ok(Math.abs(rocAuc(y, p) - metricsRocAuc(y, p)) < 1e-12, `trial ${trial}`);
  }
});

Deno.test("sequenceModel({ cell: 'gru' }) learns the planted signal too and round-trips save/load", async () => {
  const train = planted(768, 11), test = planted(384, 12);
  const m = sequenceModel({
    cell: "gru",
    units: [16],
    epochs: 25,
    batchSize: 64,
    learningRate: 0.01,
    patience: 6,
  });
  assert.equal(m.name, "GRU(16)");
  await m.fit(train.batch, train.y, { validation: { x: test.batch, y: test.y } });
  const p = await m.predictProba(test.batch);
  assert.ok(rocAuc(test.y, p) > 0.9, `AUC ${rocAuc(test.y, p)}`);
  assert.match(m.explain().lines[0], /^GRU\(16\) → Dense/);
  const dir = await Deno.makeTempDir({ prefix: "shoplab-gru-" });
  try {
    await m.save(dir);
    const { model, preprocessing } = await loadSequenceModel(dir);
    assert.equal(preprocessing, null);
    assert.deepEqual(await model.predictProba(test.batch), p);
    model.dispose();
  } finally {
    await Deno.remove(dir, { recursive: true });
    m.dispose();
  }
  assert.throws(() => sequenceModel({ cell: "rnn" as "gru" }), /cell/);
});

Deno.test("sequenceModel({ threads: 2 }) trains data-parallel in a worker: learns, repeats exactly, leaks nothing", async () => {
  const train = planted(512, 21), test = planted(256, 22);
  const before = tf.memory().numTensors;
  const run = async () => {
    const m = sequenceModel({
      units: [16],
      epochs: 12,
      batchSize: 64,
      learningRate: 0.01,
      threads: 2,
      dropout: 0.1,
      batchNorm: true,
    });
    const report = await m.fit(train.batch, train.y);
    const p = await m.predictProba(test.batch);
    m.dispose();
    return { p, report };
  };
  const a = await run(), b = await run();
  assert.deepEqual(a.p, b.p);
  assert.ok(rocAuc(test.y, a.p) > 0.9, `AUC ${rocAuc(test.y, a.p)}`);
  assert.ok(a.report.history.every((r) => Number.isFinite(r.loss)));
  assert.equal(tf.memory().numTensors, before);
  assert.throws(() => sequenceModel({ threads: 3 as 2 }), /threads/);
});

Deno.test("sequenceModel({ batchNorm: true }) learns, predicts each row independently of its batch and round-trips", async () => {
  const train = planted(768, 31), test = planted(300, 32);
  const m = sequenceModel({
    units: [16],
    epochs: 20,
    batchSize: 64,
    learningRate: 0.01,
    batchNorm: true,
    patience: 6,
  });
  await m.fit(train.batch, train.y, { validation: { x: test.batch, y: test.y } });
  const p = await m.predictProba(test.batch);
  assert.ok(rocAuc(test.y, p) > 0.9, `AUC ${rocAuc(test.y, p)}`);
  // prediction uses the moving statistics: row 7 alone scores as it does inside the batch
  const { steps, features } = test.batch;
  const one = {
    x: test.batch.x.slice(7 * steps * features, 8 * steps * features),
    n: 1,
    steps,
    features,
    mask: test.batch.mask!.slice(7 * steps, 8 * steps),
  };
  assert.ok(Math.abs((await m.predictProba(one))[0] - p[7]) < 1e-6);
  const dir = await Deno.makeTempDir({ prefix: "shoplab-bn-" });
  try {
    await m.save(dir);
    const before = tf.memory().numTensors;
    const { model } = await loadSequenceModel(dir);
    assert.deepEqual(await model.predictProba(test.batch), p);
    model.dispose();
    assert.equal(tf.memory().numTensors, before);
  } finally {
    await Deno.remove(dir, { recursive: true });
    m.dispose();
  }
});
