/**
 * Missing values: mean and median imputation fitted on one table and applied to another, linear
 * interpolation over time, and k-nearest-neighbour imputation.
 *
 * @module
 */
import pl from "nodejs-polars";

/** A fitted imputer: per-column fill values learnt from the training table. */
export interface FittedImputer {
  /** Strategy used. */
  readonly strategy: "mean" | "median";
  /** Fill value per column. */
  readonly values: Readonly<Record<string, number>>;
  /** Fills nulls (and NaN) in `df` with the learnt values. */
  transform(df: pl.DataFrame): pl.DataFrame;
}

function fitImputer(
  df: pl.DataFrame,
  columns: readonly string[],
  strategy: "mean" | "median",
): FittedImputer {
  const values: Record<string, number> = {};
  for (const c of columns) {
    const s = df.select(pl.col(c).cast(pl.Float64).fillNan(null).alias(c)).getColumn(c).dropNulls();
    if (s.length === 0) throw new RangeError(`impute: column "${c}" has no values to learn from`);
    values[c] = strategy === "mean" ? Number(s.mean()) : Number(s.median());
  }
  return {
    strategy,
    values,
    transform: (other) =>
      other.withColumns(
        ...columns.map((c) =>
          pl.col(c).cast(pl.Float64).fillNan(null).fillNull(pl.lit(values[c])).alias(c)
        ),
      ),
  };
}

/**
 * Learns column means on `df` (ignoring nulls/NaN) to fill missing values in any table.
 *
 * @param df Training table.
 * @param columns Numeric columns.
 * @returns A fitted imputer.
 * @throws {RangeError} When a column has no values at all.
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { imputeMean } from "@shoplab/lib/prep/impute.ts";
 * import assert from "node:assert/strict";
 * const imp = imputeMean(pl.DataFrame({ x: [1, null, 3] }), ["x"]);
 * assert.deepEqual(imp.transform(pl.DataFrame({ x: [null, 5] })).getColumn("x").toArray(), [2, 5]);
 * ```
 */
export function imputeMean(df: pl.DataFrame, columns: readonly string[]): FittedImputer {
  return fitImputer(df, columns, "mean");
}

/**
 * Learns column medians on `df` to fill missing values in any table (robust to outliers).
 *
 * @param df Training table.
 * @param columns Numeric columns.
 * @returns A fitted imputer.
 * @throws {RangeError} When a column has no values at all.
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { imputeMedian } from "@shoplab/lib/prep/impute.ts";
 * import assert from "node:assert/strict";
 * const imp = imputeMedian(pl.DataFrame({ x: [1, null, 3, 100] }), ["x"]);
 * assert.equal(imp.values.x, 3);
 * ```
 */
export function imputeMedian(df: pl.DataFrame, columns: readonly string[]): FittedImputer {
  return fitImputer(df, columns, "median");
}

/** Options of {@linkcode interpolateTime}. */
export interface InterpolateTimeOptions {
  /** Time column (Datetime or numeric). */
  readonly time: string;
  /** Columns to interpolate. */
  readonly columns: readonly string[];
}

/**
 * Fills gaps in a time series by linear interpolation in time (not in row position): a value
 * missing at t between known (t0, y0) and (t1, y1) becomes y0 + (y1 − y0)(t − t0)/(t1 − t0).
 * Leading and trailing gaps stay missing. Rows are sorted by time first.
 *
 * @param df Table with a time column.
 * @param options See {@linkcode InterpolateTimeOptions}.
 * @returns The sorted table with gaps filled.
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { interpolateTime } from "@shoplab/lib/prep/impute.ts";
 * import assert from "node:assert/strict";
 * const df = pl.DataFrame({ t: [0, 1, 4], y: [0, null, 8] });
 * const out = interpolateTime(df, { time: "t", columns: ["y"] });
 * assert.deepEqual(out.getColumn("y").toArray(), [0, 2, 8]);
 * ```
 */
export function interpolateTime(df: pl.DataFrame, options: InterpolateTimeOptions): pl.DataFrame {
  const sorted = df.sort(options.time);
  const t = Float64Array.from(
    sorted.getColumn(options.time).cast(pl.Float64).toArray() as number[],
  );
  const out = options.columns.map((c) => {
    const y = (sorted.getColumn(c).cast(pl.Float64).toArray() as (number | null)[]).map((v) =>
      v === null || Number.isNaN(v) ? null : v
    );
    let prev = -1;
    for (let i = 0; i < y.length; i++) {
      if (y[i] === null) continue;
      if (prev >= 0 && i - prev > 1) {
        for (let j = prev + 1; j < i; j++) {
          const span = t[i] - t[prev];
          const w = span === 0 ? 0 : (t[j] - t[prev]) / span;
          y[j] = (y[prev] as number) + ((y[i] as number) - (y[prev] as number)) * w;
        }
      }
      prev = i;
    }
    return pl.Series(c, y, pl.Float64);
  });
  return sorted.withColumns(...out);
}

/** Options of {@linkcode imputeKnn}. */
export interface ImputeKnnOptions {
  /** Numeric columns to use and fill. */
  readonly columns: readonly string[];
  /** Neighbours. Default `5`. */
  readonly k?: number;
}

/**
 * k-nearest-neighbour imputation, as scikit-learn's `KNNImputer` (uniform weights, NaN-aware
 * Euclidean distance): a missing value is the mean of that column over the k nearest rows that
 * have it, where distance uses the coordinates both rows have, scaled by
 * √(n_columns / n_present). Rows of `reference` (default: `df` itself) are the candidates.
 *
 * @param df Table to fill.
 * @param options See {@linkcode ImputeKnnOptions}.
 * @returns `df` with the columns filled (rows with no neighbour for a column stay missing).
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { imputeKnn } from "@shoplab/lib/prep/impute.ts";
 * import assert from "node:assert/strict";
 * const df = pl.DataFrame({ a: [1, 2, 10, 1.1], b: [1, 2, 10, null] });
 * const out = imputeKnn(df, { columns: ["a", "b"], k: 2 });
 * assert.equal(out.getColumn("b").get(3), 1.5);
 * ```
 */
export function imputeKnn(df: pl.DataFrame, options: ImputeKnnOptions): pl.DataFrame {
  const k = options.k ?? 5;
  const cols = options.columns;
  const n = df.height, m = cols.length;
  const x = new Float64Array(n * m);
  cols.forEach((c, j) => {
    const v = df.getColumn(c).cast(pl.Float64).toArray() as (number | null)[];
    for (let i = 0; i < n; i++) x[i * m + j] = v[i] === null ? NaN : (v[i] as number);
  });
  const filled = Float64Array.from(x);
  const dist = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let hasMissing = false;
    for (let j = 0; j < m; j++) if (Number.isNaN(x[i * m + j])) hasMissing = true;
    if (!hasMissing) continue;
    for (let r = 0; r < n; r++) {
      let s = 0, present = 0;
      for (let j = 0; j < m; j++) {
        const a = x[i * m + j], b = x[r * m + j];
        if (!Number.isNaN(a) && !Number.isNaN(b)) {
          s += (a - b) ** 2;
          present++;
        }
      }
      dist[r] = r === i || present === 0 ? Infinity : Math.sqrt((s * m) / present);
    }
    for (let j = 0; j < m; j++) {
      if (!Number.isNaN(x[i * m + j])) continue;
      const cand: number[] = [];
      for (let r = 0; r < n; r++) {
        if (!Number.isNaN(x[r * m + j]) && dist[r] < Infinity) cand.push(r);
      }
      cand.sort((p, q) => dist[p] - dist[q] || p - q);
      const use = cand.slice(0, k);
      if (use.length > 0) {
        filled[i * m + j] = use.reduce((s, r) => s + x[r * m + j], 0) / use.length;
      }
    }
  }
  return df.withColumns(
    ...cols.map((c, j) =>
      pl.Series(
        c,
        Array.from(
          { length: n },
          (_, i) => (Number.isNaN(filled[i * m + j]) ? null : filled[i * m + j]),
        ),
        pl.Float64,
      )
    ),
  );
}
