/**
 * Time-based hold-out: everything before a global cut trains, everything from the cut on tests.
 *
 * @module
 */
import pl from "nodejs-polars";
import { EVENT_TYPES, type EventType } from "../data/schema.ts";
import type { RecommendSplit } from "./types.ts";
import {
  aggregateLog,
  encodeLog,
  interactionLog,
  type InteractionTables,
  itemInfo,
  type LogOptions,
  toMs,
} from "./_log.ts";

/** Options of {@linkcode chronologicalSplit}. */
export interface ChronologicalSplitOptions extends LogOptions {
  /** Train on rows strictly before `cut`; test on rows at or after it (Date or epoch ms). */
  readonly cut: Date | number;
  /** Ignore rows at or after this time (Date or epoch ms). Default: keep all. */
  readonly end?: Date | number;
  /**
   * Event types whose rows at or after the cut form the test set (transaction lines are
   * purchases), e.g. `["purchase"]` to train on views, carts and purchases but measure how well
   * the next purchases are predicted. Train always keeps every type. Default: all types.
   */
  readonly testEventTypes?: readonly EventType[];
}

/**
 * Splits raw rows at a time cut (the articles' "split by time"), then aggregates each side into
 * a matrix over one shared index space: every user and item seen before `end` has the same
 * index in `train` and `test`, so items new in the test period exist (with empty train columns)
 * and cold-start models can score them. No test row is earlier than any train row.
 *
 * @param tables Canonical tables (transactions and/or events, optional items).
 * @param options See {@linkcode ChronologicalSplitOptions}.
 * @returns `{ train, test }`.
 * @throws {DataError} As {@linkcode buildInteractions}.
 * @throws {RangeError} When `testEventTypes` is empty or names an unknown type.
 * @example
 * ```ts
 * import pl from "nodejs-polars";
import { EVENT_TYPES, type EventType } from "../data/schema.ts";
 * import { chronologicalSplit } from "@shoplab/lib/recommend/chronological_split.ts";
 * import assert from "node:assert/strict";
 * const transactions = pl.DataFrame({
 *   customer_id: ["u1", "u1", "u2"], order_id: ["1", "2", "3"], item_id: ["a", "b", "c"],
 *   quantity: [1, 1, 1], unit_price: [1, 1, 1],
 *   timestamp: [1, 5, 9].map((d) => new Date(Date.UTC(2024, 0, d))),
 * });
 * const { train, test } = chronologicalSplit({ transactions }, { cut: Date.UTC(2024, 0, 5) });
 * assert.equal(train.nnz, 1);
 * assert.equal(test.nnz, 2);
 * assert.deepEqual(train.itemIds, test.itemIds);
 * ```
 *
 * Train on every event, test on purchases only:
 * ```ts
 * import pl from "nodejs-polars";
 * import { chronologicalSplit } from "@shoplab/lib/recommend/chronological_split.ts";
 * import assert from "node:assert/strict";
 * const events = pl.DataFrame({
 *   customer_id: ["u1", "u1", "u1"], item_id: ["a", "b", "c"],
 *   event_type: ["purchase", "view", "purchase"],
 *   timestamp: [1, 5, 9].map((d) => new Date(Date.UTC(2024, 0, d))),
 * });
 * const split = chronologicalSplit({ events }, {
 *   cut: Date.UTC(2024, 0, 5), testEventTypes: ["purchase"],
 * });
 * assert.deepEqual([...split.test.byUser.indices], [2]); // the view of "b" is not a test item
 * ```
 */
export function chronologicalSplit(
  tables: InteractionTables,
  options: ChronologicalSplitOptions,
): RecommendSplit {
  let log = interactionLog(tables, options);
  if (options.end !== undefined) log = log.filter(pl.col("t").lt(toMs(options.end)));
  const { coded, userIds, itemIds } = encodeLog(log);
  const info = itemInfo(tables.items, itemIds);
  const cut = toMs(options.cut);
  let testRows = pl.col("t").gtEq(cut);
  const types = options.testEventTypes;
  if (types !== undefined) {
    if (types.length === 0 || types.some((t) => !EVENT_TYPES.includes(t))) {
      throw new RangeError(
        `chronologicalSplit(): testEventTypes must list some of ${EVENT_TYPES.join(", ")}, got ${
          JSON.stringify(types)
        }`,
      );
    }
    testRows = testRows.and(pl.col("k").isIn([...types]));
  }
  return {
    train: aggregateLog(coded.filter(pl.col("t").lt(cut)), userIds, itemIds, options, info),
    test: aggregateLog(coded.filter(testRows), userIds, itemIds, options, info),
  };
}
