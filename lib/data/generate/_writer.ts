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

/** Quotes a field per RFC 4180 when it holds a comma, quote or newline. */
export function csvField(value: string | number): string {
  const s = typeof value === "number" ? String(value) : value;
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** Opens `path` for writing and writes the header. */
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

/** Formats epoch ms as `YYYY-MM-DD HH:MM:SS` (UTC). */
export function formatTimestamp(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace("T", " ");
}

/** Formats epoch ms as `YYYY-MM-DD` (UTC). */
export function formatDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
