/**
 * Private: the files of a synthetic shop folder, with the folder checks both readers share.
 *
 * @module
 */
import { join } from "node:path";
import { DataError } from "./errors.ts";
import type { TableName } from "./schema.ts";

const FILES: Readonly<Record<TableName, string>> = {
  transactions: "transactions",
  events: "events",
  customers: "customers",
  items: "items",
  channelSpend: "channel_spend",
};

function find(dir: string, stem: string): string | undefined {
  for (const ext of [".csv", ".parquet"]) {
    try {
      if (Deno.statSync(join(dir, stem + ext)).isFile) return join(dir, stem + ext);
    } catch { /* try the next extension */ }
  }
  return undefined;
}

/**
 * The table files present in a synthetic shop folder, in canonical table order.
 *
 * @throws {DataError} A missing folder, a file instead of a folder, or no transactions file.
 * @example
 * ```ts
 * import { syntheticFiles } from "@shoplab/lib/data/_synthetic_files.ts";
 * import assert from "node:assert/strict";
 * const dir = await Deno.makeTempDir();
 * assert.throws(() => syntheticFiles(dir), /transactions\.csv is missing \(run `deno task/);
 * await Deno.writeTextFile(`${dir}/transactions.csv`, "");
 * await Deno.writeTextFile(`${dir}/channel_spend.csv`, "");
 * assert.deepEqual(syntheticFiles(dir).map((f) => f.table), ["transactions", "channelSpend"]);
 * await Deno.remove(dir, { recursive: true });
 * assert.throws(() => syntheticFiles(dir), /the folder does not exist/);
 * ```
 */
export function syntheticFiles(dir: string): { table: TableName; file: string }[] {
  let info: Deno.FileInfo;
  try {
    info = Deno.statSync(dir);
  } catch {
    throw new DataError(
      `Cannot read the synthetic shop from "${dir}": the folder does not exist (run \`deno task data\` to create it)`,
      { file: dir },
    );
  }
  if (!info.isDirectory) {
    throw new DataError(
      `Cannot read the synthetic shop from "${dir}": expected a folder of CSV files, found a file (use format "transactions" for one file)`,
      { file: dir },
    );
  }
  const out: { table: TableName; file: string }[] = [];
  for (const table of Object.keys(FILES) as TableName[]) {
    const file = find(dir, FILES[table]);
    if (file) out.push({ table, file });
    else if (table === "transactions") {
      throw new DataError(
        `Cannot read the synthetic shop from "${dir}": transactions.csv is missing (run \`deno task data\`)`,
        { file: join(dir, "transactions.csv") },
      );
    }
  }
  return out;
}
