/**
 * Preprocessing: duplicates, cleaning, missing values, one-hot encoding, scaling, splits, the
 * per-customer feature table, future labels, and the conversion to plain matrices for models.
 *
 * Fitted steps (imputers, encoder, scalers) learn on one table and `transform` others: fit on
 * the training part only.
 *
 * @module
 */
export * from "./drop_duplicates.ts";
export * from "./clean_transactions.ts";
export * from "./impute_mean.ts";
export * from "./impute_median.ts";
export * from "./interpolate_time.ts";
export * from "./impute_knn.ts";
export * from "./one_hot.ts";
export * from "./standard_scaler.ts";
export * from "./min_max_scaler.ts";
export * from "./random_split.ts";
export * from "./chronological_split.ts";
export * from "./customer_features.ts";
export * from "./future_labels.ts";
export * from "./to_matrix.ts";
export * from "./shop_summary.ts";
export * from "./missing_summary.ts";
export * from "./revenue_by_period.ts";
export * from "./split_summary.ts";
export * from "./top_items.ts";
