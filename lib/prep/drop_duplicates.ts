/**
 * Removing duplicate rows, by whole row ("by hash") or by key columns ("by unique id").
 *
 * @module
 */
import type pl from "nodejs-polars";

/** Options of {@linkcode dropDuplicates}. */
export interface DropDuplicatesOptions {
  /** Key columns; rows equal on all of them are duplicates. Default: every column (whole row). */
  readonly subset?: readonly string[];
  /** Which of the duplicates to keep. Default `"first"`. */
  readonly keep?: "first" | "last";
}

/**
 * Drops duplicate rows, keeping the first (or last) of each group in the original order.
 *
 * @param df Input table.
 * @param options See {@linkcode DropDuplicatesOptions}.
 * @returns The table without duplicates and the number of rows removed.
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
): { table: pl.DataFrame; removed: number } {
  const subset = options.subset ? [...options.subset] : df.columns;
  const table = df.unique(subset, options.keep ?? "first", true);
  return { table, removed: df.height - table.height };
}
