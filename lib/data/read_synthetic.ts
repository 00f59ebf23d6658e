/**
 * Reads the synthetic shop written by `deno task data` (a folder of canonical CSV or Parquet
 * files). Duplicates and returns are kept — cleaning is `lib/prep`'s job — but counted in the
 * cleaning summary.
 *
 * @module
 */
import pl from "nodejs-polars";
import { type TableName, TX } from "./schema.ts";
import type { CleaningSummary, ShopData } from "./types.ts";
import { readTableFile } from "./read_table_file.ts";
import { syntheticFiles, syntheticShop, syntheticSteps } from "./_synthetic_files.ts";

function summarise(file: string, table: TableName, df: pl.DataFrame): CleaningSummary {
  const returns = table === "transactions" ? df.filter(pl.col(TX.quantity).lt(0)).height : 0;
  const steps = syntheticSteps(table, df.height - df.unique().height, returns);
  return { file, table, rowsRead: df.height, rowsKept: df.height, steps };
}

/**
 * Reads a synthetic shop folder.
 *
 * @param dir Folder holding `transactions.csv` (required) and optionally `events.csv`,
 *   `customers.csv`, `items.csv`, `channel_spend.csv` (or `.parquet` of the same names).
 * @returns The loaded shop.
 * @throws {DataError} A missing folder or transactions file, or any invalid value.
 * @example
 * ```ts
 * import { readSynthetic } from "@shoplab/lib/data/read_synthetic.ts";
 * import assert from "node:assert/strict";
 * const dir = await Deno.makeTempDir();
 * await Deno.writeTextFile(dir + "/transactions.csv",
 *   "customer_id,order_id,timestamp,item_id,quantity,unit_price,country,channel\n" +
 *   "C1,O1,2025-01-02 10:00:00,I1,2,3.5,,email\n");
 * const shop = readSynthetic(dir);
 * assert.equal(shop.transactions.height, 1);
 * assert.equal(shop.events, undefined);
 * ```
 */
export function readSynthetic(dir: string): ShopData {
  const tables: Partial<Record<TableName, pl.DataFrame>> = {};
  const cleaning: CleaningSummary[] = [];
  for (const { table, file } of syntheticFiles(dir)) {
    const df = readTableFile(file, table);
    tables[table] = df;
    cleaning.push(summarise(file, table, df));
  }
  return syntheticShop(dir, tables, cleaning);
}
