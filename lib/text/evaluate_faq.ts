/**
 * Evaluation of the FAQ answerer on labelled questions (in-scope paraphrases and out-of-scope
 * questions).
 *
 * @module
 */
import type { FaqQuestion } from "./faq_types.ts";
import type { FaqAnswerer } from "./fit_faq.ts";

/** Options of {@linkcode evaluateFaq}. */
export interface EvaluateFaqOptions {
  /** "Don't know" threshold. Default: the answerer's own threshold. */
  readonly threshold?: number;
}

/** Scores of an answerer on labelled questions. */
export interface FaqEvaluation {
  /** The threshold used. */
  readonly threshold: number;
  /** In-scope questions (intent not null). */
  readonly nInScope: number;
  /** Out-of-scope questions (intent null). */
  readonly nOutOfScope: number;
  /** Share of in-scope questions whose top-ranked intent is right, ignoring the threshold. */
  readonly accuracyAt1: number;
  /** Share of in-scope questions with the right intent among the top 3. */
  readonly accuracyAt3: number;
  /** Share of in-scope questions answered (confidence ≥ threshold). */
  readonly coverage: number;
  /** Share of answered in-scope questions answered with the right intent (NaN when none answered). */
  readonly accuracyOnAnswered: number;
  /** Share of out-of-scope questions the answerer declined (NaN when there are none). */
  readonly outOfScopeRejected: number;
}

/**
 * Scores an answerer. Conventions: accuracy@1 ignores the threshold (pure retrieval quality);
 * coverage and accuracy on answered apply it; out-of-scope questions count only in
 * `outOfScopeRejected`.
 *
 * @param answerer A fitted answerer.
 * @param questions Labelled questions.
 * @param options See {@linkcode EvaluateFaqOptions}.
 * @returns The scores.
 * @throws {RangeError} When `questions` is empty.
 * @example
 * ```ts
 * import { fitFaq } from "@shoplab/lib/text/fit_faq.ts";
 * import { evaluateFaq } from "@shoplab/lib/text/evaluate_faq.ts";
 * import assert from "node:assert/strict";
 * const faq = fitFaq({ intents: [
 *   { id: "refund", question: "When will I get my refund?", answer: "Within 3 days." },
 *   { id: "track", question: "How can I track my parcel?", answer: "Use the link." },
 * ] });
 * const ev = evaluateFaq(faq, [
 *   { question: "refund timing?", intent: "refund" },
 *   { question: "track parcel", intent: "track" },
 *   { question: "capital of France", intent: null },
 * ]);
 * assert.equal(ev.accuracyAt1, 1);
 * assert.equal(ev.outOfScopeRejected, 1);
 * ```
 */
export function evaluateFaq(
  answerer: FaqAnswerer,
  questions: readonly FaqQuestion[],
  options: EvaluateFaqOptions = {},
): FaqEvaluation {
  if (questions.length === 0) throw new RangeError("evaluateFaq(): no questions");
  const threshold = options.threshold ?? answerer.threshold;
  let nIn = 0, nOut = 0, top1 = 0, top3 = 0, answered = 0, answeredRight = 0, rejected = 0;
  for (const q of questions) {
    const m = answerer.rank(q.question, 3);
    const conf = m[0].score;
    const answers = conf > 0 && conf >= threshold;
    if (q.intent === null) {
      nOut++;
      if (!answers) rejected++;
      continue;
    }
    nIn++;
    const right = m[0].intentId === q.intent;
    if (right) top1++;
    if (m.some((x) => x.intentId === q.intent)) top3++;
    if (answers) {
      answered++;
      if (right) answeredRight++;
    }
  }
  return {
    threshold,
    nInScope: nIn,
    nOutOfScope: nOut,
    accuracyAt1: nIn > 0 ? top1 / nIn : NaN,
    accuracyAt3: nIn > 0 ? top3 / nIn : NaN,
    coverage: nIn > 0 ? answered / nIn : NaN,
    accuracyOnAnswered: answered > 0 ? answeredRight / answered : NaN,
    outOfScopeRejected: nOut > 0 ? rejected / nOut : NaN,
  };
}
