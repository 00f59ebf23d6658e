/**
 * Labelled sequence data sets from several cut-offs: training rows from earlier cut-offs stacked,
 * test rows from a later one, with the leakage guard that every training label window ends at or
 * before the test cut-off.
 *
 * @module
 */
import { MS_PER_DAY } from "../core/constants.ts";
import { futureLabels } from "../prep/future_labels.ts";
import type { SequenceBatch } from "../models/types.ts";
import {
  buildSequences,
  type BuildSequencesOptions,
  type SequenceTables,
} from "./build_sequences.ts";
import { stackSequences } from "./stack_sequences.ts";
import { type Population, populationIds } from "../models/population_ids.ts";

/** What to predict in the window after a cut-off. */
export type SequenceTarget = "churn" | "purchase";

/** Sequences with labels, possibly from several cut-offs. */
export interface LabelledSequences {
  /** Stacked sequences `[rows, steps, features]` with mask and feature names. */
  readonly batch: SequenceBatch & { readonly mask: Uint8Array; readonly featureNames: string[] };
  /** 0/1 label per row. */
  readonly y: Uint8Array;
  /** Customer id per row. */
  readonly customerIds: string[];
  /** Cut-off per row (epoch ms). */
  readonly asOf: Float64Array;
}

/** Options of {@linkcode sequenceDataset}. */
export interface SequenceDatasetOptions extends Omit<BuildSequencesOptions, "asOf" | "customers"> {
  /** Cut-offs whose rows are stacked into the training set (at least one). */
  readonly trainCutoffs: readonly Date[];
  /** Cut-off of the test set: strictly after every training label window's start, see throws. */
  readonly testCutoff: Date;
  /**
   * Cut-off of a validation set (e.g. for early stopping), under the same leakage guard as the
   * training cut-offs; returned as `validation`. Default: none.
   */
  readonly validationCutoff?: Date;
  /** Label window after each cut-off, in days. Default `30`. */
  readonly horizonDays?: number;
  /** `"churn"`: no purchase in the window (1); `"purchase"`: at least one (1). Default `"churn"`. */
  readonly target?: SequenceTarget;
  /**
   * Who gets a row at each cut-off: `"buyers"` (at least one order before it: the churn
   * question) or `"registered"` (everyone who signed up, browsed or bought before it, see
   * {@linkcode populationIds}: the purchase question, never-buyers included). Default `"buyers"`.
   */
  readonly population?: Population;
}

function iso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function labelled(
  tables: SequenceTables,
  asOf: Date,
  options: SequenceDatasetOptions,
): LabelledSequences {
  const registered = options.population === "registered";
  const customers = registered
    ? populationIds(tables, { asOf, population: "registered" })
    : undefined;
  const seq = buildSequences(tables, { ...options, asOf, customers });
  const fOrders = seq.batch.featureNames.indexOf("orders");
  let rows = seq.customerIds.map((_, r) => r);
  if (!registered) {
    // a buyer has days_since_purchase below the cap at the last step, or an order in the window
    const fDays = seq.batch.featureNames.indexOf("days_since_purchase");
    const cap = options.maxDaysSincePurchase ?? 365;
    const { steps, features, x } = seq.batch;
    rows = rows.filter((r) => {
      const last = (r * steps + steps - 1) * features;
      if (x[last + fDays] < cap) return true;
      for (let t = 0; t < steps; t++) if (x[(r * steps + t) * features + fOrders] > 0) return true;
      return false;
    });
  }
  const ids = rows.map((r) => seq.customerIds[r]);
  const labels = futureLabels(tables.transactions, {
    asOf,
    windowDays: options.horizonDays ?? 30,
    customers: ids,
  });
  const col = (options.target ?? "churn") === "churn" ? "churn" : "purchase";
  const byId = new Map<string, number>();
  const lid = labels.getColumn("customer_id").toArray() as string[];
  const lv = labels.getColumn(col).toArray() as number[];
  lid.forEach((id, i) => byId.set(id, lv[i]));
  const { steps, features } = seq.batch;
  const x = new Float32Array(rows.length * steps * features);
  const mask = new Uint8Array(rows.length * steps);
  rows.forEach((r, k) => {
    x.set(
      seq.batch.x.subarray(r * steps * features, (r + 1) * steps * features),
      k * steps * features,
    );
    mask.set(seq.batch.mask.subarray(r * steps, (r + 1) * steps), k * steps);
  });
  return {
    batch: { ...seq.batch, x, n: rows.length, mask },
    y: Uint8Array.from(ids, (id) => byId.get(id) ?? 0),
    customerIds: ids,
    asOf: new Float64Array(rows.length).fill(asOf.getTime()),
  };
}

/**
 * Builds a training set from one or more cut-offs (stacked: a customer appears once per cut-off)
 * and a test set from a later cut-off, each labelled by the `horizonDays` after its cut-off.
 *
 * Leakage guard: a training row's label window [c, c + horizon) must end at or before the test
 * cut-off, so no training label sees test-period behaviour.
 *
 * @param tables Canonical tables.
 * @param options See {@linkcode SequenceDatasetOptions}.
 * @returns `{ train, test }`, and `validation` when `validationCutoff` is given.
 * @throws {RangeError} When a training or validation label window reaches past the test cut-off,
 *   when no training cut-off is given, or when the data ends before the test label window does.
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { sequenceDataset } from "@shoplab/lib/sequences/sequence_dataset.ts";
 * import assert from "node:assert/strict";
 * const d = (s: string) => new Date(s + "T00:00:00Z");
 * const transactions = pl.DataFrame({
 *   customer_id: ["a", "b", "a", "b"], order_id: ["1", "2", "3", "4"],
 *   timestamp: [d("2025-01-02"), d("2025-01-03"), d("2025-02-20"), d("2025-04-30")],
 *   item_id: ["x", "x", "x", "x"], quantity: [1, 1, 1, 1], unit_price: [1, 1, 1, 1],
 * });
 * const opts = { steps: 4, bucket: "week" as const, horizonDays: 30 };
 * assert.throws(
 *   () => sequenceDataset({ transactions }, { ...opts, trainCutoffs: [d("2025-02-01")], testCutoff: d("2025-02-15") }),
 *   RangeError,
 * );
 * const { train, test } = sequenceDataset({ transactions }, { ...opts, trainCutoffs: [d("2025-02-01")], testCutoff: d("2025-03-15") });
 * assert.deepEqual([...train.y], [0, 1]); // a buys in February, b does not
 * assert.equal(test.batch.n, 2);
 * const withVal = sequenceDataset({ transactions }, { ...opts, trainCutoffs: [d("2025-01-25")], validationCutoff: d("2025-02-01"), testCutoff: d("2025-03-15") });
 * assert.deepEqual([...withVal.validation!.y], [...train.y]);
 * ```
 */
export function sequenceDataset(
  tables: SequenceTables,
  options: SequenceDatasetOptions,
): { train: LabelledSequences; test: LabelledSequences; validation?: LabelledSequences } {
  const population = options.population ?? "buyers";
  if (population !== "buyers" && population !== "registered") {
    throw new RangeError(
      `sequenceDataset: population must be "buyers" or "registered", got "${population}"`,
    );
  }
  const horizon = options.horizonDays ?? 30;
  if (!(horizon > 0)) {
    throw new RangeError(`sequenceDataset: horizonDays must be > 0, got ${horizon}`);
  }
  if (options.trainCutoffs.length === 0) {
    throw new RangeError("sequenceDataset: trainCutoffs is empty");
  }
  const test = options.testCutoff.getTime();
  if (!Number.isFinite(test)) {
    throw new RangeError("sequenceDataset: testCutoff is not a valid Date");
  }
  const guarded: [string, Date][] = options.trainCutoffs.map((c) => ["training", c]);
  if (options.validationCutoff) guarded.push(["validation", options.validationCutoff]);
  for (const [set, c] of guarded) {
    const end = c.getTime() + horizon * MS_PER_DAY;
    if (!(end <= test)) {
      throw new RangeError(
        `sequenceDataset: ${set} cut-off ${
          iso(c.getTime())
        } has its ${horizon}-day label window end ${iso(end)}, after the test cut-off ${
          iso(test)
        }: training labels would overlap the test period (leakage); use cut-offs at least ${horizon} days before the test cut-off`,
      );
    }
  }
  const train = stackSequences(
    [...options.trainCutoffs].sort((a, b) => a.getTime() - b.getTime())
      .map((c) => labelled(tables, c, options)),
  );
  const testSet = labelled(tables, options.testCutoff, options);
  if (options.validationCutoff === undefined) return { train, test: testSet };
  const validation = stackSequences([labelled(tables, options.validationCutoff, options)]);
  return { train, test: testSet, validation };
}
