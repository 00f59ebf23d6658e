/**
 * Text retrieval for shoplab: a tokeniser (English stop words and Porter stems; CJK character
 * bigrams), TF-IDF and BM25, and the customer-service FAQ answerer with its evaluation.
 *
 * ```ts
 * import { fitFaq, readFaq, FAQ_EN_PATH } from "@shoplab/lib/text/mod.ts";
 * import assert from "node:assert/strict";
 * const faq = fitFaq(readFaq(FAQ_EN_PATH).knowledgeBase!);
 * assert.equal(faq.answer("How long until my refund arrives?").intentId, "refund_time");
 * ```
 *
 * @module
 */
export * from "./tokenize.ts";
export type { Documents } from "./_vocab.ts";
export * from "./porter_stem.ts";
export * from "./sparse_rows.ts";
export * from "./fit_tfidf.ts";
export * from "./fit_bm25.ts";
export * from "./faq_types.ts";
export * from "./read_faq.ts";
export * from "./fit_faq.ts";
export * from "./evaluate_faq.ts";
export * from "./faq_threshold_sweep.ts";
export * from "./split_faq_questions.ts";
export * from "./choose_faq_threshold.ts";
