/**
 * Customer segmentation: RFM scores and named segments, k-means on typed arrays (k-means++,
 * seeded restarts), choosing k (elbow, silhouette), PCA for 2-D views, and per-cluster
 * profiles.
 *
 * The path from a feature table to segments: `segmentationMatrix` one-hot encodes the
 * categorical columns (never feed raw strings such as gender or country to a scaler),
 * standardises the numeric ones and makes the matrix; `chooseK` (silhouette and the elbow,
 * `elbowK`) picks k; `kmeans` fits; `clusterProfiles` describes the clusters on the unscaled
 * table and `pca` draws them in 2-D.
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
export * from "./elbow_k.ts";
export * from "./choose_k.ts";
export * from "./pca.ts";
export * from "./cluster_profiles.ts";
export * from "./segmentation_matrix.ts";
export * from "./segment_attributes.ts";
