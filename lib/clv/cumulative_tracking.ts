/**
 * Diagnostic: cumulative repeat purchases over time, actual vs the BG/NBD's expectation.
 *
 * @module
 */
import pl from "nodejs-polars";
import { MS_PER_DAY } from "../core/constants.ts";
import { TX } from "../data/schema.ts";
import { conditionalPurchases } from "./_bg_nbd_core.ts";
import { dayStart, purchaseDay } from "./_days.ts";
import { checkBgNbd } from "./_validate.ts";
import type { BgNbdParams } from "./fit_bg_nbd.ts";

/** Options of {@linkcode cumulativeTracking}. */
export interface CumulativeTrackingOptions {
  /** Customers whose first purchase is on or before this day are tracked (the calibration end). */
  readonly calibrationEnd: Date;
  /** Last day tracked (inclusive), usually the holdout end. */
  readonly end: Date;
  /** Time unit of the fit and of the periods. Default `"weeks"`. */
  readonly unit?: "days" | "weeks";
}

/** One period of {@linkcode cumulativeTracking}. */
export interface TrackingRow {
  /** Period number 1, 2, … from the first tracked customer's first purchase day. */
  readonly period: number;
  /** Last day of the period (midnight UTC). */
  readonly date: Date;
  /** The period ends after the calibration end. */
  readonly holdout: boolean;
  /** Repeat purchase days so far (same-day purchases merged). */
  readonly actual: number;
  /** Σᵢ E[X(tᵢ)] with tᵢ the time since customer i's first purchase (FHL 2005, eq. 9). */
  readonly expected: number;
  /** Repeat purchase days in this period. */
  readonly actualInPeriod: number;
  /** Expected repeat purchases in this period. */
  readonly expectedInPeriod: number;
}

/**
 * Tracks the cohort of customers who first bought by `calibrationEnd`: cumulative repeat
 * purchase days per period, actual vs Σᵢ E[X(t − sᵢ)] of the fitted BG/NBD (Fader, Hardie &
 * Lee 2005, fig. 2; lifetimes' `plot_cumulative_transactions`). Customers are grouped by
 * first-purchase day, so the cost is (first days × periods) evaluations of E[X(t)].
 *
 * @param tx Canonical transactions (positive quantities count).
 * @param params BG/NBD parameters fitted in `unit`.
 * @param options See {@linkcode CumulativeTrackingOptions}.
 * @returns One row per complete period up to `end`.
 * @throws {RangeError} When `end` is before `calibrationEnd` or parameters are invalid.
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { cumulativeTracking } from "@shoplab/lib/clv/cumulative_tracking.ts";
 * import assert from "node:assert/strict";
 * const d = (s: string) => new Date(s + "T00:00:00Z");
 * const tx = pl.DataFrame({ customer_id: ["a", "a", "a"], timestamp: [d("2020-01-01"), d("2020-01-03"), d("2020-01-10")],
 *   quantity: [1, 1, 1], unit_price: [1, 1, 1] });
 * const rows = cumulativeTracking(tx, { r: 1, alpha: 2, a: 1.5, b: 3 }, { calibrationEnd: d("2020-01-07"), end: d("2020-01-14") });
 * assert.deepEqual(rows.map((r) => [r.actual, r.holdout]), [[1, false], [2, true]]);
 * assert.ok(rows[1].expected > rows[0].expected);
 * ```
 */
export function cumulativeTracking(
  tx: pl.DataFrame,
  params: BgNbdParams,
  options: CumulativeTrackingOptions,
): TrackingRow[] {
  checkBgNbd("cumulativeTracking", params);
  const calEnd = dayStart(options.calibrationEnd), end = dayStart(options.end);
  if (!(end >= calEnd)) {
    throw new RangeError(
      `cumulativeTracking: end ${options.end.toISOString()} is before calibrationEnd ${options.calibrationEnd.toISOString()}`,
    );
  }
  const unitMs = (options.unit ?? "weeks") === "weeks" ? 7 * MS_PER_DAY : MS_PER_DAY;
  const days = tx.lazy()
    .filter(pl.col(TX.quantity).gt(0))
    .select(
      pl.col(TX.customer),
      purchaseDay().alias("day"),
    )
    .unique()
    .withColumns(pl.col("day").min().over(TX.customer).alias("first"))
    .filter(pl.col("first").ltEq(pl.lit(calEnd)).and(pl.col("day").ltEq(pl.lit(end))))
    .collectSync();
  const day = days.getColumn("day").toArray() as number[];
  const first = days.getColumn("first").toArray() as number[];
  if (day.length === 0) return [];
  const births = new Map<number, number>();
  let start = Infinity;
  for (let i = 0; i < day.length; i++) {
    if (day[i] === first[i]) births.set(first[i], (births.get(first[i]) ?? 0) + 1);
    start = Math.min(start, first[i]);
  }
  const K = Math.floor((end - start + MS_PER_DAY) / unitMs);
  const perPeriod = new Float64Array(K + 1);
  for (let i = 0; i < day.length; i++) {
    if (day[i] === first[i]) continue;
    const k = Math.floor((day[i] - start) / unitMs) + 1; // day d is in period k when d ≤ start + k·unit − 1 day
    if (k <= K) perPeriod[k]++;
  }
  // By first-purchase day, so the float sum below runs in one order (the rows' order varies).
  const cohorts = [...births].sort((a, b) => a[0] - b[0]);
  const rows: TrackingRow[] = [];
  let actual = 0, prevExpected = 0;
  for (let k = 1; k <= K; k++) {
    const last = start + k * unitMs - MS_PER_DAY;
    let expected = 0;
    for (const [s, count] of cohorts) {
      if (s <= last) expected += count * conditionalPurchases(params, (last - s) / unitMs, 0, 0, 0);
    }
    actual += perPeriod[k];
    rows.push({
      period: k,
      date: new Date(last),
      holdout: last > calEnd,
      actual,
      expected,
      actualInPeriod: perPeriod[k],
      expectedInPeriod: expected - prevExpected,
    });
    prevExpected = expected;
  }
  return rows;
}
