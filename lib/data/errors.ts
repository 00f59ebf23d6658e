/**
 * The one error class for a user's data mistakes. Raised once, at the boundary where data enters,
 * with the file, column, row and value that are wrong.
 *
 * @module
 */

/** Where in a user's file a problem was found. Rows are 1-based data rows (header excluded). */
export interface DataErrorLocation {
  /** Path of the file (or folder) being read. */
  readonly file: string;
  /** Column name, when the problem is in one column. */
  readonly column?: string;
  /** 1-based data row number (the header is row 0), when the problem is in one row. */
  readonly row?: number;
  /** The offending value as found in the file. */
  readonly value?: string;
}

/**
 * A problem with user-supplied data. The message is complete and meant for the user, e.g.
 * `Cannot read transactions from "shop.csv": column "InvoiceDate" has "31/02/2011" at row 1,204,
 * expected YYYY-MM-DD HH:MM:SS`.
 *
 * @example
 * ```ts
 * import { DataError } from "@shoplab/lib/data/errors.ts";
 * import assert from "node:assert/strict";
 * const e = new DataError("bad date", { file: "a.csv", column: "d", row: 3, value: "x" });
 * assert.equal(e.row, 3);
 * assert.ok(e instanceof Error);
 * ```
 */
export class DataError extends Error {
  /** File being read. */
  readonly file: string;
  /** Column, when known. */
  readonly column?: string;
  /** 1-based data row, when known. */
  readonly row?: number;
  /** Offending value, when known. */
  readonly value?: string;

  /**
   * Builds the error from its message and location.
   *
   * @param message Full, user-facing message.
   * @param location Where the problem is.
   */
  constructor(message: string, location: DataErrorLocation) {
    super(message);
    this.name = "DataError";
    this.file = location.file;
    this.column = location.column;
    this.row = location.row;
    this.value = location.value;
  }
}
