/**
 * Recommendation for shoplab, all on sparse typed arrays (never a dense users × items matrix):
 * interaction matrices from canonical tables, vector similarities, item- and user-based
 * collaborative filtering, implicit ALS, a tfjs embedding model, content-based and hybrid
 * recommenders, popularity baselines, train/test splits, ranking metrics and one evaluation
 * table.
 *
 * ```ts
 * import { interactionsFromArrays, itemKnn } from "@shoplab/lib/recommend/mod.ts";
 * import assert from "node:assert/strict";
 * const train = interactionsFromArrays({ users: [0, 0, 1], items: [0, 1, 0] });
 * const model = await itemKnn().fit(train);
 * assert.equal(model.recommend([1], { k: 1 })[0].items[0].item, 1);
 * ```
 *
 * @module
 */
export * from "./types.ts";
export type { LogOptions } from "./_log.ts";
export type { CandidateOptions } from "./_candidates.ts";
export * from "./interactions_from_arrays.ts";
export * from "./id_index.ts";
export * from "./build_interactions.ts";
export * from "./cosine_similarity.ts";
export * from "./pearson_correlation.ts";
export * from "./jaccard_similarity.ts";
export * from "./vector_similarity.ts";
export * from "./item_similarity_top_k.ts";
export * from "./item_knn.ts";
export * from "./user_knn.ts";
export * from "./implicit_als.ts";
export * from "./embedding_model.ts";
export * from "./content_based.ts";
export * from "./hybrid.ts";
export * from "./popularity.ts";
export * from "./random_split.ts";
export * from "./chronological_split.ts";
export * from "./leave_last_out_split.ts";
export * from "./precision_at_k.ts";
export * from "./recall_at_k.ts";
export * from "./hit_rate_at_k.ts";
export * from "./ndcg_at_k.ts";
export * from "./map_at_k.ts";
export * from "./mrr_at_k.ts";
export * from "./catalog_coverage.ts";
export * from "./novelty.ts";
export * from "./intra_list_diversity.ts";
export * from "./evaluate_recommenders.ts";
export * from "./metrics_at_k.ts";
export * from "./sample_recommendations.ts";
