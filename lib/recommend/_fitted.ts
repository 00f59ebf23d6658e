/** Private: the shared `recommend()` of every fitted model. */
import { DEFAULT_K } from "../core/constants.ts";
import type {
  Explanation,
  FittedRecommender,
  Interactions,
  RecommendedItem,
  RecommendOptions,
  UserRecommendations,
} from "./types.ts";
import { topK } from "./_top_k.ts";
import { idIndex } from "./id_index.ts";

/**
 * Resolves user indices or ids to indices (cached id → index map per id array).
 *
 * @example
 * ```ts
 * import { interactionsFromArrays } from "@shoplab/lib/recommend/interactions_from_arrays.ts";
 * import { resolveUsers } from "@shoplab/lib/recommend/_fitted.ts";
 * import assert from "node:assert/strict";
 * const train = interactionsFromArrays({ users: [0, 1], items: [0, 1] }, {
 *   userIds: ["ann", "bob"],
 *   itemIds: ["x", "y"],
 * });
 * assert.deepEqual([...resolveUsers(train, ["bob", "ann"])], [1, 0]);
 * assert.deepEqual([...resolveUsers(train, [1])], [1]);
 * assert.throws(() => resolveUsers(train, ["eve"]), RangeError);
 * ```
 */
export function resolveUsers(
  train: Interactions,
  users: ArrayLike<number> | readonly string[],
): Int32Array {
  const out = new Int32Array(users.length);
  let map: ReadonlyMap<string, number> | undefined;
  for (let j = 0; j < users.length; j++) {
    const u = users[j];
    if (typeof u === "string") {
      map ??= idIndex(train.userIds);
      const i = map.get(u);
      if (i === undefined) {
        throw new RangeError(`recommend(): unknown user id ${JSON.stringify(u)}`);
      }
      out[j] = i;
    } else {
      if (!(Number.isInteger(u) && u >= 0 && u < train.nUsers)) {
        throw new RangeError(`recommend(): user index ${u} is outside [0, ${train.nUsers})`);
      }
      out[j] = u;
    }
  }
  return out;
}

/**
 * Ranked item indices for one user, seen items excluded on request.
 *
 * @example
 * ```ts
 * import { interactionsFromArrays } from "@shoplab/lib/recommend/interactions_from_arrays.ts";
 * import { rankItems } from "@shoplab/lib/recommend/_fitted.ts";
 * import assert from "node:assert/strict";
 * const train = interactionsFromArrays({ users: [0, 1], items: [0, 1] }, {
 *   userIds: ["ann", "bob"],
 *   itemIds: ["x", "y"],
 * });
 * // ann has seen item 0, so only item 1 is left
 * assert.deepEqual([...rankItems(train, Float32Array.of(0.9, 0.1), 0, 2, true)], [1]);
 * assert.deepEqual([...rankItems(train, Float32Array.of(0.9, 0.1), 0, 2, false)], [0, 1]);
 * ```
 */
export function rankItems(
  train: Interactions,
  scores: Float32Array,
  user: number,
  k: number,
  excludeSeen: boolean,
): Int32Array {
  if (excludeSeen) {
    const { indptr, indices } = train.byUser;
    for (let q = indptr[user]; q < indptr[user + 1]; q++) scores[indices[q]] = -Infinity;
  }
  return topK(scores, k);
}

/**
 * Builds a FittedRecommender from a scoring function (and optional explainer).
 *
 * @example
 * ```ts
 * import { interactionsFromArrays } from "@shoplab/lib/recommend/interactions_from_arrays.ts";
 * import { makeFitted } from "@shoplab/lib/recommend/_fitted.ts";
 * import assert from "node:assert/strict";
 * const train = interactionsFromArrays({ users: [0, 1], items: [0, 1] }, {
 *   userIds: ["ann", "bob"],
 *   itemIds: ["x", "y"],
 * });
 * const model = makeFitted("constant", train, () => Float32Array.of(0.2, 0.7));
 * const [bob] = model.recommend(["bob"], { k: 1 });
 * assert.equal(bob.userId, "bob");
 * assert.equal(bob.items[0].itemId, "x"); // bob has seen "y", so the best unseen item is "x"
 * assert.equal(model.recommend(["bob"], { k: 1, exclude: "none" })[0].items[0].itemId, "y");
 * ```
 */
export function makeFitted(
  name: string,
  train: Interactions,
  scores: (user: number) => Float32Array,
  explain?: (user: number, item: number) => Explanation | undefined,
  extra: Record<string, unknown> = {},
): FittedRecommender {
  function recommend(
    users: ArrayLike<number> | readonly string[],
    options: RecommendOptions = {},
  ): UserRecommendations[] {
    const k = options.k ?? DEFAULT_K;
    if (!(Number.isInteger(k) && k >= 1)) {
      throw new RangeError(`recommend(): k must be a positive integer, got ${k}`);
    }
    const excludeSeen = (options.exclude ?? "seen") === "seen";
    const withWhy = (options.explain ?? true) && explain !== undefined;
    return Array.from(resolveUsers(train, users), (u) => {
      const s = scores(u);
      const top = rankItems(train, s, u, k, excludeSeen);
      const items: RecommendedItem[] = Array.from(top, (i) => {
        const why = withWhy ? explain!(u, i) : undefined;
        return why === undefined
          ? { item: i, itemId: train.itemIds[i], score: s[i] }
          : { item: i, itemId: train.itemIds[i], score: s[i], explanation: why };
      });
      return { user: u, userId: train.userIds[u], items };
    });
  }
  return { ...extra, name, train, scores, explain, recommend };
}

/**
 * Label of an item for explanations.
 *
 * @example
 * ```ts
 * import { interactionsFromArrays } from "@shoplab/lib/recommend/interactions_from_arrays.ts";
 * import { label } from "@shoplab/lib/recommend/_fitted.ts";
 * import assert from "node:assert/strict";
 * const train = interactionsFromArrays({ users: [0], items: [1] }, { itemLabels: ["Tea", "Mug"] });
 * assert.equal(label(train, 1), "Mug");
 * assert.equal(label(interactionsFromArrays({ users: [0], items: [1] }), 1), "1");
 * ```
 */
export function label(train: Interactions, item: number): string {
  return train.itemLabels?.[item] ?? train.itemIds[item];
}
