import assert from "node:assert/strict";
import { FAQ_EN_PATH, FAQ_PARAPHRASES_EN_PATH, readFaq } from "@shoplab/lib/text/read_faq.ts";
import { fitFaq } from "@shoplab/lib/text/fit_faq.ts";
import { evaluateFaq } from "@shoplab/lib/text/evaluate_faq.ts";
import { faqThresholdSweep } from "@shoplab/lib/text/faq_threshold_sweep.ts";
import { DataError } from "@shoplab/lib/data/errors.ts";

const kb = readFaq(FAQ_EN_PATH).knowledgeBase!;
const questions = readFaq(FAQ_PARAPHRASES_EN_PATH).questions!;

Deno.test("readFaq() loads the shipped knowledge base and held-out paraphrases", () => {
  assert.ok(kb.intents.length >= 40 && kb.intents.length <= 60);
  const ids = new Set(kb.intents.map((x) => x.id));
  const inScope = questions.filter((q) => q.intent !== null);
  assert.ok(inScope.every((q) => ids.has(q.intent!)));
  for (const id of ids) {
    const n = inScope.filter((q) => q.intent === id).length;
    assert.ok(n >= 3 && n <= 5, `${id} has ${n} paraphrases`);
  }
  // held out: no paraphrase is a canonical question
  const canon = new Set(kb.intents.map((x) => x.question.toLowerCase()));
  assert.ok(questions.every((q) => !canon.has(q.question.toLowerCase())));
});

Deno.test("readFaq() raises DataError for bad files", () => {
  const dir = Deno.makeTempDirSync();
  const write = (name: string, text: string) => {
    Deno.writeTextFileSync(`${dir}/${name}`, text);
    return `${dir}/${name}`;
  };
  assert.throws(() => readFaq(write("a.json", "{oops")), DataError);
  assert.throws(() => readFaq(write("b.json", "{}")), DataError);
  assert.throws(
    () => readFaq(write("c.json", JSON.stringify({ intents: [{ id: "x", question: "q" }] }))),
    (e: unknown) => e instanceof DataError && e.row === 1 && e.column === "answer",
  );
  const dup = {
    intents: [{ id: "x", question: "q", answer: "a" }, { id: "x", question: "r", answer: "b" }],
  };
  assert.throws(() => readFaq(write("d.json", JSON.stringify(dup))), DataError);
  assert.throws(
    () => readFaq(write("e.json", JSON.stringify({ questions: [{ question: "q", intent: 3 }] }))),
    DataError,
  );
  Deno.removeSync(dir, { recursive: true });
});

Deno.test("fitFaq() answers canonical questions with their own intent", () => {
  for (const method of ["tfidf", "bm25"] as const) {
    const faq = fitFaq(kb, { method });
    const right = kb.intents.filter((x) => faq.answer(x.question).intentId === x.id).length;
    assert.ok(right / kb.intents.length >= 0.95, `${method}: ${right}/${kb.intents.length}`);
  }
});

Deno.test("fitFaq() says it does not know below the threshold", () => {
  const faq = fitFaq(kb);
  const a = faq.answer("what is the capital of Australia");
  assert.equal(a.intentId, null);
  assert.match(a.answer, /not sure/);
  const empty = faq.answer("");
  assert.equal(empty.intentId, null);
  assert.equal(empty.confidence, 0);
  assert.ok(faq.answer("退货政策").confidence === 0); // Chinese: no crash, no match
  assert.throws(() => fitFaq(kb, { threshold: 2 }), RangeError);
  assert.throws(() => fitFaq({ intents: [] }), RangeError);
});

// Floors set below the accuracy measured once on the held-out paraphrases (TF-IDF 0.680,
// BM25 0.714 accuracy@1 over 175 paraphrases); the knowledge base was not tuned to them.
Deno.test("evaluateFaq() on the held-out paraphrases stays above the measured floor", () => {
  const tfidf = evaluateFaq(fitFaq(kb), questions);
  assert.equal(tfidf.nInScope, 175);
  assert.equal(tfidf.nOutOfScope, 15);
  assert.ok(tfidf.accuracyAt1 >= 0.65, `tfidf accuracy@1 ${tfidf.accuracyAt1}`);
  assert.ok(tfidf.accuracyAt3 >= 0.82, `tfidf accuracy@3 ${tfidf.accuracyAt3}`);
  assert.ok(tfidf.accuracyOnAnswered >= tfidf.accuracyAt1 - 1e-12);
  const bm25 = evaluateFaq(fitFaq(kb, { method: "bm25" }), questions);
  assert.ok(bm25.accuracyAt1 >= 0.68, `bm25 accuracy@1 ${bm25.accuracyAt1}`);
});

Deno.test("faqThresholdSweep() trades coverage for accuracy monotonically", () => {
  const rows = faqThresholdSweep(fitFaq(kb), questions, { thresholds: [0, 0.2, 0.4, 0.6, 1] });
  for (let i = 1; i < rows.length; i++) assert.ok(rows[i].coverage <= rows[i - 1].coverage);
  assert.ok(rows[3].accuracyOnAnswered > rows[0].accuracyOnAnswered);
  assert.ok(rows[2].outOfScopeRejected >= rows[0].outOfScopeRejected);
  assert.equal(rows[4].coverage, 0);
  assert.ok(Number.isNaN(rows[4].accuracyOnAnswered));
});

Deno.test("evaluateFaq() counts hand-checked outcomes", () => {
  const faq = fitFaq({
    intents: [
      { id: "refund", question: "When will I get my refund?", answer: "3 days" },
      { id: "track", question: "How can I track my parcel?", answer: "link" },
    ],
  });
  const ev = evaluateFaq(faq, [
    { question: "refund please", intent: "refund" },
    { question: "parcel tracking", intent: "track" },
    { question: "track my refund", intent: "track" }, // ambiguous: ties break to the first intent
    { question: "hello world", intent: null },
  ], { threshold: 0 });
  assert.equal(ev.nInScope, 3);
  assert.equal(ev.accuracyAt1, 2 / 3);
  assert.equal(ev.accuracyAt3, 1);
  assert.equal(ev.outOfScopeRejected, 1);
  assert.throws(() => evaluateFaq(faq, []), RangeError);
});
