/**
 * Acquisition and growth: new customers per channel and month, the conversion funnel
 * visit → cart → purchase by channel, cost per acquisition from channel spend, LTV : CAC and
 * payback months per channel, targeting gains (value of contacting the top-scored customers vs
 * random), a recency × frequency propensity score, and computed recommendations.
 *
 * @example
 * ```ts
 * import { targetingGains } from "@shoplab/lib/acquisition/mod.ts";
 * import assert from "node:assert/strict";
 * const [all] = targetingGains([0.9, 0.1], [1, 0], { fractions: [1] });
 * assert.equal(all.lift, 1); // contacting everyone is random targeting
 * ```
 *
 * @module
 */
export * from "./new_customers.ts";
export * from "./conversion_funnel.ts";
export * from "./acquisition_cost.ts";
export * from "./channel_economics.ts";
export * from "./targeting_gains.ts";
export * from "./rf_propensity.ts";
export * from "./rf_propensity_rows.ts";
export * from "./channel_recommendations.ts";
