/** Private: the evaluated users and their relevant test items, shared by the evaluators. */
import { SEED } from "../core/constants.ts";
import { permutation } from "../core/random.ts";
import type { FittedRecommender, Recommender, RecommendSplit } from "./types.ts";

/** How candidates and relevance are chosen (see `EvaluateRecommendersOptions`). */
export interface CandidateOptions {
  /**
   * Users to evaluate. Default: every user with at least one training interaction and at least
   * one relevant test item.
   */
  readonly candidates?: ArrayLike<number>;
  /**
   * Which test items are relevant: `"new"` (items the user has not in train; recommendations
   * exclude seen items, so re-purchases could never be hit) or `"all"`. Default `"new"`.
   */
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

/**
 * Fits `model` on `split.train` when it is not fitted yet (checking a fitted one was trained on
 * data of the same shape), then ranks the top `k` unseen items of each user.
 *
 * @param model An unfitted or fitted recommender.
 * @param split The split whose training data the model is (or is to be) fitted on.
 * @param users Users to rank for.
 * @param k List length.
 * @param caller Name of the calling function, for error messages.
 * @returns The fitted model's name and one item list per user.
 * @throws {RangeError} When a fitted model was trained on other data.
 * @example
 * ```ts
 * import { interactionsFromArrays } from "@shoplab/lib/recommend/interactions_from_arrays.ts";
 * import { rankedLists } from "@shoplab/lib/recommend/_candidates.ts";
 * import { popularity } from "@shoplab/lib/recommend/popularity.ts";
 * import assert from "node:assert/strict";
 * const train = interactionsFromArrays({ users: [0, 1, 1], items: [0, 0, 1] });
 * const r = await rankedLists(popularity(), { train, test: train }, [0], 1, "demo()");
 * assert.deepEqual(r, { name: "popularity", lists: [[1]] });
 * ```
 */
export async function rankedLists(
  model: Recommender | FittedRecommender,
  split: RecommendSplit,
  users: readonly number[],
  k: number,
  caller: string,
): Promise<{ name: string; lists: number[][] }> {
  const { train } = split;
  const fitted: FittedRecommender = "recommend" in model ? model : await model.fit(train);
  if (fitted.train.nItems !== train.nItems || fitted.train.nUsers !== train.nUsers) {
    throw new RangeError(`${caller}: model "${model.name}" was fitted on other data`);
  }
  const lists = fitted.recommend(users, { k, explain: false }).map((r) =>
    r.items.map((x) => x.item)
  );
  return { name: fitted.name, lists };
}

/**
 * Mean of a per-user metric over the scored candidates (in user order).
 *
 * @param lists One ranked list per candidate user.
 * @param c The candidates the lists were ranked for.
 * @param f The metric of one list against the user's relevant items.
 * @returns The mean over users whose relevant set is non-empty.
 * @example
 * ```ts
 * import { meanOverScored } from "@shoplab/lib/recommend/_candidates.ts";
 * import assert from "node:assert/strict";
 * const c = { users: [0, 1], relevant: [new Set([1]), new Set<number>()], scored: [true, false] };
 * assert.equal(meanOverScored([[1], [2]], c, (l, r) => r.has(l[0]) ? 1 : 0), 1);
 * ```
 */
export function meanOverScored(
  lists: readonly number[][],
  c: Candidates,
  f: (rec: number[], rel: Set<number>) => number,
): number {
  let s = 0, n = 0;
  lists.forEach((l, j) => {
    if (!c.scored[j]) return;
    s += f(l, c.relevant[j]);
    n++;
  });
  return s / n;
}
