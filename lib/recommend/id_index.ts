/**
 * Id → index lookup for the `userIds` / `itemIds` of an interaction matrix.
 *
 * @module
 */

const cache = new WeakMap<readonly string[], ReadonlyMap<string, number>>();

/**
 * A map from id to its position, built once per id array and cached (so repeated lookups on a
 * million users cost nothing extra).
 *
 * @param ids `interactions.userIds` or `interactions.itemIds`.
 * @returns Id → index.
 * @example
 * ```ts
 * import { interactionsFromArrays } from "@shoplab/lib/recommend/interactions_from_arrays.ts";
 * import { idIndex } from "@shoplab/lib/recommend/id_index.ts";
 * import assert from "node:assert/strict";
 * const m = interactionsFromArrays({ users: [0, 1], items: [0, 0] }, { userIds: ["ann", "bob"] });
 * assert.equal(idIndex(m.userIds).get("bob"), 1);
 * assert.equal(idIndex(m.userIds).get("eve"), undefined);
 * ```
 */
export function idIndex(ids: readonly string[]): ReadonlyMap<string, number> {
  let m = cache.get(ids);
  if (m === undefined) {
    m = new Map(ids.map((id, i) => [id, i]));
    cache.set(ids, m);
  }
  return m;
}
