/**
 * Popularity baselines: the most-bought items overall, or in the last N days.
 *
 * @module
 */
import { MS_PER_DAY } from "../core/constants.ts";
import type { FittedRecommender, Interactions, Recommender } from "./types.ts";
import { makeFitted } from "./_fitted.ts";

/** Options of {@linkcode popularity}. */
export interface PopularityOptions {
  /**
   * Count only users whose last interaction with the item is within this many days before
   * `asOf` (needs `lastTimestamp`). Default: all time.
   */
  readonly recentDays?: number;
  /** End of the recent window (Date or epoch ms). Default: the latest time in the training data. */
  readonly asOf?: Date | number;
  /** Name in evaluation tables. Default `"popularity"` (or `"popularity-<N>d"` when recent). */
  readonly name?: string;
}

/** A fitted popularity model. */
export interface FittedPopularity extends FittedRecommender {
  /** Number of distinct users per item (in the window). */
  readonly counts: Float32Array;
}

/**
 * Scores every item by its number of distinct users (the same list for everyone, minus what
 * each user has already seen). The baseline every other model must beat.
 *
 * @param options See {@linkcode PopularityOptions}.
 * @returns A {@linkcode Recommender}.
 * @throws {TypeError} At fit time, when `recentDays` is set and the data has no timestamps.
 * @example
 * ```ts
 * import { interactionsFromArrays } from "@shoplab/lib/recommend/interactions_from_arrays.ts";
 * import { popularity } from "@shoplab/lib/recommend/popularity.ts";
 * import assert from "node:assert/strict";
 * const train = interactionsFromArrays({
 *   users: [0, 1, 2, 2], items: [1, 1, 0, 2], timestamps: [1, 2, 3 * 86_400_000, 3 * 86_400_000],
 * });
 * const all = await popularity().fit(train);
 * assert.equal(all.recommend([0], { k: 1 })[0].items[0].item, 0);
 * const recent = await popularity({ recentDays: 1 }).fit(train);
 * assert.deepEqual([...recent.scores(0)], [1, 0, 1]);
 * ```
 */
export function popularity(options: PopularityOptions = {}): Recommender<FittedPopularity> {
  const days = options.recentDays;
  const name = options.name ?? (days === undefined ? "popularity" : `popularity-${days}d`);
  return {
    name,
    fit(train: Interactions): Promise<FittedPopularity> {
      const counts = new Float32Array(train.nItems);
      const { indptr } = train.byItem;
      if (days === undefined) {
        for (let i = 0; i < train.nItems; i++) counts[i] = indptr[i + 1] - indptr[i];
      } else {
        const ts = train.lastTimestamp;
        if (ts === undefined) {
          return Promise.reject(
            new TypeError("popularity({ recentDays }) needs interactions with lastTimestamp"),
          );
        }
        let end = -Infinity;
        if (options.asOf !== undefined) {
          end = typeof options.asOf === "number" ? options.asOf : options.asOf.getTime();
        } else for (let q = 0; q < ts.length; q++) end = Math.max(end, ts[q]);
        const start = end - days * MS_PER_DAY;
        const { indptr: rp, indices: ri } = train.byUser;
        for (let u = 0; u < train.nUsers; u++) {
          for (let q = rp[u]; q < rp[u + 1]; q++) {
            if (ts[q] >= start && ts[q] <= end) counts[ri[q]]++;
          }
        }
      }
      const scores = () => counts.slice();
      const explain = (_u: number, i: number) =>
        counts[i] > 0 ? { text: `Popular: ${counts[i]} customers bought this` } : undefined;
      return Promise.resolve(
        makeFitted(name, train, scores, explain, { counts }) as FittedPopularity,
      );
    },
  };
}
