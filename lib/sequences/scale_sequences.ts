/**
 * Applies a fitted sequence scaler (see `fitSequenceScaler`) to new sequences.
 *
 * @module
 */
import type { SequenceBatch } from "../models/types.ts";
import type { SequenceScaler } from "./fit_sequence_scaler.ts";

/**
 * Applies a fitted scaler; padding steps stay 0. Returns a new batch (the input is not changed).
 *
 * @param batch Sequences with the scaler's features.
 * @param scaler From {@linkcode fitSequenceScaler}.
 * @returns The scaled batch.
 * @throws {RangeError} When the features differ from the scaler's.
 * @example
 * ```ts
 * import { scaleSequences } from "@shoplab/lib/sequences/scale_sequences.ts";
 * import assert from "node:assert/strict";
 * const scaler = { featureNames: ["v"], log1p: [false], mean: [2], std: [0.5] };
 * const batch = { x: new Float32Array([3, 9]), n: 1, steps: 2, features: 1, mask: new Uint8Array([1, 0]) };
 * assert.deepEqual([...scaleSequences(batch, scaler).x], [2, 0]);
 * ```
 */
export function scaleSequences<B extends SequenceBatch>(batch: B, scaler: SequenceScaler): B {
  const F = batch.features;
  if (F !== scaler.mean.length) {
    throw new RangeError(
      `scaleSequences: batch has ${F} features, the scaler ${scaler.mean.length}`,
    );
  }
  if (batch.featureNames && batch.featureNames.join() !== scaler.featureNames.join()) {
    throw new RangeError(
      `scaleSequences: features [${batch.featureNames}] differ from the scaler's [${scaler.featureNames}]`,
    );
  }
  const x = new Float32Array(batch.x.length);
  for (let r = 0; r < batch.n * batch.steps; r++) {
    if (batch.mask !== undefined && batch.mask[r] === 0) continue;
    for (let f = 0; f < F; f++) {
      const raw = batch.x[r * F + f];
      const v = scaler.log1p[f] ? Math.log1p(Math.max(0, raw)) : raw;
      x[r * F + f] = (v - scaler.mean[f]) / scaler.std[f];
    }
  }
  return { ...batch, x };
}
