/**
 * Private: rows with a wrong number of fields. polars pads short rows and cuts long ones
 * silently, and reports a parser error without a row, so both readers (eager `_parse.ts`, lazy
 * `_scan_table.ts`) look for the first ragged row themselves and name it.
 *
 * @module
 */
import { DataError } from "./errors.ts";
import { cannotRead, fmtRow, type ReadContext } from "./_file_checks.ts";

/** Files up to this size are scanned for rows with a wrong number of fields. */
export const RAGGED_SCAN_LIMIT = 256 * 1024 * 1024;

/**
 * Throws when a polars error came from a row with too many fields (or else rethrows as DataError).
 *
 * @example
 * ```ts
 * import { parserFailure } from "@shoplab/lib/data/_ragged.ts";
 * import assert from "node:assert/strict";
 * const file = await Deno.makeTempFile({ suffix: ".csv" });
 * const ctx = { table: "items", file };
 * await Deno.writeTextFile(file, "sku,p\nA1,1\nA2,2,3\n");
 * assert.match(
 *   parserFailure(new Error("x"), ctx, ",", 2).message,
 *   /row 2 has 3 fields, the header has 2/,
 * );
 * await Deno.writeTextFile(file, "sku,p\nA1,1\n");
 * assert.match(
 *   parserFailure(new Error("bad quote\ndetails"), ctx, ",", 2).message,
 *   /the CSV parser failed \(bad quote\)$/,
 * );
 * await Deno.remove(file);
 * ```
 */
export function parserFailure(e: unknown, ctx: ReadContext, delimiter: string, fields: number) {
  const where = findRaggedRowStreaming(ctx.file, delimiter, fields);
  if (where) return raggedError(ctx, where, fields);
  const msg = String((e as Error).message ?? e).split("\n")[0].slice(0, 200);
  return new DataError(`${cannotRead(ctx)}: the CSV parser failed (${msg})`, { file: ctx.file });
}

/**
 * The readers' check for rows with a wrong number of fields (files ≤ 256 MiB).
 *
 * @example
 * ```ts
 * import { checkRagged } from "@shoplab/lib/data/_ragged.ts";
 * import assert from "node:assert/strict";
 * const file = await Deno.makeTempFile({ suffix: ".csv" });
 * const ctx = { table: "items", file };
 * await Deno.writeTextFile(file, 'sku,title\nA1,"Mug, large"\n\nA2\n');
 * assert.throws(() => checkRagged(ctx, ",", 2), /row 3 has 1 fields, the header has 2/);
 * await Deno.writeTextFile(file, 'sku,title\nA1,"Mug, large"\n');
 * checkRagged(ctx, ",", 2);
 * await Deno.remove(file);
 * ```
 */
export function checkRagged(ctx: ReadContext, delimiter: string, fields: number): void {
  if (Deno.statSync(ctx.file).size > RAGGED_SCAN_LIMIT) return;
  const where = findRaggedRowStreaming(ctx.file, delimiter, fields);
  if (where) throw raggedError(ctx, where, fields);
}

function raggedError(ctx: ReadContext, where: Ragged, fields: number): DataError {
  return new DataError(
    `${cannotRead(ctx)}: row ${
      fmtRow(where.row)
    } has ${where.fields} fields, the header has ${fields}`,
    { file: ctx.file, row: where.row, value: where.line.slice(0, 120) },
  );
}

interface Ragged {
  readonly row: number;
  readonly fields: number;
  readonly line: string;
}

const QUOTE = 34, NEWLINE = 10, CR = 13;

/**
 * The first data row whose number of fields differs from the header's, reading bytes in 8 MiB
 * chunks (quotes toggle, a row ends at a newline outside quotes, blank lines and the header are
 * skipped, a last line without a newline is not checked), so files of any size fit in memory.
 *
 * @example
 * ```ts
 * import { findRaggedRowStreaming } from "@shoplab/lib/data/_ragged.ts";
 * import assert from "node:assert/strict";
 * const file = await Deno.makeTempFile({ suffix: ".csv" });
 * await Deno.writeTextFile(file, 'a;b\r\n1;"x;y"\r\n2;3;4\r\n');
 * assert.deepEqual(findRaggedRowStreaming(file, ";", 2), { row: 2, fields: 3, line: "2;3;4" });
 * assert.equal(findRaggedRowStreaming(file, ";", 3)?.row, 1);
 * await Deno.remove(file);
 * ```
 */
export function findRaggedRowStreaming(
  file: string,
  delimiter: string,
  expected: number,
): Ragged | undefined {
  const delim = delimiter.charCodeAt(0);
  const f = Deno.openSync(file);
  const buf = new Uint8Array(8 << 20);
  let row = 0, fields = 1, quoted = false, blank = true;
  const head = new Uint8Array(512);
  let headLen = 0;
  try {
    for (;;) {
      const n = f.readSync(buf);
      if (n === null) return undefined;
      for (let i = 0; i < n; i++) {
        const ch = buf[i];
        if (ch === QUOTE) quoted = !quoted;
        else if (!quoted && ch === delim) fields++;
        else if (!quoted && ch === NEWLINE) {
          if (row > 0 && !blank && fields !== expected) {
            const cr = headLen > 0 && headLen < head.length && head[headLen - 1] === CR;
            const line = new TextDecoder().decode(head.subarray(0, cr ? headLen - 1 : headLen));
            return { row, fields, line };
          }
          row++;
          fields = 1;
          blank = true;
          headLen = 0;
          continue;
        }
        if (blank && ch !== 32 && ch !== 9 && ch !== CR && ch !== 11 && ch !== 12) blank = false;
        if (headLen < head.length) head[headLen++] = ch;
      }
    }
  } finally {
    f.close();
  }
}
