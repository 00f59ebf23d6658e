/**
 * RFM scores: recency, frequency and monetary value cut into equal-size bins.
 *
 * @module
 */
import pl from "nodejs-polars";
import { TX } from "../data/schema.ts";
import { requireNumeric } from "../prep/_columns.ts";
import { missingSummary } from "../prep/missing_summary.ts";

/** Options of {@linkcode rfmScores}. */
export interface RfmScoresOptions {
  /** Number of score levels (5 = quintiles). Default `5`. */
  readonly bins?: number;
  /** Recency column (days since last purchase). Default `"recency_days"`. */
  readonly recency?: string;
  /** Frequency column. Default `"frequency"`. */
  readonly frequency?: string;
  /** Monetary column. Default `"monetary"`. */
  readonly monetary?: string;
  /** Id column used to break ties. Default `"customer_id"`. */
  readonly id?: string;
  /**
   * Tied values: `"split"` (default) ranks them by id, so every score holds n/bins customers
   * (the pandas idiom `qcut(x.rank(method="first"), bins)`); `"together"` gives every tied
   * customer the score of the lowest rank of the tie (fair, but scores can be unequal in size —
   * with many one-order customers the low frequency scores merge).
   */
  readonly ties?: "split" | "together";
}

/**
 * Scores each customer 1 … bins on recency, frequency and monetary value. Each value is ranked
 * (1 = smallest; ties as `ties` says), then the ranks are cut into `bins` equal-width bins —
 * rank then qcut: score = max(1, ⌈(rank − 1)·bins / (n − 1)⌉), which equals pandas'
 * `qcut(rank, bins, labels=False) + 1`. Recency is reversed: the most recent customers get
 * `bins` (5). A single customer gets the middle score ⌈bins / 2⌉.
 *
 * Adds Int32 columns `r_score`, `f_score`, `m_score`, `rfm_total` (their sum) and the Utf8 cell
 * `rfm_cell` (e.g. `"545"`), keeping the input's rows and order.
 *
 * @param features Table with recency, frequency, monetary and id columns (no missing values).
 * @param options See {@linkcode RfmScoresOptions}.
 * @returns The table with the score columns added.
 * @throws {RangeError} When `bins` is not an integer in 2 … 9 or a value is missing.
 * @throws {TypeError} When a column is missing or not numeric.
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { rfmScores } from "@shoplab/lib/segment/rfm_scores.ts";
 * import assert from "node:assert/strict";
 * const f = pl.DataFrame({
 *   customer_id: ["a", "b", "c", "d", "e"], recency_days: [1, 10, 100, 5, 50],
 *   frequency: [9, 1, 1, 4, 2], monetary: [500, 20, 5, 90, 40],
 * });
 * const s = rfmScores(f);
 * assert.deepEqual(s.getColumn("r_score").toArray(), [5, 3, 1, 4, 2]);
 * assert.deepEqual(s.getColumn("f_score").toArray(), [5, 1, 2, 4, 3]);
 * assert.equal(s.getColumn("rfm_cell").get(0), "555");
 * ```
 */
export function rfmScores(features: pl.DataFrame, options: RfmScoresOptions = {}): pl.DataFrame {
  const bins = options.bins ?? 5;
  if (!Number.isInteger(bins) || bins < 2 || bins > 9) {
    throw new RangeError(`rfmScores: bins must be an integer in 2 … 9, got ${bins}`);
  }
  const r = options.recency ?? "recency_days", f = options.frequency ?? "frequency";
  const m = options.monetary ?? "monetary", id = options.id ?? TX.customer;
  requireNumeric(features, [r, f, m], "rfmScores");
  if (!features.columns.includes(id)) {
    throw new TypeError(`rfmScores: id column "${id}" is not in the table`);
  }
  for (const c of [r, f, m]) {
    const bad = missingSummary(features.select(c))[0].missing;
    if (bad > 0) {
      throw new RangeError(`rfmScores: column "${c}" has ${bad} missing value(s); impute first`);
    }
  }
  const n = features.height;
  const method = (options.ties ?? "split") === "split" ? "ordinal" : "min";
  const score = (c: string) => {
    if (n <= 1) return pl.lit(Math.ceil(bins / 2));
    const rank = pl.col(c).rank(method).cast(pl.Float64);
    return rank.sub(1).mul(bins).div(n - 1).ceil().clip(1, bins);
  };
  // Sort by id so that ordinal ranks break ties by id, whatever the input order.
  const scored = features.withRowIndex("__row").sort(id).withColumns(
    pl.lit(bins + 1).sub(score(r)).cast(pl.Int32).alias("r_score"),
    score(f).cast(pl.Int32).alias("f_score"),
    score(m).cast(pl.Int32).alias("m_score"),
  ).sort("__row").drop("__row");
  return scored.withColumns(
    pl.col("r_score").add(pl.col("f_score")).add(pl.col("m_score")).cast(pl.Int32)
      .alias("rfm_total"),
    pl.concatString(
      [pl.col("r_score"), pl.col("f_score"), pl.col("m_score")].map((e) => e.cast(pl.Utf8)),
      "",
    ).alias("rfm_cell"),
  );
}
