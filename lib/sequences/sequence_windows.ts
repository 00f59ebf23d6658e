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

/** Short-term, long-term and seasonal (holiday) windows. */
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

/**
 * The seasonal cut-off of a year: 15 November, 00:00 UTC (the 45-day window then covers Black
 * Friday to Christmas).
 *
 * @param year Calendar year.
 * @returns The cut-off date.
 * @example
 * ```ts
 * import { holidayCutoff } from "@shoplab/lib/sequences/sequence_windows.ts";
 * import assert from "node:assert/strict";
 * assert.equal(holidayCutoff(2025).toISOString(), "2025-11-15T00:00:00.000Z");
 * ```
 */
export function holidayCutoff(year: number): Date {
  if (!Number.isInteger(year)) {
    throw new RangeError(`holidayCutoff: year must be an integer, got ${year}`);
  }
  return new Date(Date.UTC(year, 10, 15));
}
