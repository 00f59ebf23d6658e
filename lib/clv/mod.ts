/**
 * Customer lifetime value: the repeat-purchase summary for probabilistic models.
 *
 * @module
 */
export * from "./repeat_summary.ts";
