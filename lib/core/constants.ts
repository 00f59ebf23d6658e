/**
 * Project-wide defaults: one place for the numbers every module would otherwise repeat.
 *
 * @module
 */

/** Default seed for every random thing in shoplab (generator, splits, k-means, models). */
export const SEED = 42;

/** Default cut-off for ranking metrics (precision@k, NDCG@k, …). */
export const DEFAULT_K = 10;

/** Milliseconds in one day. Time in shoplab is stored as UTC epoch milliseconds. */
export const MS_PER_DAY = 86_400_000;

/** Milliseconds in one week (7 days). */
export const MS_PER_WEEK = 7 * MS_PER_DAY;

/** Days in an average Gregorian month (365.2425 / 12), used when converting days to months. */
export const DAYS_PER_MONTH = 365.2425 / 12;
