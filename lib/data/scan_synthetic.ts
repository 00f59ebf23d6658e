/**
 * The lazy twin of {@linkcode readSynthetic}: a synthetic shop folder as validated LazyFrames,
 * for shops too big to load whole (1,000,000 customers = 3.3 GB of CSV).
 *
 * @module
 */
import pl from "nodejs-polars";
import { type TableName, TX } from "./schema.ts";
import type { CleaningSummary, LazyShopData } from "./types.ts";
import { scanValidated } from "./_scan_table.ts";
import { syntheticFiles, syntheticShop, syntheticSteps } from "./_synthetic_files.ts";

/** Options of {@linkcode scanSynthetic}. */
export interface ScanSyntheticOptions {
  /**
   * Tables whose exact duplicate rows are counted for the cleaning summary. Counting holds every
   * distinct row in memory (≈ 12 s and 1.5 GB per 5.6 M events), so the events table is left out
   * by default and its summary has no `duplicate-rows` step. Default: every table but `events`.
   */
  readonly countDuplicates?: readonly TableName[];
}

/** The default of {@linkcode ScanSyntheticOptions.countDuplicates}. */
export const DEFAULT_COUNT_DUPLICATES: readonly TableName[] = [
  "transactions",
  "customers",
  "items",
  "channelSpend",
];

/**
 * Scans a synthetic shop folder: every table is scanned with `pl.scanCSV` and validated by
 * streaming queries (same checks and messages as {@linkcode readSynthetic}), and returned as a
 * LazyFrame. The cleaning summary (rows, returns, duplicate rows) comes from the same queries,
 * so it equals the eager summary for the tables in `countDuplicates`.
 *
 * @param dir Folder written by `deno task data` (`transactions.csv` required).
 * @param options See {@linkcode ScanSyntheticOptions}.
 * @returns The shop as LazyFrames.
 * @throws {DataError} A missing folder or transactions file, or any invalid value.
 * @example
 * ```ts
 * import { scanSynthetic } from "@shoplab/lib/data/scan_synthetic.ts";
 * import assert from "node:assert/strict";
 * const dir = await Deno.makeTempDir();
 * await Deno.writeTextFile(dir + "/transactions.csv",
 *   "customer_id,order_id,timestamp,item_id,quantity,unit_price\n" +
 *   "C1,O1,2025-01-02 10:00:00,I1,2,3.5\nC1,R1,2025-01-09 10:00:00,I1,-1,3.5\n");
 * const shop = scanSynthetic(dir);
 * assert.equal(shop.transactions.collectSync().height, 2);
 * assert.equal(shop.cleaning[0].steps.find((s) => s.step === "returns")?.rows, 1);
 * ```
 */
export function scanSynthetic(dir: string, options: ScanSyntheticOptions = {}): LazyShopData {
  const countDups = new Set(options.countDuplicates ?? DEFAULT_COUNT_DUPLICATES);
  const tables: Partial<Record<TableName, pl.LazyDataFrame>> = {};
  const cleaning: CleaningSummary[] = [];
  for (const { table, file } of syntheticFiles(dir)) {
    const scanned = scanValidated(file, table, {
      extras: (cols) =>
        table === "transactions"
          ? [cols.get(TX.quantity)!.lt(0).cast(pl.UInt32).sum().alias("__returns")]
          : [],
    });
    tables[table] = scanned.frame;
    let dups = 0;
    if (countDups.has(table)) {
      const distinct = scanned.frame.unique().select(pl.len().alias("n"))
        .collectSync({ engine: "streaming" }).getColumn("n").get(0);
      dups = scanned.rows - Number(distinct);
    }
    const steps = syntheticSteps(table, dups, Number(scanned.extras.__returns ?? 0));
    cleaning.push({ file, table, rowsRead: scanned.rows, rowsKept: scanned.rows, steps });
  }
  return syntheticShop(dir, tables, cleaning);
}
