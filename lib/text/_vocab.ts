/** Private helpers shared by TF-IDF and BM25: token lists, vocabulary, document frequencies. */
import { tokenize, type TokenizeOptions } from "./tokenize.ts";

/** Documents as raw strings (tokenised here) or as token lists (used as given). */
export type Documents = readonly string[] | readonly (readonly string[])[];

export function toTokenLists(
  docs: Documents,
  options: TokenizeOptions,
): (readonly string[])[] {
  return docs.map((d) => typeof d === "string" ? tokenize(d, options) : d);
}

/** Counts of each term in one token list, as a Map (insertion order = first occurrence). */
export function termCounts(tokens: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of tokens) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}

/** Sorted vocabulary (code-unit order, like scikit-learn) and document frequency per term. */
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
