/** Time units of the CLV formulas (private). */
import { DAYS_PER_MONTH } from "../core/constants.ts";

/** A unit of time. */
export type TimeUnit = "days" | "weeks" | "months" | "years";

/** Length of each unit in days (a month is 365.2425/12 days, a year 12 months). */
export const UNIT_DAYS: Readonly<Record<TimeUnit, number>> = {
  days: 1,
  weeks: 7,
  months: DAYS_PER_MONTH,
  years: 12 * DAYS_PER_MONTH,
};

/**
 * How many `to` units there are in one `from` unit; exact 12 for years → months.
 *
 * @example
 * ```ts
 * import { unitRatio } from "@shoplab/lib/clv/_units.ts";
 * import assert from "node:assert/strict";
 * assert.equal(unitRatio("years", "months", "f"), 12);
 * assert.equal(unitRatio("weeks", "days", "f"), 7);
 * assert.throws(() => unitRatio("hours" as never, "days", "f"), TypeError);
 * ```
 */
export function unitRatio(from: TimeUnit, to: TimeUnit, fn: string): number {
  for (const [name, u] of [["from", from], ["to", to]] as const) {
    if (!(u in UNIT_DAYS)) {
      throw new TypeError(
        `${fn}: unknown time unit ${
          JSON.stringify(u)
        } (${name}); use "days", "weeks", "months" or "years"`,
      );
    }
  }
  if (from === to) return 1;
  if (from === "years" && to === "months") return 12;
  if (from === "months" && to === "years") return 1 / 12;
  if (from === "weeks" && to === "days") return 7;
  if (from === "days" && to === "weeks") return 1 / 7;
  return UNIT_DAYS[from] / UNIT_DAYS[to];
}
