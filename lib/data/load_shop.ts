/**
 * One entry point for every source: `loadShop({ path, format })` returns canonical tables.
 *
 * @module
 */
import { DataError } from "./errors.ts";
import type { DataFormat, ShopData } from "./types.ts";
import { readSynthetic } from "./read_synthetic.ts";
import { readOnlineRetail } from "./read_online_retail.ts";
import { readCdnow } from "./read_cdnow.ts";
import { type ColumnMapping, readTableFile } from "./read_table_file.ts";
import { purchasesAsTransactions } from "./_purchases.ts";
import { shopSource, wholeFileSummary } from "./_shop_source.ts";

/** The formats {@linkcode loadShop} accepts. */
export const DATA_FORMATS: readonly DataFormat[] = [
  "synthetic",
  "online-retail",
  "cdnow",
  "cdnow-sample",
  "transactions",
  "events",
];

/** Options of {@linkcode loadShop}. */
export interface LoadShopOptions {
  /** File or folder. Default: `data/synthetic`. Relative paths are taken from the project root. */
  readonly path?: string;
  /** Source format. Default `"synthetic"`. */
  readonly format?: DataFormat | string;
  /** For `"transactions"` / `"events"`: canonical column → your column name. */
  readonly columns?: ColumnMapping;
  /** For `"transactions"` / `"events"`: field delimiter (default detected). */
  readonly delimiter?: string;
  /** For `"transactions"` / `"events"`: strftime layout of timestamps (default ISO detected). */
  readonly timestampFormat?: string;
}

/**
 * Loads a shop from any supported source into canonical tables.
 *
 * @param options See {@linkcode LoadShopOptions}.
 * @returns The loaded shop.
 * @throws {DataError} Unknown format, missing path, or any problem in the files.
 * @example
 * ```ts
 * import { loadShop } from "@shoplab/lib/data/load_shop.ts";
 * import assert from "node:assert/strict";
 * assert.throws(() => loadShop({ format: "xlsx" }), /unknown data format "xlsx"/);
 * ```
 */
export function loadShop(options: LoadShopOptions = {}): ShopData {
  const { format, path, file } = shopSource(options);
  switch (format) {
    case "synthetic":
      return readSynthetic(path);
    case "online-retail":
      return readOnlineRetail(path);
    case "cdnow":
      return readCdnow(path, { variant: "master" });
    case "cdnow-sample":
      return readCdnow(path, { variant: "sample" });
    case "transactions": {
      const transactions = readTableFile(path, "transactions", file);
      return {
        source: { format, path },
        transactions,
        cleaning: wholeFileSummary(path, "transactions", transactions.height),
      };
    }
    case "events": {
      const events = readTableFile(path, "events", file);
      return {
        source: { format, path },
        transactions: purchasesAsTransactions(events),
        events,
        cleaning: wholeFileSummary(path, "events", events.height),
      };
    }
    default:
      throw new DataError(
        `Cannot read "${path}": unknown data format "${format}"; expected one of ${
          DATA_FORMATS.join(", ")
        }`,
        { file: path, value: String(format) },
      );
  }
}
