/**
 * Chooses the FAQ answerer's "don't know" threshold on validation questions.
 *
 * @module
 */
import type { FaqQuestion } from "./faq_types.ts";
import type { FaqAnswerer } from "./fit_faq.ts";

/** Options of {@linkcode chooseFaqThreshold}. */
export interface ChooseFaqThresholdOptions {
  /** Thresholds to try. Default `0, 0.01, …, 1`. */
  readonly thresholds?: readonly number[];
}

/** One tried threshold. */
export interface FaqThresholdScore {
  /** The threshold. */
  readonly threshold: number;
  /** Share of validation questions where answering or declining was the right call. */
  readonly decisionAccuracy: number;
  /** Share of in-scope validation questions answered. */
  readonly coverage: number;
}

/** The choice and the scores behind it. */
export interface FaqThresholdChoice {
  /** The chosen threshold (the smallest among those with the best decision accuracy). */
  readonly threshold: number;
  /** Its decision accuracy on the validation questions. */
  readonly decisionAccuracy: number;
  /** Every tried threshold, in the given order. */
  readonly scores: readonly FaqThresholdScore[];
}

/**
 * Picks the threshold that makes the most right calls on validation questions. A call is right
 * when the answerer answers an in-scope question with its intent, or declines a question it
 * would get wrong: an out-of-scope question, or one whose best match is the wrong intent (a hand
 * over to a person beats a wrong answer). Ties go to the smaller threshold (more coverage).
 *
 * @param answerer A fitted answerer (its own threshold is ignored).
 * @param validation Labelled validation questions, never the test questions.
 * @param options See {@linkcode ChooseFaqThresholdOptions}.
 * @returns The choice and every tried threshold's scores.
 * @throws {RangeError} When `validation` or `thresholds` is empty or a threshold is outside [0, 1].
 * @example
 * ```ts
 * import { fitFaq } from "@shoplab/lib/text/fit_faq.ts";
 * import { chooseFaqThreshold } from "@shoplab/lib/text/choose_faq_threshold.ts";
 * import assert from "node:assert/strict";
 * const faq = fitFaq({ intents: [
 *   { id: "refund", question: "When will I get my refund?", answer: "Within 3 days." },
 *   { id: "track", question: "How can I track my parcel?", answer: "Use the link." },
 * ] });
 * const choice = chooseFaqThreshold(faq, [
 *   { question: "refund", intent: "refund" },
 *   { question: "can I track a refund parcel of flowers", intent: null },
 * ]);
 * const [inScope, outOfScope] = ["refund", "can I track a refund parcel of flowers"]
 *   .map((q) => faq.answer(q).confidence);
 * assert.ok(choice.threshold > outOfScope && choice.threshold <= inScope);
 * assert.equal(choice.decisionAccuracy, 1);
 * ```
 */
export function chooseFaqThreshold(
  answerer: FaqAnswerer,
  validation: readonly FaqQuestion[],
  options: ChooseFaqThresholdOptions = {},
): FaqThresholdChoice {
  if (validation.length === 0) {
    throw new RangeError("chooseFaqThreshold(): no validation questions");
  }
  const thresholds = options.thresholds ?? Array.from({ length: 101 }, (_, i) => i / 100);
  if (thresholds.length === 0) throw new RangeError("chooseFaqThreshold(): no thresholds");
  for (const t of thresholds) {
    if (!(t >= 0 && t <= 1)) {
      throw new RangeError(`chooseFaqThreshold(): threshold ${t} is outside [0, 1]`);
    }
  }
  // one retrieval per question; every threshold reuses it
  const calls = validation.map((q) => {
    const best = answerer.rank(q.question, 1)[0];
    return { conf: best.score, right: q.intent !== null && best.intentId === q.intent, q };
  });
  const nIn = validation.filter((q) => q.intent !== null).length;
  const scores = thresholds.map((threshold) => {
    let good = 0, answeredIn = 0;
    for (const c of calls) {
      const answers = c.conf > 0 && c.conf >= threshold;
      if (answers && c.q.intent !== null) answeredIn++;
      if (answers === c.right) good++;
    }
    return {
      threshold,
      decisionAccuracy: good / calls.length,
      coverage: nIn > 0 ? answeredIn / nIn : NaN,
    };
  });
  let best = 0;
  scores.forEach((s, i) => {
    const b = scores[best];
    if (
      s.decisionAccuracy > b.decisionAccuracy ||
      (s.decisionAccuracy === b.decisionAccuracy && s.threshold < b.threshold)
    ) best = i;
  });
  return {
    threshold: scores[best].threshold,
    decisionAccuracy: scores[best].decisionAccuracy,
    scores,
  };
}
