/**
 * Coverage / accuracy trade-off of the FAQ answerer's "don't know" threshold, for a chart.
 *
 * @module
 */
import type { FaqQuestion } from "./faq_types.ts";
import type { FaqAnswerer } from "./fit_faq.ts";
import { evaluateFaq, type FaqEvaluation } from "./evaluate_faq.ts";

/** Options of {@linkcode faqThresholdSweep}. */
export interface FaqThresholdSweepOptions {
  /** Thresholds to try. Default `0, 0.05, …, 0.95`. */
  readonly thresholds?: readonly number[];
}

/**
 * Evaluates the answerer at several thresholds: as the threshold rises, coverage falls and the
 * accuracy on answered questions (and the rejection of out-of-scope ones) rises.
 *
 * @param answerer A fitted answerer.
 * @param questions Labelled questions.
 * @param options See {@linkcode FaqThresholdSweepOptions}.
 * @returns One {@linkcode FaqEvaluation} per threshold, in the given order.
 * @example
 * ```ts
 * import { fitFaq } from "@shoplab/lib/text/fit_faq.ts";
 * import { faqThresholdSweep } from "@shoplab/lib/text/faq_threshold_sweep.ts";
 * import assert from "node:assert/strict";
 * const faq = fitFaq({ intents: [{ id: "a", question: "refund time", answer: "3 days" }] });
 * const rows = faqThresholdSweep(faq, [{ question: "refund", intent: "a" }], { thresholds: [0, 1] });
 * assert.deepEqual(rows.map((r) => r.coverage), [1, 0]);
 * ```
 */
export function faqThresholdSweep(
  answerer: FaqAnswerer,
  questions: readonly FaqQuestion[],
  options: FaqThresholdSweepOptions = {},
): FaqEvaluation[] {
  const thresholds = options.thresholds ?? Array.from({ length: 20 }, (_, i) => i / 20);
  return thresholds.map((threshold) => evaluateFaq(answerer, questions, { threshold }));
}
