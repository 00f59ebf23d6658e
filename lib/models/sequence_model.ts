/**
 * LSTM and GRU classifiers on per-customer behaviour sequences (`[customers, T, features]`), built
 * on the fused recurrent layers (one matmul per step, hand-written back-propagation through time)
 * and shoplab's fast wasm kernels.
 *
 * @module
 */
import { SEED } from "../core/constants.ts";
import type { Cell } from "./_sequence_model_net.ts";
import { makeModel, type SequenceModel } from "./_sequence_model_impl.ts";

/** Recurrent cell of a {@linkcode sequenceModel}: `"lstm"` or `"gru"`. */
export type RecurrentCell = Cell;
export type { SequenceModel, SequenceModelConfig } from "./_sequence_model_impl.ts";

/** Options of {@linkcode sequenceModel}. */
export interface SequenceModelOptions {
  /** Recurrent cell: `"lstm"` or `"gru"` (Keras/tfjs GRU, reset gate before U). Default `"lstm"`. */
  readonly cell?: RecurrentCell;
  /** Units of the stacked LSTM layers. Default `[128, 64]` (LSTM(128, seq) → LSTM(64) → Dense). */
  readonly units?: readonly number[];
  /** Dropout rate on each LSTM layer's output (same mask across time). Default `0`. */
  readonly dropout?: number;
  /** Dropout rate on the recurrent state h_{t−1}. Default `0`. */
  readonly recurrentDropout?: number;
  /**
   * Batch normalisation of the last recurrent layer's output before the Dense layer (batch
   * statistics while training, moving averages with momentum 0.99 for prediction). Default `false`.
   */
  readonly batchNorm?: boolean;
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
  /**
   * `2`: data-parallel training on two cores (a worker computes half of every batch's
   * gradient; results repeat exactly for a seed but differ slightly from `1`). Default `1`.
   */
  readonly threads?: 1 | 2;
  /** Millisecond timer for `FitReport.seconds`. Default `performance.now`. */
  readonly timer?: () => number;
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
    threads: options.threads ?? 1,
    batchNorm: options.batchNorm ?? false,
  };
  if (config.threads !== 1 && config.threads !== 2) {
    throw new RangeError(`sequenceModel: threads must be 1 or 2, got ${config.threads}`);
  }
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
