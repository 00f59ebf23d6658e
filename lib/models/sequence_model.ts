/**
 * LSTM classifier on per-customer behaviour sequences (`[customers, T, features]`), built on the
 * fused LSTM layer (one input projection per layer, hand-written back-propagation through time)
 * and shoplab's fast wasm kernels.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { SEED } from "../core/constants.ts";
import { createRng, permutation } from "../core/random.ts";
import type {
  BinaryClassifier,
  EpochRecord,
  Explanation,
  FitOptions,
  FitReport,
  Labels,
  SequenceBatch,
} from "./types.ts";
import { ensureTfBackend } from "./tf_backend.ts";
import { folderHandler } from "./_sequence_model_io.ts";
import {
  batchTensors,
  type Cell,
  initParams,
  logits,
  type NetParams,
  paramList,
  rocAuc,
} from "./_sequence_model_net.ts";

export type { Cell } from "./_sequence_model_net.ts";

/** Options of {@linkcode sequenceModel}. */
export interface SequenceModelOptions {
  /** Recurrent cell: `"lstm"` or `"gru"` (Keras/tfjs GRU, reset gate before U). Default `"lstm"`. */
  readonly cell?: Cell;
  /** Units of the stacked LSTM layers. Default `[128, 64]` (LSTM(128, seq) → LSTM(64) → Dense). */
  readonly units?: readonly number[];
  /** Dropout rate on each LSTM layer's output (same mask across time). Default `0`. */
  readonly dropout?: number;
  /** Dropout rate on the recurrent state h_{t−1}. Default `0`. */
  readonly recurrentDropout?: number;
  /** L2 penalty on every kernel (sum of squares × l2). Default `0`. */
  readonly l2?: number;
  /** Adam learning rate. Default `0.001`. */
  readonly learningRate?: number;
  /** Maximum epochs. Default `20`. */
  readonly epochs?: number;
  /** Mini-batch size. Default `256`. */
  readonly batchSize?: number;
  /** Epochs without a better validation AUC before stopping (needs validation). Default `5`. */
  readonly patience?: number;
  /** Seed of the initialisers, shuffles and dropout masks. Default `SEED` (42). */
  readonly seed?: number;
  /** Millisecond timer for `FitReport.seconds`. Default `performance.now`. */
  readonly timer?: () => number;
}

/** A fitted-or-not sequence classifier; adds saving and the resolved configuration. */
export interface SequenceModel extends BinaryClassifier<SequenceBatch> {
  /** The resolved options (defaults filled in). */
  readonly config: Required<Omit<SequenceModelOptions, "timer">>;
  /** Saves the model (tfjs `model.json` + `weights.bin`) and `preprocessing` JSON into `dir`. */
  save(dir: string, preprocessing?: unknown): Promise<void>;
}

function checkInputs(x: SequenceBatch, y: Labels | undefined, what: string): void {
  if (x.x.length !== x.n * x.steps * x.features) {
    throw new RangeError(
      `${what}: x has ${x.x.length} values, expected n × steps × features = ${
        x.n * x.steps * x.features
      }`,
    );
  }
  for (let i = 0; i < x.x.length; i++) {
    if (!Number.isFinite(x.x[i])) {
      const f = i % x.features, t = Math.floor(i / x.features) % x.steps;
      const r = Math.floor(i / (x.features * x.steps));
      throw new RangeError(`${what}: x has ${x.x[i]} at row ${r}, step ${t}, feature ${f}`);
    }
  }
  if (y === undefined) return;
  if (y.length !== x.n) throw new RangeError(`${what}: ${y.length} labels for ${x.n} rows`);
  let pos = 0;
  for (let i = 0; i < y.length; i++) {
    if (y[i] !== 0 && y[i] !== 1) throw new RangeError(`${what}: label ${y[i]} at row ${i}`);
    pos += y[i];
  }
  if (pos === 0 || pos === y.length) throw new RangeError(`${what}: labels hold one class only`);
}

/**
 * Creates an LSTM binary classifier for sequences: LSTM(units[0], return sequences) → … →
 * LSTM(units[last]) → Dense(1, sigmoid), trained with Adam on (class-weighted) binary
 * cross-entropy, with early stopping on validation AUC (best weights restored). Runs repeat
 * exactly for a given seed.
 *
 * @param options See {@linkcode SequenceModelOptions}.
 * @returns A {@linkcode SequenceModel}.
 * @example
 * ```ts
 * import { sequenceModel } from "@shoplab/lib/models/sequence_model.ts";
 * import assert from "node:assert/strict";
 * const n = 64, steps = 4, features = 1, x = new Float32Array(n * steps);
 * const y = Array.from({ length: n }, (_, i) => i % 2);
 * for (let i = 0; i < n; i++) x[i * steps + steps - 1] = y[i] ? 1 : -1;
 * const m = sequenceModel({ units: [8], epochs: 30, batchSize: 32, learningRate: 0.05 });
 * await m.fit({ x, n, steps, features }, y);
 * const p = await m.predictProba({ x, n, steps, features });
 * assert.ok(p[1] > 0.5 && p[0] < 0.5);
 * m.dispose();
 * ```
 */
export function sequenceModel(options: SequenceModelOptions = {}): SequenceModel {
  const config = {
    cell: options.cell ?? "lstm",
    units: [...(options.units ?? [128, 64])],
    dropout: options.dropout ?? 0,
    recurrentDropout: options.recurrentDropout ?? 0,
    l2: options.l2 ?? 0,
    learningRate: options.learningRate ?? 0.001,
    epochs: options.epochs ?? 20,
    batchSize: options.batchSize ?? 256,
    patience: options.patience ?? 5,
    seed: options.seed ?? SEED,
  };
  if (config.cell !== "lstm" && config.cell !== "gru") {
    throw new RangeError(`sequenceModel: cell must be "lstm" or "gru", got "${config.cell}"`);
  }
  if (config.units.length === 0 || config.units.some((u) => !(u >= 1) || u % 1 !== 0)) {
    throw new RangeError(
      `sequenceModel: units must be positive integers, got ${config.units}`,
    );
  }
  for (const k of ["dropout", "recurrentDropout"] as const) {
    if (!(config[k] >= 0 && config[k] < 1)) {
      throw new RangeError(`sequenceModel: ${k} must be in [0, 1), got ${config[k]}`);
    }
  }
  const timer = options.timer ?? (() => performance.now());
  return makeModel(config, timer, undefined);
}

type Config = SequenceModel["config"];

interface Shape {
  steps: number;
  features: number;
  featureNames?: readonly string[];
}

interface Loaded {
  params: NetParams;
  shape: Shape;
  importance?: Float64Array;
}

function makeModel(config: Config, timer: () => number, loaded?: Loaded): SequenceModel {
  let params: NetParams | undefined = loaded?.params;
  let shape: Shape | undefined = loaded?.shape;
  let importance: Float64Array | undefined = loaded?.importance;

  async function predictProba(x: SequenceBatch): Promise<Float64Array> {
    if (params === undefined || shape === undefined) {
      throw new Error("sequenceModel: predictProba called before fit");
    }
    if (x.steps !== shape.steps || x.features !== shape.features) {
      throw new RangeError(
        `sequenceModel: x has ${x.steps} steps × ${x.features} features, the model was fitted on ${shape.steps} × ${shape.features}`,
      );
    }
    checkInputs(x, undefined, "sequenceModel.predictProba");
    await ensureTfBackend();
    const out = new Float64Array(x.n);
    const chunk = 1024;
    for (let s = 0; s < x.n; s += chunk) {
      const rows = Array.from({ length: Math.min(chunk, x.n - s) }, (_, i) => s + i);
      const b = batchTensors(x, rows);
      const p = tf.tidy(() => tf.sigmoid(logits(params!, b.x, b.mask, undefined, config.cell)));
      out.set(await p.data(), s);
      tf.dispose([p, b.x, b.mask]);
    }
    return out;
  }

  async function fit(x: SequenceBatch, y: Labels, opts: FitOptions<SequenceBatch> = {}) {
    checkInputs(x, y, "sequenceModel.fit");
    if (opts.validation) checkInputs(opts.validation.x, opts.validation.y, "validation");
    await ensureTfBackend();
    const t0 = timer();
    if (params) tf.dispose(paramList(params));
    params = initParams(x.features, config.units, config.seed, config.cell);
    shape = { steps: x.steps, features: x.features, featureNames: x.featureNames };
    const vars = paramList(params);
    let pos = 0;
    for (let i = 0; i < y.length; i++) pos += y[i];
    const cw: readonly [number, number] = opts.classWeight === "balanced"
      ? [x.n / (2 * (x.n - pos)), x.n / (2 * pos)]
      : opts.classWeight ?? [1, 1];
    const optimizer = tf.train.adam(config.learningRate);
    const rng = createRng(config.seed + 7919);
    const history: EpochRecord[] = [];
    let best = -Infinity, bestEpoch = 0, bestWeights: tf.Tensor[] | undefined, stopped = false;
    for (let epoch = 1; epoch <= config.epochs; epoch++) {
      const order = permutation(x.n, config.seed + epoch);
      let lossSum = 0;
      for (let s = 0; s < x.n; s += config.batchSize) {
        const rows = order.subarray(s, Math.min(x.n, s + config.batchSize));
        const b = batchTensors(x, rows);
        const yb = tf.tensor2d(Float32Array.from(rows, (r) => y[r]), [rows.length, 1]);
        const wb = tf.tensor2d(Float32Array.from(rows, (r) => cw[y[r]]), [rows.length, 1]);
        const cost = optimizer.minimize(
          () => {
            const z = logits(params!, b.x, b.mask, {
              dropout: config.dropout,
              recurrentDropout: config.recurrentDropout,
              rng,
            }, config.cell);
            let loss = tf.losses.sigmoidCrossEntropy(yb, z, wb) as tf.Scalar;
            if (config.l2 > 0) {
              for (const l of params!.layers) {
                loss = tf.add(loss, tf.mul(config.l2, tf.sum(tf.square(l.kernel))));
              }
            }
            return loss;
          },
          true,
          vars,
        )!;
        lossSum += (await cost.data())[0] * rows.length;
        tf.dispose([cost, b.x, b.mask, yb, wb]);
      }
      const record: { epoch: number; loss: number; valLoss?: number; valAuc?: number } = {
        epoch,
        loss: lossSum / x.n,
      };
      if (opts.validation) {
        const p = await predictProba(opts.validation.x);
        const yv = opts.validation.y;
        let ll = 0;
        for (let i = 0; i < p.length; i++) {
          const q = Math.min(1 - 1e-7, Math.max(1e-7, p[i]));
          ll -= yv[i] ? Math.log(q) : Math.log(1 - q);
        }
        record.valLoss = ll / p.length;
        record.valAuc = rocAuc(yv, p);
        if (record.valAuc > best) {
          best = record.valAuc;
          bestEpoch = epoch;
          if (bestWeights) tf.dispose(bestWeights);
          bestWeights = vars.map((v) => tf.clone(v));
        }
      }
      history.push(record);
      await opts.onEpoch?.(record);
      if (opts.validation && epoch - bestEpoch >= config.patience) {
        stopped = true;
        break;
      }
    }
    if (bestWeights) {
      vars.forEach((v, i) => v.assign(bestWeights![i]));
      tf.dispose(bestWeights);
    }
    optimizer.dispose();
    importance = saliency(params, x, config.cell);
    return {
      seconds: (timer() - t0) / 1000,
      iterations: history.length,
      converged: stopped,
      history,
    } satisfies FitReport;
  }

  function explain(): Explanation {
    if (params === undefined || shape === undefined || importance === undefined) {
      throw new Error("sequenceModel: explain called before fit");
    }
    const names = shape.featureNames ?? Array.from({ length: shape.features }, (_, f) => `f${f}`);
    const total = importance.reduce((a, b) => a + b, 0) || 1;
    const table = [...importance].map((v, f) => ({ feature: names[f], importance: v / total }))
      .sort((a, b) => b.importance - a.importance);
    return {
      kind: "importance",
      table,
      lines: [
        `LSTM(${
          config.units.join(" → ")
        }) → Dense(1, sigmoid) on ${shape.steps} steps × ${shape.features} features`,
        ...table.slice(0, 3).map((r) =>
          `${r.feature}: ${
            (100 * r.importance).toFixed(1)
          } % of the mean |∂logit/∂x| (input-gradient saliency)`
        ),
      ],
    };
  }

  async function save(dir: string, preprocessing?: unknown): Promise<void> {
    if (params === undefined || shape === undefined) {
      throw new Error("sequenceModel: save called before fit");
    }
    const vars = paramList(params);
    const named = vars.map((v, i) => ({ name: `w${i}`, tensor: v }));
    const { data, specs } = await tf.io.encodeWeights(named);
    await folderHandler(dir).save({
      format: "shoplab-sequence-model",
      generatedBy: "shoplab",
      modelTopology: { config, shape, importance: importance ? [...importance] : undefined },
      weightSpecs: specs,
      weightData: data,
    });
    await Deno.writeTextFile(`${dir}/preprocessing.json`, JSON.stringify(preprocessing ?? null));
  }

  const model: SequenceModel = {
    name: `${config.cell.toUpperCase()}(${config.units.join(" → ")})`,
    config,
    fit,
    predictProba,
    explain,
    save,
    dispose() {
      if (params) tf.dispose(paramList(params));
      params = undefined;
    },
  };
  return model;
}

function saliency(p: NetParams, x: SequenceBatch, cell: Cell): Float64Array {
  const rows = Array.from({ length: Math.min(512, x.n) }, (_, i) => i);
  const b = batchTensors(x, rows);
  const g = tf.tidy(() =>
    tf.sum(
      tf.abs(
        tf.grad((xx: tf.Tensor) => tf.sum(logits(p, xx as tf.Tensor3D, b.mask, undefined, cell)))(
          b.x,
        ),
      ),
      [
        0,
        2,
      ],
    )
  );
  const out = Float64Array.from(g.dataSync());
  tf.dispose([g, b.x, b.mask]);
  return out;
}

/**
 * Loads a classifier saved with {@linkcode SequenceModel.save}, with its preprocessing JSON.
 *
 * @param dir The folder written by `save`.
 * @returns The model (ready to `predictProba`) and the saved preprocessing object.
 * @throws {TypeError} When the folder holds no shoplab sequence model.
 */
export async function loadSequenceModel(
  dir: string,
): Promise<{ model: SequenceModel; preprocessing: unknown }> {
  await ensureTfBackend();
  const art = await folderHandler(dir).load();
  if (art.format !== "shoplab-sequence-model" || art.weightData === undefined) {
    throw new TypeError(`Cannot load "${dir}": not a shoplab sequence model (${art.format})`);
  }
  const topo = art.modelTopology as { config: Config; shape: Shape; importance?: number[] };
  const w = tf.io.decodeWeights(art.weightData, art.weightSpecs ?? []);
  const params = initParams(
    topo.shape.features,
    topo.config.units,
    topo.config.seed,
    topo.config.cell,
  );
  paramList(params).forEach((v, i) => v.assign(w[`w${i}`]));
  tf.dispose(Object.values(w));
  const model = makeModel(topo.config, () => performance.now(), {
    params,
    shape: topo.shape,
    importance: topo.importance ? Float64Array.from(topo.importance) : undefined,
  });
  const preprocessing = JSON.parse(await Deno.readTextFile(`${dir}/preprocessing.json`));
  return { model, preprocessing };
}
