/**
 * Retention: period-over-period retention and churn, cumulative cohort retention
 * L(t) = ∏ (1 − A(i)), cohort tables (first purchase or signup × periods since, by channel),
 * repeat-purchase rate, active-customer curves, and survival analysis of time to churn —
 * right-censored churn times, Kaplan–Meier with Greenwood intervals and median, and the
 * log-rank test across groups.
 *
 * Two retention numbers that the source material mixes up:
 * - **period retention** ({@linkcode periodRetention}): of last period's active customers,
 *   the share active again this period; its complement is the period churn rate A(i);
 * - **cumulative retention** ({@linkcode cumulativeRetention}, {@linkcode cohortTable}): of
 *   one starting cohort, the share still there after t periods, L(t) = N(t)/N(0).
 *
 * @example
 * ```ts
 * import { cumulativeRetention, kaplanMeier } from "@shoplab/lib/retention/mod.ts";
 * import assert from "node:assert/strict";
 * assert.ok(Math.abs(cumulativeRetention([0.1, 0.05])[2] - 0.855) < 1e-12);
 * assert.deepEqual(kaplanMeier({ durations: [1, 2], events: [1, 1] }).survival, [0.5, 0]);
 * ```
 *
 * @module
 */
export type * from "./types.ts";
export type { PeriodUnit } from "./_activity.ts";
export * from "./cumulative_retention.ts";
export * from "./period_retention.ts";
export * from "./cohort_table.ts";
export * from "./retention_curve.ts";
export * from "./repeat_purchase_rate.ts";
export * from "./active_customers.ts";
export * from "./churn_times.ts";
export * from "./survival_samples.ts";
export * from "./kaplan_meier.ts";
export * from "./log_rank_test.ts";
