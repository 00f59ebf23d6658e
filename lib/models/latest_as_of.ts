/**
 * The latest cut-off whose label window still fits inside the data.
 *
 * @module
 */
import pl from "nodejs-polars";
import { MS_PER_DAY } from "../core/constants.ts";
import { TX } from "../data/schema.ts";

/**
 * The latest `asOf` (a UTC midnight) such that the label window [asOf, asOf + windowDays)
 * ends on the day of the last sale line in `tx`: the start of the day after the last sale,
 * minus `windowDays` days. Use it when the user leaves the cut-off empty.
 *
 * @param tx Canonical transactions (needs `timestamp` and `quantity`).
 * @param windowDays Label window in days.
 * @returns The cut-off date.
 * @throws {RangeError} When `windowDays` ≤ 0 or there is no sale line.
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { latestAsOf } from "@shoplab/lib/models/latest_as_of.ts";
 * import assert from "node:assert/strict";
 * const tx = pl.DataFrame({
 *   timestamp: [new Date("2025-01-01T10:00:00Z"), new Date("2025-03-31T18:30:00Z")],
 *   quantity: [1, 2],
 * });
 * assert.equal(latestAsOf(tx, 30).toISOString(), "2025-03-02T00:00:00.000Z");
 * ```
 */
export function latestAsOf(tx: pl.DataFrame, windowDays: number): Date {
  if (!(windowDays > 0)) {
    throw new RangeError(`latestAsOf: windowDays must be > 0, got ${windowDays}`);
  }
  const last = tx.filter(pl.col(TX.quantity).gt(0)).select(
    pl.col(TX.timestamp).cast(pl.Datetime("ms")).cast(pl.Float64).max().alias("m"),
  ).getColumn("m").get(0) as number | null;
  if (last === null || !Number.isFinite(last)) {
    throw new RangeError("latestAsOf: the transactions have no sale line (quantity > 0)");
  }
  const nextDay = (Math.floor(last / MS_PER_DAY) + 1) * MS_PER_DAY;
  return new Date(nextDay - windowDays * MS_PER_DAY);
}
