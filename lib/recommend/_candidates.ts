/** Private: the evaluated users and their relevant test items, shared by the evaluators. */
import { SEED } from "../core/constants.ts";
import { permutation } from "../core/random.ts";
import type { RecommendSplit } from "./types.ts";

/** How candidates and relevance are chosen (see `EvaluateRecommendersOptions`). */
export interface CandidateOptions {
  readonly candidates?: ArrayLike<number>;
  readonly relevant?: "new" | "all";
  readonly maxUsers?: number;
  readonly seed?: number;
}

/** Evaluated users, their relevant item sets, and whether each is scored (non-empty set). */
export interface Candidates {
  readonly users: number[];
  readonly relevant: Set<number>[];
  readonly scored: boolean[];
}

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
