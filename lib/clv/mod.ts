/**
 * Customer lifetime value, from the textbook formulas to the probabilistic "buy till you die"
 * models:
 *
 * - formulas: {@linkcode simpleClv} (AOV × frequency × lifetime, units explicit),
 *   {@linkcode convertDuration}, {@linkcode retentionClv} (m·r/(1+d−r) and finite sums);
 * - input: {@linkcode repeatSummary} (transactions → x, t_x, T, z̄), {@linkcode repeatArrays},
 *   {@linkcode calibrationHoldout};
 * - BG/NBD (Fader, Hardie & Lee 2005): {@linkcode fitBgNbd}, {@linkcode bgNbdLogLikelihood},
 *   {@linkcode bgNbdExpectedPurchases}, {@linkcode bgNbdConditionalPurchases},
 *   {@linkcode bgNbdProbabilityAlive}, {@linkcode simulateBgNbd};
 * - Gamma-Gamma (Fader & Hardie 2013): {@linkcode fitGammaGamma},
 *   {@linkcode gammaGammaLogLikelihood}, {@linkcode gammaGammaExpectedSpend};
 * - value: {@linkcode customerLifetimeValue} (monthly discounting, lifetimes' convention);
 * - diagnostics: {@linkcode holdoutByFrequency}, {@linkcode cumulativeTracking},
 *   {@linkcode frequencyRecencyGrid};
 * - errors: {@linkcode ConvergenceError}.
 *
 * @example
 * ```ts
 * import { bgNbdConditionalPurchases, fitBgNbd, simulateBgNbd, simpleClv } from "@shoplab/lib/clv/mod.ts";
 * import assert from "node:assert/strict";
 * assert.equal(simpleClv(100, { frequency: { count: 1, per: "months" }, lifetime: { value: 2, unit: "years" } }), 2400);
 * const data = simulateBgNbd({ r: 0.3, alpha: 4, a: 0.8, b: 2.5 }, 5000, { T: [26, 52], seed: 7 });
 * const fit = fitBgNbd(data);
 * const next = bgNbdConditionalPurchases(fit.params, data, { t: 26 });
 * assert.equal(next.length, 5000);
 * ```
 *
 * @module
 */
export * from "./repeat_summary.ts";
export * from "./repeat_arrays.ts";
export * from "./calibration_holdout.ts";
export * from "./simple_clv.ts";
export * from "./retention_clv.ts";
export * from "./convergence_error.ts";
export * from "./fit_bg_nbd.ts";
export * from "./bg_nbd_expected_purchases.ts";
export * from "./bg_nbd_conditional_purchases.ts";
export * from "./bg_nbd_probability_alive.ts";
export * from "./simulate_bg_nbd.ts";
export * from "./fit_gamma_gamma.ts";
export * from "./gamma_gamma_expected_spend.ts";
export * from "./customer_lifetime_value.ts";
export * from "./holdout_by_frequency.ts";
export * from "./cumulative_tracking.ts";
export * from "./frequency_recency_grid.ts";
