/**
 * The cleaning summary of a loaded shop as table rows, for notebooks and reports.
 *
 * @module
 */
import type { CleaningSummary } from "./types.ts";

/** One row of {@linkcode describeCleaning}. */
export interface CleaningRow {
  /** Base name of the file read (folders stripped), e.g. `"transactions.csv"`. */
  readonly file: string;
  /** Canonical table produced from the file. */
  readonly table: string;
  /** Step name (`"read"` for the first row of each file, else e.g. `"drop-cancellations"`). */
  readonly step: string;
  /** `"read"`, `"dropped"`, `"changed"` or `"flagged"`. */
  readonly action: string;
  /** Data rows read (`read` row) or rows the step touched. */
  readonly rows: number;
  /** Why, in one sentence; for the `read` row, how many rows were kept. */
  readonly reason: string;
}

/**
 * Flattens cleaning summaries into one row per step (plus a `read` row per file).
 *
 * @param summaries The `cleaning` field of a loaded shop.
 * @returns Rows, in the order the steps were applied.
 * @example
 * ```ts
 * import { describeCleaning } from "@shoplab/lib/data/describe_cleaning.ts";
 * import assert from "node:assert/strict";
 * const rows = describeCleaning([{ file: "a.csv", table: "transactions", rowsRead: 3, rowsKept: 2,
 *   steps: [{ step: "x", rows: 1, action: "dropped", reason: "why" }] }]);
 * assert.equal(rows.length, 2);
 * assert.equal(rows[1].rows, 1);
 * ```
 */
export function describeCleaning(summaries: readonly CleaningSummary[]): CleaningRow[] {
  const out: CleaningRow[] = [];
  for (const s of summaries) {
    const file = s.file.split("/").pop() ?? s.file;
    out.push({
      file,
      table: s.table,
      step: "read",
      action: "read",
      rows: s.rowsRead,
      reason: `${s.rowsKept.toLocaleString("en")} rows kept`,
    });
    for (const st of s.steps) {
      out.push({
        file,
        table: s.table,
        step: st.step,
        action: st.action,
        rows: st.rows,
        reason: st.reason,
      });
    }
  }
  return out;
}
