/**
 * The lazy twin of {@linkcode loadShop}: `scanShop({ path, format })` returns validated
 * canonical tables as polars LazyFrames, for data too big to load whole.
 *
 * @module
 */
import type pl from "nodejs-polars";
import type { LazyShopData, ShopData } from "./types.ts";
import { loadShop, type LoadShopOptions } from "./load_shop.ts";
import { scanSynthetic, type ScanSyntheticOptions } from "./scan_synthetic.ts";
import { scanValidated } from "./_scan_table.ts";
import { purchasesAsTransactions } from "./_purchases.ts";
import { shopSource, wholeFileSummary } from "./_shop_source.ts";

/** Options of {@linkcode scanShop}: those of `loadShop` plus the synthetic scan's. */
export interface ScanShopOptions extends LoadShopOptions, ScanSyntheticOptions {}

function lazyOf(shop: ShopData): LazyShopData {
  const lazy = (df?: pl.DataFrame) => df?.lazy();
  return {
    source: shop.source,
    transactions: shop.transactions.lazy(),
    events: lazy(shop.events),
    customers: lazy(shop.customers),
    items: lazy(shop.items),
    channelSpend: lazy(shop.channelSpend),
    cleaning: shop.cleaning,
  };
}

/**
 * Scans a shop lazily. `"synthetic"`, `"transactions"` and `"events"` are scanned with
 * `pl.scanCSV` (or `scanParquet`) and validated by streaming queries — same checks and messages
 * as {@linkcode loadShop}, memory independent of the file size; nothing is kept in memory until
 * a LazyFrame is collected (e.g. by `customerFeatures`, which collects once, streaming).
 * `"online-retail"`, `"cdnow"` and `"cdnow-sample"` are fixed-size public files whose readers
 * clean them eagerly; they are read with `loadShop` and wrapped with `.lazy()`.
 *
 * @param options See {@linkcode ScanShopOptions}.
 * @returns The shop as LazyFrames.
 * @throws {DataError} Unknown format, missing path, or any problem in the files.
 * @example
 * ```ts
 * import { scanShop } from "@shoplab/lib/data/scan_shop.ts";
 * import assert from "node:assert/strict";
 * const f = await Deno.makeTempFile({ suffix: ".csv" });
 * await Deno.writeTextFile(f,
 *   "user,item,type,time\nu1,i1,view,2025-01-01 10:00:00\nu1,i1,purchase,2025-01-01 10:05:00\n");
 * const shop = scanShop({
 *   path: f,
 *   format: "events",
 *   columns: { customer_id: "user", item_id: "item", event_type: "type", timestamp: "time" },
 * });
 * assert.equal(shop.events?.collectSync().height, 2);
 * assert.equal(shop.transactions.collectSync().height, 1);
 * assert.throws(() => scanShop({ format: "xlsx" }), /unknown data format "xlsx"/);
 * ```
 */
export function scanShop(options: ScanShopOptions = {}): LazyShopData {
  const { format, path, file } = shopSource(options);
  switch (format) {
    case "synthetic":
      return scanSynthetic(path, { countDuplicates: options.countDuplicates });
    case "transactions": {
      const tx = scanValidated(path, "transactions", file);
      return {
        source: { format, path },
        transactions: tx.frame,
        cleaning: wholeFileSummary(path, "transactions", tx.rows),
      };
    }
    case "events": {
      const ev = scanValidated(path, "events", file);
      return {
        source: { format, path },
        transactions: purchasesAsTransactions(ev.frame),
        events: ev.frame,
        cleaning: wholeFileSummary(path, "events", ev.rows),
      };
    }
    default:
      // Online Retail and CDNOW (fixed, small public files), and the unknown-format error.
      return lazyOf(loadShop({ ...options, path }));
  }
}
