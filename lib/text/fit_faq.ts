/**
 * The customer-service FAQ answerer: retrieves the knowledge-base intent closest to a customer's
 * question and returns its standard answer with a confidence score, or says it does not know
 * when the confidence is below a threshold. Retrieval is TF-IDF cosine (default) or BM25; no
 * model weights are needed.
 *
 * @module
 */
import type { FaqIntent, FaqKnowledgeBase } from "./faq_types.ts";
import type { TokenizeOptions } from "./tokenize.ts";
import { fitTfidf } from "./fit_tfidf.ts";
import { fitBm25 } from "./fit_bm25.ts";
import type { SparseRows } from "./sparse_rows.ts";

/** Default "don't know" threshold on the confidence (see {@linkcode FaqOptions.threshold}). */
export const FAQ_DEFAULT_THRESHOLD = 0.2;

/** Options of {@linkcode fitFaq}. */
export interface FaqOptions {
  /**
   * Retrieval: `"tfidf"` (cosine between the question and a weighted blend of each intent's
   * fields; confidence = the cosine) or `"bm25"` (over the concatenated fields; confidence =
   * score divided by its upper bound for the query). Default `"tfidf"`.
   */
  readonly method?: "tfidf" | "bm25";
  /** Answer only when the confidence is at least this. Default {@linkcode FAQ_DEFAULT_THRESHOLD}. */
  readonly threshold?: number;
  /** Weights of an intent's fields in its TF-IDF vector. Default `{ question: 1, keywords: 1, answer: 0.5 }`. */
  readonly fieldWeights?: {
    readonly question?: number;
    readonly keywords?: number;
    readonly answer?: number;
  };
  /** Tokeniser options. Default `{}` (English stop words, Porter stems). */
  readonly tokenize?: TokenizeOptions;
  /** Text returned when the answerer does not know. Default a polite hand-over message. */
  readonly fallback?: string;
}

/** One candidate intent for a question. */
export interface FaqMatch {
  /** Intent id. */
  readonly intentId: string;
  /** Its canonical question. */
  readonly question: string;
  /** Confidence in [0, 1]. */
  readonly score: number;
}

/** The answerer's reply. */
export interface FaqAnswer {
  /** The chosen intent, or `null` when the confidence is below the threshold. */
  readonly intentId: string | null;
  /** The standard answer, or the fallback text. */
  readonly answer: string;
  /** Confidence of the best match, in [0, 1] (0 when no word of the question is known). */
  readonly confidence: number;
  /** Best matches, best first (up to 3), whatever the threshold. */
  readonly matches: readonly FaqMatch[];
}

/** A fitted FAQ answerer. */
export interface FaqAnswerer {
  /** The threshold in use. */
  readonly threshold: number;
  /** The knowledge base's intents. */
  readonly intents: readonly FaqIntent[];
  /** Answers one question. */
  answer(question: string): FaqAnswer;
  /** Ranks every intent for a question (best first), cut to `k` (default all). */
  rank(question: string, k?: number): FaqMatch[];
}

const FALLBACK = "Sorry, I am not sure about that one. Let me pass you to a member of our team.";

/**
 * Indexes a knowledge base for retrieval.
 *
 * @param kb The knowledge base (e.g. from `readFaq("data/faq/faq_en.json")`).
 * @param options See {@linkcode FaqOptions}.
 * @returns An answerer.
 * @throws {RangeError} When the knowledge base has no intents or the threshold is not in [0, 1].
 * @example
 * ```ts
 * import { fitFaq } from "@shoplab/lib/text/fit_faq.ts";
 * import assert from "node:assert/strict";
 * const faq = fitFaq({
 *   intents: [
 *     { id: "refund", question: "When will I get my refund?", answer: "Within 3 days." },
 *     { id: "track", question: "How can I track my parcel?", answer: "Use the tracking link." },
 *   ],
 * });
 * assert.equal(faq.answer("where is my parcel? I want to track it").intentId, "track");
 * assert.equal(faq.answer("what is the weather tomorrow").intentId, null);
 * ```
 */
export function fitFaq(kb: FaqKnowledgeBase, options: FaqOptions = {}): FaqAnswerer {
  const intents = kb.intents;
  if (intents.length === 0) throw new RangeError("fitFaq(): the knowledge base has no intents");
  const threshold = options.threshold ?? FAQ_DEFAULT_THRESHOLD;
  if (!(threshold >= 0 && threshold <= 1)) {
    throw new RangeError(`fitFaq(): threshold must be in [0, 1], got ${threshold}`);
  }
  const tok = options.tokenize ?? {};
  const fallback = options.fallback ?? FALLBACK;
  const scoreAll = (options.method ?? "tfidf") === "bm25"
    ? bm25Scorer(intents, tok)
    : tfidfScorer(intents, tok, options.fieldWeights ?? {});

  function rank(question: string, k = intents.length): FaqMatch[] {
    const s = scoreAll(question);
    const order = [...s.keys()].sort((a, b) => s[b] - s[a] || a - b);
    return order.slice(0, k).map((i) => ({
      intentId: intents[i].id,
      question: intents[i].question,
      score: s[i],
    }));
  }

  function answer(question: string): FaqAnswer {
    const matches = rank(question, 3);
    const best = matches[0];
    const known = best.score > 0 && best.score >= threshold;
    return {
      intentId: known ? best.intentId : null,
      answer: known ? intents.find((x) => x.id === best.intentId)!.answer : fallback,
      confidence: best.score,
      matches,
    };
  }

  return { threshold, intents, answer, rank };
}

function tfidfScorer(
  intents: readonly FaqIntent[],
  tok: TokenizeOptions,
  weights: NonNullable<FaqOptions["fieldWeights"]>,
): (q: string) => Float64Array {
  const wq = weights.question ?? 1, wk = weights.keywords ?? 1, wa = weights.answer ?? 0.5;
  const fields = intents.flatMap((x) => [x.question, (x.keywords ?? []).join(" "), x.answer]);
  const model = fitTfidf(fields, { tokenize: tok, sublinearTf: true });
  const fx = model.transform(fields);
  // blend each intent's three field vectors into one dense row, then L2-normalise
  const dim = model.terms.length;
  const rows: Float64Array[] = intents.map((_, i) => {
    const v = new Float64Array(dim);
    [wq, wk, wa].forEach((w, f) => {
      const r = 3 * i + f;
      for (let j = fx.indptr[r]; j < fx.indptr[r + 1]; j++) v[fx.indices[j]] += w * fx.values[j];
    });
    let n = 0;
    for (let j = 0; j < dim; j++) n += v[j] * v[j];
    n = Math.sqrt(n) || 1;
    for (let j = 0; j < dim; j++) v[j] /= n;
    return v;
  });
  return (q: string) => {
    const qv: SparseRows = model.transform([q]);
    const out = new Float64Array(intents.length);
    for (let i = 0; i < intents.length; i++) {
      let s = 0;
      for (let j = qv.indptr[0]; j < qv.indptr[1]; j++) s += qv.values[j] * rows[i][qv.indices[j]];
      out[i] = Math.min(1, Math.max(0, s));
    }
    return out;
  };
}

function bm25Scorer(
  intents: readonly FaqIntent[],
  tok: TokenizeOptions,
): (q: string) => Float64Array {
  const docs = intents.map((x) => [x.question, ...(x.keywords ?? []), x.answer].join(" "));
  const index = fitBm25(docs, { tokenize: tok });
  return (q: string) => {
    const s = index.scores(q);
    const max = index.maxScore(q);
    if (max > 0) { for (let i = 0; i < s.length; i++) s[i] = Math.min(1, s[i] / max); }
    return s;
  };
}
