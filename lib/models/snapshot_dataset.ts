/**
 * The labelled, model-ready customer table for churn and purchase prediction: two snapshots
 * in time (train earlier, test later), features from `lib/prep`, preprocessing fitted on the
 * training rows only.
 *
 * @module
 */
import pl from "nodejs-polars";
import { MS_PER_DAY, SEED } from "../core/constants.ts";
import { permutation } from "../core/random.ts";
import { TX } from "../data/schema.ts";
import {
  ATTRIBUTE_COLUMNS,
  customerFeatures,
  type FeatureTables,
} from "../prep/customer_features.ts";
import { futureLabels } from "../prep/future_labels.ts";
import { imputeMedian } from "../prep/impute_median.ts";
import { oneHot } from "../prep/one_hot.ts";
import { fitStandardScaler, type FittedScaler } from "../prep/standard_scaler.ts";
import { toMatrix } from "../prep/to_matrix.ts";
import { latestAsOf } from "./latest_as_of.ts";
import { type Population, populationIds } from "./population_ids.ts";
import type { Matrix } from "./types.ts";

/** The tables {@linkcode snapshotDataset} reads: a loaded `ShopData` fits (transactions eager). */
export interface SnapshotTables extends FeatureTables {
  /** Canonical transactions. */
  readonly transactions: pl.DataFrame;
}

/** Options of {@linkcode snapshotDataset}. */
export interface SnapshotDatasetOptions {
  /** Target: `"churn"` (no purchase in the window) or `"purchase"` (at least one). */
  readonly label: "churn" | "purchase";
  /**
   * Test cut-off: test features use t < asOf, test labels asOf ≤ t < asOf + windowDays.
   * Default: the latest cut-off whose window fits the data ({@linkcode latestAsOf}).
   */
  readonly asOf?: Date;
  /** Label window W in days; the training cut-off is asOf − W. Default `30`. */
  readonly windowDays?: number;
  /** Share of the training customers held out (at random) for validation. Default `0.2`. */
  readonly validationFraction?: number;
  /** Seed of the validation hold-out. Default `SEED`. */
  readonly seed?: number;
  /**
   * Who is asked ({@linkcode Population}): `"buyers"` (a purchase before the cut-off — the
   * churn question) or `"registered"` (everyone who signed up, browsed or bought before it —
   * the purchase question, never-buyers included, with a `has_purchased` feature). Default
   * `"buyers"`.
   */
  readonly population?: Population;
}

/** One part of the data set, rows in `customer_id` order within the part. */
export interface SnapshotPart {
  /** Customer ids, one per row. */
  readonly ids: readonly string[];
  /** Features standardised with the training part's means and standard deviations. */
  readonly x: Matrix;
  /** The same features before scaling (imputed and encoded): for trees and readable rules. */
  readonly raw: Matrix;
  /** Labels, 0/1. */
  readonly y: Uint8Array;
  /** Share of 1s. */
  readonly positiveRate: number;
}

/** What {@linkcode snapshotDataset} returns. */
export interface SnapshotDataset {
  /** The target. */
  readonly label: "churn" | "purchase";
  /** Who the rows are. */
  readonly population: Population;
  /** Label window W in days. */
  readonly windowDays: number;
  /** Training (and validation) snapshot cut-off: asOf − W. */
  readonly trainAsOf: Date;
  /** Test snapshot cut-off. */
  readonly testAsOf: Date;
  /** Model input columns, in matrix order. */
  readonly features: readonly string[];
  /** Training customers (snapshot at `trainAsOf`, minus the validation hold-out). */
  readonly train: SnapshotPart;
  /** Validation customers (same snapshot as train), for early stopping. */
  readonly validation: SnapshotPart;
  /** Test customers (snapshot at `testAsOf`), labels from the window after it. */
  readonly test: SnapshotPart;
  /** Scaler fitted on the training part. */
  readonly scaler: FittedScaler;
  /** Median fill values learnt on the training part. */
  readonly fillValues: Readonly<Record<string, number>>;
  /** One row per part: cut-off, feature and label periods, customers, positives. */
  readonly summary: readonly Record<string, string | number>[];
}

const day = (d: Date) => d.toISOString().slice(0, 10);

function snapshot(
  shop: FeatureTables,
  asOf: Date,
  windowDays: number,
  label: string,
  population: Population,
) {
  const include = population === "registered"
    ? populationIds(shop, { asOf, population })
    : undefined;
  const features = customerFeatures(shop, { asOf, windowDays, include });
  const labels = futureLabels(shop.transactions, { asOf, windowDays, customers: features });
  return features.join(labels.select(TX.customer, label), { on: TX.customer, how: "inner" })
    .sort(TX.customer);
}

function part(df: pl.DataFrame, label: string, features: string[], scaler: FittedScaler) {
  const raw = toMatrix(df, features);
  const x = toMatrix(scaler.transform(df), features);
  const y = Uint8Array.from(df.getColumn(label).toArray() as number[]);
  let pos = 0;
  for (const v of y) pos += v;
  return {
    ids: df.getColumn(TX.customer).toArray().map(String),
    x,
    raw,
    y,
    positiveRate: y.length ? pos / y.length : NaN,
  };
}

/**
 * Builds a chronological churn or purchase data set from a shop. Two snapshots share one
 * label window length W:
 *
 * - **train**: features from data before `trainAsOf = asOf − W`, labels from
 *   [asOf − W, asOf) — so every training label is known by `asOf`;
 * - **test**: features from data before `asOf`, labels from [asOf, asOf + W) — the future
 *   that no training row has seen.
 *
 * Rows are the customers with a purchase before each cut-off ({@linkcode customerFeatures}),
 * or with `population: "registered"` everyone who signed up, browsed or bought before it
 * ({@linkcode populationIds}); never-buyers get zero frequency and spend, `has_purchased` = 0;
 * a random `validationFraction` of the training customers is held out for early stopping.
 * Categorical attributes are one-hot encoded, missing values filled with the median, and the
 * features standardised — each step fitted on the training part only and then applied to
 * validation and test, so no test statistic leaks into training. Columns with no values in
 * the training part are dropped, and so are category shares that only one snapshot has (each
 * snapshot keeps its own best-selling categories).
 *
 * @param shop Canonical tables (a loaded `ShopData` fits); see {@linkcode SnapshotTables}.
 * @param options See {@linkcode SnapshotDatasetOptions}.
 * @returns Train, validation and test parts as matrices, plus the fitted preprocessing.
 * @throws {RangeError} When the window does not fit the data, a part is empty, or options are
 *   out of range.
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { snapshotDataset } from "@shoplab/lib/models/snapshot_dataset.ts";
 * import assert from "node:assert/strict";
 * const d = (s: string) => new Date(s + "T12:00:00Z");
 * const rows = [["a", "2025-01-02"], ["b", "2025-01-03"], ["c", "2025-01-04"], ["d", "2025-01-05"],
 *   ["a", "2025-01-12"], ["c", "2025-01-14"], ["a", "2025-01-22"], ["b", "2025-01-25"]];
 * const transactions = pl.DataFrame({
 *   customer_id: rows.map((r) => r[0]), order_id: rows.map((_, i) => String(i)),
 *   timestamp: rows.map((r) => d(r[1])), item_id: rows.map(() => "x"),
 *   quantity: rows.map(() => 1), unit_price: rows.map(() => 10),
 * });
 * const ds = snapshotDataset({ transactions }, { label: "churn", windowDays: 10, validationFraction: 0.25 });
 * assert.equal(ds.testAsOf.toISOString().slice(0, 10), "2025-01-16");
 * assert.equal(ds.trainAsOf.toISOString().slice(0, 10), "2025-01-06");
 * assert.equal(ds.train.ids.length + ds.validation.ids.length, 4);
 * assert.deepEqual([...ds.test.y], [0, 0, 1, 1]); // a, b buy again in the window; c, d do not
 * ```
 */
export function snapshotDataset(
  shop: SnapshotTables,
  options: SnapshotDatasetOptions,
): SnapshotDataset {
  const label = options.label;
  if (label !== "churn" && label !== "purchase") {
    throw new RangeError(`snapshotDataset: label must be "churn" or "purchase", got ${label}`);
  }
  const windowDays = options.windowDays ?? 30;
  if (!(windowDays > 0)) {
    throw new RangeError(`snapshotDataset: windowDays must be > 0, got ${windowDays}`);
  }
  const vf = options.validationFraction ?? 0.2;
  if (!(vf >= 0 && vf < 1)) {
    throw new RangeError(`snapshotDataset: validationFraction must be in [0, 1), got ${vf}`);
  }
  const population = options.population ?? "buyers";
  if (population !== "buyers" && population !== "registered") {
    throw new RangeError(
      `snapshotDataset: population must be "buyers" or "registered", got "${population}"`,
    );
  }
  const testAsOf = options.asOf ?? latestAsOf(shop.transactions, windowDays);
  if (!(testAsOf instanceof Date) || !Number.isFinite(testAsOf.getTime())) {
    throw new RangeError("snapshotDataset: asOf must be a valid Date");
  }
  const trainAsOf = new Date(testAsOf.getTime() - windowDays * MS_PER_DAY);
  const trainAll = snapshot(shop, trainAsOf, windowDays, label, population);
  const testDf = snapshot(shop, testAsOf, windowDays, label, population);
  if (trainAll.height < 2 || testDf.height === 0) {
    throw new RangeError(
      `snapshotDataset: too few customers (train ${trainAll.height}, test ${testDf.height}) ` +
        `${population === "buyers" ? "with a purchase" : "registered"} before the cut-offs ` +
        `${day(trainAsOf)} and ${day(testAsOf)}`,
    );
  }
  // Validation hold-out: a seeded random share of the training customers.
  const perm = permutation(trainAll.height, options.seed ?? SEED);
  const nVal = Math.round(vf * trainAll.height);
  const isVal = new Uint8Array(trainAll.height);
  for (let k = 0; k < nVal; k++) isVal[perm[k]] = 1;
  const flag = pl.Series("__val", [...isVal], pl.UInt8);
  const marked = trainAll.withColumns(flag);
  const trainDf = marked.filter(pl.col("__val").eq(0)).drop("__val");
  const valDf = marked.filter(pl.col("__val").eq(1)).drop("__val");

  const attrs = ATTRIBUTE_COLUMNS.filter((c) => trainDf.columns.includes(c));
  const numeric = trainDf.columns.filter((c) =>
    c !== TX.customer && c !== label && !(attrs as readonly string[]).includes(c) &&
    testDf.columns.includes(c) && trainDf.getColumn(c).nullCount() < trainDf.height
  );
  const withNulls = numeric.filter((c) => trainDf.getColumn(c).nullCount() > 0);
  const imputer = imputeMedian(trainDf, withNulls);
  const encoder = oneHot(trainDf, attrs, { missing: "zeros" });
  const prepare = (df: pl.DataFrame) => encoder.transform(imputer.transform(df));
  const [trainP, valP, testP] = [trainDf, valDf, testDf].map(prepare);
  const features = [...numeric, ...encoder.outputColumns];
  const scaler = fitStandardScaler(trainP, features, { label });
  const train = part(trainP, label, features, scaler);
  const validation = part(valP, label, features, scaler);
  const test = part(testP, label, features, scaler);
  const end = (d: Date) => day(new Date(d.getTime() + (windowDays - 1) * MS_PER_DAY));
  const row = (name: string, p: SnapshotPart, asOf: Date) => ({
    part: name,
    features_before: day(asOf),
    label_window: `${day(asOf)} … ${end(asOf)}`,
    customers: p.y.length,
    [`${label}_rate`]: p.positiveRate,
  });
  return {
    label,
    population,
    windowDays,
    trainAsOf,
    testAsOf,
    features,
    train,
    validation,
    test,
    scaler,
    fillValues: imputer.values,
    summary: [
      row("train", train, trainAsOf),
      row("validation", validation, trainAsOf),
      row("test", test, testAsOf),
    ],
  };
}
