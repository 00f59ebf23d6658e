/** Private helpers shared by TF-IDF and BM25: token lists, vocabulary, document frequencies. */
import { tokenize, type TokenizeOptions } from "./tokenize.ts";

/** Documents as raw strings (tokenised here) or as token lists (used as given). */
export type Documents = readonly string[] | readonly (readonly string[])[];

/**
 * Token lists of the documents: strings are tokenised with `options`, token lists are kept.
 *
 * @param docs Raw strings or token lists.
 * @param options Tokeniser options.
 * @returns One token list per document.
 * @example
 * ```ts
 * import { toTokenLists } from "@shoplab/lib/text/_vocab.ts";
 * import assert from "node:assert/strict";
 * assert.deepEqual(toTokenLists([["Keep", "as", "is"]], {}), [["Keep", "as", "is"]]);
 * assert.equal(toTokenLists(["Refunds arrive quickly"], {}).length, 1);
 * ```
 */
export function toTokenLists(
  docs: Documents,
  options: TokenizeOptions,
): (readonly string[])[] {
  return docs.map((d) => typeof d === "string" ? tokenize(d, options) : d);
}

/**
 * Counts of each term in one token list, as a Map (insertion order = first occurrence).
 *
 * @example
 * ```ts
 * import { termCounts } from "@shoplab/lib/text/_vocab.ts";
 * import assert from "node:assert/strict";
 * assert.deepEqual([...termCounts(["b", "a", "b"])], [["b", 2], ["a", 1]]);
 * ```
 */
export function termCounts(tokens: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of tokens) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}

/**
 * Sorted vocabulary (code-unit order, like scikit-learn) and document frequency per term.
 *
 * @example
 * ```ts
 * import { buildVocabulary } from "@shoplab/lib/text/_vocab.ts";
 * import assert from "node:assert/strict";
 * const v = buildVocabulary([["b", "a"], ["b", "c", "c"]], 1, 1);
 * assert.deepEqual(v.terms, ["a", "b", "c"]);
 * assert.deepEqual([...v.df], [1, 2, 1]); // documents containing each term
 * // minDf 2 keeps terms in at least two documents
 * assert.deepEqual(buildVocabulary([["b", "a"], ["b", "c"]], 2, 1).terms, ["b"]);
 * ```
 */
export function buildVocabulary(
  lists: readonly (readonly string[])[],
  minDf: number,
  maxDf: number,
): { terms: string[]; index: Map<string, number>; df: Float64Array } {
  const dfMap = new Map<string, number>();
  for (const tokens of lists) {
    for (const t of new Set(tokens)) dfMap.set(t, (dfMap.get(t) ?? 0) + 1);
  }
  const n = lists.length;
  const lo = minDf < 1 ? Math.ceil(minDf * n) : minDf;
  const hi = maxDf <= 1 ? maxDf * n : maxDf;
  const terms = [...dfMap.keys()].filter((t) => {
    const d = dfMap.get(t)!;
    return d >= lo && d <= hi;
  }).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const index = new Map<string, number>();
  terms.forEach((t, i) => index.set(t, i));
  const df = new Float64Array(terms.length);
  terms.forEach((t, i) => (df[i] = dfMap.get(t)!));
  return { terms, index, df };
}
