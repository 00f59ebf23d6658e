/**
 * TF-IDF document vectors with scikit-learn's `TfidfVectorizer` defaults: raw term counts,
 * smooth idf `ln((1 + n) / (1 + df)) + 1`, rows scaled to unit L2 norm, alphabetical vocabulary.
 *
 * @module
 */
import type { TokenizeOptions } from "./tokenize.ts";
import type { SparseRows } from "./sparse_rows.ts";
import { buildVocabulary, type Documents, termCounts, toTokenLists } from "./_vocab.ts";

/** Options of {@linkcode fitTfidf}. */
export interface TfidfOptions {
  /** Tokeniser options used for string documents (and queries). Default `{}`. */
  readonly tokenize?: TokenizeOptions;
  /** Keep terms in at least this many documents (a fraction when < 1). Default `1`. */
  readonly minDf?: number;
  /** Keep terms in at most this many documents (a fraction when ≤ 1). Default `1` (all). */
  readonly maxDf?: number;
  /** Smooth idf: add one to n and df as if an extra document held every term. Default `true`. */
  readonly smoothIdf?: boolean;
  /** Use `1 + ln(tf)` instead of the raw count. Default `false`. */
  readonly sublinearTf?: boolean;
  /** Row normalisation. Default `"l2"`. */
  readonly norm?: "l2" | "none";
}

/** A fitted TF-IDF vocabulary. */
export interface TfidfModel {
  /** Terms in column order. */
  readonly terms: readonly string[];
  /** Term → column. */
  readonly vocabulary: ReadonlyMap<string, number>;
  /** Inverse document frequency per column. */
  readonly idf: Float64Array;
  /**
   * Vectorises documents with the fitted vocabulary (unknown terms are ignored; a document with
   * no known term is an empty row).
   */
  transform(docs: Documents): SparseRows;
}

/**
 * Learns a vocabulary and idf weights from documents.
 *
 * @param docs Strings (tokenised with {@linkcode TfidfOptions.tokenize}) or token lists.
 * @param options See {@linkcode TfidfOptions}.
 * @returns The fitted model; `model.transform(docs)` gives the document vectors.
 * @throws {RangeError} When `docs` is empty.
 * @example
 * ```ts
 * import { fitTfidf } from "@shoplab/lib/text/fit_tfidf.ts";
 * import assert from "node:assert/strict";
 * const docs = [["a", "b"], ["a"]];
 * const model = fitTfidf(docs);
 * // idf(a) = ln(3/3) + 1 = 1, idf(b) = ln(3/2) + 1
 * assert.equal(model.idf[0], 1);
 * assert.ok(Math.abs(model.idf[1] - (Math.log(1.5) + 1)) < 1e-12);
 * const x = model.transform(docs);
 * assert.deepEqual([...x.values.slice(2)], [1]); // second doc: unit vector on "a"
 * ```
 */
export function fitTfidf(docs: Documents, options: TfidfOptions = {}): TfidfModel {
  if (docs.length === 0) throw new RangeError("fitTfidf() needs at least one document");
  const tok = options.tokenize ?? {};
  const lists = toTokenLists(docs, tok);
  const { terms, index, df } = buildVocabulary(lists, options.minDf ?? 1, options.maxDf ?? 1);
  const smooth = (options.smoothIdf ?? true) ? 1 : 0;
  const n = lists.length;
  const idf = new Float64Array(terms.length);
  for (let t = 0; t < terms.length; t++) idf[t] = Math.log((n + smooth) / (df[t] + smooth)) + 1;
  const sublinear = options.sublinearTf ?? false;
  const l2 = (options.norm ?? "l2") === "l2";

  function transform(input: Documents): SparseRows {
    const rows = toTokenLists(input, tok);
    const indptr = new Int32Array(rows.length + 1);
    const idx: number[] = [];
    const val: number[] = [];
    rows.forEach((tokens, r) => {
      const pairs: [number, number][] = [];
      for (const [term, count] of termCounts(tokens)) {
        const col = index.get(term);
        if (col === undefined) continue;
        const tf = sublinear ? 1 + Math.log(count) : count;
        pairs.push([col, tf * idf[col]]);
      }
      pairs.sort((a, b) => a[0] - b[0]);
      let norm = 0;
      for (const [, w] of pairs) norm += w * w;
      norm = l2 && norm > 0 ? Math.sqrt(norm) : 1;
      for (const [col, w] of pairs) {
        idx.push(col);
        val.push(w / norm);
      }
      indptr[r + 1] = idx.length;
    });
    return {
      nRows: rows.length,
      nCols: terms.length,
      indptr,
      indices: Int32Array.from(idx),
      values: Float64Array.from(val),
    };
  }

  return { terms, vocabulary: index, idf, transform };
}
