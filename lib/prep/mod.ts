/**
 * Preprocessing: duplicates, cleaning, missing values, one-hot encoding, scaling, splits and the
 * per-customer feature table.
 *
 * @module
 */
export * from "./drop_duplicates.ts";
export * from "./clean_transactions.ts";
export * from "./impute.ts";
export * from "./one_hot.ts";
export * from "./scale.ts";
export * from "./split.ts";
export * from "./customer_features.ts";
export * from "./summaries.ts";
