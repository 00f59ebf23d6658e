/**
 * Per-cluster mean profiles, to describe what each segment is.
 *
 * @module
 */
import pl from "nodejs-polars";
import { requireNumeric } from "../prep/_columns.ts";

/** Options of {@linkcode clusterProfiles}. */
export interface ClusterProfilesOptions {
  /** Name of the cluster column in the output. Default `"cluster"`. */
  readonly clusterColumn?: string;
}

/**
 * Summarises each cluster: its size, its share of rows, and the mean of each column (nulls
 * ignored). Pass the unscaled feature table to read the profiles in real units (days, orders,
 * money), even when the clustering ran on standardised values.
 *
 * @param df Table, one row per clustered row, in the same order as `labels`.
 * @param labels Cluster of each row (e.g. `kmeans(...).labels`).
 * @param columns Numeric columns to average.
 * @param options See {@linkcode ClusterProfilesOptions}.
 * @returns One row per cluster, sorted by cluster: `cluster`, `size`, `share`, then the means.
 * @throws {RangeError} When `labels` and `df` differ in length.
 * @throws {TypeError} When a column is missing or not numeric.
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { clusterProfiles } from "@shoplab/lib/segment/cluster_profiles.ts";
 * import assert from "node:assert/strict";
 * const df = pl.DataFrame({ spend: [10, 20, 100, 300] });
 * const p = clusterProfiles(df, Int32Array.from([0, 0, 1, 1]), ["spend"]);
 * assert.deepEqual(p.getColumn("spend").toArray(), [15, 200]);
 * assert.deepEqual(p.getColumn("share").toArray(), [0.5, 0.5]);
 * ```
 */
export function clusterProfiles(
  df: pl.DataFrame,
  labels: ArrayLike<number>,
  columns: readonly string[],
  options: ClusterProfilesOptions = {},
): pl.DataFrame {
  if (labels.length !== df.height) {
    throw new RangeError(`clusterProfiles: ${labels.length} labels for ${df.height} rows`);
  }
  requireNumeric(df, columns, "clusterProfiles");
  const name = options.clusterColumn ?? "cluster";
  const n = df.height;
  const tagged = df.select(...columns.map((c) => pl.col(c).cast(pl.Float64)))
    .withColumns(pl.Series(name, Int32Array.from(labels)));
  return tagged.groupBy(name).agg(
    pl.len().cast(pl.Int32).alias("size"),
    pl.len().cast(pl.Float64).div(pl.lit(n)).alias("share"),
    ...columns.map((c) => pl.col(c).mean().alias(c)),
  ).sort(name);
}
