/**
 * Private: validation and sorting of a right-censored sample.
 *
 * @module
 */
import type { SurvivalSample } from "./types.ts";

/** A validated sample: durations and 0/1 events as typed arrays, sorted by duration. */
export interface SortedSample {
  readonly time: Float64Array;
  readonly event: Uint8Array;
}

/**
 * Checks lengths and values (naming the function and the index) and sorts by time.
 *
 * @example
 * ```ts
 * import { sortedSample } from "@shoplab/lib/retention/_sample.ts";
 * import assert from "node:assert/strict";
 * const s = sortedSample({ durations: [5, 2, 9], events: [true, 0, 1] }, "kaplanMeier");
 * assert.deepEqual([...s.time], [2, 5, 9]);
 * assert.deepEqual([...s.event], [0, 1, 1]);
 * assert.throws(() => sortedSample({ durations: [-1], events: [1] }, "kaplanMeier"), RangeError);
 * ```
 */
export function sortedSample(sample: SurvivalSample, fn: string): SortedSample {
  if (sample === null || typeof sample !== "object") {
    throw new TypeError(`${fn}: expected { durations, events }`);
  }
  const { durations, events } = sample;
  if (!durations || !events || durations.length !== events.length) {
    throw new RangeError(
      `${fn}: durations and events must have the same length, got ${durations?.length} and ${events?.length}`,
    );
  }
  const n = durations.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const t = durations[i], e = events[i];
    if (typeof t !== "number" || !Number.isFinite(t) || t < 0) {
      throw new RangeError(`${fn}: durations[${i}] must be a finite number ≥ 0, got ${t}`);
    }
    if (!(e === true || e === false || e === 0 || e === 1)) {
      throw new TypeError(`${fn}: events[${i}] must be true/false or 1/0, got ${String(e)}`);
    }
    order[i] = i;
  }
  order.sort((a, b) => durations[a] - durations[b]);
  const time = new Float64Array(n), event = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    time[i] = durations[order[i]];
    event[i] = events[order[i]] ? 1 : 0;
  }
  return { time, event };
}
