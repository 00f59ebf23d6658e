/**
 * Private: scans one canonical table lazily and validates it with streaming queries (the lazy
 * twin of `readTableFile`). Returns the typed LazyFrame plus aggregates computed in the same
 * validation pass.
 *
 * @module
 */
import pl from "nodejs-polars";
import { DataError } from "./errors.ts";
import { EV, EVENT_TYPES, type TableName } from "./schema.ts";
import {
  cannotRead,
  checkTextFile,
  fmtRow,
  inspectHeader,
  type ReadContext,
} from "./_file_checks.ts";
import { requireColumns } from "./_parse.ts";
import { type Mapping, plansFor } from "./_plans.ts";
import { countProblems, type LazyCheck, lazyConversion, throwFirstProblem } from "./_lazy_parse.ts";
import { checkRagged, parserFailure } from "./_ragged.ts";

/** What {@linkcode scanValidated} needs besides the file. */
export interface ScanSettings {
  /** Canonical column → source column name. Default: identical names. */
  readonly columns?: Mapping;
  /** Field delimiter. Default: detected from the header. */
  readonly delimiter?: string;
  /** strftime layout of timestamps. Default: ISO layouts detected. */
  readonly timestampFormat?: string;
  /** Extra aggregates over the typed output columns, computed in the validation pass. */
  readonly extras?: (columns: ReadonlyMap<string, pl.Expr>) => pl.Expr[];
}

/** A validated lazy table. */
export interface ScannedTable {
  /** Typed canonical columns (nothing read yet). */
  readonly frame: pl.LazyDataFrame;
  /** Data rows in the file. */
  readonly rows: number;
  /** The extra aggregates, by alias. */
  readonly extras: Readonly<Record<string, unknown>>;
  /** Whether the CSV reader parsed the float columns itself (false: text scan + cast). */
  readonly typedScan: boolean;
}

const STREAMING = { engine: "streaming" } as const;

function tableChecks(
  table: TableName,
  byName: ReadonlyMap<string, pl.Expr>,
  mapping: Mapping,
): LazyCheck[] {
  if (table !== "events") return [];
  const type = byName.get(EV.type)!;
  const column = mapping[EV.type] ?? EV.type;
  // `isIn` makes the streaming engine hold the whole column (4.6 GB at 56 M events); a chain of
  // `eq` streams. Null (an empty value, already reported) is not flagged, as eagerly.
  const known = EVENT_TYPES.map((t) => type.eq(pl.lit(t))).reduce((a, b) => a.or(b));
  return [{
    bad: type.isNotNull().and(known.not()),
    column,
    value: type.cast(pl.Utf8),
    message: (row, v) =>
      `column "${column}" has "${v}" at row ${row}, expected one of ${EVENT_TYPES.join(", ")}`,
  }];
}

function parquetStrings(ctx: ReadContext): { lf: pl.LazyDataFrame; columns: string[] } {
  try {
    Deno.statSync(ctx.file);
  } catch {
    throw new DataError(`${cannotRead(ctx)}: the file does not exist`, { file: ctx.file });
  }
  try {
    const scan = pl.scanParquet(ctx.file);
    const schema = scan.head(0).collectSync().schema as Record<string, unknown>;
    const columns = Object.keys(schema);
    const lf = scan.select(...columns.map((c) => {
      const t = String(schema[c]);
      return t.includes("Datetime") || t.includes("Date")
        ? pl.col(c).cast(pl.Datetime("ms")).dt.strftime("%Y-%m-%d %H:%M:%S").alias(c)
        : pl.col(c).cast(pl.Utf8).alias(c);
    }));
    return { lf, columns };
  } catch (e) {
    const msg = String((e as Error).message ?? e).split("\n")[0].slice(0, 160);
    throw new DataError(`${cannotRead(ctx)}: not a readable Parquet file (${msg})`, {
      file: ctx.file,
    });
  }
}

/**
 * Scans and validates `path` as canonical `table`. Same checks, order and messages as
 * `readTableFile`, run as streaming queries.
 *
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { scanValidated } from "@shoplab/lib/data/_scan_table.ts";
 * import assert from "node:assert/strict";
 * const file = await Deno.makeTempFile({ suffix: ".csv" });
 * await Deno.writeTextFile(file, "sku,p\nA1,3.5\nA2,-1\nA3,2\n");
 * const t = scanValidated(file, "items", {
 *   columns: { item_id: "sku", price: "p" },
 *   extras: (cols) => [cols.get("price")!.lt(0).cast(pl.UInt32).sum().alias("negative")],
 * });
 * assert.equal(t.rows, 3);
 * assert.equal(t.typedScan, true);
 * assert.equal(Number(t.extras.negative), 1);
 * assert.deepEqual(t.frame.collectSync().getColumn("item_id").toArray(), ["A1", "A2", "A3"]);
 * await Deno.writeTextFile(file, "sku,p\nA1,3.5\nA1,2\n");
 * assert.throws(
 *   () => scanValidated(file, "items", { columns: { item_id: "sku", price: "p" } }),
 *   /column "sku" has the duplicate id "A1" at rows 1 and 2/,
 * );
 * await Deno.remove(file);
 * ```
 */
export function scanValidated(
  path: string,
  table: TableName,
  settings: ScanSettings = {},
): ScannedTable {
  const ctx = { table, file: path };
  const mapping = settings.columns ?? {};
  const plans = plansFor(table, mapping);
  const extras = settings.extras ?? (() => []);
  const conv = { timestampFormat: settings.timestampFormat };
  let text: pl.LazyDataFrame, columns: string[];
  let typed: pl.LazyDataFrame | undefined;
  let onParserError = (e: unknown): DataError => {
    const msg = String((e as Error).message ?? e).split("\n")[0].slice(0, 200);
    return new DataError(`${cannotRead(ctx)}: the query failed (${msg})`, { file: path });
  };
  if (path.toLowerCase().endsWith(".parquet")) {
    ({ lf: text, columns } = parquetStrings(ctx));
    requireColumns(columns, plans, ctx);
  } else {
    const head = checkTextFile(ctx);
    const minColumns = Math.min(2, plans.filter((p) => p.required).length);
    const header = inspectHeader(head, ctx, { delimiter: settings.delimiter, minColumns });
    const { delimiter } = header;
    onParserError = (e) => parserFailure(e, ctx, delimiter, header.columns.length);
    checkRagged(ctx, delimiter, header.columns.length);
    const csv = { sep: delimiter, hasHeader: true, quoteChar: '"' };
    try {
      text = pl.scanCSV(path, { ...csv, inferSchemaLength: 0 });
      columns = text.columns;
    } catch (e) {
      throw onParserError(e);
    }
    requireColumns(columns, plans, ctx);
    const floats = new Set(
      plans.filter((p) => p.kind === "float").map((p) => p.source ?? p.name)
        .filter((c) => columns.includes(c)),
    );
    typed = pl.scanCSV(path, {
      ...csv,
      schema: Object.fromEntries(columns.map((c) => [c, floats.has(c) ? pl.Float64 : pl.Utf8])),
    });
    try {
      const t = lazyConversion(typed, columns, plans, { ...conv, typedFloats: floats });
      const checks = [...t.checks, ...tableChecks(table, t.byName, mapping)];
      const counted = countProblems(typed, checks, [pl.len().alias("__rows"), ...extras(t.byName)]);
      if (counted.problems.every((n) => n === 0)) {
        return finish(typed.select(...t.outputs), counted.extras, true);
      }
    } catch (e) {
      if (e instanceof DataError) throw e;
      // The CSV reader rejected a value: the text scan below finds it and says where.
    }
  }
  // The eager checks, in the eager order, on every column read as text.
  try {
    const t = lazyConversion(text, columns, plans, conv);
    const checks = [...t.checks, ...tableChecks(table, t.byName, mapping)];
    throwFirstProblem(text, checks, ctx);
    const counted = countProblems(text, [], [pl.len().alias("__rows"), ...extras(t.byName)]);
    return finish(text.select(...t.outputs), counted.extras, false);
  } catch (e) {
    if (e instanceof DataError) throw e;
    throw onParserError(e);
  }

  function finish(frame: pl.LazyDataFrame, agg: Record<string, unknown>, typedScan: boolean) {
    const key = table === "customers" ? "customer_id" : table === "items" ? "item_id" : undefined;
    if (key) checkUniqueKeyLazy(frame, key, ctx, mapping[key] ?? key);
    return { frame, rows: Number(agg.__rows ?? 0), extras: agg, typedScan };
  }
}

/** `checkUniqueKey` for a lazy table: a distinct count first, rows only when ids repeat. */
function checkUniqueKeyLazy(
  frame: pl.LazyDataFrame,
  column: string,
  ctx: ReadContext,
  sourceName: string,
): void {
  // Keys are customers or items (small): the in-memory engine holds one string column.
  const counts = frame.select(pl.col(column).nUnique().alias("u"), pl.len().alias("n"))
    .collectSync().toRecords()[0] as { u: number; n: number };
  if (Number(counts.u) === Number(counts.n)) return;
  const rows = frame.select(column).withRowIndex("__row", 1);
  const first = rows.filter(pl.col(column).isDuplicated()).head(1).collectSync();
  const id = first.getColumn(column).get(0);
  const recs = rows.filter(pl.col(column).eq(pl.lit(id))).head(2).collectSync(STREAMING)
    .toRecords() as Record<string, unknown>[];
  throw new DataError(
    `${cannotRead(ctx)}: column "${sourceName}" has the duplicate id "${id}" at rows ${
      recs.map((r) => fmtRow(Number(r.__row))).join(" and ")
    }; ids must be unique`,
    { file: ctx.file, column: sourceName, row: Number(recs[1].__row), value: String(id) },
  );
}
