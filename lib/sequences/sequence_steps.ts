/**
 * One customer's sequence as long rows (step × feature), the shape a heatmap or small multiples
 * chart wants.
 *
 * @module
 */
import type { SequenceBatch } from "../models/types.ts";

/** Options of {@linkcode sequenceSteps}. */
export interface SequenceStepsOptions {
  /** Cut-off the sequence ends at; with it each row gets `step_start` (YYYY-MM-DD). Default: none. */
  readonly asOf?: Date;
  /** Step width in days (7 for weeks), needed with `asOf`. Default `7`. */
  readonly bucketDays?: number;
}

/** One cell of a sequence. */
export interface SequenceStepRow {
  /** Step index, 0 = oldest. */
  readonly step: number;
  /** Start of the step (with `asOf`), else the step index as text. */
  readonly step_start: string;
  /** Feature name. */
  readonly feature: string;
  /** Value as stored in the batch. */
  readonly value: number;
  /** 1 for a real step, 0 for padding (before the customer's first activity). */
  readonly observed: number;
}

/**
 * Rows `{ step, step_start, feature, value, observed }` of row `row` of a sequence batch, steps
 * in time order and features in batch order.
 *
 * @param batch Sequences `[n, steps, features]` (mask and feature names used when present).
 * @param row Row index in [0, n).
 * @param options See {@linkcode SequenceStepsOptions}.
 * @returns `steps × features` rows.
 * @throws {RangeError} When `row` is out of range.
 * @example
 * ```ts
 * import { sequenceSteps } from "@shoplab/lib/sequences/sequence_steps.ts";
 * import assert from "node:assert/strict";
 * const batch = { x: new Float32Array([1, 2, 3, 4]), n: 1, steps: 2, features: 2,
 *   mask: new Uint8Array([0, 1]), featureNames: ["orders", "spend"] };
 * const rows = sequenceSteps(batch, 0, { asOf: new Date("2025-01-15"), bucketDays: 7 });
 * assert.deepEqual(rows[3], { step: 1, step_start: "2025-01-08", feature: "spend", value: 4, observed: 1 });
 * assert.equal(rows[0].observed, 0);
 * ```
 */
export function sequenceSteps(
  batch: SequenceBatch,
  row: number,
  options: SequenceStepsOptions = {},
): SequenceStepRow[] {
  const { n, steps, features: F } = batch;
  if (!(Number.isInteger(row) && row >= 0 && row < n)) {
    throw new RangeError(`sequenceSteps: row must be an integer in [0, ${n}), got ${row}`);
  }
  const names = batch.featureNames ?? Array.from({ length: F }, (_, f) => `f${f}`);
  const width = (options.bucketDays ?? 7) * 86_400_000;
  const out: SequenceStepRow[] = [];
  for (let t = 0; t < steps; t++) {
    const start = options.asOf
      ? new Date(options.asOf.getTime() - (steps - t) * width).toISOString().slice(0, 10)
      : String(t);
    const observed = batch.mask ? batch.mask[row * steps + t] : 1;
    for (let f = 0; f < F; f++) {
      const value = batch.x[(row * steps + t) * F + f];
      out.push({ step: t, step_start: start, feature: names[f], value, observed });
    }
  }
  return out;
}
