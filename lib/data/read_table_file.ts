/**
 * Reads one canonical table from a CSV or Parquet file, mapping source column names onto the
 * canonical ones and validating every value at the boundary.
 *
 * @module
 */
import pl from "nodejs-polars";
import { DataError } from "./errors.ts";
import { EV, EVENT_TYPES, type TableName } from "./schema.ts";
import { cannotRead, checkTextFile, type ReadContext } from "./_file_checks.ts";
import { convertColumns, readStrings } from "./_parse.ts";
import { plansFor } from "./_plans.ts";

/** Canonical column name → column name in the user's file. */
export type ColumnMapping = Readonly<Record<string, string>>;

/** Options of {@linkcode readTableFile}. */
export interface ReadTableOptions {
  /** Source column names for canonical columns whose names differ. Default: identical names. */
  readonly columns?: ColumnMapping;
  /** Field delimiter. Default: detected from the header (comma, semicolon, tab or pipe). */
  readonly delimiter?: string;
  /** strftime layout of timestamps (e.g. `"%d/%m/%Y %H:%M"`). Default: ISO layouts detected. */
  readonly timestampFormat?: string;
}

function readParquetStrings(ctx: ReadContext): pl.DataFrame {
  try {
    const df = pl.readParquet(ctx.file);
    return df.select(
      ...df.columns.map((c) => {
        const t = String(df.getColumn(c).dtype);
        if (t.includes("Datetime") || t.includes("Date")) {
          return pl.col(c).cast(pl.Datetime("ms")).dt.strftime("%Y-%m-%d %H:%M:%S").alias(c);
        }
        return pl.col(c).cast(pl.Utf8).alias(c);
      }),
    );
  } catch (e) {
    const msg = String((e as Error).message ?? e).split("\n")[0].slice(0, 160);
    throw new DataError(`${cannotRead(ctx)}: not a readable Parquet file (${msg})`, {
      file: ctx.file,
    });
  }
}

/**
 * Throws when `column` holds a value twice (a primary key such as `customer_id` of the
 * customers table or `item_id` of the items table). Reports the first id that repeats, at its
 * first two rows (1-based data rows).
 *
 * @param df The table (already typed).
 * @param column Canonical key column in `df`.
 * @param ctx Table and file, for the message.
 * @param sourceName Name of the column in the user's file, for the message. Default `column`.
 * @throws {DataError} The duplicate id, its rows and the column's source name.
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { checkUniqueKey, DataError } from "@shoplab/lib/data/mod.ts";
 * import assert from "node:assert/strict";
 * const ctx = { table: "items", file: "items.csv" };
 * checkUniqueKey(pl.DataFrame({ item_id: ["A", "B", "C"] }), "item_id", ctx);
 * const dup = pl.DataFrame({ item_id: ["A", "B", "C", "B", "A"] });
 * assert.throws(
 *   () => checkUniqueKey(dup, "item_id", ctx, "sku"),
 *   /from "items\.csv": column "sku" has the duplicate id "A" at rows 1 and 5; ids must be unique/,
 * );
 * assert.throws(
 *   () => checkUniqueKey(dup, "item_id", ctx, "sku"),
 *   (e) => e instanceof DataError && e.column === "sku" && e.row === 5 && e.value === "A",
 * );
 * ```
 */
export function checkUniqueKey(
  df: pl.DataFrame,
  column: string,
  ctx: ReadContext,
  sourceName: string = column,
): void {
  const rows = df.select(column).withRowIndex("__row", 1);
  const first = rows.filter(pl.col(column).isDuplicated()).head(1);
  if (first.height === 0) return;
  // The first two rows of the first id that repeats (not any two rows whose ids repeat).
  const dup = rows.filter(pl.col(column).eq(pl.lit(first.getColumn(column).get(0)))).head(2);
  const recs = dup.toRecords() as Record<string, unknown>[];
  throw new DataError(
    `${cannotRead(ctx)}: column "${sourceName}" has the duplicate id "${recs[0][column]}" at rows ${
      recs.map((r) => Number(r.__row).toLocaleString("en")).join(" and ")
    }; ids must be unique`,
    {
      file: ctx.file,
      column: sourceName,
      row: Number(recs[1]?.__row ?? recs[0].__row),
      value: String(recs[0][column]),
    },
  );
}

/**
 * Reads a canonical table from `path` (`.parquet` by extension, otherwise delimited text).
 * Rows in messages are 1-based data rows: the header is row 0.
 *
 * @param path File path.
 * @param table Canonical table name.
 * @param options See {@linkcode ReadTableOptions}.
 * @returns A DataFrame with the canonical columns present in the file, typed.
 * @throws {DataError} Any problem with the file or a value, naming file, column, row and value.
 * @example
 * ```ts
 * import { readTableFile } from "@shoplab/lib/data/read_table_file.ts";
 * import assert from "node:assert/strict";
 * const f = await Deno.makeTempFile({ suffix: ".csv" });
 * await Deno.writeTextFile(f, "sku;name;cat;p\nA1;Mug;kitchen;3.5\n");
 * const items = readTableFile(f, "items", {
 *   columns: { item_id: "sku", title: "name", category: "cat", price: "p" },
 * });
 * assert.deepEqual(items.getColumn("price").toArray(), [3.5]);
 * ```
 */
export function readTableFile(
  path: string,
  table: TableName,
  options: ReadTableOptions = {},
): pl.DataFrame {
  const ctx = { table, file: path };
  const mapping = options.columns ?? {};
  const plans = plansFor(table, mapping);
  let strings: pl.DataFrame;
  if (path.toLowerCase().endsWith(".parquet")) {
    try {
      Deno.statSync(path);
    } catch {
      throw new DataError(`${cannotRead(ctx)}: the file does not exist`, { file: path });
    }
    strings = readParquetStrings(ctx);
  } else {
    const head = checkTextFile(ctx);
    const minColumns = Math.min(2, plans.filter((p) => p.required).length);
    strings = readStrings(ctx, head, { delimiter: options.delimiter, minColumns });
  }
  const typed = convertColumns(strings, plans, ctx, { timestampFormat: options.timestampFormat });
  if (table === "events") {
    const bad = typed.withRowIndex("__row", 1).filter(
      pl.col(EV.type).isIn([...EVENT_TYPES]).not(),
    ).head(1);
    if (bad.height > 0) {
      const r = bad.toRecords()[0] as Record<string, unknown>;
      const col = mapping[EV.type] ?? EV.type;
      throw new DataError(
        `${cannotRead(ctx)}: column "${col}" has "${r[EV.type]}" at row ${
          Number(r.__row).toLocaleString("en")
        }, expected one of ${EVENT_TYPES.join(", ")}`,
        { file: path, column: col, row: Number(r.__row), value: String(r[EV.type]) },
      );
    }
  }
  const key = table === "customers" ? "customer_id" : table === "items" ? "item_id" : undefined;
  if (key) checkUniqueKey(typed, key, ctx, mapping[key]);
  return typed;
}
