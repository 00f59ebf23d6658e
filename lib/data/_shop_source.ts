/**
 * Private: what `loadShop` and `scanShop` share — the options resolved to a format, a path and
 * the single-file reader settings, and the summary of a file read whole.
 *
 * @module
 */
import { DEFAULT_DATA_DIR, projectPath } from "../core/paths.ts";
import type { LoadShopOptions } from "./load_shop.ts";
import type { ReadTableOptions } from "./read_table_file.ts";
import type { CleaningSummary } from "./types.ts";

/**
 * Resolves shop options: the format (default `"synthetic"`), the path (relative to the project
 * root, default `data/synthetic`) and the settings of a single `"transactions"` / `"events"` file.
 *
 * @param options Options of `loadShop` / `scanShop`.
 * @returns The format, the absolute path and the file settings.
 * @example
 * ```ts
 * import { shopSource } from "@shoplab/lib/data/_shop_source.ts";
 * import assert from "node:assert/strict";
 * const s = shopSource({ path: "/tmp/x.csv", format: "events", delimiter: ";" });
 * assert.equal(s.format, "events");
 * assert.equal(s.path, "/tmp/x.csv");
 * assert.equal(s.file.delimiter, ";");
 * assert.equal(shopSource({}).format, "synthetic");
 * ```
 */
export function shopSource(
  options: LoadShopOptions,
): { format: string; path: string; file: ReadTableOptions } {
  return {
    format: options.format ?? "synthetic",
    path: options.path ? projectPath(options.path) : DEFAULT_DATA_DIR,
    file: {
      columns: options.columns,
      delimiter: options.delimiter,
      timestampFormat: options.timestampFormat,
    },
  };
}

/**
 * The cleaning summary of one file read whole with no cleaning step.
 *
 * @param file The file read.
 * @param table Its canonical table.
 * @param rows Rows read (and kept).
 * @returns A one-entry cleaning list.
 * @example
 * ```ts
 * import { wholeFileSummary } from "@shoplab/lib/data/_shop_source.ts";
 * import assert from "node:assert/strict";
 * assert.deepEqual(wholeFileSummary("f.csv", "events", 3), [
 *   { file: "f.csv", table: "events", rowsRead: 3, rowsKept: 3, steps: [] },
 * ]);
 * ```
 */
export function wholeFileSummary(file: string, table: string, rows: number): CleaningSummary[] {
  return [{ file, table, rowsRead: rows, rowsKept: rows, steps: [] }];
}
