/**
 * Removing duplicate rows, by whole row ("by hash") or by key columns ("by unique id").
 *
 * @module
 */
import type pl from "nodejs-polars";
import { requireColumns } from "./_columns.ts";

/** Options of {@linkcode dropDuplicates}. */
export interface DropDuplicatesOptions {
  /**
   * Key columns: rows equal on all of them are duplicates ("by unique id", e.g. `["order_id",
   * "item_id"]`). Default: every column, i.e. whole-row duplicates. Whole-row comparison is what
   * "dropping duplicates by hash" means — polars hashes the rows — so there is no separate
   * hash function.
   */
  readonly subset?: readonly string[];
  /** Which row of each duplicate group to keep: `"first"` (default), `"last"`, or `"none"`. */
  readonly keep?: "first" | "last" | "none";
}

/** Result of {@linkcode dropDuplicates}. */
export interface DropDuplicatesResult {
  /** The table without duplicates, rows in their original order. */
  readonly table: pl.DataFrame;
  /** Number of rows removed. */
  readonly removed: number;
}

/**
 * Drops duplicate rows, keeping the first (or last) of each group in the original row order.
 * Nulls compare equal to nulls.
 *
 * @param df Input table.
 * @param options See {@linkcode DropDuplicatesOptions}.
 * @returns The table without duplicates and the number of rows removed.
 * @throws {TypeError} When a `subset` column is not in the table.
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { dropDuplicates } from "@shoplab/lib/prep/drop_duplicates.ts";
 * import assert from "node:assert/strict";
 * const df = pl.DataFrame({ id: ["a", "a", "b"], v: [1, 1, 2] });
 * assert.equal(dropDuplicates(df).removed, 1);
 * assert.deepEqual(dropDuplicates(df, { subset: ["id"] }).table.getColumn("v").toArray(), [1, 2]);
 * ```
 */
export function dropDuplicates(
  df: pl.DataFrame,
  options: DropDuplicatesOptions = {},
): DropDuplicatesResult {
  const subset = options.subset ? [...options.subset] : df.columns;
  requireColumns(df, subset, "dropDuplicates");
  if (df.height === 0 || subset.length === 0) return { table: df, removed: 0 };
  const table = df.unique(subset, options.keep ?? "first", true);
  return { table, removed: df.height - table.height };
}
