/**
 * The acquisition article's multilayer perceptron — Dense(64, relu) → Dense(64, relu) →
 * Dense(1, sigmoid), Adam, binary cross-entropy — in tfjs (wasm backend), seeded, with class
 * weights and early stopping on a validation set.
 *
 * @module
 */
import { SEED } from "../core/constants.ts";
import { createRng, permutation } from "../core/random.ts";
import { meanLogLoss, rankAuc } from "./_auc.ts";
import {
  attempt,
  checkLabels,
  checkMatrix,
  checkTraining,
  defaultTimer,
  featureNames,
} from "./_check.ts";
import { ensureTfBackend, tf } from "./tf_backend.ts";
import type {
  BinaryClassifier,
  EpochRecord,
  Explanation,
  FitOptions,
  FitReport,
  Labels,
  Matrix,
} from "./types.ts";

/** Options of {@linkcode mlpClassifier}. */
export interface MlpClassifierOptions {
  /** Units of each hidden relu layer. Default `[64, 64]` (the article's network). */
  readonly hiddenUnits?: readonly number[];
  /** Adam learning rate. Default `0.001` (Keras' default). */
  readonly learningRate?: number;
  /** Most passes over the training rows. Default `100`. */
  readonly epochs?: number;
  /** Rows per Adam step. Default `64`. */
  readonly batchSize?: number;
  /**
   * Early stopping: epochs without a lower validation loss before training stops; the weights
   * of the best epoch are restored. Needs `validation` in `fit`. Default `10`.
   */
  readonly patience?: number;
  /** L2 penalty λ · Σ kernel² added to the loss (0 = none). Default `0`. */
  readonly l2?: number;
  /** Seed of the initial weights (glorot uniform) and of the per-epoch shuffles. Default `SEED`. */
  readonly seed?: number;
  /** Display name. Default `"MLP (64-64)"` (units filled in). */
  readonly name?: string;
  /** Millisecond counter used only for `FitReport.seconds`. Default `performance.now`. */
  readonly timer?: () => number;
}

/** The MLP: a {@linkcode BinaryClassifier} that also reports its training. */
export interface MlpModel extends BinaryClassifier<Matrix> {
  /** tfjs backend used (`"wasm"` or `"cpu"`), after `fit`. */
  readonly backend: string | undefined;
  /** Epoch whose weights were kept (the best validation loss, or the last epoch). */
  readonly bestEpoch: number | undefined;
}

function toTensor(m: Matrix): tf.Tensor2D {
  return tf.tensor2d(Float32Array.from(m.x), [m.rows, m.cols]);
}

/** Mean of w_i · BCE(y_i, σ(z_i)) computed on logits (stable). */
function weightedBce(logits: tf.Tensor, y: tf.Tensor, w: tf.Tensor): tf.Scalar {
  return tf.tidy(() => {
    const l = tf.relu(logits).sub(logits.mul(y)).add(tf.log1p(tf.exp(tf.neg(tf.abs(logits)))));
    return l.mul(w).mean() as tf.Scalar;
  });
}

/**
 * Multilayer perceptron for tabular data: hidden Dense relu layers, then Dense(1) and a
 * sigmoid; glorot-uniform weights from `seed`, zero biases; Adam on the mean class-weighted
 * binary cross-entropy (computed from the logit, which is numerically stable). Each epoch
 * shuffles the rows with the seeded PRNG, so the same seed gives the same predictions. With
 * `validation`, every epoch records the validation loss and AUC, and training stops after
 * `patience` epochs without improvement, restoring the best weights (`FitReport.converged` is
 * true when early stopping ended training, false when it ran all `epochs`). Tensors live only inside
 * `fit`/`predictProba` and the model's weights; `dispose()` frees the weights.
 *
 * Standardise the features first (fit the scaler on the training rows).
 *
 * @param options See {@linkcode MlpClassifierOptions}.
 * @returns An unfitted model.
 * @throws {RangeError} When a size option is not a positive integer.
 * @example
 * ```ts
 * import { mlpClassifier } from "@shoplab/lib/models/mlp_classifier.ts";
 * import assert from "node:assert/strict";
 * const x = { x: Float64Array.from([-2, -1, -0.5, 0.5, 1, 2]), rows: 6, cols: 1 };
 * const mlp = mlpClassifier({ hiddenUnits: [8], epochs: 200, batchSize: 6, learningRate: 0.05 });
 * await mlp.fit(x, [0, 0, 0, 1, 1, 1]);
 * const p = await mlp.predictProba(x);
 * assert.ok(p[0] < 0.5 && p[5] > 0.5);
 * mlp.dispose();
 * ```
 */
export function mlpClassifier(options: MlpClassifierOptions = {}): MlpModel {
  const hidden = [...(options.hiddenUnits ?? [64, 64])];
  const lr = options.learningRate ?? 0.001;
  const epochs = options.epochs ?? 100;
  const batchSize = options.batchSize ?? 64;
  const patience = options.patience ?? 10;
  const l2 = options.l2 ?? 0;
  const seed = options.seed ?? SEED;
  const timer = options.timer ?? defaultTimer;
  const positiveInt = (v: number) => Number.isInteger(v) && v >= 1;
  for (const [k, v] of [["epochs", epochs], ["batchSize", batchSize], ["patience", patience]]) {
    if (!positiveInt(v as number)) {
      throw new RangeError(`mlpClassifier: ${k} must be an integer ≥ 1, got ${v}`);
    }
  }
  if (!hidden.every(positiveInt)) {
    throw new RangeError(`mlpClassifier: hiddenUnits must be integers ≥ 1, got [${hidden}]`);
  }
  if (!(lr > 0)) throw new RangeError(`mlpClassifier: learningRate must be > 0, got ${lr}`);
  if (!(l2 >= 0)) throw new RangeError(`mlpClassifier: l2 must be ≥ 0, got ${l2}`);
  const name = options.name ?? `MLP (${hidden.join("-")})`;
  let model: tf.Sequential | undefined;
  let names: string[] = [];
  let backend: string | undefined;
  let bestEpoch: number | undefined;

  const build = (inputs: number): tf.Sequential => {
    const m = tf.sequential();
    hidden.forEach((units, l) => {
      m.add(tf.layers.dense({
        units,
        activation: "relu",
        inputShape: l === 0 ? [inputs] : undefined,
        kernelInitializer: tf.initializers.glorotUniform({ seed: seed + l }),
        biasInitializer: "zeros",
      }));
    });
    m.add(tf.layers.dense({
      units: 1,
      inputShape: hidden.length === 0 ? [inputs] : undefined,
      kernelInitializer: tf.initializers.glorotUniform({ seed: seed + hidden.length }),
      biasInitializer: "zeros",
    }));
    return m;
  };

  const predictRaw = (m: tf.Sequential, x: Matrix): Float64Array => {
    const out = new Float64Array(x.rows);
    const step = 8192;
    for (let start = 0; start < x.rows; start += step) {
      const end = Math.min(x.rows, start + step);
      const part = tf.tidy(() => {
        const xs = tf.tensor2d(Float32Array.from(x.x.subarray(start * x.cols, end * x.cols)), [
          end - start,
          x.cols,
        ]);
        return tf.sigmoid(m.predict(xs) as tf.Tensor).dataSync();
      });
      for (let i = start; i < end; i++) out[i] = part[i - start];
    }
    return out;
  };

  const disposeModel = () => {
    model?.dispose();
    model = undefined;
  };

  return {
    name,
    get backend() {
      return backend;
    },
    get bestEpoch() {
      return bestEpoch;
    },
    async fit(x: Matrix, y: Labels, fitOptions: FitOptions<Matrix> = {}): Promise<FitReport> {
      const t0 = timer();
      const labels = checkTraining("mlpClassifier.fit", x, y, fitOptions.classWeight);
      const val = fitOptions.validation;
      let valY: Uint8Array | undefined;
      if (val) {
        checkMatrix("mlpClassifier.fit (validation)", val.x, x.cols);
        valY = checkLabels("mlpClassifier.fit (validation)", val.x, val.y, false).y;
      }
      backend = await ensureTfBackend();
      disposeModel();
      const m = build(x.cols);
      model = m;
      names = featureNames(x);
      const optimizer = tf.train.adam(lr);
      const xs = toTensor(x);
      const ys = tf.tensor2d(Float32Array.from(labels.y), [x.rows, 1]);
      const ws = tf.tensor2d(Float32Array.from(labels.rowWeights), [x.rows, 1]);
      const vars = m.trainableWeights.map((w) => w.read() as tf.Variable);
      const kernels = m.layers.map((layer) => layer.getWeights()[0] as tf.Variable);
      const rng = createRng(seed);
      const history: EpochRecord[] = [];
      let best: tf.Tensor[] | undefined, bestLoss = Infinity, wait = 0, stopped = false;
      let epoch = 0;
      try {
        for (epoch = 1; epoch <= epochs; epoch++) {
          const order = permutation(x.rows, rng.int(2 ** 31));
          let total = 0;
          for (let start = 0; start < x.rows; start += batchSize) {
            const idx = order.subarray(start, Math.min(x.rows, start + batchSize));
            const loss = optimizer.minimize(
              () =>
                tf.tidy(() => {
                  const ids = tf.tensor1d(Int32Array.from(idx), "int32");
                  const logits = m.apply(tf.gather(xs, ids)) as tf.Tensor;
                  let l = weightedBce(logits, tf.gather(ys, ids), tf.gather(ws, ids));
                  if (l2 > 0) {
                    for (const k of kernels) l = l.add(tf.sum(tf.square(k)).mul(l2)) as tf.Scalar;
                  }
                  return l;
                }),
              true,
              vars,
            ) as tf.Scalar;
            total += loss.dataSync()[0] * idx.length;
            loss.dispose();
          }
          let record: EpochRecord = { epoch, loss: total / x.rows };
          if (val && valY) {
            const p = predictRaw(m, val.x);
            record = { ...record, valLoss: meanLogLoss(valY, p), valAuc: rankAuc(valY, p) };
            if (record.valLoss! < bestLoss) {
              bestLoss = record.valLoss!;
              bestEpoch = epoch;
              wait = 0;
              if (best) tf.dispose(best);
              best = m.getWeights().map((w) => w.clone());
            } else wait++;
          } else bestEpoch = epoch;
          history.push(record);
          await fitOptions.onEpoch?.(record);
          if (val && wait >= patience) {
            stopped = true;
            break;
          }
        }
        if (best) m.setWeights(best);
      } finally {
        if (best) tf.dispose(best);
        tf.dispose([xs, ys, ws]);
        optimizer.dispose();
      }
      return {
        seconds: (timer() - t0) / 1000,
        iterations: history.length,
        converged: stopped,
        history,
      };
    },
    predictProba(x: Matrix): Promise<Float64Array> {
      return attempt(() => {
        if (!model) throw new TypeError("mlpClassifier.predictProba: call fit first");
        checkMatrix("mlpClassifier.predictProba", x, names.length);
        return predictRaw(model, x);
      });
    },
    explain(): Explanation {
      if (!model) throw new TypeError("mlpClassifier.explain: call fit first");
      const kernel = model.layers[0].getWeights()[0];
      const k = kernel.dataSync();
      const units = kernel.shape[1]!;
      const table = names.map((feature, j) => {
        let s = 0;
        for (let u = 0; u < units; u++) s += Math.abs(k[j * units + u]);
        return { feature, mean_abs_input_weight: s / units };
      }).sort((a, b) => b.mean_abs_input_weight - a.mean_abs_input_weight);
      const params = model.countParams();
      return {
        kind: "importance",
        table,
        lines: [
          `${
            [names.length, ...hidden, 1].join(" → ")
          } units (relu hidden layers, sigmoid output), ${params.toLocaleString("en")} weights`,
          `weights of epoch ${bestEpoch} kept`,
          "importance here is the mean |weight| leaving each (standardised) input: a rough guide, not an effect size",
        ],
      };
    },
    dispose() {
      disposeModel();
    },
  };
}
