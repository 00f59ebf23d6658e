/**
 * Turns a table of strings (as read from a user's file) into typed canonical columns, raising
 * one {@linkcode DataError} that names the column, the 1-based data row and the value at the
 * first problem. Built on polars expressions: no JS loop over rows.
 *
 * @module
 */
import pl from "nodejs-polars";
import { DataError } from "./errors.ts";
import type { ColumnKind } from "./schema.ts";
import { cannotRead, fmtRow, inspectHeader, type ReadContext } from "./_file_checks.ts";
import { checkRagged, parserFailure } from "./_ragged.ts";

/** One column to produce: canonical name, kind, and where it comes from in the source. */
export interface ColumnPlan {
  /** Canonical name. */
  readonly name: string;
  /** Logical type. */
  readonly kind: ColumnKind;
  /** Must be present and non-empty. */
  readonly required: boolean;
  /** Column name in the source file. Default: the canonical name. */
  readonly source?: string;
}

/** Accepted timestamp layouts, tried in order on the first value (strftime codes). */
export const TIMESTAMP_FORMATS: readonly { readonly format: string; readonly dateOnly: boolean }[] =
  [
    { format: "%Y-%m-%d %H:%M:%S", dateOnly: false },
    { format: "%Y-%m-%d %H:%M", dateOnly: false },
    { format: "%Y-%m-%dT%H:%M:%S", dateOnly: false },
    { format: "%Y-%m-%dT%H:%M:%SZ", dateOnly: false },
    { format: "%Y-%m-%dT%H:%M:%S%.fZ", dateOnly: false },
    { format: "%Y-%m-%d", dateOnly: true },
    { format: "%Y%m%d", dateOnly: true },
  ];

const FORMAT_CODES: Readonly<Record<string, string>> = {
  Y: "\\d{4}",
  y: "\\d{2}",
  m: "\\d{1,2}",
  d: "\\d{1,2}",
  e: " ?\\d{1,2}",
  H: "\\d{1,2}",
  I: "\\d{1,2}",
  M: "\\d{1,2}",
  S: "\\d{1,2}",
  j: "\\d{1,3}",
  f: "\\d{1,9}",
  b: "[A-Za-z]{3}",
  h: "[A-Za-z]{3}",
  B: "[A-Za-z]+",
  p: "[AaPp][Mm]",
  z: "[+-]\\d{2}:?\\d{2}",
  "%": "%",
};

/**
 * A regular expression matching the whole of a value written in a strftime layout, or
 * `undefined` when the layout uses a code without one. polars' `strptime` accepts a value that
 * merely starts with the layout (`"2025-01-02 10:00:00junk"`, or fractional seconds silently
 * dropped), so parsed values are also required to match this in full.
 *
 * @param format strftime layout, e.g. `"%Y-%m-%d %H:%M:%S"`.
 * @returns An anchored regular expression source, or `undefined`.
 * @example
 * ```ts
 * import { formatRegex } from "@shoplab/lib/data/_parse.ts";
 * import assert from "node:assert/strict";
 * const re = new RegExp(formatRegex("%Y-%m-%dT%H:%M:%S%.fZ")!);
 * assert.ok(re.test("2025-01-02T10:00:00.123Z"));
 * assert.ok(!re.test("2025-01-02T10:00:00.123Zjunk"));
 * assert.equal(formatRegex("%Q"), undefined);
 * ```
 */
export function formatRegex(format: string): string | undefined {
  let out = "";
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch !== "%") {
      out += ch.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      continue;
    }
    let code = format[++i];
    if (code === ".") {
      code = format[++i];
      if (code !== "f") return undefined;
      out += "\\.\\d{1,9}";
      continue;
    }
    const re = code === undefined ? undefined : FORMAT_CODES[code];
    if (re === undefined) return undefined;
    out += re;
  }
  return `^${out}$`;
}

/**
 * `strptime` in a layout, null unless the whole (trimmed) value matches the layout.
 *
 * @param raw Text expression (trimmed).
 * @param fmt Layout from {@linkcode pickFormat}.
 * @returns A `Datetime("ms")` expression.
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { parseTimestampExpr } from "@shoplab/lib/data/_parse.ts";
 * import assert from "node:assert/strict";
 * const df = pl.DataFrame({ t: ["2025-01-02 10:00:00", "2025-01-02 10:00:00junk"] });
 * const out = df.select(parseTimestampExpr(pl.col("t"), { format: "%Y-%m-%d %H:%M:%S", dateOnly: false }));
 * assert.equal(out.getColumn("t").nullCount(), 1);
 * ```
 */
export function parseTimestampExpr(
  raw: pl.Expr,
  fmt: { readonly format: string; readonly dateOnly: boolean },
): pl.Expr {
  const parsed = fmt.dateOnly
    ? raw.str.strptime(pl.Date, fmt.format).cast(pl.Datetime("ms"))
    : raw.str.strptime(pl.Datetime("ms"), fmt.format).cast(pl.Datetime("ms"));
  const re = formatRegex(fmt.format);
  return re === undefined
    ? parsed
    : pl.when(raw.str.contains(re)).then(parsed).otherwise(pl.lit(null).cast(pl.Datetime("ms")));
}

function levenshtein(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0];
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const t = d[j];
      d[j] = Math.min(d[j] + 1, d[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = t;
    }
  }
  return d[b.length];
}

/**
 * The found column closest to `wanted` (case-insensitive), if reasonably close.
 *
 * @example
 * ```ts
 * import { closestName } from "@shoplab/lib/data/_parse.ts";
 * import assert from "node:assert/strict";
 * assert.equal(closestName("customer_id", ["CustomerID", "Country"]), "CustomerID");
 * assert.equal(closestName("timestamp", ["sku", "price"]), undefined);
 * ```
 */
export function closestName(wanted: string, found: readonly string[]): string | undefined {
  let best: string | undefined, bestD = Infinity;
  for (const f of found) {
    const dist = levenshtein(wanted.toLowerCase(), f.toLowerCase());
    if (dist < bestD) [best, bestD] = [f, dist];
  }
  return bestD <= Math.max(2, Math.floor(wanted.length / 3)) ? best : undefined;
}

function firstFailure(df: pl.DataFrame, bad: pl.Expr, column: string) {
  const hit = df.withRowIndex("__row", 1).filter(bad).select("__row", column).head(1);
  if (hit.height === 0) return undefined;
  const rec = hit.toRecords()[0] as Record<string, unknown>;
  return { row: Number(rec.__row), value: String(rec[column] ?? "") };
}

/**
 * Throws when a required source column is missing, naming what was found.
 *
 * @example
 * ```ts
 * import { requireColumns } from "@shoplab/lib/data/_parse.ts";
 * import assert from "node:assert/strict";
 * const ctx = { table: "transactions", file: "t.csv" };
 * const plans = [{ name: "customer_id", kind: "string" as const, required: true }];
 * requireColumns(["customer_id", "x"], plans, ctx);
 * assert.throws(
 *   () => requireColumns(["Customer_ID", "x"], plans, ctx),
 *   /"customer_id" is missing \(did you mean "Customer_ID"\?\); found columns: "Customer_ID", "x"/,
 * );
 * ```
 */
export function requireColumns(
  found: readonly string[],
  plans: readonly ColumnPlan[],
  ctx: ReadContext,
): void {
  for (const p of plans) {
    const src = p.source ?? p.name;
    if (!p.required || found.includes(src)) continue;
    const near = closestName(src, found);
    throw new DataError(
      `${cannotRead(ctx)}: column "${src}" is missing${
        near ? ` (did you mean "${near}"?)` : ""
      }; found columns: ${found.map((c) => `"${c}"`).join(", ")}`,
      { file: ctx.file, column: src, row: 0 },
    );
  }
}

/**
 * Reads a delimited text file with every column as a string.
 *
 * @throws {DataError} Rows with a different number of fields than the header, unreadable files.
 * @example
 * ```ts
 * import { readStrings } from "@shoplab/lib/data/_parse.ts";
 * import assert from "node:assert/strict";
 * const file = await Deno.makeTempFile({ suffix: ".csv" });
 * const ctx = { table: "items", file };
 * await Deno.writeTextFile(file, "sku,price\n007,3.50\n");
 * const df = readStrings(ctx, "sku,price\n007,3.50\n", { minColumns: 2 });
 * assert.deepEqual(df.toRecords(), [{ sku: "007", price: "3.50" }]);
 * await Deno.writeTextFile(file, "sku,price\nA1,3.5\nA2,4,extra\n");
 * assert.throws(
 *   () => readStrings(ctx, "sku,price\nA1,3.5\n", { minColumns: 2 }),
 *   /row 2 has 3 fields, the header has 2/,
 * );
 * await Deno.remove(file);
 * ```
 */
export function readStrings(
  ctx: ReadContext,
  head: string,
  options: { readonly delimiter?: string; readonly minColumns: number },
): pl.DataFrame {
  const { delimiter, columns } = inspectHeader(head, ctx, options);
  let df: pl.DataFrame;
  try {
    df = pl.readCSV(ctx.file, {
      sep: delimiter,
      hasHeader: true,
      inferSchemaLength: 0,
      quoteChar: '"',
    });
  } catch (e) {
    throw parserFailure(e, ctx, delimiter, columns.length);
  }
  checkRagged(ctx, delimiter, columns.length);
  return df;
}

/**
 * Converts string columns to canonical typed columns.
 *
 * @param df Table of strings.
 * @param plans Columns to produce.
 * @param ctx File and table, for messages.
 * @param options `timestampFormat`: a strftime layout to use instead of detection.
 * @returns A DataFrame with exactly the planned columns that exist, in plan order.
 * @throws {DataError} Missing required column, empty required value, unparsable number or date.
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { convertColumns } from "@shoplab/lib/data/_parse.ts";
 * import assert from "node:assert/strict";
 * const ctx = { table: "items", file: "items.csv" };
 * const plans = [
 *   { name: "item_id", kind: "string" as const, required: true, source: "sku" },
 *   { name: "price", kind: "float" as const, required: false, source: "p" },
 * ];
 * const out = convertColumns(pl.DataFrame({ sku: [" A1 ", "A2"], p: ["3.5", ""] }), plans, ctx);
 * assert.deepEqual(out.toRecords(), [
 *   { item_id: "A1", price: 3.5 },
 *   { item_id: "A2", price: null },
 * ]);
 * assert.throws(
 *   () => convertColumns(pl.DataFrame({ sku: ["A1", "A2"], p: ["1", "two"] }), plans, ctx),
 *   /column "p" has "two" at row 2, expected a number/,
 * );
 * ```
 */
export function convertColumns(
  df: pl.DataFrame,
  plans: readonly ColumnPlan[],
  ctx: ReadContext,
  options: { readonly timestampFormat?: string } = {},
): pl.DataFrame {
  requireColumns(df.columns, plans, ctx);
  const exprs: pl.Expr[] = [];
  for (const p of plans) {
    const src = p.source ?? p.name;
    if (!df.columns.includes(src)) continue;
    const raw = pl.col(src).cast(pl.Utf8).str.strip();
    const empty = raw.isNull().or(raw.eq(pl.lit("")));
    if (p.required) {
      const miss = firstFailure(df, empty, src);
      if (miss) {
        throw new DataError(
          `${cannotRead(ctx)}: column "${src}" is empty at row ${
            fmtRow(miss.row)
          }, a value is required`,
          { file: ctx.file, column: src, row: miss.row, value: "" },
        );
      }
    }
    let out: pl.Expr;
    let expected: string;
    if (p.kind === "string") {
      exprs.push(pl.when(empty).then(pl.lit(null)).otherwise(raw).cast(pl.Utf8).alias(p.name));
      continue;
    } else if (p.kind === "float") {
      out = raw.cast(pl.Float64, false);
      expected = "a number";
    } else {
      const fmt = pickFormat(df, src, options.timestampFormat);
      out = parseTimestampExpr(raw, fmt);
      expected = options.timestampFormat
        ? `a timestamp in the format ${options.timestampFormat}`
        : `a date like ${example(fmt.format)}`;
    }
    const bad = firstFailure(df, empty.not().and(out.isNull()), src);
    if (bad) {
      throw new DataError(
        `${cannotRead(ctx)}: column "${src}" has "${bad.value}" at row ${
          fmtRow(bad.row)
        }, expected ${expected}`,
        { file: ctx.file, column: src, row: bad.row, value: bad.value },
      );
    }
    if (p.kind === "float") {
      const nonFinite = firstFailure(df, out.isNotNull().and(out.isFinite().not()), src);
      if (nonFinite) {
        throw new DataError(
          `${cannotRead(ctx)}: column "${src}" has "${nonFinite.value}" at row ${
            fmtRow(nonFinite.row)
          }, expected a finite number`,
          { file: ctx.file, column: src, row: nonFinite.row, value: nonFinite.value },
        );
      }
    }
    exprs.push(out.alias(p.name));
  }
  return df.select(...exprs);
}

/**
 * An example value for a strftime layout, for messages (`2011-02-28 14:05:00`).
 *
 * @example
 * ```ts
 * import { example } from "@shoplab/lib/data/_parse.ts";
 * import assert from "node:assert/strict";
 * assert.equal(example("%Y-%m-%d %H:%M:%S"), "2011-02-28 14:05:00");
 * assert.equal(example("%d/%m/%Y"), "28/02/2011");
 * ```
 */
export function example(format: string): string {
  return format.replace("%Y", "2011").replace("%m", "02").replace("%d", "28").replace("%H", "14")
    .replace("%M", "05").replace("%S", "00").replace("%.f", ".000");
}

/**
 * The timestamp layout of a column: `given`, or the first layout that parses its first value.
 *
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { pickFormat } from "@shoplab/lib/data/_parse.ts";
 * import assert from "node:assert/strict";
 * const df = pl.DataFrame({ t: ["", "2025-01-02 10:00"] });
 * assert.deepEqual(pickFormat(df, "t"), { format: "%Y-%m-%d %H:%M", dateOnly: false });
 * const days = pl.DataFrame({ t: ["20250102"] });
 * assert.deepEqual(pickFormat(days, "t"), { format: "%Y%m%d", dateOnly: true });
 * assert.deepEqual(pickFormat(df, "t", "%d/%m/%Y"), { format: "%d/%m/%Y", dateOnly: true });
 * ```
 */
export function pickFormat(
  df: pl.DataFrame,
  column: string,
  given?: string,
): { readonly format: string; readonly dateOnly: boolean } {
  if (given) return { format: given, dateOnly: !/%H/.test(given) };
  const sample = df.select(pl.col(column).str.strip()).filter(
    pl.col(column).isNotNull().and(pl.col(column).neq(pl.lit(""))),
  ).head(1);
  if (sample.height === 0) return TIMESTAMP_FORMATS[0];
  const one = sample;
  for (const f of TIMESTAMP_FORMATS) {
    const parsed = one.select(parseTimestampExpr(pl.col(column), f).alias(column));
    if (parsed.getColumn(column).nullCount() === 0) return f;
  }
  return TIMESTAMP_FORMATS[0];
}
