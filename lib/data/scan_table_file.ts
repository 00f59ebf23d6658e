/**
 * The lazy twin of {@linkcode readTableFile}: one canonical table as a polars LazyFrame, for
 * files too big to load whole.
 *
 * @module
 */
import type pl from "nodejs-polars";
import type { TableName } from "./schema.ts";
import type { ReadTableOptions } from "./read_table_file.ts";
import { scanValidated } from "./_scan_table.ts";

/**
 * Scans a canonical table from `path` (`.parquet` by extension, otherwise delimited text) and
 * validates it with streaming polars queries, so memory stays flat whatever the file's size:
 * the same checks, in the same order and with the same messages as {@linkcode readTableFile}
 * (file, column, 1-based data row, value). Float columns are parsed by the CSV reader as
 * `Float64` when it can; timestamps use the same detected layout and `strptime` as the eager
 * reader. Rows with a wrong number of fields are looked for in files up to 256 MiB, as eagerly.
 *
 * The returned LazyFrame reads the file again when collected (pass it to `customerFeatures`,
 * or `collectSync({ engine: "streaming" })` it).
 *
 * @param path File path.
 * @param table Canonical table name.
 * @param options See {@linkcode ReadTableOptions} (column mapping, delimiter, timestamp layout).
 * @returns A LazyFrame of the canonical columns present in the file, typed as eagerly.
 * @throws {DataError} Any problem with the file or a value, naming file, column, row and value.
 * @example
 * ```ts
 * import { scanTableFile } from "@shoplab/lib/data/scan_table_file.ts";
 * import assert from "node:assert/strict";
 * const f = await Deno.makeTempFile({ suffix: ".csv" });
 * await Deno.writeTextFile(f, "sku;name;cat;p\nA1;Mug;kitchen;3.5\nA2;Cup;kitchen;2\n");
 * const items = scanTableFile(f, "items", {
 *   columns: { item_id: "sku", title: "name", category: "cat", price: "p" },
 * });
 * assert.deepEqual(items.collectSync().getColumn("price").toArray(), [3.5, 2]);
 * await Deno.writeTextFile(f, "sku;p\nA1;3.5\nA2;two\n");
 * assert.throws(
 *   () => scanTableFile(f, "items", { columns: { item_id: "sku", price: "p" } }),
 *   /column "p" has "two" at row 2, expected a number/,
 * );
 * ```
 */
export function scanTableFile(
  path: string,
  table: TableName,
  options: ReadTableOptions = {},
): pl.LazyDataFrame {
  return scanValidated(path, table, options).frame;
}
