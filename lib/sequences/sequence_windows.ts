/**
 * The article's three prediction horizons as presets for {@linkcode sequenceDataset}: short-term
 * (daily steps, next two weeks), long-term (weekly steps, next quarter) and seasonal (the holiday
 * season after a mid-November cut-off).
 *
 * @module
 */
import type { SequenceBucket } from "./build_sequences.ts";

/** One horizon preset. */
export interface SequenceWindow {
  /** Step width. */
  readonly bucket: SequenceBucket;
  /** Steps of history. */
  readonly steps: number;
  /** Label window after the cut-off, in days. */
  readonly horizonDays: number;
  /** What it answers. */
  readonly description: string;
}

/**
 * Short-term, long-term and seasonal (holiday) windows.
 *
 * @example
 * ```ts
 * import { SEQUENCE_WINDOWS } from "@shoplab/lib/sequences/sequence_windows.ts";
 * import assert from "node:assert/strict";
 * const { bucket, steps, horizonDays } = SEQUENCE_WINDOWS.short;
 * assert.deepEqual([bucket, steps, horizonDays], ["day", 28, 14]);
 * ```
 */
export const SEQUENCE_WINDOWS: Readonly<Record<"short" | "long" | "seasonal", SequenceWindow>> = {
  short: {
    bucket: "day",
    steps: 28,
    horizonDays: 14,
    description: "last 28 days, day by day → buys in the next 14 days?",
  },
  long: {
    bucket: "week",
    steps: 26,
    horizonDays: 90,
    description: "last 26 weeks → buys in the next 90 days?",
  },
  seasonal: {
    bucket: "week",
    steps: 20,
    horizonDays: 45,
    description: "20 weeks before 15 November → buys in the holiday season (to 30 December)?",
  },
};
