/**
 * Calibration / holdout split of transactions for validating BG/NBD-type models.
 *
 * @module
 */
import pl from "nodejs-polars";
import { MS_PER_DAY } from "../core/constants.ts";
import { TX } from "../data/schema.ts";
import { dayStart, purchaseDay } from "./_days.ts";
import { repeatSummary } from "./repeat_summary.ts";

/** Options of {@linkcode calibrationHoldout}. */
export interface CalibrationHoldoutOptions {
  /** Last day of the calibration period (inclusive). */
  readonly calibrationEnd: Date;
  /** Last day of the holdout period (inclusive), after `calibrationEnd`. */
  readonly holdoutEnd: Date;
  /** Time unit of recency, T and the holdout duration. Default `"weeks"`. */
  readonly unit?: "days" | "weeks";
}

/**
 * Splits transactions at `calibrationEnd`: the calibration summary of {@linkcode repeatSummary}
 * (customers whose first purchase is on or before `calibrationEnd`) plus, for the same
 * customers, what happened in the holdout (`calibrationEnd`, `holdoutEnd`]:
 * `frequency_holdout` (purchase days, same-day purchases merged), `monetary_value_holdout`
 * (mean value of those days, 0 when none) and `duration_holdout` (holdout length in `unit`).
 *
 * @param tx Canonical transactions.
 * @param options See {@linkcode CalibrationHoldoutOptions}.
 * @returns One row per calibration customer, sorted by id.
 * @throws {RangeError} When `holdoutEnd` is not after `calibrationEnd`.
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { calibrationHoldout } from "@shoplab/lib/clv/calibration_holdout.ts";
 * import assert from "node:assert/strict";
 * const d = (s: string) => new Date(s + "T00:00:00Z");
 * const tx = pl.DataFrame({ customer_id: ["a", "a", "a", "b"],
 *   timestamp: [d("2020-01-01"), d("2020-01-08"), d("2020-02-05"), d("2020-02-01")],
 *   quantity: [1, 1, 1, 1], unit_price: [10, 20, 30, 5] });
 * const rows = calibrationHoldout(tx, { calibrationEnd: d("2020-01-29"), holdoutEnd: d("2020-02-26") }).toRecords();
 * assert.equal(rows.length, 1); // b first bought in the holdout
 * assert.deepEqual([rows[0].frequency, rows[0].T, rows[0].frequency_holdout, rows[0].duration_holdout], [1, 4, 1, 4]);
 * ```
 */
export function calibrationHoldout(
  tx: pl.DataFrame,
  options: CalibrationHoldoutOptions,
): pl.DataFrame {
  const calEnd = dayStart(options.calibrationEnd), holdEnd = dayStart(options.holdoutEnd);
  if (!(holdEnd > calEnd)) {
    throw new RangeError(
      `calibrationHoldout: holdoutEnd ${options.holdoutEnd.toISOString()} must be after calibrationEnd ${options.calibrationEnd.toISOString()}`,
    );
  }
  const unit = options.unit ?? "weeks";
  const unitMs = unit === "weeks" ? 7 * MS_PER_DAY : MS_PER_DAY;
  const cal = repeatSummary(tx, { calibrationEnd: options.calibrationEnd, unit });
  const hold = tx.lazy()
    .withColumns(purchaseDay().alias("__day"))
    .filter(
      pl.col(TX.quantity).gt(0).and(pl.col("__day").gt(pl.lit(calEnd))).and(
        pl.col("__day").ltEq(pl.lit(holdEnd)),
      ),
    )
    // Sums in a fixed order so the holdout means repeat exactly (as in repeatSummary).
    .groupBy([TX.customer, "__day"]).agg(
      pl.col(TX.quantity).mul(pl.col(TX.unitPrice)).sort().sum().alias("__value"),
    )
    .collectSync().sort([TX.customer, "__day"]).lazy()
    .groupBy(TX.customer).agg(
      pl.len().cast(pl.Float64).alias("frequency_holdout"),
      pl.col("__value").mean().alias("monetary_value_holdout"),
    ).collectSync();
  return cal.join(hold, { on: TX.customer, how: "left" }).withColumns(
    pl.col("frequency_holdout").fillNull(0),
    pl.col("monetary_value_holdout").fillNull(0),
    pl.lit((holdEnd - calEnd) / unitMs).alias("duration_holdout"),
  ).sort(TX.customer);
}
