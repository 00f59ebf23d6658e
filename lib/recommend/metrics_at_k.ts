/**
 * Ranking metrics of several models at several cut-offs from one ranking per user, for
 * metric@k curves.
 *
 * @module
 */
import type { FittedRecommender, Recommender, RecommendSplit } from "./types.ts";
import {
  type CandidateOptions,
  candidateUsers,
  meanOverScored,
  rankedLists,
} from "./_candidates.ts";
import { precisionAtK } from "./precision_at_k.ts";
import { recallAtK } from "./recall_at_k.ts";
import { hitRateAtK } from "./hit_rate_at_k.ts";
import { ndcgAtK } from "./ndcg_at_k.ts";
import { mapAtK } from "./map_at_k.ts";
import { mrrAtK } from "./mrr_at_k.ts";
import { catalogCoverage } from "./catalog_coverage.ts";

/** Options of {@linkcode metricsAtK}. */
export interface MetricsAtKOptions extends CandidateOptions {
  /** Cut-offs. Default `[1, 2, 3, 5, 10, 15, 20]`. */
  readonly ks?: readonly number[];
}

/** One model at one cut-off (means over the evaluated users). */
export interface MetricsAtKRow {
  /** Model name. */
  readonly model: string;
  /** Cut-off. */
  readonly k: number;
  /** Precision@k. */
  readonly precision: number;
  /** Recall@k. */
  readonly recall: number;
  /** Hit rate@k. */
  readonly hitRate: number;
  /** NDCG@k. */
  readonly ndcg: number;
  /** MAP@k. */
  readonly map: number;
  /** MRR@k. */
  readonly mrr: number;
  /** Catalogue coverage of the top-k lists. */
  readonly coverage: number;
}

/**
 * Ranks the top max(ks) items once per user and model (seen items excluded), then scores every
 * prefix: the value at k is exactly what `evaluateRecommenders` gives with that k. No baseline
 * is added: pass `popularity()` among the models.
 *
 * @param models Unfitted recommenders (fitted on `split.train`) or models fitted on it.
 * @param split A train/test split over one index space.
 * @param options See {@linkcode MetricsAtKOptions}.
 * @returns Rows ordered by model, then k.
 * @throws {RangeError} When a k is not a positive integer, a fitted model was trained on other
 *   data, or no user qualifies.
 * @example
 * ```ts
 * import { interactionsFromArrays } from "@shoplab/lib/recommend/interactions_from_arrays.ts";
 * import { metricsAtK } from "@shoplab/lib/recommend/metrics_at_k.ts";
 * import { popularity } from "@shoplab/lib/recommend/popularity.ts";
 * import assert from "node:assert/strict";
 * const train = interactionsFromArrays({ users: [0, 1, 1, 2, 2, 2], items: [0, 0, 1, 0, 1, 2] });
 * const test = interactionsFromArrays({ users: [0], items: [2] }, { nUsers: 3, nItems: 3 });
 * const rows = await metricsAtK([popularity()], { train, test }, { ks: [1, 2] });
 * // user 0's list is [1, 2]: the held-out item 2 is second
 * assert.deepEqual(rows.map((r) => r.hitRate), [0, 1]);
 * assert.equal(rows[1].mrr, 1 / 2);
 * ```
 */
export async function metricsAtK(
  models: readonly (Recommender | FittedRecommender)[],
  split: RecommendSplit,
  options: MetricsAtKOptions = {},
): Promise<MetricsAtKRow[]> {
  const ks = [...(options.ks ?? [1, 2, 3, 5, 10, 15, 20])];
  for (const k of ks) {
    if (!(Number.isInteger(k) && k >= 1)) {
      throw new RangeError(`metricsAtK(): every k must be a positive integer, got ${k}`);
    }
  }
  const c = candidateUsers(split, options, "metricsAtK()");
  const maxK = Math.max(...ks);
  const rows: MetricsAtKRow[] = [];
  for (const m of models) {
    const { name, lists } = await rankedLists(m, split, c.users, maxK, "metricsAtK()");
    for (const k of ks) {
      const mean = (f: (rec: number[], rel: Set<number>, o: { k: number }) => number) =>
        meanOverScored(lists, c, (l, r) => f(l, r, { k }));
      rows.push({
        model: name,
        k,
        precision: mean(precisionAtK),
        recall: mean(recallAtK),
        hitRate: mean(hitRateAtK),
        ndcg: mean(ndcgAtK),
        map: mean(mapAtK),
        mrr: mean(mrrAtK),
        coverage: catalogCoverage(lists.map((l) => l.slice(0, k)), split.train.nItems),
      });
    }
  }
  return rows;
}
