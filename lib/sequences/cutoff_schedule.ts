/**
 * The stacked cut-offs of a sequence data set as a table: for each cut-off, the history its
 * sequences read and the window its labels come from, so the absence of leakage can be seen.
 *
 * @module
 */
import { MS_PER_DAY } from "../core/constants.ts";

/** Options of {@linkcode cutoffSchedule}. */
export interface CutoffScheduleOptions {
  /** Steps of history T. Default `20`. */
  readonly steps?: number;
  /** Step width in days. Default `7`. */
  readonly bucketDays?: number;
  /** Label window after each cut-off, in days. Default `30`. */
  readonly horizonDays?: number;
}

/** One cut-off's row. */
export interface CutoffRow {
  /** `"train"`, `"validation"` or `"test"` as given. */
  readonly set: string;
  /** The cut-off, YYYY-MM-DD. */
  readonly cutoff: string;
  /** First day of history read (cut-off − T steps). */
  readonly history_from: string;
  /** First day of the label window (= the cut-off). */
  readonly label_from: string;
  /** Last day of the label window (cut-off + horizon − 1 day). */
  readonly label_to: string;
  /** Days between this label window's end and the test cut-off (≥ 0: no overlap); `null` for the test row. */
  readonly days_before_test: number | null;
}

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Rows describing each cut-off, training ones first (in the order given), then the test one.
 * `days_before_test` is how many days a label window ends before the test cut-off: negative
 * would mean a training label saw the test period (`sequenceDataset` refuses that).
 *
 * @param cutoffs `{ set, cutoff }` pairs, e.g. the training and validation cut-offs.
 * @param testCutoff The test cut-off.
 * @param options See {@linkcode CutoffScheduleOptions}.
 * @returns One row per cut-off plus the test row.
 * @throws {RangeError} For an invalid date.
 * @example
 * ```ts
 * import { cutoffSchedule } from "@shoplab/lib/sequences/cutoff_schedule.ts";
 * import assert from "node:assert/strict";
 * const d = (s: string) => new Date(s + "T00:00:00Z");
 * const rows = cutoffSchedule([{ set: "train", cutoff: d("2025-01-01") }], d("2025-02-01"),
 *   { steps: 2, bucketDays: 7, horizonDays: 31 });
 * assert.deepEqual(rows[0], { set: "train", cutoff: "2025-01-01", history_from: "2024-12-18",
 *   label_from: "2025-01-01", label_to: "2025-01-31", days_before_test: 0 });
 * assert.equal(rows[1].set, "test");
 * assert.equal(rows[1].days_before_test, null);
 * ```
 */
export function cutoffSchedule(
  cutoffs: readonly { readonly set: string; readonly cutoff: Date }[],
  testCutoff: Date,
  options: CutoffScheduleOptions = {},
): CutoffRow[] {
  const steps = options.steps ?? 20, width = (options.bucketDays ?? 7) * MS_PER_DAY;
  const horizon = (options.horizonDays ?? 30) * MS_PER_DAY;
  const test = testCutoff.getTime();
  const all = [...cutoffs, { set: "test", cutoff: testCutoff }];
  return all.map(({ set, cutoff }) => {
    const c = cutoff.getTime();
    if (!Number.isFinite(c)) throw new RangeError(`cutoffSchedule: invalid cut-off for "${set}"`);
    return {
      set,
      cutoff: iso(c),
      history_from: iso(c - steps * width),
      label_from: iso(c),
      label_to: iso(c + horizon - MS_PER_DAY),
      days_before_test: set === "test" && c === test ? null : (test - (c + horizon)) / MS_PER_DAY,
    };
  });
}
