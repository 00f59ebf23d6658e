/**
 * Customer segmentation: RFM scores and named segments, k-means on typed arrays (k-means++,
 * seeded restarts), choosing k (elbow, silhouette), PCA for 2-D views, and per-cluster
 * profiles.
 *
 * The path from a feature table to segments: one-hot encode categorical columns
 * (`oneHot` in lib/prep — never feed raw strings such as gender or country to a scaler),
 * standardise the numeric ones (`fitStandardScaler`), make a matrix (`toMatrix`), then
 * `kmeans` and `clusterProfiles` on the unscaled table.
 *
 * @module
 */
export * from "./rfm_scores.ts";
export * from "./rfm_segments.ts";
export * from "./segment_summary.ts";
export * from "./kmeans.ts";
export * from "./assign_clusters.ts";
export * from "./silhouette_score.ts";
export * from "./elbow.ts";
export * from "./choose_k.ts";
export * from "./pca.ts";
export * from "./cluster_profiles.ts";
