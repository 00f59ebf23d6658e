/**
 * Splits labelled FAQ questions into a validation part (for choosing the "don't know"
 * threshold) and a test part (measured once), stratified by intent and seeded.
 *
 * @module
 */
import { SEED } from "../core/constants.ts";
import { createRng } from "../core/random.ts";
import type { FaqQuestion } from "./faq_types.ts";

/** Options of {@linkcode splitFaqQuestions}. */
export interface SplitFaqQuestionsOptions {
  /**
   * Validation questions per intent (the out-of-scope `null` group included): this many of each
   * intent's questions, but always leaving at least one for the test part. Default `1`.
   */
  readonly perIntent?: number;
  /** Share of the out-of-scope questions sent to validation. Default `0.5`. */
  readonly outOfScopeFraction?: number;
  /** Seed of the shuffle within each intent. Default `SEED`. */
  readonly seed?: number;
}

/** The two parts. */
export interface FaqQuestionSplit {
  /** Questions for choosing settings (e.g. the threshold). */
  readonly validation: readonly FaqQuestion[];
  /** Questions for the final measurement; disjoint from `validation`. */
  readonly test: readonly FaqQuestion[];
}

/**
 * Within each intent (in order of first appearance), shuffles its questions with the seeded PRNG
 * and sends `perIntent` of them to validation (intents with a single question keep it for test);
 * out-of-scope questions are split by `outOfScopeFraction`. Original order is kept in each part.
 *
 * @param questions Labelled questions (e.g. `readFaq(FAQ_PARAPHRASES_EN_PATH).questions`).
 * @param options See {@linkcode SplitFaqQuestionsOptions}.
 * @returns `{ validation, test }`.
 * @throws {RangeError} When `perIntent` is not a non-negative integer or `outOfScopeFraction`
 *   is outside [0, 1].
 * @example
 * ```ts
 * import { splitFaqQuestions } from "@shoplab/lib/text/split_faq_questions.ts";
 * import assert from "node:assert/strict";
 * const qs = [
 *   { question: "refund when?", intent: "refund" }, { question: "money back?", intent: "refund" },
 *   { question: "track parcel", intent: "track" },
 *   { question: "weather?", intent: null }, { question: "poem?", intent: null },
 * ];
 * const { validation, test } = splitFaqQuestions(qs, { seed: 1 });
 * assert.equal(validation.length, 2); // one refund paraphrase, one out-of-scope question
 * assert.equal(test.length, 3);
 * assert.ok(test.some((q) => q.intent === "track")); // a lone paraphrase stays in test
 * ```
 */
export function splitFaqQuestions(
  questions: readonly FaqQuestion[],
  options: SplitFaqQuestionsOptions = {},
): FaqQuestionSplit {
  const per = options.perIntent ?? 1;
  const oos = options.outOfScopeFraction ?? 0.5;
  if (!(Number.isInteger(per) && per >= 0)) {
    throw new RangeError(`splitFaqQuestions(): perIntent must be an integer ≥ 0, got ${per}`);
  }
  if (!(oos >= 0 && oos <= 1)) {
    throw new RangeError(`splitFaqQuestions(): outOfScopeFraction must be in [0, 1], got ${oos}`);
  }
  const rng = createRng(options.seed ?? SEED);
  const groups = new Map<string | null, number[]>();
  questions.forEach((q, i) => {
    const g = groups.get(q.intent);
    if (g === undefined) groups.set(q.intent, [i]);
    else g.push(i);
  });
  const toValidation = new Uint8Array(questions.length);
  for (const [intent, idx] of groups) {
    const order = [...idx];
    for (let j = order.length - 1; j > 0; j--) {
      const r = rng.int(j + 1);
      [order[j], order[r]] = [order[r], order[j]];
    }
    const n = intent === null
      ? Math.round(oos * order.length)
      : Math.min(per, Math.max(order.length - 1, 0));
    for (let j = 0; j < n; j++) toValidation[order[j]] = 1;
  }
  return {
    validation: questions.filter((_, i) => toValidation[i] === 1),
    test: questions.filter((_, i) => toValidation[i] === 0),
  };
}
