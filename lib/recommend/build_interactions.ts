/**
 * Builds the sparse users × items interaction matrix from canonical tables, with polars doing
 * the group-by so that tens of millions of rows never become JS objects.
 *
 * @module
 */
import pl from "nodejs-polars";
import type { Interactions } from "./types.ts";
import {
  aggregateLog,
  encodeLog,
  interactionLog,
  type InteractionTables,
  type InteractionWeights,
  itemInfo,
  type LogOptions,
  toMs,
  type ValueTransform,
} from "./_log.ts";

export type { InteractionTables, InteractionWeights, ValueTransform };

/** Options of {@linkcode buildInteractions}. */
export interface BuildInteractionsOptions extends LogOptions {
  /** Keep only rows strictly before this time (Date or epoch ms). Default: all rows. */
  readonly asOf?: Date | number;
}

/**
 * Aggregates transactions and/or events into one strength per (user, item): the sum of event
 * weights (`view` 1, `cart` 3, `purchase` 5 by default; each order line with quantity > 0 is a
 * purchase, returns are ignored), or the mean explicit rating when `rating` names a column of
 * `events`. Users and items are indexed in sorted id order.
 *
 * @param tables `{ transactions?, events?, items? }` canonical DataFrames (a `ShopData` works).
 * @param options See {@linkcode BuildInteractionsOptions}.
 * @returns The {@linkcode Interactions} (CSR by user, CSC by item, last time of each pair).
 * @throws {TypeError} When neither transactions nor events are given.
 * @throws {DataError} When a required column is missing, a timestamp column is not a Datetime,
 *   or an event type is not view, cart or purchase.
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { buildInteractions } from "@shoplab/lib/recommend/build_interactions.ts";
 * import assert from "node:assert/strict";
 * const events = pl.DataFrame({
 *   customer_id: ["u1", "u1", "u2", "u1"],
 *   item_id: ["a", "a", "b", "b"],
 *   event_type: ["view", "purchase", "cart", "view"],
 *   timestamp: [1, 2, 3, 4].map((d) => new Date(Date.UTC(2024, 0, d))),
 * });
 * const m = buildInteractions({ events });
 * assert.deepEqual(m.userIds, ["u1", "u2"]);
 * assert.deepEqual([...m.byUser.values], [6, 1, 3]); // u1·a = 1 + 5, u1·b = 1, u2·b = 3
 * const early = buildInteractions({ events }, { asOf: new Date(Date.UTC(2024, 0, 2)) });
 * assert.equal(early.nnz, 1);
 * ```
 */
export function buildInteractions(
  tables: InteractionTables,
  options: BuildInteractionsOptions = {},
): Interactions {
  let log = interactionLog(tables, options);
  if (options.asOf !== undefined) log = log.filter(pl.col("t").lt(toMs(options.asOf)));
  const { coded, userIds, itemIds } = encodeLog(log);
  return aggregateLog(coded, userIds, itemIds, options, itemInfo(tables.items, itemIds));
}
