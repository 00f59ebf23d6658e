/**
 * The per-customer summary that "buy till you die" models (BG/NBD, Pareto/NBD, Gamma-Gamma)
 * take as input: frequency x, recency t_x, age T and mean repeat spend, in explicit time units.
 *
 * @module
 */
import pl from "nodejs-polars";
import { MS_PER_DAY } from "../core/constants.ts";
import { TX } from "../data/schema.ts";
import { dayStart, purchaseDay } from "./_days.ts";

/** Options of {@linkcode repeatSummary}. */
export interface RepeatSummaryOptions {
  /**
   * Last day of the calibration period (inclusive, as lifetimes' `observation_period_end`):
   * purchases on later days are ignored; T is measured from the first purchase day to this day.
   */
  readonly calibrationEnd: Date;
  /** Time unit of recency and T. Default `"weeks"`. */
  readonly unit?: "days" | "weeks";
}

/**
 * Summarises transactions per customer, merging same-day purchases into one purchase day
 * (Fader, Hardie & Lee 2005):
 *
 * - `frequency` x = number of repeat purchase days (distinct purchase days − 1);
 * - `recency` t_x = time from the first to the last purchase day;
 * - `T` = time from the first purchase day to `calibrationEnd`;
 * - `monetary_value` = mean value of the repeat purchase days (0 when x = 0), the Gamma-Gamma
 *   input z̄.
 *
 * Only positive-quantity lines up to `calibrationEnd` (inclusive) count; customers whose first
 * purchase is later are left out.
 *
 * @param tx Canonical transactions.
 * @param options See {@linkcode RepeatSummaryOptions}.
 * @returns One row per customer: `customer_id, frequency, recency, T, monetary_value`.
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { repeatSummary } from "@shoplab/lib/clv/repeat_summary.ts";
 * import assert from "node:assert/strict";
 * const d = (s: string) => new Date(s + "T00:00:00Z");
 * const tx = pl.DataFrame({ customer_id: ["a", "a", "a"], timestamp: [d("1997-01-01"), d("1997-01-01"), d("1997-01-15")],
 *   quantity: [1, 1, 2], unit_price: [10, 5, 4] });
 * const s = repeatSummary(tx, { calibrationEnd: d("1997-01-29") }).toRecords()[0];
 * assert.deepEqual([s.frequency, s.recency, s.T, s.monetary_value], [1, 2, 4, 8]);
 * ```
 */
export function repeatSummary(tx: pl.DataFrame, options: RepeatSummaryOptions): pl.DataFrame {
  const end = dayStart(options.calibrationEnd);
  const unit = (options.unit ?? "weeks") === "weeks" ? 7 * MS_PER_DAY : MS_PER_DAY;
  const days = tx.lazy()
    .withColumns(purchaseDay().alias("__day"))
    .filter(pl.col(TX.quantity).gt(0).and(pl.col("__day").ltEq(pl.lit(end))))
    // Float sums in a fixed order, so the monetary values repeat to the last bit: a day's lines
    // sorted, a customer's days collected in day order (polars' parallel group-by otherwise
    // adds them in an order that varies from run to run).
    .groupBy([TX.customer, "__day"]).agg(
      pl.col(TX.quantity).mul(pl.col(TX.unitPrice)).sort().sum().alias("__value"),
    )
    .collectSync().sort([TX.customer, "__day"]);
  return days.lazy().groupBy(TX.customer).agg(
    pl.len().sub(1).cast(pl.Float64).alias("frequency"),
    pl.col("__day").min().alias("__first"),
    pl.col("__day").max().alias("__last"),
    pl.col("__value").sum().alias("__total"),
    pl.col("__value").sortBy("__day").first().alias("__first_value"),
  ).withColumns(
    pl.col("__last").sub(pl.col("__first")).div(pl.lit(unit)).alias("recency"),
    pl.lit(end).sub(pl.col("__first")).div(pl.lit(unit)).alias("T"),
    pl.when(pl.col("frequency").gt(0))
      .then(pl.col("__total").sub(pl.col("__first_value")).div(pl.col("frequency")))
      .otherwise(pl.lit(0)).alias("monetary_value"),
  ).select(TX.customer, "frequency", "recency", "T", "monetary_value").sort(TX.customer)
    .collectSync();
}
