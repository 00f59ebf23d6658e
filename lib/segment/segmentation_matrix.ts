/**
 * From a customer feature table to the matrix k-means needs: impute, log-compress, standardise
 * the numeric columns and one-hot encode the categorical ones — fitted once, reusable.
 *
 * @module
 */
import pl from "nodejs-polars";
import { imputeMedian } from "../prep/impute_median.ts";
import { missingSummary } from "../prep/missing_summary.ts";
import { type FittedOneHot, oneHot } from "../prep/one_hot.ts";
import { fitStandardScaler } from "../prep/standard_scaler.ts";
import type { FittedScaler } from "../prep/_scaler.ts";
import { type Matrix, toMatrix } from "../prep/to_matrix.ts";
import { requireColumns } from "../prep/_columns.ts";

/** Options of {@linkcode segmentationMatrix}. */
export interface SegmentationMatrixOptions {
  /** Numeric feature columns, standardised to z-scores. Required, at least one. */
  readonly numeric: readonly string[];
  /**
   * Categorical columns (text such as gender, country, channel), one-hot encoded into 0/1
   * indicator columns *before* anything is scaled. Default none.
   */
  readonly categorical?: readonly string[];
  /**
   * Numeric columns compressed with sign(x)·ln(1 + |x|) before standardising — for heavy-tailed
   * counts and money, where a few big spenders would otherwise get a cluster each. Default none.
   */
  readonly log?: readonly string[];
  /**
   * Weight of the indicator columns: each 0/1 indicator is multiplied by it (0/1 columns are not
   * standardised, as in scikit-learn's usual `ColumnTransformer` of a `StandardScaler` and a
   * `OneHotEncoder`). Default `1`.
   */
  readonly indicatorWeight?: number;
}

/** The fitted preparation and the matrix it produced. */
export interface SegmentationMatrix {
  /** Row-major matrix, one row per input row, `columns` in order. */
  readonly matrix: Matrix;
  /** Matrix columns: the numeric columns, then the indicator columns. */
  readonly columns: readonly string[];
  /** Median fill value of each numeric column that had gaps. */
  readonly filled: Readonly<Record<string, number>>;
  /** The standard scaler fitted on the (imputed, log-compressed) numeric columns. */
  readonly scaler: FittedScaler;
  /** The one-hot encoder of the categorical columns (no columns when none were given). */
  readonly encoder: FittedOneHot;
  /** Applies the same fitted steps to another table (e.g. later customers) → matrix. */
  transform(df: pl.DataFrame): Matrix;
}

/**
 * Prepares a feature table for k-means: median-imputes gaps in the numeric columns,
 * log-compresses the `log` columns, standardises the numeric columns (z = (x − mean) / sd) and
 * appends one-hot indicators of the categorical columns. k-means uses Euclidean distance, so
 * unscaled columns in large units would decide the clusters alone.
 *
 * The pitfall it guards against (from the source article): passing raw text such as gender or
 * location to a scaler. A text column listed under `numeric` is refused with a TypeError that
 * says to list it under `categorical`; coding categories as 0, 1, 2, … instead would invent an
 * order and distances between countries that do not exist.
 *
 * @param features Table with one row per customer (e.g. from `customerFeatures`).
 * @param options See {@linkcode SegmentationMatrixOptions}.
 * @returns The matrix plus the fitted imputer values, scaler and encoder.
 * @throws {TypeError} When a column is missing, or a `numeric` column holds text (the message
 *   names the column and shows a value).
 * @throws {RangeError} When `numeric` is empty, a `log` column is not numeric-listed, or
 *   `indicatorWeight` is negative or not finite.
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { segmentationMatrix } from "@shoplab/lib/segment/segmentation_matrix.ts";
 * import assert from "node:assert/strict";
 * const f = pl.DataFrame({ spend: [10, 30, null], gender: ["f", "m", "f"] });
 * const s = segmentationMatrix(f, { numeric: ["spend"], categorical: ["gender"] });
 * assert.deepEqual(s.columns, ["spend", "gender_f", "gender_m"]);
 * // the gap gets the median 20; z-scores use the population sd √(200/3)
 * const z = Array.from(s.matrix.x, (v) => Math.round(v * 1e6) / 1e6);
 * assert.deepEqual(z, [-1.224745, 1, 0, 1.224745, 0, 1, 0, 1, 0]);
 * assert.throws(() => segmentationMatrix(f, { numeric: ["spend", "gender"] }), /categorical/);
 * ```
 */
export function segmentationMatrix(
  features: pl.DataFrame,
  options: SegmentationMatrixOptions,
): SegmentationMatrix {
  const numeric = [...options.numeric];
  const categorical = [...(options.categorical ?? [])];
  const log = options.log ?? [];
  const weight = options.indicatorWeight ?? 1;
  if (numeric.length === 0) {
    throw new RangeError("segmentationMatrix: numeric must list at least one column");
  }
  requireColumns(features, [...numeric, ...categorical], "segmentationMatrix");
  for (const c of log) {
    if (!numeric.includes(c)) {
      throw new RangeError(`segmentationMatrix: log column "${c}" is not in numeric`);
    }
  }
  if (!(Number.isFinite(weight) && weight >= 0)) {
    throw new RangeError(`segmentationMatrix: indicatorWeight must be ≥ 0, got ${weight}`);
  }
  for (const c of numeric) {
    const t = String(features.getColumn(c).dtype);
    if (/Utf8|String|Categorical/.test(t)) {
      const sample = features.getColumn(c).dropNulls().head(3).toArray().map((v) => `"${v}"`);
      throw new TypeError(
        `segmentationMatrix: column "${c}" holds text (${sample.join(", ")}), which a scaler ` +
          `cannot standardise; list it under categorical to one-hot encode it first`,
      );
    }
  }
  const gaps = numeric.filter((c) => missingSummary(features.select(c))[0].missing > 0);
  const imputer = imputeMedian(features, gaps);
  const compress = (df: pl.DataFrame): pl.DataFrame => {
    const t = imputer.transform(df.select(...numeric, ...categorical));
    if (log.length === 0) return t;
    return t.withColumns(
      ...log.map((c) => {
        const v = pl.col(c).cast(pl.Float64);
        return pl.when(v.lt(0)).then(v.abs().log1p().mul(-1)).otherwise(v.log1p()).alias(c);
      }),
    );
  };
  const table = compress(features);
  const scaler = fitStandardScaler(table, numeric);
  const encoder = oneHot(table, categorical);
  const columns = [...numeric, ...encoder.outputColumns];
  const finish = (t: pl.DataFrame): Matrix => {
    let out = encoder.transform(scaler.transform(t));
    if (weight !== 1 && encoder.outputColumns.length > 0) {
      out = out.withColumns(...encoder.outputColumns.map((c) => pl.col(c).mul(weight).alias(c)));
    }
    return toMatrix(out, columns);
  };
  return {
    matrix: finish(table),
    columns,
    filled: imputer.values,
    scaler,
    encoder,
    transform: (df: pl.DataFrame) => finish(compress(df)),
  };
}
