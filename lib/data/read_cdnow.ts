/**
 * Reader for the CDNOW purchase data (Fader, Hardie & Lee 2005): the master file
 * (`CDNOW_master.txt`, header, 4 columns) and the 1/10 sample (`CDNOW_sample.txt`, no header,
 * 5 columns). Both have a leading space and a variable number of spaces between fields.
 *
 * Canonical mapping: `customer_id` = the 5-digit master id (zero padding kept); `order_id` =
 * `<id>-<yyyymmdd>-<n>` (n counts rows of that customer and day, so several purchases on one day
 * stay distinct); `timestamp` = the date at midnight UTC; `item_id` = `"CD"` (the data has no
 * items); `quantity` = number of CDs; `unit_price` = dollar value / number of CDs, so quantity ×
 * unit price = the dollar value. Rows with 0 CDs keep quantity 0 and unit price 0 (their
 * dollar value is 0 in the file) and are flagged.
 *
 * @module
 */
import pl from "nodejs-polars";
import { DataError } from "./errors.ts";
import { TX } from "./schema.ts";
import type { CleaningStep, ShopData } from "./types.ts";
import { cannotRead, checkTextFile } from "./_file_checks.ts";

/** Options of {@linkcode readCdnow}. */
export interface ReadCdnowOptions {
  /** Which layout. Default: detected (header line → master; 5 fields → sample). */
  readonly variant?: "master" | "sample";
}

/**
 * Reads a CDNOW file into canonical transactions.
 *
 * @param path Path of `CDNOW_master.txt` or `CDNOW_sample.txt`.
 * @param options See {@linkcode ReadCdnowOptions}.
 * @returns The shop (transactions only).
 * @throws {DataError} Missing/empty file, a row with the wrong number of fields, a bad date or number.
 * @example
 * ```ts
 * import { readCdnow } from "@shoplab/lib/data/read_cdnow.ts";
 * import assert from "node:assert/strict";
 * const f = await Deno.makeTempFile();
 * await Deno.writeTextFile(f, " 00001   0001 19970101  2  29.33\r\n 00001   0001 19970118  1  11.77\r\n");
 * const shop = readCdnow(f);
 * assert.equal(shop.transactions.height, 2);
 * assert.equal(shop.transactions.getColumn("customer_id").get(0), "00001");
 * ```
 */
export function readCdnow(path: string, options: ReadCdnowOptions = {}): ShopData {
  const ctx = { table: "CDNOW transactions", file: path };
  checkTextFile(ctx);
  const text = Deno.readTextFileSync(path);
  const lines = text.split(/\r?\n/);
  const first = lines[0].trim().split(/\s+/);
  const hasHeader = /[a-z]/i.test(lines[0]);
  const variant = options.variant ??
    (hasHeader ? "master" : first.length === 5 ? "sample" : "master");
  const nFields = variant === "master" ? 4 : 5;
  const start = hasHeader ? 1 : 0;
  const n = lines.length - start;
  const ids: string[] = [],
    dates = new Float64Array(n),
    cds = new Float64Array(n),
    value = new Float64Array(n);
  let rows = 0;
  for (let i = start; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === "") continue;
    const f = line.split(/\s+/);
    const row = i - start + 1;
    if (f.length !== nFields) {
      throw new DataError(
        `${
          cannotRead(ctx)
        }: row ${row} has ${f.length} fields, expected ${nFields} (${variant} layout)`,
        { file: path, row, value: line.slice(0, 80) },
      );
    }
    const [id, date, count, dollars] = variant === "master" ? f : [f[0], f[2], f[3], f[4]];
    const m = /^(\d{4})(\d{2})(\d{2})$/.exec(date);
    const ms = m ? Date.UTC(+m[1], +m[2] - 1, +m[3]) : NaN;
    if (!m || Number.isNaN(ms) || new Date(ms).getUTCDate() !== +m[3]) {
      throw new DataError(
        `${cannotRead(ctx)}: column "date" has "${date}" at row ${row}, expected YYYYMMDD`,
        { file: path, column: "date", row, value: date },
      );
    }
    for (const [col, v] of [["number_of_cds", count], ["dollar_value", dollars]] as const) {
      if (!Number.isFinite(Number(v)) || Number(v) < 0) {
        throw new DataError(
          `${
            cannotRead(ctx)
          }: column "${col}" has "${v}" at row ${row}, expected a non-negative number`,
          { file: path, column: col, row, value: v },
        );
      }
    }
    ids.push(id);
    dates[rows] = ms;
    cds[rows] = Number(count);
    value[rows] = Number(dollars);
    rows++;
  }
  if (rows === 0) {
    throw new DataError(`${cannotRead(ctx)}: the file has no data rows`, { file: path });
  }
  const df = pl.DataFrame({
    [TX.customer]: ids,
    day: Array.from(dates.subarray(0, rows)),
    cds: Array.from(cds.subarray(0, rows)),
    value: Array.from(value.subarray(0, rows)),
  });
  const transactions = df.withRowIndex("__row").select(
    pl.col(TX.customer),
    pl.concatString([
      pl.col(TX.customer),
      pl.col("day").cast(pl.Int64).cast(pl.Datetime("ms")).dt.strftime("%Y%m%d"),
      pl.col("__row").rank("ordinal").over(TX.customer, "day").cast(pl.Utf8),
    ], "-").alias(TX.order),
    pl.col("day").cast(pl.Int64).cast(pl.Datetime("ms")).alias(TX.timestamp),
    pl.lit("CD").alias(TX.item),
    pl.col("cds").alias(TX.quantity),
    pl.when(pl.col("cds").gt(0)).then(pl.col("value").div(pl.col("cds"))).otherwise(pl.lit(0))
      .alias(TX.unitPrice),
  );
  const steps: CleaningStep[] = [{
    step: "zero-cds",
    rows: df.filter(pl.col("cds").eq(0)).height,
    action: "flagged",
    reason: "rows with 0 CDs (kept with unit price 0)",
  }];
  return {
    source: { format: variant === "master" ? "cdnow" : "cdnow-sample", path },
    transactions,
    cleaning: [{ file: path, table: "transactions", rowsRead: rows, rowsKept: rows, steps }],
  };
}
