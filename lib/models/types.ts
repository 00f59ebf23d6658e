/**
 * The one interface every binary classifier in shoplab implements — logistic regression, decision
 * tree, MLP, LSTM/GRU — so notebooks compare them on one table with one metric suite.
 *
 * Inputs are plain typed arrays: a {@linkcode Matrix} (rows × features) for tabular models and a
 * {@linkcode SequenceBatch} (customers × time steps × features) for sequence models. tfjs never
 * leaks out of `lib/models`.
 *
 * @module
 */
import type { Matrix } from "../prep/to_matrix.ts";

export type { Matrix };

/** A 3-D batch of per-customer sequences, row-major `[n, steps, features]`. */
export interface SequenceBatch {
  /** Values: entry (i, t, f) is `x[(i * steps + t) * features + f]`. */
  readonly x: Float32Array;
  /** Number of sequences (customers × cut-offs). */
  readonly n: number;
  /** Time steps per sequence. */
  readonly steps: number;
  /** Features per step. */
  readonly features: number;
  /** 1 where a step holds data, 0 where it is padding (length n × steps), when histories differ. */
  readonly mask?: Uint8Array;
  /** Feature names, in order. */
  readonly featureNames?: readonly string[];
}

/** Binary labels: 0 or 1 per row. */
export type Labels = ArrayLike<number>;

/** One epoch of training, for training-curve charts and live progress. */
export interface EpochRecord {
  /** Epoch number, from 1. */
  readonly epoch: number;
  /** Training loss. */
  readonly loss: number;
  /** Validation loss, when a validation set was given. */
  readonly valLoss?: number;
  /** Validation AUC, when a validation set was given. */
  readonly valAuc?: number;
}

/** Options every `fit` accepts (models add their own). */
export interface FitOptions<X> {
  /** Validation data for early stopping and curves. */
  readonly validation?: { readonly x: X; readonly y: Labels };
  /** Per-class weights `[w0, w1]`, or `"balanced"` (n / (2 · n_c), as scikit-learn). */
  readonly classWeight?: readonly [number, number] | "balanced";
  /** Called after each epoch (iterative models only). */
  readonly onEpoch?: (record: EpochRecord) => void | Promise<void>;
}

/** What `fit` reports back. */
export interface FitReport {
  /** Wall-clock seconds spent fitting (measured by the caller's clock-free timer, see models). */
  readonly seconds: number;
  /** Iterations or epochs run. */
  readonly iterations: number;
  /** Whether the optimiser met its tolerance (or early stopping triggered) before the cap. */
  readonly converged: boolean;
  /** Per-epoch records (neural models), empty otherwise. */
  readonly history: readonly EpochRecord[];
}

/** A human-readable explanation of a fitted model. */
export interface Explanation {
  /** `"coefficients"` (logistic regression), `"rules"` (tree), `"importance"` (others). */
  readonly kind: "coefficients" | "rules" | "importance";
  /** One table: rows of named values (feature, coefficient, odds ratio; or rule, share, n). */
  readonly table: readonly Record<string, string | number>[];
  /** Plain-language lines, e.g. "recency > 90 and frequency ≤ 2 → churn 78 %, 412 customers". */
  readonly lines: readonly string[];
}

/**
 * A binary classifier: `fit` on features and 0/1 labels, `predictProba` gives P(y = 1) per row,
 * `explain` describes the fitted model. `dispose` frees tensors (neural models); safe to call twice.
 */
export interface BinaryClassifier<X = Matrix> {
  /** Display name, e.g. "logistic regression (L2, C = 1)". */
  readonly name: string;
  /** Fits the model. Rejects with a RangeError for mismatched lengths, NaN, or one class only. */
  fit(x: X, y: Labels, options?: FitOptions<X>): Promise<FitReport>;
  /** P(y = 1) for every row, in [0, 1]. */
  predictProba(x: X): Promise<Float64Array>;
  /** Explanation of the fitted model. Throws when called before `fit`. */
  explain(): Explanation;
  /** Frees resources (tensors). */
  dispose(): void;
}
