/**
 * Cost per acquisition (CAC) per channel, from channel spend and new customers.
 *
 * @module
 */
import type pl from "nodejs-polars";
import type { RetentionTables } from "../retention/cohort_table.ts";
import { newCustomers } from "./new_customers.ts";
import type { Frame } from "../prep/_columns.ts";
import { costPerChannel, spendWindow } from "./_tables.ts";

/** The tables {@linkcode acquisitionCost} reads: a `ShopData` with `channelSpend` fits. */
export interface AcquisitionTables extends RetentionTables {
  /**
   * Marketing spend per channel and month (`channel`, `month`, `spend`, see lib/data's `SP`).
   * Shops whose data has no spend table pass their own here.
   */
  readonly channelSpend?: Frame | pl.DataFrame;
}

/** Options of {@linkcode acquisitionCost}. */
export interface AcquisitionCostOptions {
  /** Cut-off: only months that ended by asOf count, for spend and for customers alike. */
  readonly asOf: Date;
  /** When a customer counts as acquired. Default `"first_purchase"` (paying customers). */
  readonly acquiredAt?: "first_purchase" | "signup";
}

/** One channel of {@linkcode acquisitionCost}. */
export interface AcquisitionCostRow {
  /** Acquisition channel. */
  readonly channel: string;
  /** Spend over the months counted. */
  readonly spend: number;
  /** Customers acquired over the same months. */
  readonly newCustomers: number;
  /** spend ÷ newCustomers (`null` when nobody was acquired). */
  readonly cac: number | null;
  /** First month counted (UTC). */
  readonly from: Date;
  /** Last month counted (UTC, its first day). */
  readonly to: Date;
}

/**
 * Customer acquisition cost per channel: total spend ÷ customers acquired, over the complete
 * months before `asOf` that the spend table covers. Channels with customers but no spend rows
 * (e.g. organic without a budget line) get spend 0; customers of channel `"unknown"` are left
 * out.
 *
 * @param tables Transactions, customers (channels) and `channelSpend`.
 * @param options See {@linkcode AcquisitionCostOptions}.
 * @returns One row per channel, sorted by channel.
 * @throws {TypeError} No `channelSpend` table, or missing columns.
 * @throws {RangeError} Invalid `asOf`, negative spend, or no complete month with spend.
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { acquisitionCost } from "@shoplab/lib/acquisition/acquisition_cost.ts";
 * import assert from "node:assert/strict";
 * const d = (s: string) => new Date(s + "T12:00:00Z");
 * const transactions = pl.DataFrame({ customer_id: ["a", "b"], order_id: ["1", "2"],
 *   timestamp: [d("2025-01-05"), d("2025-01-07")], quantity: [1, 1], unit_price: [1, 1],
 *   channel: ["email", "email"] });
 * const channelSpend = pl.DataFrame({ channel: ["email"], month: [new Date("2025-01-01")], spend: [30] });
 * const [row] = acquisitionCost({ transactions, channelSpend }, { asOf: d("2025-02-01") });
 * assert.deepEqual([row.channel, row.spend, row.newCustomers, row.cac], ["email", 30, 2, 15]);
 * ```
 */
export function acquisitionCost(
  tables: AcquisitionTables,
  options: AcquisitionCostOptions,
): AcquisitionCostRow[] {
  const window = spendWindow(tables, options.asOf);
  return costPerChannel(window, newCustomers(tables, options));
}
