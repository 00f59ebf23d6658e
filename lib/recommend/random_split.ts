/**
 * Random hold-out of (user, item) pairs, seeded.
 *
 * @module
 */
import { SEED } from "../core/constants.ts";
import { createRng } from "../core/random.ts";
import type { Interactions, RecommendSplit } from "./types.ts";
import { partition } from "./_sub.ts";

/** Options of {@linkcode randomSplit}. */
export interface RandomSplitOptions {
  /** Probability that a pair goes to the test set. Default `0.2`. */
  readonly testFraction?: number;
  /** Seed. Default `SEED` (42). */
  readonly seed?: number;
}

/**
 * Sends each stored (user, item) pair to the test set with probability `testFraction`
 * (independently, seeded). Train and test share the index space and never share a pair.
 *
 * @param data The full interactions.
 * @param options See {@linkcode RandomSplitOptions}.
 * @returns `{ train, test }`.
 * @throws {RangeError} When `testFraction` is not in [0, 1].
 * @example
 * ```ts
 * import { interactionsFromArrays } from "@shoplab/lib/recommend/interactions_from_arrays.ts";
 * import { randomSplit } from "@shoplab/lib/recommend/random_split.ts";
 * import assert from "node:assert/strict";
 * const m = interactionsFromArrays({ users: [0, 0, 1, 1, 2], items: [0, 1, 0, 2, 1] });
 * const { train, test } = randomSplit(m, { testFraction: 0.4, seed: 1 });
 * assert.equal(train.nnz + test.nnz, 5);
 * ```
 */
export function randomSplit(data: Interactions, options: RandomSplitOptions = {}): RecommendSplit {
  const p = options.testFraction ?? 0.2;
  if (!(p >= 0 && p <= 1)) {
    throw new RangeError(`randomSplit(): testFraction must be in [0, 1], got ${p}`);
  }
  const rng = createRng(options.seed ?? SEED);
  const mask = new Uint8Array(data.nnz);
  for (let q = 0; q < mask.length; q++) mask[q] = rng.next() < p ? 1 : 0;
  const [train, test] = partition(data, mask);
  return { train, test };
}
