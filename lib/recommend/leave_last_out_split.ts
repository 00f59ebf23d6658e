/**
 * Leave-last-n-out: each user's most recent items are held out.
 *
 * @module
 */
import type { Interactions, RecommendSplit } from "./types.ts";
import { partition } from "./_sub.ts";

/** Options of {@linkcode leaveLastOutSplit}. */
export interface LeaveLastOutOptions {
  /** Items held out per user. Default `1`. */
  readonly n?: number;
  /** Only users with more than `n` items lose any (so each keeps ≥ 1 in train). Default `true`. */
  readonly keepOne?: boolean;
}

/**
 * For each user, the `n` items with the latest last-interaction time go to the test set (ties
 * broken by higher item index). Users with `n` items or fewer stay wholly in train (with
 * `keepOne`). Needs `lastTimestamp` (built from timestamped tables).
 *
 * @param data Interactions with `lastTimestamp`.
 * @param options See {@linkcode LeaveLastOutOptions}.
 * @returns `{ train, test }` over the same index space.
 * @throws {TypeError} When `data` has no timestamps.
 * @throws {RangeError} When `n` is not a positive integer.
 * @example
 * ```ts
 * import { interactionsFromArrays } from "@shoplab/lib/recommend/interactions_from_arrays.ts";
 * import { leaveLastOutSplit } from "@shoplab/lib/recommend/leave_last_out_split.ts";
 * import assert from "node:assert/strict";
 * const m = interactionsFromArrays({ users: [0, 0, 0, 1], items: [0, 1, 2, 0], timestamps: [3, 1, 2, 5] });
 * const { train, test } = leaveLastOutSplit(m);
 * assert.deepEqual([...test.byUser.indices], [0]); // user 0's latest item; user 1 keeps its one
 * assert.equal(train.nnz, 3);
 * ```
 */
export function leaveLastOutSplit(
  data: Interactions,
  options: LeaveLastOutOptions = {},
): RecommendSplit {
  const n = options.n ?? 1;
  if (!(Number.isInteger(n) && n >= 1)) {
    throw new RangeError(`leaveLastOutSplit(): n must be a positive integer, got ${n}`);
  }
  const ts = data.lastTimestamp;
  if (ts === undefined) {
    throw new TypeError(
      "leaveLastOutSplit() needs interactions with lastTimestamp (build them from timestamped tables)",
    );
  }
  const keepOne = options.keepOne ?? true;
  const { indptr } = data.byUser;
  const mask = new Uint8Array(data.nnz);
  for (let u = 0; u < data.nUsers; u++) {
    const a = indptr[u], b = indptr[u + 1];
    if (b - a === 0 || (keepOne && b - a <= n)) continue;
    const order = Array.from({ length: b - a }, (_, j) => a + j);
    order.sort((x, y) => ts[y] - ts[x] || y - x);
    for (let j = 0; j < Math.min(n, order.length); j++) mask[order[j]] = 1;
  }
  const [train, test] = partition(data, mask);
  return { train, test };
}
