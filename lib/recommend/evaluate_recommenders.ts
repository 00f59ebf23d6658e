/**
 * One evaluation table for every recommender on the same split and the same users, with the
 * popularity baseline always present.
 *
 * @module
 */
import { DEFAULT_K } from "../core/constants.ts";
import {
  type CandidateOptions,
  candidateUsers,
  meanOverScored,
  rankedLists,
} from "./_candidates.ts";
import type { FittedRecommender, Recommender, RecommendSplit } from "./types.ts";
import { popularity } from "./popularity.ts";
import { precisionAtK } from "./precision_at_k.ts";
import { recallAtK } from "./recall_at_k.ts";
import { hitRateAtK } from "./hit_rate_at_k.ts";
import { ndcgAtK } from "./ndcg_at_k.ts";
import { mapAtK } from "./map_at_k.ts";
import { mrrAtK } from "./mrr_at_k.ts";
import { catalogCoverage } from "./catalog_coverage.ts";
import { novelty } from "./novelty.ts";
import { intraListDiversity } from "./intra_list_diversity.ts";
import { rowDotCsr } from "./_dot.ts";

/** Options of {@linkcode evaluateRecommenders}. */
export interface EvaluateRecommendersOptions extends CandidateOptions {
  /** List length and metric cut-off. Default `DEFAULT_K` (10). */
  readonly k?: number;
  /** Add `popularity()` when no model is named "popularity". Default `true`. */
  readonly baseline?: boolean;
}

/** One row of the evaluation table (metrics are means over the evaluated users). */
export interface RecommenderEvaluation {
  /** Model name. */
  readonly model: string;
  /** Users evaluated. */
  readonly users: number;
  /** Precision@k. */
  readonly precision: number;
  /** Recall@k. */
  readonly recall: number;
  /** Hit rate@k. */
  readonly hitRate: number;
  /** NDCG@k. */
  readonly ndcg: number;
  /** MAP@k (normaliser min(k, |relevant|)). */
  readonly map: number;
  /** MRR@k. */
  readonly mrr: number;
  /** Catalogue coverage of all lists. */
  readonly coverage: number;
  /** Mean −log2 p(item), p = share of training users. */
  readonly novelty: number;
  /** Intra-list diversity, 1 − mean pairwise cosine of items' training user vectors. */
  readonly diversity: number;
}

/**
 * Fits (when needed) and evaluates every model against the popularity baseline on one split,
 * with the same candidate users and the same relevance rule, seen items excluded.
 *
 * @param models Unfitted {@linkcode Recommender}s (fitted on `split.train`) or fitted models
 *   (which must have been fitted on `split.train`).
 * @param split A train/test split over one index space.
 * @param options See {@linkcode EvaluateRecommendersOptions}.
 * @returns One row per model (baseline first when added).
 * @throws {RangeError} When a fitted model was trained on other data or no user qualifies.
 * @example
 * ```ts
 * import { interactionsFromArrays } from "@shoplab/lib/recommend/interactions_from_arrays.ts";
 * import { evaluateRecommenders } from "@shoplab/lib/recommend/evaluate_recommenders.ts";
 * import { itemKnn } from "@shoplab/lib/recommend/item_knn.ts";
 * import assert from "node:assert/strict";
 * const train = interactionsFromArrays({ users: [0, 0, 1, 2, 2], items: [0, 1, 0, 2, 3] });
 * const test = interactionsFromArrays({ users: [1], items: [1] }, { nUsers: 3, nItems: 4 });
 * const rows = await evaluateRecommenders([itemKnn()], { train, test }, { k: 1 });
 * assert.deepEqual(rows.map((r) => r.model), ["popularity", "item-knn"]);
 * assert.equal(rows[1].hitRate, 1);
 * ```
 */
export async function evaluateRecommenders(
  models: readonly (Recommender | FittedRecommender)[],
  split: RecommendSplit,
  options: EvaluateRecommendersOptions = {},
): Promise<RecommenderEvaluation[]> {
  const { train } = split;
  const k = options.k ?? DEFAULT_K;
  const c = candidateUsers(split, options, "evaluateRecommenders()");
  const all = [...models];
  if ((options.baseline ?? true) && !all.some((m) => m.name === "popularity")) {
    all.unshift(popularity());
  }

  // item popularity and item-item cosine on train, for novelty and diversity
  const prob = new Float64Array(train.nItems);
  for (let i = 0; i < train.nItems; i++) {
    const c = train.byItem.indptr[i + 1] - train.byItem.indptr[i];
    prob[i] = Math.max(c, 1) / Math.max(train.nUsers, 1);
  }
  const simCache = new Map<number, number>();
  const itemCos = (a: number, b: number): number => {
    const key = a < b ? a * train.nItems + b : b * train.nItems + a;
    let s = simCache.get(key);
    if (s === undefined) simCache.set(key, s = rowDotCsr(train.byItem, a, b, true));
    return s;
  };

  const rows: RecommenderEvaluation[] = [];
  for (const m of all) {
    const { name, lists } = await rankedLists(m, split, c.users, k, "evaluateRecommenders()");
    const mean = (f: (rec: number[], rel: Set<number>) => number): number =>
      meanOverScored(lists, c, f);
    rows.push({
      model: name,
      users: c.scored.filter((x) => x).length,
      precision: mean((l, r) => precisionAtK(l, r, { k })),
      recall: mean((l, r) => recallAtK(l, r, { k })),
      hitRate: mean((l, r) => hitRateAtK(l, r, { k })),
      ndcg: mean((l, r) => ndcgAtK(l, r, { k })),
      map: mean((l, r) => mapAtK(l, r, { k })),
      mrr: mean((l, r) => mrrAtK(l, r, { k })),
      coverage: catalogCoverage(lists, train.nItems),
      novelty: novelty(lists, prob),
      diversity: intraListDiversity(lists, itemCos),
    });
  }
  return rows;
}
