/**
 * The sequence model's implementation behind {@linkcode sequenceModel} and
 * {@linkcode loadSequenceModel}: input checks, the training loop (seeded shuffles, class weights,
 * L2, early stopping on validation AUC with the best weights restored), prediction, saliency
 * explanation and saving.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
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
import { startGradWorker } from "./_sequence_model_parallel.ts";
import {
  batchArrays,
  batchLoss,
  batchTensors,
  type Cell,
  initParams,
  logits,
  type NetParams,
  paramList,
  trainableList,
} from "./_sequence_model_net.ts";
import { meanLogLoss, rankAuc } from "./_auc.ts";
import { resolveClassWeight } from "./_check.ts";
import type { RecurrentCell } from "./sequence_model.ts";

/**
 * The resolved configuration of a sequence model: {@linkcode SequenceModelOptions} with every
 * default filled in (see there for the defaults).
 */
export interface SequenceModelConfig {
  /** Recurrent cell: `"lstm"` or `"gru"`. */
  readonly cell: RecurrentCell;
  /** Units of each stacked recurrent layer, input side first. */
  readonly units: number[];
  /** Dropout rate on each recurrent layer's output, in [0, 1). */
  readonly dropout: number;
  /** Dropout rate on the recurrent state h_{t−1}, in [0, 1). */
  readonly recurrentDropout: number;
  /** L2 penalty on every kernel (sum of squares × l2). */
  readonly l2: number;
  /** Adam learning rate. */
  readonly learningRate: number;
  /** Maximum training epochs. */
  readonly epochs: number;
  /** Mini-batch size (rows). */
  readonly batchSize: number;
  /** Epochs without a better validation AUC before early stopping. */
  readonly patience: number;
  /** Seed of the initialisers, shuffles and dropout masks. */
  readonly seed: number;
  /** Training threads: 1, or 2 for data-parallel training with a worker. */
  readonly threads: 1 | 2;
  /** Batch normalisation of the last recurrent layer's output before the Dense layer. */
  readonly batchNorm: boolean;
}

/** A fitted-or-not sequence classifier; adds saving and the resolved configuration. */
export interface SequenceModel extends BinaryClassifier<SequenceBatch> {
  /** The resolved options (defaults filled in). */
  readonly config: SequenceModelConfig;
  /** Saves the model (tfjs `model.json` + `weights.bin`) and `preprocessing` JSON into `dir`. */
  save(dir: string, preprocessing?: unknown): Promise<void>;
}

/**
 * Validates a sequence batch (and labels, when given) before fitting or predicting.
 *
 * @param x The batch; `x.x` must hold n × steps × features finite values.
 * @param y 0/1 labels, one per row, both classes present; `undefined` to check `x` only.
 * @param what Caller name for the messages.
 * @throws {RangeError} Naming the row, step and feature of a bad value, or the bad label.
 * @example
 * ```ts
 * import { checkInputs } from "@shoplab/lib/models/_sequence_model_impl.ts";
 * import assert from "node:assert/strict";
 * const x = { x: new Float32Array([0, 1, 2, NaN]), n: 2, steps: 2, features: 1 };
 * assert.throws(() => checkInputs(x, undefined, "fit"), /row 1, step 1, feature 0/);
 * ```
 */
export function checkInputs(x: SequenceBatch, y: Labels | undefined, what: string): void {
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

type Config = SequenceModelConfig;

/** Steps, features and names a model was fitted on. */
export interface Shape {
  steps: number;
  features: number;
  featureNames?: readonly string[];
}

/** What a loader hands to {@linkcode makeModel}. */
export interface Loaded {
  params: NetParams;
  shape: Shape;
  importance?: Float64Array;
}

/**
 * Builds a model object around (possibly loaded) parameters.
 *
 * @example
 * ```ts
 * import { makeModel } from "@shoplab/lib/models/_sequence_model_impl.ts";
 * import assert from "node:assert/strict";
 * const config = {
 *   cell: "gru" as const, units: [2], dropout: 0, recurrentDropout: 0, l2: 0, learningRate: 0.01,
 *   epochs: 1, batchSize: 8, patience: 1, seed: 42, threads: 1 as const, batchNorm: false,
 * };
 * const model = makeModel(config, () => 0);
 * assert.equal(model.config.cell, "gru");
 * await assert.rejects(
 *   model.predictProba({ x: new Float32Array(2), n: 1, steps: 2, features: 1 }),
 *   /before fit/,
 * );
 * ```
 */
export function makeModel(config: Config, timer: () => number, loaded?: Loaded): SequenceModel {
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
    let pos = 0;
    for (let i = 0; i < y.length; i++) pos += y[i];
    const cw = resolveClassWeight("sequenceModel.fit", opts.classWeight, x.n, pos);
    await ensureTfBackend();
    const t0 = timer();
    if (params) tf.dispose(paramList(params));
    params = initParams(x.features, config.units, config.seed, config.cell, config.batchNorm);
    shape = { steps: x.steps, features: x.features, featureNames: x.featureNames };
    const vars = paramList(params), trainable = trainableList(params);
    const optimizer = tf.train.adam(config.learningRate);
    const rng = createRng(config.seed + 7919);
    const inputs = (rows: ArrayLike<number>, seed: number, l2: number) => {
      const b = batchTensors(x, rows);
      const ys = tf.tensor2d(Float32Array.from(rows, (r) => y[r]), [rows.length, 1]);
      const ws = tf.tensor2d(Float32Array.from(rows, (r) => cw[y[r]]), [rows.length, 1]);
      const train = {
        dropout: config.dropout,
        recurrentDropout: config.recurrentDropout,
        rng: createRng(seed),
        updateStats: true,
      };
      return { ...b, y: ys, w: ws, train, cell: config.cell, l2 };
    };
    // one thread: minimise the batch loss
    const serialStep = async (rows: ArrayLike<number>, seed: number) => {
      const li = inputs(rows, seed, config.l2);
      const cost = optimizer.minimize(() => batchLoss(params!, li), true, trainable)!;
      const v = (await cost.data())[0];
      tf.dispose([cost, li.x, li.mask, li.y, li.w]);
      return v;
    };
    // two threads: the worker takes the second half of the batch; gradients are averaged
    const parallelStep = async (rows: Uint32Array, seed: number) => {
      const half = rows.length >> 1;
      const mine = rows.subarray(0, half), theirs = rows.subarray(half);
      const reply = worker!.request({
        type: "grad",
        weights: vars.map((v) => v.dataSync() as Float32Array),
        batch: batchArrays(x, theirs),
        y: Float32Array.from(theirs, (r) => y[r]),
        w: Float32Array.from(theirs, (r) => cw[y[r]]),
        seed: seed + 1,
        dropout: config.dropout,
        recurrentDropout: config.recurrentDropout,
      });
      // the L2 term is added once, scaled so the weighted average keeps it whole
      const li = inputs(mine, seed, config.l2 * rows.length / half);
      const { value, grads } = tf.variableGrads(() => batchLoss(params!, li), trainable);
      const other = await reply;
      const a = half / rows.length, b = 1 - a;
      const combined = trainable.map((v, i) => ({
        name: v.name,
        tensor: tf.tidy(() =>
          tf.add(tf.mul(grads[v.name], a), tf.mul(tf.tensor(other.grads[i], v.shape), b))
        ),
      }));
      optimizer.applyGradients(combined);
      const v = a * (await value.data())[0] + b * other.loss;
      tf.dispose([value, ...Object.values(grads), ...combined.map((c) => c.tensor)]);
      tf.dispose([li.x, li.mask, li.y, li.w]);
      return v;
    };
    const worker = config.threads > 1
      ? await startGradWorker(x.features, config.units, config.cell, config.batchNorm)
      : undefined;
    const history: EpochRecord[] = [];
    let best = -Infinity, bestEpoch = 0, bestWeights: tf.Tensor[] | undefined, stopped = false;
    try {
      for (let epoch = 1; epoch <= config.epochs; epoch++) {
        const order = permutation(x.n, config.seed + epoch);
        let lossSum = 0;
        for (let s = 0; s < x.n; s += config.batchSize) {
          const rows = order.subarray(s, Math.min(x.n, s + config.batchSize));
          const seed = rng.int(2 ** 31);
          lossSum += rows.length *
            await (worker && rows.length >= 4 ? parallelStep(rows, seed) : serialStep(rows, seed));
        }
        const record: { epoch: number; loss: number; valLoss?: number; valAuc?: number } = {
          epoch,
          loss: lossSum / x.n,
        };
        if (opts.validation) {
          const p = await predictProba(opts.validation.x);
          const yv = opts.validation.y;
          record.valLoss = meanLogLoss(yv, p);
          record.valAuc = rankAuc(yv, p);
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
    } finally {
      worker?.close();
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
        `${config.cell.toUpperCase()}(${
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
