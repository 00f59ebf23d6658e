/**
 * LSTM training and inference throughput (prints only): tfjs `tf.layers.lstm` on the stock wasm
 * backend, the same with shoplab's wasm kernel patches, shoplab's fused LSTM
 * (`sequenceModel`), and Keras / PyTorch (1 thread) in the same run, on random data:
 * N = 4,096 sequences, T = 20, 8 features, batch 256, Adam, binary cross-entropy, for
 * LSTM(64) → Dense and LSTM(128, seq) → LSTM(64) → Dense.
 *
 * Run: `deno task bench lstm`. Keras/PyTorch come from the python in SHOPLAB_KERAS_PYTHON, else
 * /tmp/kvenv/bin/python (make it with `python3 -m venv /tmp/kvenv && /tmp/kvenv/bin/pip install
 * tensorflow-cpu torch` from the local wheel index); skipped with a message when absent.
 * SHOPLAB_LSTM_BENCH_EPOCHS (default 3) sets the measured epochs after one warm-up epoch (stock
 * variants: 1). Besides wall-clock throughput it prints throughput per CPU-second (from
 * /proc/self/stat and Python's `time.process_time`), which shared-machine load disturbs less.
 *
 * @module
 */
import { ensureTfBackend, setWasmKernelPatches, tf } from "@shoplab/lib/models/tf_backend.ts";
import { sequenceModel } from "@shoplab/lib/models/sequence_model.ts";
import { createRng } from "@shoplab/lib/core/random.ts";

const N = 4096, T = 20, F = 8, BATCH = 256;
const EPOCHS = Number(Deno.env.get("SHOPLAB_LSTM_BENCH_EPOCHS") ?? 3);
const PYTHON = Deno.env.get("SHOPLAB_KERAS_PYTHON") ?? "/tmp/kvenv/bin/python";
const MODELS = { lstm64: [64], lstm128_64: [128, 64] } as const;
type ModelName = keyof typeof MODELS;

interface Row {
  model: ModelName;
  impl: string;
  /** Training sequences per wall-clock second (median epoch). */
  train: number;
  /** Training sequences per CPU-second of the process (all its threads), same epochs. */
  trainCpu: number;
  infer: number;
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

/** CPU seconds (user + system) of this process so far, from /proc (Linux); NaN elsewhere. */
function cpuSeconds(): number {
  try {
    const stat = Deno.readTextFileSync("/proc/self/stat");
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(f[11]) + Number(f[12])) / 100; // utime, stime in USER_HZ (100)
  } catch {
    return NaN;
  }
}

/** Wall-clock and CPU timer of one epoch. */
function clock(): () => [number, number] {
  const w = performance.now(), c = cpuSeconds();
  return () => [(performance.now() - w) / 1000, cpuSeconds() - c];
}

const rng = createRng(42);
const xData = Float32Array.from({ length: N * T * F }, () => rng.normal());
const yData = Uint8Array.from({ length: N }, () => (rng.next() < 0.5 ? 1 : 0));

async function layersRun(
  units: readonly number[],
  epochs: number,
): Promise<[number, number, number]> {
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
  const rates: number[] = [], cpuRates: number[] = [];
  for (let e = 0; e <= epochs; e++) {
    const stop = clock();
    await model.fit(x, y, { batchSize: BATCH, epochs: 1, shuffle: false, verbose: 0 });
    const [wall, cpu] = stop();
    if (e > 0) {
      rates.push(N / wall);
      cpuRates.push(N / cpu);
    }
  }
  (model.predict(x, { batchSize: 1024 }) as tf.Tensor).dispose();
  const t0 = performance.now();
  const p = model.predict(x, { batchSize: 1024 }) as tf.Tensor;
  await p.data();
  const infer = N / ((performance.now() - t0) / 1000);
  tf.dispose([p, x, y]);
  model.dispose();
  return [median(rates), median(cpuRates), infer];
}

async function fusedRun(
  units: readonly number[],
  epochs: number,
  batchSize = BATCH,
  threads: 1 | 2 = 1,
): Promise<[number, number, number]> {
  const m = sequenceModel({ units, epochs: epochs + 1, batchSize, seed: 42, threads });
  const batch = { x: xData, n: N, steps: T, features: F };
  const stamps: [number, number][] = [[performance.now(), cpuSeconds()]];
  await m.fit(batch, yData, { onEpoch: () => void stamps.push([performance.now(), cpuSeconds()]) });
  const rates = stamps.slice(2).map((s, i) => N / ((s[0] - stamps[i + 1][0]) / 1000));
  const cpuRates = stamps.slice(2).map((s, i) => N / (s[1] - stamps[i + 1][1]));
  await m.predictProba(batch);
  const t0 = performance.now();
  await m.predictProba(batch);
  const infer = N / ((performance.now() - t0) / 1000);
  m.dispose();
  return [median(rates), median(cpuRates), infer];
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
      trainCpu: r.train_seq_per_cpu_s,
      infer: r.infer_seq_per_s,
    });
  }
  return rows;
}

const backend = await ensureTfBackend();
const load = () => Deno.loadavg().map((v) => v.toFixed(1)).join(" / ");
console.log(
  `tfjs ${tf.version.tfjs}, backend ${backend}; N=${N}, T=${T}, F=${F}, batch ${BATCH}, median of ${EPOCHS} epochs after 1 warm-up (stock: 1); ${navigator.hardwareConcurrency} cores, load average ${load()}`,
);
const rows: Row[] = [];
for (const model of Object.keys(MODELS) as ModelName[]) {
  const units = MODELS[model];
  const add = (impl: string, [train, trainCpu, infer]: [number, number, number]) =>
    rows.push({ model, impl, train, trainCpu, infer });
  setWasmKernelPatches(false);
  add("tfjs tf.layers, stock wasm", await layersRun(units, 1));
  setWasmKernelPatches(true);
  add("tfjs tf.layers, wasm + shoplab kernels", await layersRun(units, EPOCHS));
  setWasmKernelPatches(false);
  add("shoplab fused LSTM, stock wasm kernels", await fusedRun(units, 1));
  setWasmKernelPatches(true);
  add("shoplab fused LSTM + kernels (sequenceModel)", await fusedRun(units, EPOCHS));
  add("… same, batch 1024 (larger batches)", await fusedRun(units, EPOCHS, 1024));
  add(
    "… same, batch 256, threads: 2 (data-parallel worker)",
    await fusedRun(units, EPOCHS, BATCH, 2),
  );
  console.log(`… ${model} tfjs done, load average ${load()}`);
}
const notes: string[] = [];
for (const which of ["keras", "torch"] as const) {
  const r = await python(which);
  if (typeof r === "string") notes.push(r);
  else rows.push(...r);
}
const keras = (m: ModelName) => rows.find((r) => r.model === m && r.impl.startsWith("Keras"));
const fmt = (v: number) => Math.round(v).toLocaleString("en-US");
console.log(`\nload average at the end ${load()}`);
console.log(
  "\n| model | implementation | train seq/s | × Keras | train seq/CPU-s | × Keras | infer seq/s | × Keras |",
);
console.log("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const r of rows) {
  const k = keras(r.model);
  const ratio = (a: number, b?: number) => (b ? `${(a / b).toFixed(2)}×` : "—");
  const name = r.model === "lstm64" ? "LSTM(64) → Dense" : "LSTM(128, seq) → LSTM(64) → Dense";
  console.log(
    `| ${name} | ${r.impl} | ${fmt(r.train)} | ${ratio(r.train, k?.train)} | ${fmt(r.trainCpu)} | ${
      ratio(r.trainCpu, k?.trainCpu)
    } | ${fmt(r.infer)} | ${ratio(r.infer, k?.infer)} |`,
  );
}
console.log(
  "\nseq/s: wall clock, what a user waits for (depends on other load: the machine is shared).\n" +
    "seq/CPU-s: per CPU-second of all the process's threads (tfjs wasm runs on one thread; Keras uses every core).",
);
for (const n of notes) console.log(`\n${n}`);
