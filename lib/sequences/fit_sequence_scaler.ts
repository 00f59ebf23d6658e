/**
 * Fits per-feature scaling of sequences on the training set's real (unmasked) steps only:
 * optional log1p for the heavy-tailed counts, then z-score. The result is plain JSON, so it is
 * saved with a model and re-applied (with `scaleSequences`) when scoring new customers.
 *
 * @module
 */
import type { SequenceBatch } from "../models/types.ts";

/** A fitted sequence scaler (plain data, JSON-serialisable). */
export interface SequenceScaler {
  /** Feature names it was fitted on. */
  readonly featureNames: readonly string[];
  /** Whether log1p(max(x, 0)) is applied before the z-score. */
  readonly log1p: readonly boolean[];
  /** Mean per feature (after log1p). */
  readonly mean: readonly number[];
  /** Population standard deviation per feature (1 when constant). */
  readonly std: readonly number[];
}

/** Options of {@linkcode fitSequenceScaler}. */
export interface FitSequenceScalerOptions {
  /** Features that get log1p first. Default: every feature except `active`. */
  readonly log1p?: readonly string[];
}

/**
 * Fits a z-score scaler per feature on the unmasked steps of a (training) batch.
 *
 * @param batch Training sequences (fit on the training set only).
 * @param options See {@linkcode FitSequenceScalerOptions}.
 * @returns A {@linkcode SequenceScaler}.
 * @throws {RangeError} When no step is unmasked.
 * @example
 * ```ts
 * import { fitSequenceScaler } from "@shoplab/lib/sequences/fit_sequence_scaler.ts";
 * import { scaleSequences } from "@shoplab/lib/sequences/scale_sequences.ts";
 * import assert from "node:assert/strict";
 * const batch = { x: new Float32Array([1, 3, 99]), n: 1, steps: 3, features: 1,
 *   mask: new Uint8Array([1, 1, 0]), featureNames: ["v"] };
 * const s = fitSequenceScaler(batch, { log1p: [] });
 * assert.deepEqual([s.mean[0], s.std[0]], [2, 1]); // the masked 99 is ignored
 * assert.deepEqual([...scaleSequences(batch, s).x], [-1, 1, 0]); // padding stays 0
 * ```
 */
export function fitSequenceScaler(
  batch: SequenceBatch,
  options: FitSequenceScalerOptions = {},
): SequenceScaler {
  const { n, steps, features: F, x, mask } = batch;
  const names = batch.featureNames ?? Array.from({ length: F }, (_, f) => `f${f}`);
  const logSet = new Set(options.log1p ?? names.filter((nm) => nm !== "active"));
  const log1p = names.map((nm) => logSet.has(nm));
  const sum = new Float64Array(F), sq = new Float64Array(F);
  let count = 0;
  for (let r = 0; r < n * steps; r++) {
    if (mask !== undefined && mask[r] === 0) continue;
    count++;
    for (let f = 0; f < F; f++) {
      const v = log1p[f] ? Math.log1p(Math.max(0, x[r * F + f])) : x[r * F + f];
      sum[f] += v;
      sq[f] += v * v;
    }
  }
  if (count === 0) throw new RangeError("fitSequenceScaler: every step is masked");
  const mean = [...sum].map((s) => s / count);
  const std = [...sq].map((s, f) => {
    const v = s / count - mean[f] * mean[f];
    return v > 1e-12 * Math.max(1, mean[f] * mean[f]) ? Math.sqrt(v) : 1;
  });
  return { featureNames: names, log1p, mean, std };
}
