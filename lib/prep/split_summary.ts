/**
 * Time range and size of each part of a split.
 *
 * @module
 */
import pl from "nodejs-polars";

/**
 * The time range and size of each part of a split, to check a chronological split really keeps
 * the future out of training.
 *
 * @param parts Named tables (e.g. `{ train, validation, test }`).
 * @param time Time column.
 * @returns One row per part: rows, first and last time.
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { splitSummary } from "@shoplab/lib/prep/split_summary.ts";
 * import assert from "node:assert/strict";
 * const rows = splitSummary({ train: pl.DataFrame({ t: [new Date(0), new Date(5)] }) }, "t");
 * assert.equal(rows[0].rows, 2);
 * ```
 */
export function splitSummary(
  parts: Readonly<Record<string, pl.DataFrame>>,
  time: string,
): { part: string; rows: number; first: Date | null; last: Date | null }[] {
  return Object.entries(parts).map(([part, df]) => {
    const t = df.getColumn(time).cast(pl.Datetime("ms"));
    return {
      part,
      rows: df.height,
      first: df.height ? new Date(Number(t.cast(pl.Int64).min())) : null,
      last: df.height ? new Date(Number(t.cast(pl.Int64).max())) : null,
    };
  });
}
