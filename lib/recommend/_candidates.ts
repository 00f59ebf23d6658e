/** Private: the evaluated users and their relevant test items, shared by the evaluators. */
import { SEED } from "../core/constants.ts";
import { permutation } from "../core/random.ts";
import type { RecommendSplit } from "./types.ts";

/** How candidates and relevance are chosen (see `EvaluateRecommendersOptions`). */
export interface CandidateOptions {
  /**
   * Users to evaluate. Default: every user with at least one training interaction and at least
   * one relevant test item.
   */
  readonly candidates?: ArrayLike<number>;
  /** `"new"` (test items not in the user's training data) or `"all"`. Default `"new"`. */
  readonly relevant?: "new" | "all";
  /** Evaluate a seeded random sample of at most this many candidates. Default: all. */
  readonly maxUsers?: number;
  /** Seed of that sample. Default `SEED` (42). */
  readonly seed?: number;
}

/** Evaluated users, their relevant item sets, and whether each is scored (non-empty set). */
export interface Candidates {
  readonly users: number[];
  readonly relevant: Set<number>[];
  readonly scored: boolean[];
}

/**
 * Chooses the users an evaluator scores and the relevant test items of each.
 *
 * @param split Train and test interactions over one index space.
 * @param options See {@linkcode CandidateOptions}.
 * @param caller Name of the calling function, for error messages.
 * @returns The users, their relevant item sets and whether each set is non-empty.
 * @throws {RangeError} When train and test have different shapes.
 * @example
 * ```ts
 * import { interactionsFromArrays } from "@shoplab/lib/recommend/interactions_from_arrays.ts";
 * import { candidateUsers } from "@shoplab/lib/recommend/_candidates.ts";
 * import assert from "node:assert/strict";
 * const train = interactionsFromArrays({ users: [0, 1, 2], items: [0, 0, 1] }, { nItems: 3 });
 * const test = interactionsFromArrays({ users: [0, 1], items: [2, 0] }, { nUsers: 3, nItems: 3 });
 * const c = candidateUsers({ train, test }, {}, "evaluateRecommenders");
 * // user 1's only test item was already in train ("new" relevance), user 2 has no test item
 * assert.deepEqual(c.users, [0]);
 * assert.deepEqual([...c.relevant[0]], [2]);
 * ```
 */
export function candidateUsers(
  split: RecommendSplit,
  options: CandidateOptions,
  caller: string,
): Candidates {
  const { train, test } = split;
  if (train.nUsers !== test.nUsers || train.nItems !== test.nItems) {
    throw new RangeError(`${caller}: train and test must share one index space`);
  }
  const onlyNew = (options.relevant ?? "new") === "new";
  const relevantOf = (u: number): number[] => {
    const out: number[] = [];
    const seen = new Set<number>();
    if (onlyNew) {
      for (let q = train.byUser.indptr[u]; q < train.byUser.indptr[u + 1]; q++) {
        seen.add(train.byUser.indices[q]);
      }
    }
    for (let q = test.byUser.indptr[u]; q < test.byUser.indptr[u + 1]; q++) {
      const i = test.byUser.indices[q];
      if (!seen.has(i)) out.push(i);
    }
    return out;
  };
  let users: number[];
  if (options.candidates !== undefined) {
    users = Array.from(options.candidates);
    for (const u of users) {
      if (!(Number.isInteger(u) && u >= 0 && u < train.nUsers)) {
        throw new RangeError(`${caller}: candidate user ${u} is outside [0, ${train.nUsers})`);
      }
    }
  } else {
    users = [];
    for (let u = 0; u < train.nUsers; u++) {
      if (train.byUser.indptr[u + 1] > train.byUser.indptr[u] && relevantOf(u).length > 0) {
        users.push(u);
      }
    }
  }
  if (options.maxUsers !== undefined && users.length > options.maxUsers) {
    const perm = permutation(users.length, options.seed ?? SEED);
    users = Array.from(perm.subarray(0, options.maxUsers), (p) => users[p]).sort((a, b) => a - b);
  }
  const relevant = users.map((u) => new Set(relevantOf(u)));
  const scored = relevant.map((r) => r.size > 0);
  if (!scored.some((x) => x)) {
    throw new RangeError(`${caller}: no candidate user has a relevant test item`);
  }
  return { users, relevant, scored };
}
