/**
 * Buffered, synchronous CSV writer used by the generator: rows are joined into a string buffer
 * and flushed to disk in ~1 MB chunks, so memory stays flat whatever the size.
 *
 * @module
 */

const encoder = new TextEncoder();

/** A CSV file being written. */
export interface CsvWriter {
  /** Appends one row (fields are already formatted; quoting is applied where needed). */
  row(fields: readonly (string | number)[]): void;
  /** Rows written so far (header excluded). */
  readonly rows: number;
  /** Flushes and closes the file. */
  close(): void;
}

/**
 * Quotes a field per RFC 4180 when it holds a comma, quote or newline.
 *
 * @example
 * ```ts
 * import { csvField } from "@shoplab/lib/data/generate/_writer.ts";
 * import assert from "node:assert/strict";
 * assert.equal(csvField("plain"), "plain");
 * assert.equal(csvField('Mug, "big"'), '"Mug, ""big"""');
 * assert.equal(csvField(3.5), "3.5");
 * ```
 */
export function csvField(value: string | number): string {
  const s = typeof value === "number" ? String(value) : value;
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/**
 * Opens `path` for writing and writes the header.
 *
 * @example
 * ```ts
 * import { openCsv } from "@shoplab/lib/data/generate/_writer.ts";
 * import assert from "node:assert/strict";
 * const path = await Deno.makeTempFile({ suffix: ".csv" });
 * const w = openCsv(path, ["item_id", "title"]);
 * w.row(["A1", "Mug, large"]);
 * w.row(["A2", "Cup"]);
 * w.close();
 * assert.equal(w.rows, 2);
 * assert.equal(await Deno.readTextFile(path), 'item_id,title\nA1,"Mug, large"\nA2,Cup\n');
 * await Deno.remove(path);
 * ```
 */
export function openCsv(path: string, header: readonly string[]): CsvWriter {
  const file = Deno.openSync(path, { write: true, create: true, truncate: true });
  let buffer = header.join(",") + "\n";
  let rows = 0;
  const flush = () => {
    const bytes = encoder.encode(buffer);
    let off = 0;
    while (off < bytes.length) off += file.writeSync(bytes.subarray(off));
    buffer = "";
  };
  return {
    row(fields) {
      buffer += fields.map(csvField).join(",") + "\n";
      rows++;
      if (buffer.length > 1 << 20) flush();
    },
    get rows() {
      return rows;
    },
    close() {
      flush();
      file.close();
    },
  };
}

/**
 * Formats epoch ms as `YYYY-MM-DD HH:MM:SS` (UTC).
 *
 * @example
 * ```ts
 * import { formatTimestamp } from "@shoplab/lib/data/generate/_writer.ts";
 * import assert from "node:assert/strict";
 * assert.equal(formatTimestamp(Date.UTC(2025, 0, 2, 14, 5, 9, 999)), "2025-01-02 14:05:09");
 * ```
 */
export function formatTimestamp(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace("T", " ");
}

/**
 * Formats epoch ms as `YYYY-MM-DD` (UTC).
 *
 * @example
 * ```ts
 * import { formatDate } from "@shoplab/lib/data/generate/_writer.ts";
 * import assert from "node:assert/strict";
 * assert.equal(formatDate(Date.UTC(2025, 11, 31, 23, 59)), "2025-12-31");
 * ```
 */
export function formatDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
