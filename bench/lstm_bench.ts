/**
 * LSTM training and inference throughput (prints only): tfjs `tf.layers.lstm` on the stock wasm
 * backend, the same with shoplab's wasm kernel patches, shoplab's fused LSTM
 * (`sequenceClassifier`), and Keras / PyTorch (1 thread) in the same run, on random data:
 * N = 4,096 sequences, T = 20, 8 features, batch 256, Adam, binary cross-entropy, for
 * LSTM(64) → Dense and LSTM(128, seq) → LSTM(64) → Dense.
 *
 * Run: `deno task bench lstm`. Keras/PyTorch come from the python in SHOPLAB_KERAS_PYTHON, else
 * /tmp/kvenv/bin/python (make it with `python3 -m venv /tmp/kvenv && /tmp/kvenv/bin/pip install
 * tensorflow-cpu torch` from the local wheel index); skipped with a message when absent.
 * SHOPLAB_LSTM_BENCH_EPOCHS (default 3) sets the measured epochs after one warm-up epoch.
 *
 * @module
 */
import { ensureTfBackend, setWasmKernelPatches, tf } from "@shoplab/lib/models/tf_backend.ts";
import { sequenceClassifier } from "@shoplab/lib/models/sequence_classifier.ts";
import { createRng } from "@shoplab/lib/core/random.ts";

const N = 4096, T = 20, F = 8, BATCH = 256;
const EPOCHS = Number(Deno.env.get("SHOPLAB_LSTM_BENCH_EPOCHS") ?? 3);
const PYTHON = Deno.env.get("SHOPLAB_KERAS_PYTHON") ?? "/tmp/kvenv/bin/python";
const MODELS = { lstm64: [64], lstm128_64: [128, 64] } as const;
type ModelName = keyof typeof MODELS;

interface Row {
  model: ModelName;
  impl: string;
  train: number;
  infer: number;
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

const rng = createRng(42);
const xData = Float32Array.from({ length: N * T * F }, () => rng.normal());
const yData = Uint8Array.from({ length: N }, () => (rng.next() < 0.5 ? 1 : 0));

async function layersRun(units: readonly number[], epochs: number): Promise<[number, number]> {
  const model = tf.sequential();
  units.forEach((u, i) =>
    model.add(tf.layers.lstm({
      units: u,
      returnSequences: i < units.length - 1,
      recurrentActivation: "sigmoid",
      recurrentInitializer: "glorotUniform",
      ...(i === 0 ? { inputShape: [T, F] } : {}),
    }))
  );
  model.add(tf.layers.dense({ units: 1, activation: "sigmoid" }));
  model.compile({ optimizer: tf.train.adam(1e-3), loss: "binaryCrossentropy" });
  const x = tf.tensor3d(xData, [N, T, F]), y = tf.tensor2d(Float32Array.from(yData), [N, 1]);
  const rates: number[] = [];
  for (let e = 0; e <= epochs; e++) {
    const t0 = performance.now();
    await model.fit(x, y, { batchSize: BATCH, epochs: 1, shuffle: false, verbose: 0 });
    if (e > 0) rates.push(N / ((performance.now() - t0) / 1000));
  }
  (model.predict(x, { batchSize: 1024 }) as tf.Tensor).dispose();
  const t0 = performance.now();
  const p = model.predict(x, { batchSize: 1024 }) as tf.Tensor;
  await p.data();
  const infer = N / ((performance.now() - t0) / 1000);
  tf.dispose([p, x, y]);
  model.dispose();
  return [median(rates), infer];
}

async function fusedRun(units: readonly number[], epochs: number): Promise<[number, number]> {
  const m = sequenceClassifier({ units, epochs: epochs + 1, batchSize: BATCH, seed: 42 });
  const batch = { x: xData, n: N, steps: T, features: F };
  const stamps: number[] = [performance.now()];
  await m.fit(batch, yData, { onEpoch: () => void stamps.push(performance.now()) });
  const rates = stamps.slice(2).map((s, i) => N / ((s - stamps[i + 1]) / 1000));
  await m.predictProba(batch);
  const t0 = performance.now();
  await m.predictProba(batch);
  const infer = N / ((performance.now() - t0) / 1000);
  m.dispose();
  return [median(rates), infer];
}

async function python(which: "keras" | "torch"): Promise<Row[] | string> {
  try {
    await Deno.stat(PYTHON);
  } catch {
    return `skipped: no python at ${PYTHON} (set SHOPLAB_KERAS_PYTHON, or make /tmp/kvenv with tensorflow-cpu and torch)`;
  }
  const env: Record<string, string> = which === "torch"
    ? { OPENBLAS_NUM_THREADS: "1", OMP_NUM_THREADS: "1", MKL_NUM_THREADS: "1" }
    : { TF_CPP_MIN_LOG_LEVEL: "3" };
  const out = await new Deno.Command(PYTHON, {
    args: [
      new URL("lstm_keras.py", import.meta.url).pathname,
      `${N}`,
      `${T}`,
      `${F}`,
      `${BATCH}`,
      `${EPOCHS}`,
      which,
    ],
    env,
    stdout: "piped",
    stderr: "piped",
  }).output();
  const lines = new TextDecoder().decode(out.stdout).trim().split("\n").filter((l) =>
    l.startsWith("{")
  );
  if (lines.length === 0) {
    return `failed: ${new TextDecoder().decode(out.stderr).trim().split("\n").pop()}`;
  }
  const rows: Row[] = [];
  for (const l of lines) {
    const r = JSON.parse(l);
    if (r.error) return `${which}: ${r.error}`;
    rows.push({
      model: r.model,
      impl: r.framework,
      train: r.train_seq_per_s,
      infer: r.infer_seq_per_s,
    });
  }
  return rows;
}

const backend = await ensureTfBackend();
console.log(
  `tfjs ${tf.version.tfjs}, backend ${backend}; N=${N}, T=${T}, F=${F}, batch ${BATCH}, median of ${EPOCHS} epochs after 1 warm-up`,
);
const rows: Row[] = [];
for (const model of Object.keys(MODELS) as ModelName[]) {
  const units = MODELS[model];
  setWasmKernelPatches(false);
  const stockEpochs = model === "lstm64" ? EPOCHS : 1;
  let [train, infer] = await layersRun(units, stockEpochs);
  rows.push({ model, impl: "tfjs tf.layers, stock wasm", train, infer });
  setWasmKernelPatches(true);
  [train, infer] = await layersRun(units, EPOCHS);
  rows.push({ model, impl: "tfjs tf.layers, wasm + shoplab kernels", train, infer });
  setWasmKernelPatches(false);
  [train, infer] = await fusedRun(units, stockEpochs);
  rows.push({ model, impl: "shoplab fused LSTM, stock wasm kernels", train, infer });
  setWasmKernelPatches(true);
  [train, infer] = await fusedRun(units, EPOCHS);
  rows.push({ model, impl: "shoplab fused LSTM + kernels (sequenceClassifier)", train, infer });
  console.log(`… ${model} tfjs done`);
}
const notes: string[] = [];
for (const which of ["keras", "torch"] as const) {
  const r = await python(which);
  if (typeof r === "string") notes.push(r);
  else rows.push(...r);
}
const keras = (m: ModelName) => rows.find((r) => r.model === m && r.impl.startsWith("Keras"));
const fmt = (v: number) => Math.round(v).toLocaleString("en-US");
console.log("\n| model | implementation | train seq/s | × Keras | infer seq/s | × Keras |");
console.log("| --- | --- | ---: | ---: | ---: | ---: |");
for (const r of rows) {
  const k = keras(r.model);
  const ratio = (a: number, b?: number) => (b ? `${(a / b).toFixed(2)}×` : "—");
  console.log(
    `| ${
      r.model === "lstm64" ? "LSTM(64) → Dense" : "LSTM(128, seq) → LSTM(64) → Dense"
    } | ${r.impl} | ${fmt(r.train)} | ${ratio(r.train, k?.train)} | ${fmt(r.infer)} | ${
      ratio(r.infer, k?.infer)
    } |`,
  );
}
for (const n of notes) console.log(`\n${n}`);
