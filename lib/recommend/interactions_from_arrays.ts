/**
 * Builds an {@linkcode Interactions} matrix from parallel arrays of user index, item index and
 * value (synthetic data, tests, or aggregates computed elsewhere).
 *
 * @module
 */
import type { Interactions } from "./types.ts";
import { buildCsr, transposeCsr } from "./_csr.ts";

/** The triplets. */
export interface InteractionArrays {
  /** User index of each interaction, in `[0, nUsers)`. */
  readonly users: ArrayLike<number>;
  /** Item index of each interaction, in `[0, nItems)`. */
  readonly items: ArrayLike<number>;
  /** Strength of each interaction. Default all `1`. */
  readonly values?: ArrayLike<number>;
  /** Epoch-ms time of each interaction (kept as the max per pair). Optional. */
  readonly timestamps?: ArrayLike<number>;
}

/** Options of {@linkcode interactionsFromArrays}. */
export interface InteractionsFromArraysOptions {
  /** Number of users. Default `max(users) + 1` (or `userIds.length`). */
  readonly nUsers?: number;
  /** Number of items. Default `max(items) + 1` (or `itemIds.length`). */
  readonly nItems?: number;
  /** User ids. Default `"0"`, `"1"`, …. */
  readonly userIds?: readonly string[];
  /** Item ids. Default `"0"`, `"1"`, …. */
  readonly itemIds?: readonly string[];
  /** Item labels for explanations. */
  readonly itemLabels?: readonly string[];
  /** Item descriptions for content-based models. */
  readonly itemText?: readonly string[];
}

function maxPlusOne(a: ArrayLike<number>): number {
  let m = -1;
  for (let i = 0; i < a.length; i++) if (a[i] > m) m = a[i];
  return m + 1;
}

/**
 * Builds the sparse interaction matrix; repeated (user, item) pairs are summed.
 *
 * @param arrays Parallel arrays of user index, item index and (optional) value and time.
 * @param options Sizes, ids and item text.
 * @returns The {@linkcode Interactions}.
 * @throws {RangeError} When the arrays differ in length, an index is out of range or not an
 *   integer, or ids do not match the sizes.
 * @example
 * ```ts
 * import { interactionsFromArrays } from "@shoplab/lib/recommend/interactions_from_arrays.ts";
 * import assert from "node:assert/strict";
 * const m = interactionsFromArrays({ users: [0, 0, 1, 0], items: [1, 0, 1, 1], values: [1, 2, 3, 4] });
 * assert.equal(m.nnz, 3);
 * assert.deepEqual([...m.byUser.values], [2, 5, 3]);
 * assert.deepEqual([...m.byItem.indices], [0, 0, 1]);
 * ```
 */
export function interactionsFromArrays(
  arrays: InteractionArrays,
  options: InteractionsFromArraysOptions = {},
): Interactions {
  const nUsers = options.nUsers ?? options.userIds?.length ?? maxPlusOne(arrays.users);
  const nItems = options.nItems ?? options.itemIds?.length ?? maxPlusOne(arrays.items);
  const userIds = options.userIds ?? Array.from({ length: nUsers }, (_, i) => String(i));
  const itemIds = options.itemIds ?? Array.from({ length: nItems }, (_, i) => String(i));
  if (userIds.length !== nUsers || itemIds.length !== nItems) {
    throw new RangeError(
      `interactionsFromArrays(): ${userIds.length} user ids for ${nUsers} users, ` +
        `${itemIds.length} item ids for ${nItems} items`,
    );
  }
  for (
    const [name, a] of [["itemLabels", options.itemLabels], ["itemText", options.itemText]] as const
  ) {
    if (a !== undefined && a.length !== nItems) {
      throw new RangeError(
        `interactionsFromArrays(): ${name} has ${a.length} entries for ${nItems} items`,
      );
    }
  }
  const values = arrays.values ?? new Float32Array(arrays.users.length).fill(1);
  const built = buildCsr(arrays.users, arrays.items, values, nUsers, nItems, arrays.timestamps);
  return {
    nUsers,
    nItems,
    nnz: built.matrix.indices.length,
    userIds,
    itemIds,
    byUser: built.matrix,
    byItem: transposeCsr(built.matrix),
    lastTimestamp: built.timestamps,
    itemLabels: options.itemLabels,
    itemText: options.itemText,
  };
}
