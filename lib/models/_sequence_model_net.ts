/**
 * The network behind `sequenceModel`: stacked fused LSTM layers → Dense(1) logit, its seeded
 * initialisation and batch assembly (`[T, F, B]`).
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { createRng, type Rng } from "../core/random.ts";
import type { SequenceBatch } from "./types.ts";
import { fusedLstm, lstmInference } from "./_fused_lstm.ts";
import { fusedGru, gruInference } from "./_fused_gru.ts";

/** Recurrent cell type. */
export type Cell = "lstm" | "gru";

const GATES: Readonly<Record<Cell, number>> = { lstm: 4, gru: 3 };

/** Trainable parameters. */
export interface NetParams {
  readonly layers: { kernel: tf.Variable; recurrent: tf.Variable; bias: tf.Variable }[];
  readonly dense: { kernel: tf.Variable; bias: tf.Variable };
  /**
   * Batch normalisation of the last recurrent layer's output: scale and shift (trained), moving
   * mean and variance (updated with momentum 0.99 while training, used for prediction).
   */
  readonly norm?: {
    gamma: tf.Variable;
    beta: tf.Variable;
    movingMean: tf.Variable;
    movingVariance: tf.Variable;
  };
}

/**
 * A seeded orthogonal matrix `[rows, cols]` (rows ≤ cols: orthonormal rows, by modified
 * Gram–Schmidt on standard normal draws), as Keras' `Orthogonal` initialiser for recurrent kernels.
 *
 * @example
 * ```ts
 * import { ensureTfBackend, tf } from "@shoplab/lib/models/tf_backend.ts";
 * import { orthogonal } from "@shoplab/lib/models/_sequence_model_net.ts";
 * import assert from "node:assert/strict";
 * await ensureTfBackend();
 * const before = tf.memory().numTensors;
 * const q = orthogonal(2, 5, 42);
 * const qqt = tf.tidy(() => tf.matMul(q, q, false, true).arraySync() as number[][]);
 * q.dispose();
 * // orthonormal rows: Q Qᵀ = I
 * assert.ok(Math.abs(qqt[0][0] - 1) < 1e-5 && Math.abs(qqt[0][1]) < 1e-5);
 * assert.equal(tf.memory().numTensors, before);
 * ```
 */
export function orthogonal(rows: number, cols: number, seed: number): tf.Tensor2D {
  const rng = createRng(seed);
  const tall = rows > cols;
  const [r, c] = tall ? [cols, rows] : [rows, cols];
  const m = new Float64Array(r * c);
  for (let i = 0; i < m.length; i++) m[i] = rng.normal();
  for (let i = 0; i < r; i++) {
    for (let j = 0; j < i; j++) {
      let dot = 0;
      for (let k = 0; k < c; k++) dot += m[i * c + k] * m[j * c + k];
      for (let k = 0; k < c; k++) m[i * c + k] -= dot * m[j * c + k];
    }
    let norm = 0;
    for (let k = 0; k < c; k++) norm += m[i * c + k] * m[i * c + k];
    norm = Math.sqrt(norm);
    for (let k = 0; k < c; k++) m[i * c + k] /= norm;
  }
  const out = new Float32Array(rows * cols);
  for (let i = 0; i < r; i++) {
    for (let k = 0; k < c; k++) out[tall ? k * cols + i : i * cols + k] = m[i * c + k];
  }
  return tf.tensor2d(out, [rows, cols]);
}

function variableOf(t: tf.Tensor, trainable = true): tf.Variable {
  const v = tf.variable(t, trainable);
  t.dispose();
  return v;
}

/**
 * Creates seeded parameters (Glorot-uniform kernels, orthogonal recurrent kernels, zero biases
 * except the LSTM forget gate's 1, as Keras).
 *
 * @example
 * ```ts
 * import { ensureTfBackend, tf } from "@shoplab/lib/models/tf_backend.ts";
 * import { initParams, paramList } from "@shoplab/lib/models/_sequence_model_net.ts";
 * import assert from "node:assert/strict";
 * await ensureTfBackend();
 * const before = tf.memory().numTensors;
 * const p = initParams(3, [4], 42, "lstm");
 * assert.deepEqual(p.layers[0].kernel.shape, [3, 16]); // 4 gates × 4 units
 * assert.deepEqual(Array.from(p.layers[0].bias.dataSync().slice(4, 8)), [1, 1, 1, 1]); // forget
 * tf.dispose(paramList(p));
 * assert.equal(tf.memory().numTensors, before);
 * ```
 */
export function initParams(
  features: number,
  units: readonly number[],
  seed: number,
  cell: Cell = "lstm",
  batchNorm = false,
): NetParams {
  const g = GATES[cell];
  let inDim = features;
  let s = seed;
  const layers = units.map((h) => {
    const kernel = variableOf(tf.initializers.glorotUniform({ seed: s++ }).apply([inDim, g * h]));
    const recurrent = variableOf(orthogonal(h, g * h, s++));
    const b = new Float32Array(g * h);
    if (cell === "lstm") b.fill(1, h, 2 * h); // unit forget bias, as Keras
    const bias = variableOf(tf.tensor1d(b));
    inDim = h;
    return { kernel, recurrent, bias };
  });
  const dense = {
    kernel: variableOf(tf.initializers.glorotUniform({ seed: s++ }).apply([inDim, 1])),
    bias: variableOf(tf.zeros([1])),
  };
  if (!batchNorm) return { layers, dense };
  const h = units[units.length - 1];
  const norm = {
    gamma: variableOf(tf.ones([h, 1])),
    beta: variableOf(tf.zeros([h, 1])),
    movingMean: variableOf(tf.zeros([h, 1]), false),
    movingVariance: variableOf(tf.ones([h, 1]), false),
  };
  return { layers, dense, norm };
}

/**
 * All variables in a fixed order (for saving, best-weight snapshots and workers).
 *
 * @example
 * ```ts
 * import { ensureTfBackend, tf } from "@shoplab/lib/models/tf_backend.ts";
 * import {
 *   initParams,
 *   paramList,
 *   trainableList,
 * } from "@shoplab/lib/models/_sequence_model_net.ts";
 * import assert from "node:assert/strict";
 * await ensureTfBackend();
 * const p = initParams(2, [3], 1, "gru", true);
 * assert.equal(paramList(p).length, trainableList(p).length + 2); // + moving mean and variance
 * tf.dispose(paramList(p));
 * ```
 */
export function paramList(p: NetParams): tf.Variable[] {
  return [
    ...trainableList(p),
    ...(p.norm ? [p.norm.movingMean, p.norm.movingVariance] : []),
  ];
}

/**
 * The trained variables in a fixed order (for optimisers and gradients).
 *
 * @example
 * ```ts
 * import { ensureTfBackend, tf } from "@shoplab/lib/models/tf_backend.ts";
 * import {
 *   initParams,
 *   paramList,
 *   trainableList,
 * } from "@shoplab/lib/models/_sequence_model_net.ts";
 * import assert from "node:assert/strict";
 * await ensureTfBackend();
 * const p = initParams(2, [3, 2], 1);
 * // kernel, recurrent, bias per layer, then the dense kernel and bias
 * assert.equal(trainableList(p).length, 2 * 3 + 2);
 * tf.dispose(paramList(p));
 * ```
 */
export function trainableList(p: NetParams): tf.Variable[] {
  return [
    ...p.layers.flatMap((l) => [l.kernel, l.recurrent, l.bias]),
    ...(p.norm ? [p.norm.gamma, p.norm.beta] : []),
    p.dense.kernel,
    p.dense.bias,
  ];
}

const BN_EPSILON = 1e-3, BN_MOMENTUM = 0.99; // Keras defaults

/**
 * Builds the input `[T, F, B]` (time-major, batch last) and mask `[T, 1, B]` of the given rows.
 *
 * @example
 * ```ts
 * import { ensureTfBackend, tf } from "@shoplab/lib/models/tf_backend.ts";
 * import { batchTensors } from "@shoplab/lib/models/_sequence_model_net.ts";
 * import assert from "node:assert/strict";
 * await ensureTfBackend();
 * // two sequences, 2 steps × 1 feature: row 0 = (1, 2), row 1 = (3, 4)
 * const x = { x: Float32Array.of(1, 2, 3, 4), n: 2, steps: 2, features: 1 };
 * const t = batchTensors(x, [0, 1]);
 * assert.deepEqual(t.x.shape, [2, 1, 2]);
 * assert.deepEqual([...t.x.dataSync()], [1, 3, 2, 4]);
 * t.x.dispose();
 * ```
 */
export function batchTensors(
  x: SequenceBatch,
  rows: ArrayLike<number>,
): { x: tf.Tensor3D; mask?: tf.Tensor3D } {
  return arraysToTensors(batchArrays(x, rows));
}

/** A batch as plain arrays (`[T, F, B]` values, `[T, 1, B]` mask), e.g. to post to a worker. */
export interface BatchArrays {
  readonly x: Float32Array;
  readonly mask?: Float32Array;
  readonly steps: number;
  readonly features: number;
  readonly batch: number;
}

/**
 * The values of {@linkcode batchTensors} as arrays.
 * @example
 * ```ts
 * import { batchArrays } from "@shoplab/lib/models/_sequence_model_net.ts";
 * import assert from "node:assert/strict";
 * // two sequences, 2 steps × 1 feature: row 0 = (1, 2), row 1 = (3, 4)
 * const x = { x: Float32Array.of(1, 2, 3, 4), n: 2, steps: 2, features: 1 };
 * const b = batchArrays(x, [1, 0]);
 * assert.deepEqual([...b.x], [3, 1, 4, 2]); // [T, F, B]: step 0 of rows 1, 0, then step 1
 * assert.equal(b.mask, undefined); // no padding
 * ```
 */
export function batchArrays(x: SequenceBatch, rows: ArrayLike<number>): BatchArrays {
  const { steps: T, features: F } = x;
  const B = rows.length;
  const out = new Float32Array(T * F * B);
  for (let b = 0; b < B; b++) {
    const base = rows[b] * T * F;
    for (let t = 0; t < T; t++) {
      for (let f = 0; f < F; f++) out[(t * F + f) * B + b] = x.x[base + t * F + f];
    }
  }
  let mask: Float32Array | undefined;
  if (x.mask !== undefined) {
    const m = new Float32Array(T * B);
    let any = false;
    for (let b = 0; b < B; b++) {
      for (let t = 0; t < T; t++) {
        const v = x.mask[rows[b] * T + t];
        m[t * B + b] = v;
        if (v === 0) any = true;
      }
    }
    if (any) mask = m;
  }
  return { x: out, mask, steps: T, features: F, batch: B };
}

/**
 * Tensors of {@linkcode BatchArrays}.
 * @example
 * ```ts
 * import { ensureTfBackend, tf } from "@shoplab/lib/models/tf_backend.ts";
 * import { arraysToTensors } from "@shoplab/lib/models/_sequence_model_net.ts";
 * import assert from "node:assert/strict";
 * await ensureTfBackend();
 * const t = arraysToTensors({
 *   x: Float32Array.of(1, 2), mask: Float32Array.of(1, 0), steps: 2, features: 1, batch: 1,
 * });
 * assert.deepEqual(t.mask!.shape, [2, 1, 1]);
 * tf.dispose([t.x, t.mask!]);
 * ```
 */
export function arraysToTensors(a: BatchArrays): { x: tf.Tensor3D; mask?: tf.Tensor3D } {
  return {
    x: tf.tensor3d(a.x, [a.steps, a.features, a.batch]),
    mask: a.mask === undefined ? undefined : tf.tensor3d(a.mask, [a.steps, 1, a.batch]),
  };
}

/** Everything one training batch's loss needs besides the parameters. */
export interface LossInputs {
  readonly x: tf.Tensor3D;
  readonly mask?: tf.Tensor3D;
  /** Labels `[B, 1]`. */
  readonly y: tf.Tensor2D;
  /** Per-row weights `[B, 1]` (class weights). */
  readonly w: tf.Tensor2D;
  readonly train: TrainForward;
  readonly cell: Cell;
  /** L2 penalty factor on the kernels (0: none). */
  readonly l2: number;
}

/**
 * Weighted binary cross-entropy of a batch plus the L2 penalty.
 *
 * @example
 * ```ts
 * import { ensureTfBackend, tf } from "@shoplab/lib/models/tf_backend.ts";
 * import { createRng } from "@shoplab/lib/core/random.ts";
 * import {
 *   batchLoss,
 *   batchTensors,
 *   initParams,
 *   paramList,
 * } from "@shoplab/lib/models/_sequence_model_net.ts";
 * import assert from "node:assert/strict";
 * await ensureTfBackend();
 * const p = initParams(1, [2], 42);
 * const x = batchTensors({ x: Float32Array.of(1, 2, 3, 4), n: 2, steps: 2, features: 1 }, [0, 1]);
 * const y = tf.tensor2d([[0], [1]]), w = tf.ones([2, 1]) as tf.Tensor2D;
 * const train = { dropout: 0, recurrentDropout: 0, rng: createRng(1) };
 * const plain = batchLoss(p, { x: x.x, y, w, train, cell: "lstm", l2: 0 });
 * const penalised = batchLoss(p, { x: x.x, y, w, train, cell: "lstm", l2: 0.1 });
 * assert.ok(penalised.dataSync()[0] > plain.dataSync()[0]); // L2 adds Σ kernel²
 * tf.dispose([plain, penalised, x.x, y, w, ...paramList(p)]);
 * ```
 */
export function batchLoss(p: NetParams, i: LossInputs): tf.Scalar {
  const z = logits(p, i.x, i.mask, i.train, i.cell);
  let loss = tf.losses.sigmoidCrossEntropy(i.y, z, i.w) as tf.Scalar;
  if (i.l2 > 0) {
    for (const l of p.layers) loss = tf.add(loss, tf.mul(i.l2, tf.sum(tf.square(l.kernel))));
  }
  return loss;
}

/**
 * Inverted-dropout mask (values 0 or 1 / keep) of the given shape, from the seeded Rng.
 *
 * @example
 * ```ts
 * import { ensureTfBackend, tf } from "@shoplab/lib/models/tf_backend.ts";
 * import { createRng } from "@shoplab/lib/core/random.ts";
 * import { dropoutMask } from "@shoplab/lib/models/_sequence_model_net.ts";
 * import assert from "node:assert/strict";
 * await ensureTfBackend();
 * const m = dropoutMask([10, 10], 0.5, createRng(42));
 * const v = m.dataSync();
 * m.dispose();
 * assert.ok(v.every((x) => x === 0 || x === 2)); // inverted dropout: kept values scaled by 1/0.5
 * assert.ok(v.some((x) => x === 0) && v.some((x) => x === 2));
 * ```
 */
export function dropoutMask(shape: [number, number], rate: number, rng: Rng): tf.Tensor2D {
  const keep = 1 - rate;
  const v = new Float32Array(shape[0] * shape[1]);
  for (let i = 0; i < v.length; i++) v[i] = rng.next() < keep ? 1 / keep : 0;
  return tf.tensor2d(v, shape);
}

/** Options of the training forward pass. */
export interface TrainForward {
  readonly dropout: number;
  readonly recurrentDropout: number;
  readonly rng: Rng;
  /** Update the batch-norm moving statistics from this batch. Default `false`. */
  readonly updateStats?: boolean;
}

/**
 * Logits `[B, 1]`; with `train` set, dropout masks are drawn and the fused gradient is used.
 *
 * @example
 * ```ts
 * import { ensureTfBackend, tf } from "@shoplab/lib/models/tf_backend.ts";
 * import {
 *   batchTensors,
 *   initParams,
 *   logits,
 *   paramList,
 * } from "@shoplab/lib/models/_sequence_model_net.ts";
 * import assert from "node:assert/strict";
 * await ensureTfBackend();
 * const before = tf.memory().numTensors;
 * const p = initParams(1, [4], 42);
 * const x = batchTensors({ x: Float32Array.of(1, 2, 3, 4), n: 2, steps: 2, features: 1 }, [0, 1]);
 * const z = tf.tidy(() => logits(p, x.x, x.mask)); // intermediates are freed by tidy
 * assert.deepEqual(z.shape, [2, 1]);
 * tf.dispose([z, x.x, ...paramList(p)]);
 * assert.equal(tf.memory().numTensors, before);
 * ```
 */
export function logits(
  p: NetParams,
  x: tf.Tensor3D,
  mask: tf.Tensor3D | undefined,
  train?: TrainForward,
  cell: Cell = "lstm",
): tf.Tensor2D {
  const [layer, infer] = cell === "lstm" ? [fusedLstm, lstmInference] : [fusedGru, gruInference];
  let h: tf.Tensor = x;
  const last = p.layers.length - 1;
  const batch = x.shape[2];
  p.layers.forEach((l, k) => {
    const w = {
      kernel: l.kernel as tf.Tensor2D,
      recurrent: l.recurrent as tf.Tensor2D,
      bias: l.bias as tf.Tensor1D,
    };
    const seq = k < last;
    const units = l.bias.shape[0] / GATES[cell];
    if (train === undefined) {
      h = infer(h as tf.Tensor3D, w, seq, mask);
      return;
    }
    const recurrentMask = train.recurrentDropout > 0
      ? dropoutMask([units, batch], train.recurrentDropout, train.rng)
      : undefined;
    h = layer(h as tf.Tensor3D, w, seq, { mask, recurrentMask, inputGrad: k > 0 });
    if (train.dropout > 0) {
      const dm = dropoutMask([units, batch], train.dropout, train.rng);
      h = tf.mul(h, seq ? tf.reshape(dm, [1, units, batch]) : dm);
    }
  });
  if (p.norm !== undefined) {
    const n = p.norm;
    if (train === undefined) {
      h = tf.add(
        tf.mul(
          tf.div(tf.sub(h, n.movingMean), tf.sqrt(tf.add(n.movingVariance, BN_EPSILON))),
          n.gamma,
        ),
        n.beta,
      );
    } else {
      const { mean, variance } = tf.moments(h, 1, true);
      if (train.updateStats) {
        const m = BN_MOMENTUM;
        n.movingMean.assign(tf.add(tf.mul(n.movingMean, m), tf.mul(mean, 1 - m)));
        n.movingVariance.assign(tf.add(tf.mul(n.movingVariance, m), tf.mul(variance, 1 - m)));
      }
      h = tf.add(
        tf.mul(tf.div(tf.sub(h, mean), tf.sqrt(tf.add(variance, BN_EPSILON))), n.gamma),
        n.beta,
      );
    }
  }
  // [1, H] × [H, B] → [B, 1]
  const z = tf.matMul(p.dense.kernel, h as tf.Tensor2D, true, false);
  return tf.add(tf.reshape(z, [batch, 1]), p.dense.bias) as tf.Tensor2D;
}
