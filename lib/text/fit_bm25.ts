/**
 * Okapi BM25 ranking (Robertson & Zaragoza, "The Probabilistic Relevance Framework: BM25 and
 * Beyond", 2009), with Lucene's non-negative idf `ln(1 + (N − df + 0.5) / (df + 0.5))`.
 *
 * @module
 */
import type { TokenizeOptions } from "./tokenize.ts";
import { buildVocabulary, type Documents, termCounts, toTokenLists } from "./_vocab.ts";
import { tokenize } from "./tokenize.ts";

/** Options of {@linkcode fitBm25}. */
export interface Bm25Options {
  /** Term-frequency saturation. Default `1.2`. */
  readonly k1?: number;
  /** Length normalisation in [0, 1]. Default `0.75`. */
  readonly b?: number;
  /** Tokeniser options for string documents and queries. Default `{}`. */
  readonly tokenize?: TokenizeOptions;
}

/** A BM25 index over a fixed set of documents. */
export interface Bm25Index {
  /** Number of documents. */
  readonly nDocs: number;
  /** Mean document length in tokens. */
  readonly avgLength: number;
  /** idf per term. */
  readonly idf: ReadonlyMap<string, number>;
  /** BM25 score of every document for a query (string or tokens); 0 where no term matches. */
  scores(query: string | readonly string[]): Float64Array;
  /**
   * Upper bound of any document's score for this query, `Σ idf(t)·(k1 + 1)` over the query's
   * known terms (counted with multiplicity): divide by it to get a score in [0, 1].
   */
  maxScore(query: string | readonly string[]): number;
}

/**
 * Builds a BM25 index: `score(D, Q) = Σ_{t∈Q} idf(t) · f(t,D)(k1+1) / (f(t,D) + k1(1 − b + b|D|/avgdl))`.
 *
 * @param docs Strings or token lists.
 * @param options See {@linkcode Bm25Options}.
 * @returns The index.
 * @throws {RangeError} When `docs` is empty or `k1 < 0` or `b` is outside [0, 1].
 * @example
 * ```ts
 * import { fitBm25 } from "@shoplab/lib/text/fit_bm25.ts";
 * import assert from "node:assert/strict";
 * const index = fitBm25(["refund my damaged order", "track my parcel", "refund policy"]);
 * const s = index.scores("refund");
 * assert.ok(s[0] > 0 && s[1] === 0 && s[2] > s[0]); // the shorter document wins
 * ```
 */
export function fitBm25(docs: Documents, options: Bm25Options = {}): Bm25Index {
  if (docs.length === 0) throw new RangeError("fitBm25() needs at least one document");
  const k1 = options.k1 ?? 1.2;
  const b = options.b ?? 0.75;
  if (!(k1 >= 0)) throw new RangeError(`fitBm25(): k1 must be ≥ 0, got ${k1}`);
  if (!(b >= 0 && b <= 1)) throw new RangeError(`fitBm25(): b must be in [0, 1], got ${b}`);
  const tok = options.tokenize ?? {};
  const lists = toTokenLists(docs, tok);
  const n = lists.length;
  const { terms, df } = buildVocabulary(lists, 1, n);
  const idf = new Map<string, number>();
  terms.forEach((t, i) => idf.set(t, Math.log(1 + (n - df[i] + 0.5) / (df[i] + 0.5))));
  const lengths = lists.map((l) => l.length);
  const avgLength = lengths.reduce((a, x) => a + x, 0) / n;
  // postings: term -> [doc, tf] pairs
  const postings = new Map<string, number[]>();
  lists.forEach((tokens, d) => {
    for (const [t, f] of termCounts(tokens)) {
      let p = postings.get(t);
      if (p === undefined) postings.set(t, p = []);
      p.push(d, f);
    }
  });
  const queryTokens = (q: string | readonly string[]) =>
    typeof q === "string" ? tokenize(q, tok) : q;

  function scores(query: string | readonly string[]): Float64Array {
    const out = new Float64Array(n);
    for (const t of queryTokens(query)) {
      const p = postings.get(t);
      if (p === undefined) continue;
      const w = idf.get(t)!;
      for (let j = 0; j < p.length; j += 2) {
        const d = p[j], f = p[j + 1];
        const norm = avgLength > 0 ? 1 - b + (b * lengths[d]) / avgLength : 1;
        out[d] += (w * f * (k1 + 1)) / (f + k1 * norm);
      }
    }
    return out;
  }

  function maxScore(query: string | readonly string[]): number {
    let s = 0;
    for (const t of queryTokens(query)) s += (idf.get(t) ?? 0) * (k1 + 1);
    return s;
  }

  return { nDocs: n, avgLength, idf, scores, maxScore };
}
