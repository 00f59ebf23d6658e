/**
 * The seasonal (holiday) cut-off date of a year.
 *
 * @module
 */

/**
 * The seasonal cut-off of a year: 15 November, 00:00 UTC (the 45-day window then covers Black
 * Friday to Christmas).
 *
 * @param year Calendar year.
 * @returns The cut-off date.
 * @example
 * ```ts
 * import { holidayCutoff } from "@shoplab/lib/sequences/holiday_cutoff.ts";
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
