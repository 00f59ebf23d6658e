/**
 * Who a churn or purchase question is asked of at a cut-off: the buyers, or every registered
 * customer (signed up, browsed or bought before it).
 *
 * @module
 */
import pl from "nodejs-polars";
import { CU, EV, TX } from "../data/schema.ts";
import { columnsOf, epochMs, type Frame, requireColumns, toLazy } from "../prep/_columns.ts";

/**
 * The population of a prediction at a cut-off:
 * - `"buyers"`: customers with at least one sale line (quantity > 0) before `asOf` — the
 *   population of churn ("will this buyer not buy again?");
 * - `"registered"`: every customer known before `asOf` — signed up (customers table), with an
 *   event (events table) or a purchase — so people who have never bought are included: the
 *   population of purchase ("will this person buy?"). Transactions contribute their buyers only
 *   (a customer whose only lines are returns, e.g. of orders placed before the data starts, is
 *   an artefact of the extract, not a registration), so with transactions alone it is the
 *   buyers.
 */
export type Population = "buyers" | "registered";

/** Tables {@linkcode populationIds} reads (a `ShopData` fits). */
export interface PopulationTables {
  /** Canonical transactions (required). */
  readonly transactions: Frame;
  /** Canonical events (optional). */
  readonly events?: Frame;
  /** Canonical customers (optional; `signup_date` is used when present). */
  readonly customers?: Frame;
}

/** Options of {@linkcode populationIds}. */
export interface PopulationIdsOptions {
  /** Cut-off: only rows with a time strictly before it count. */
  readonly asOf: Date;
  /** Who to include. Default `"buyers"`. */
  readonly population?: Population;
}

/**
 * Ids of the customers in a population at a cut-off, sorted.
 *
 * @param tables Canonical tables.
 * @param options See {@linkcode PopulationIdsOptions}.
 * @returns Sorted, distinct customer ids.
 * @throws {RangeError} For an invalid `asOf` or an unknown `population`.
 * @throws {TypeError} When a table lacks a required column.
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { populationIds } from "@shoplab/lib/models/population_ids.ts";
 * import assert from "node:assert/strict";
 * const d = (s: string) => new Date(s + "T00:00:00Z");
 * const transactions = pl.DataFrame({
 *   customer_id: ["a", "b"], order_id: ["1", "2"], timestamp: [d("2025-01-02"), d("2025-03-01")],
 *   item_id: ["x", "x"], quantity: [1, 1], unit_price: [1, 1],
 * });
 * const customers = pl.DataFrame({
 *   customer_id: ["a", "b", "c", "d"],
 *   signup_date: [d("2025-01-01"), d("2025-01-01"), d("2025-01-05"), d("2025-06-01")],
 * });
 * const asOf = d("2025-02-01");
 * assert.deepEqual(populationIds({ transactions, customers }, { asOf }), ["a"]);
 * // b and c signed up but have not bought yet; d signs up after the cut-off
 * assert.deepEqual(
 *   populationIds({ transactions, customers }, { asOf, population: "registered" }),
 *   ["a", "b", "c"],
 * );
 * ```
 */
export function populationIds(tables: PopulationTables, options: PopulationIdsOptions): string[] {
  const asOf = options.asOf instanceof Date ? options.asOf.getTime() : NaN;
  if (!Number.isFinite(asOf)) throw new RangeError("populationIds: asOf must be a valid Date");
  const population = options.population ?? "buyers";
  if (population !== "buyers" && population !== "registered") {
    throw new RangeError(
      `populationIds: population must be "buyers" or "registered", got "${population}"`,
    );
  }
  const before = (col: string) => epochMs(col).lt(pl.lit(asOf));
  requireColumns(tables.transactions, [TX.customer, TX.timestamp, TX.quantity], "populationIds");
  const tx = toLazy(tables.transactions).filter(before(TX.timestamp))
    .filter(pl.col(TX.quantity).gt(0));
  const parts = [tx.select(pl.col(TX.customer).cast(pl.Utf8))];
  if (population === "registered") {
    if (tables.events) {
      requireColumns(tables.events, [EV.customer, EV.timestamp], "populationIds (events)");
      parts.push(
        toLazy(tables.events).filter(before(EV.timestamp))
          .select(pl.col(EV.customer).cast(pl.Utf8)),
      );
    }
    if (tables.customers && columnsOf(tables.customers).includes(CU.signupDate)) {
      parts.push(
        toLazy(tables.customers).filter(before(CU.signupDate))
          .select(pl.col(CU.customer).cast(pl.Utf8)),
      );
    }
  }
  const ids = pl.concat(parts.map((p) => p.collectSync())).getColumn(TX.customer).unique()
    .toArray() as string[];
  return ids.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
