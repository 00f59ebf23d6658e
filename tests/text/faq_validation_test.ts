import assert from "node:assert/strict";
import { FAQ_EN_PATH, FAQ_PARAPHRASES_EN_PATH, readFaq } from "@shoplab/lib/text/read_faq.ts";
import { fitFaq } from "@shoplab/lib/text/fit_faq.ts";
import { splitFaqQuestions } from "@shoplab/lib/text/split_faq_questions.ts";
import { chooseFaqThreshold } from "@shoplab/lib/text/choose_faq_threshold.ts";
import type { FaqQuestion } from "@shoplab/lib/text/faq_types.ts";

const kb = readFaq(FAQ_EN_PATH).knowledgeBase!;
const questions = readFaq(FAQ_PARAPHRASES_EN_PATH).questions!;
const key = (q: FaqQuestion) => `${q.intent}|${q.question}`;

Deno.test("splitFaqQuestions() sends one paraphrase per intent to validation, disjoint and seeded", () => {
  const { validation, test } = splitFaqQuestions(questions);
  assert.equal(validation.length + test.length, questions.length);
  const v = new Set(validation.map(key));
  assert.ok(test.every((q) => !v.has(key(q))));
  const intents = new Set(questions.filter((q) => q.intent !== null).map((q) => q.intent));
  for (const id of intents) {
    assert.equal(validation.filter((q) => q.intent === id).length, 1, `${id} in validation`);
    assert.ok(test.filter((q) => q.intent === id).length >= 2, `${id} in test`);
  }
  const oos = questions.filter((q) => q.intent === null).length;
  assert.equal(validation.filter((q) => q.intent === null).length, Math.round(oos / 2));
  // seeded: same seed, same split; another seed, another split
  assert.deepEqual(splitFaqQuestions(questions).validation, validation);
  assert.notDeepEqual(splitFaqQuestions(questions, { seed: 7 }).validation, validation);
  // original order kept within each part
  const pos = new Map(questions.map((q, i) => [key(q), i]));
  const order = test.map((q) => pos.get(key(q))!);
  assert.deepEqual(order, [...order].sort((a, b) => a - b));
  const two = splitFaqQuestions(questions, { perIntent: 2, outOfScopeFraction: 0 });
  assert.equal(two.validation.filter((q) => q.intent === null).length, 0);
  assert.equal(two.validation.length, 2 * intents.size);
  assert.throws(() => splitFaqQuestions(questions, { perIntent: -1 }), RangeError);
  assert.throws(() => splitFaqQuestions(questions, { outOfScopeFraction: 2 }), RangeError);
});

Deno.test("chooseFaqThreshold() counts right calls by hand and prefers the smaller threshold", () => {
  const faq = fitFaq(kb);
  const val: FaqQuestion[] = [
    { question: "How long does delivery take?", intent: "shipping_time" }, // canonical: right, high
    { question: "tell me a joke about parcels", intent: null }, // out of scope, confidence > 0
    { question: "How long does delivery take?", intent: "refund_time" }, // mislabelled: top-1 wrong
  ];
  const conf = faq.answer(val[0].question).confidence;
  const oos = faq.answer(val[1].question).confidence;
  assert.ok(oos > 0 && oos < conf && conf < 1, `confidences ${oos}, ${conf}`);
  const choice = chooseFaqThreshold(faq, val, { thresholds: [0, oos, conf, 1] });
  // τ ≤ oos: answers all three → only the first call is right
  // τ = conf: answers the first (right) and third (wrong), declines the out-of-scope one → 2/3
  // τ = 1: declines all → the out-of-scope and the would-be-wrong calls are right → 2/3
  assert.deepEqual(choice.scores.map((s) => s.decisionAccuracy), [1 / 3, 1 / 3, 2 / 3, 2 / 3]);
  assert.deepEqual(choice.scores.map((s) => s.coverage), [1, 1, 1, 0]);
  assert.equal(choice.threshold, conf); // the tie with τ = 1 goes to the smaller threshold
  assert.equal(choice.decisionAccuracy, 2 / 3);
  // on the shipped data: the choice is one of the default grid and beats answering everything
  const { validation } = splitFaqQuestions(questions);
  const shipped = chooseFaqThreshold(faq, validation);
  assert.equal(shipped.scores.length, 101);
  assert.ok(shipped.decisionAccuracy > shipped.scores[0].decisionAccuracy);
  assert.ok(shipped.threshold > 0 && shipped.threshold < 1);
  assert.throws(() => chooseFaqThreshold(faq, []), RangeError);
  assert.throws(() => chooseFaqThreshold(faq, val, { thresholds: [] }), RangeError);
  assert.throws(() => chooseFaqThreshold(faq, val, { thresholds: [1.5] }), RangeError);
});
