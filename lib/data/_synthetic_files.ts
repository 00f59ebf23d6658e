/**
 * Private: the files of a synthetic shop folder, with the folder checks, cleaning steps and
 * result shape both readers (`readSynthetic`, `scanSynthetic`) share.
 *
 * @module
 */
import { join } from "node:path";
import { DataError } from "./errors.ts";
import type { TableName } from "./schema.ts";
import type { CleaningStep, ShopTables } from "./types.ts";

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

/**
 * The cleaning steps of one synthetic table: exact duplicate rows (flagged when any) and, for
 * transactions, return lines (always listed).
 *
 * @param table The canonical table.
 * @param duplicates Exact duplicate rows counted (0 when not counted).
 * @param returns Return lines (negative quantity); read only for transactions.
 * @returns The steps, duplicates first.
 * @example
 * ```ts
 * import { syntheticSteps } from "@shoplab/lib/data/_synthetic_files.ts";
 * import assert from "node:assert/strict";
 * assert.deepEqual(syntheticSteps("items", 0, 0), []);
 * assert.deepEqual(syntheticSteps("transactions", 2, 1).map((s) => [s.step, s.rows]), [
 *   ["duplicate-rows", 2],
 *   ["returns", 1],
 * ]);
 * ```
 */
export function syntheticSteps(
  table: TableName,
  duplicates: number,
  returns: number,
): CleaningStep[] {
  const steps: CleaningStep[] = [];
  if (duplicates > 0) {
    steps.push({
      step: "duplicate-rows",
      rows: duplicates,
      action: "flagged",
      reason: "exact duplicate rows (kept; lib/prep's dropDuplicates removes them)",
    });
  }
  if (table === "transactions") {
    steps.push({
      step: "returns",
      rows: returns,
      action: "flagged",
      reason: "return lines with negative quantity (order id starts with R)",
    });
  }
  return steps;
}

/**
 * The shop result of a synthetic folder from its tables (eager or lazy).
 *
 * @param dir The folder read.
 * @param tables The tables found (transactions always, since `syntheticFiles` requires it).
 * @param cleaning One summary per table.
 * @returns The shop, in the shape of `ShopData` / `LazyShopData`.
 * @example
 * ```ts
 * import { syntheticShop } from "@shoplab/lib/data/_synthetic_files.ts";
 * import assert from "node:assert/strict";
 * const shop = syntheticShop("d", { transactions: "tx" }, []);
 * assert.deepEqual(shop.source, { format: "synthetic", path: "d" });
 * assert.equal(shop.transactions, "tx");
 * ```
 */
export function syntheticShop<F, C>(
  dir: string,
  tables: Partial<Record<TableName, F>>,
  cleaning: C[],
): ShopTables<F> & { cleaning: C[] } {
  return {
    source: { format: "synthetic", path: dir },
    transactions: tables.transactions!,
    events: tables.events,
    customers: tables.customers,
    items: tables.items,
    channelSpend: tables.channelSpend,
    cleaning,
  };
}
