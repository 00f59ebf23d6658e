/**
 * Checks a user's file before any parser sees it: exists, is a file, not empty, not binary,
 * has a header and the expected delimiter. Each failure is one {@linkcode DataError}.
 *
 * @module
 */
import { DataError } from "./errors.ts";

/**
 * What a caller is reading, for messages: `Cannot read <table> from "<file>"`. Passed to the
 * checks (e.g. `checkUniqueKey`) so that every {@linkcode DataError} names the table and file.
 */
export interface ReadContext {
  /** Canonical table being read (or a source name). */
  readonly table: string;
  /** Path of the file. */
  readonly file: string;
}

/**
 * Prefix of every message about one file.
 *
 * @example
 * ```ts
 * import { cannotRead } from "@shoplab/lib/data/_file_checks.ts";
 * import assert from "node:assert/strict";
 * assert.equal(cannotRead({ table: "items", file: "a.csv" }), 'Cannot read items from "a.csv"');
 * ```
 */
export function cannotRead(ctx: ReadContext): string {
  return `Cannot read ${ctx.table} from "${ctx.file}"`;
}

/**
 * Reads the first 64 KiB of a text file and checks that it is a non-empty, non-binary file.
 *
 * @returns The decoded head of the file.
 * @throws {DataError} Missing file, a folder, empty file, binary content.
 * @example
 * ```ts
 * import { checkTextFile } from "@shoplab/lib/data/_file_checks.ts";
 * import assert from "node:assert/strict";
 * const file = await Deno.makeTempFile({ suffix: ".csv" });
 * const ctx = { table: "items", file };
 * assert.throws(() => checkTextFile(ctx), /\.csv": the file is empty/);
 * await Deno.writeFile(file, new Uint8Array([80, 75, 3, 4, 0, 0]));
 * assert.throws(() => checkTextFile(ctx), /looks binary \(it contains NUL bytes\)/);
 * await Deno.writeTextFile(file, "item_id,price\nA1,3.5\n");
 * assert.equal(checkTextFile(ctx), "item_id,price\nA1,3.5\n");
 * await Deno.remove(file);
 * assert.throws(() => checkTextFile(ctx), /the file does not exist/);
 * ```
 */
export function checkTextFile(ctx: ReadContext): string {
  let info: Deno.FileInfo;
  try {
    info = Deno.statSync(ctx.file);
  } catch {
    throw new DataError(`${cannotRead(ctx)}: the file does not exist`, { file: ctx.file });
  }
  if (info.isDirectory) {
    throw new DataError(`${cannotRead(ctx)}: this is a folder, expected a file`, {
      file: ctx.file,
    });
  }
  if (info.size === 0) {
    throw new DataError(`${cannotRead(ctx)}: the file is empty`, { file: ctx.file });
  }
  const f = Deno.openSync(ctx.file);
  const buf = new Uint8Array(Math.min(65536, info.size));
  let n = 0;
  try {
    while (n < buf.length) {
      const r = f.readSync(buf.subarray(n));
      if (r === null) break;
      n += r;
    }
  } finally {
    f.close();
  }
  const head = buf.subarray(0, n);
  if (head.includes(0)) {
    throw new DataError(
      `${cannotRead(ctx)}: the file looks binary (it contains NUL bytes), expected a text CSV`,
      { file: ctx.file },
    );
  }
  // Cut at the last newline so a multibyte character split by the 64 KiB limit is not an error.
  const last = head.lastIndexOf(10);
  const complete = n < info.size && last > 0 ? head.subarray(0, last) : head;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(complete);
  } catch {
    throw new DataError(
      `${cannotRead(ctx)}: the file is not UTF-8 text (or is binary); save it as UTF-8 CSV`,
      { file: ctx.file },
    );
  }
}

const DELIMITERS = [",", ";", "\t", "|"] as const;

/**
 * Splits a header line on a delimiter, honouring double quotes.
 *
 * @example
 * ```ts
 * import { splitHeader } from "@shoplab/lib/data/_file_checks.ts";
 * import assert from "node:assert/strict";
 * assert.deepEqual(splitHeader(' id ; "name; full" ;price', ";"), ["id", "name; full", "price"]);
 * ```
 */
export function splitHeader(line: string, delimiter: string): string[] {
  const out: string[] = [];
  let cur = "", quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === delimiter && !quoted) {
      out.push(cur.trim());
      cur = "";
    } else cur += ch;
  }
  out.push(cur.trim());
  return out;
}

/**
 * Name of a delimiter for messages.
 *
 * @example
 * ```ts
 * import { delimiterName } from "@shoplab/lib/data/_file_checks.ts";
 * import assert from "node:assert/strict";
 * assert.deepEqual([",", ";", "\t", "|"].map(delimiterName), ["comma", "semicolon", "tab", '"|"']);
 * ```
 */
export function delimiterName(d: string): string {
  return d === "\t" ? "tab" : d === "," ? "comma" : d === ";" ? "semicolon" : `"${d}"`;
}

/**
 * Parses the header of a delimited text file and picks the delimiter: the given one, or the
 * candidate that splits the header into the most fields.
 *
 * @throws {DataError} Header only / no data rows, or a header with one field where the
 *   expected delimiter gives several (names the delimiter that seems used).
 * @example
 * ```ts
 * import { inspectHeader } from "@shoplab/lib/data/_file_checks.ts";
 * import assert from "node:assert/strict";
 * const ctx = { table: "items", file: "items.csv" };
 * assert.deepEqual(inspectHeader("\uFEFFsku;price\nA1;3.5\n", ctx, { minColumns: 2 }), {
 *   delimiter: ";",
 *   columns: ["sku", "price"],
 * });
 * assert.throws(
 *   () => inspectHeader("sku;price\nA1;3.5\n", ctx, { delimiter: ",", minColumns: 2 }),
 *   /1 column\(s\) with comma as delimiter, expected at least 2; it seems to use semicolon/,
 * );
 * assert.throws(() => inspectHeader("sku,price\n", ctx, { minColumns: 2 }), /no data rows/);
 * ```
 */
export function inspectHeader(
  head: string,
  ctx: ReadContext,
  options: { readonly delimiter?: string; readonly minColumns: number },
): { delimiter: string; columns: string[] } {
  const lines = head.replace(/^\uFEFF/, "").split(/\r?\n/);
  const headerLine = lines[0];
  if (headerLine.trim() === "") {
    throw new DataError(`${cannotRead(ctx)}: the first line (header) is empty`, {
      file: ctx.file,
      row: 0,
    });
  }
  if (!lines.slice(1).some((l) => l.trim() !== "")) {
    throw new DataError(`${cannotRead(ctx)}: the file has a header but no data rows`, {
      file: ctx.file,
    });
  }
  const counts = DELIMITERS.map((d) => splitHeader(headerLine, d).length);
  const best = DELIMITERS[counts.indexOf(Math.max(...counts))];
  const delimiter = options.delimiter ?? best;
  const columns = splitHeader(headerLine, delimiter);
  if (columns.length < options.minColumns) {
    const hint = best !== delimiter && splitHeader(headerLine, best).length > columns.length
      ? `; it seems to use ${delimiterName(best)} as delimiter (pass delimiter: "${
        best === "\t" ? "\\t" : best
      }")`
      : "";
    throw new DataError(
      `${cannotRead(ctx)}: the header has ${columns.length} column(s) with ${
        delimiterName(delimiter)
      } as delimiter, expected at least ${options.minColumns}${hint}`,
      { file: ctx.file, row: 0, value: headerLine.slice(0, 80) },
    );
  }
  return { delimiter, columns };
}

/**
 * A row number for messages: `1,204`.
 *
 * @example
 * ```ts
 * import { fmtRow } from "@shoplab/lib/data/_file_checks.ts";
 * import assert from "node:assert/strict";
 * assert.equal(fmtRow(1204), "1,204");
 * ```
 */
export function fmtRow(row: number): string {
  return row.toLocaleString("en");
}
