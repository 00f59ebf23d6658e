/**
 * Text to tokens: the one tokeniser behind TF-IDF, BM25, content-based recommendations and the
 * FAQ answerer.
 *
 * @module
 */
import { ENGLISH_STOPWORDS } from "./_stopwords.ts";
import { porterStem } from "./porter_stem.ts";

/** Options of {@linkcode tokenize}. */
export interface TokenizeOptions {
  /**
   * Stop words to drop (matched before stemming): `true` uses the built-in English list,
   * `false` keeps every word, or pass your own set (lower case). Default `true`.
   */
  readonly stopwords?: boolean | ReadonlySet<string>;
  /** Apply the Porter stemmer to English words. Default `true`. */
  readonly stem?: boolean;
  /** Drop non-CJK tokens shorter than this many characters. Default `1` (keep all). */
  readonly minLength?: number;
  /**
   * How runs of CJK characters (Han, Hiragana, Katakana, Hangul), which have no spaces between
   * words, are split: `"bigram"` (overlapping character pairs; a lone character stays a
   * unigram) or `"unigram"` (single characters). Default `"bigram"`.
   */
  readonly cjk?: "bigram" | "unigram";
}

const CJK = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}`;
const TOKEN_RE = new RegExp(
  String.raw`([${CJK}]+)|([[\p{L}\p{M}\p{N}]--[${CJK}]]+(?:['’][[\p{L}\p{N}]--[${CJK}]]+)*)`,
  "gv",
);

/**
 * Splits text into normalised tokens: Unicode NFKC, lower case, words on Unicode letter/number
 * boundaries (apostrophes inside a word are removed, a possessive `'s` is dropped), stop words
 * removed, Porter stemming of ASCII words. Chinese, Japanese and Korean runs become character
 * bigrams, so `"退货政策"` gives `["退货", "货政", "政策"]`.
 *
 * Policy for odd input: an empty or whitespace-only string gives `[]`; punctuation and symbols
 * are separators; digits are kept as tokens (`"48h"` → `"48h"`).
 *
 * @param text Any string.
 * @param options See {@linkcode TokenizeOptions}.
 * @returns Tokens in text order (duplicates kept).
 * @example
 * ```ts
 * import { tokenize } from "@shoplab/lib/text/tokenize.ts";
 * import assert from "node:assert/strict";
 * assert.deepEqual(tokenize("How do I return my shoes?"), ["return", "shoe"]);
 * assert.deepEqual(tokenize("The customer's orders", { stem: false }), ["customer", "orders"]);
 * assert.deepEqual(tokenize("如何退货"), ["如何", "何退", "退货"]);
 * ```
 */
export function tokenize(text: string, options: TokenizeOptions = {}): string[] {
  const stopwords = options.stopwords === false
    ? null
    : options.stopwords === true || options.stopwords === undefined
    ? ENGLISH_STOPWORDS
    : options.stopwords;
  const stem = options.stem ?? true;
  const minLength = options.minLength ?? 1;
  const bigram = (options.cjk ?? "bigram") === "bigram";
  const out: string[] = [];
  const normalised = text.normalize("NFKC").toLowerCase();
  for (const m of normalised.matchAll(TOKEN_RE)) {
    if (m[1] !== undefined) {
      const chars = Array.from(m[1]);
      if (!bigram || chars.length === 1) out.push(...chars);
      else for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
      continue;
    }
    let word = m[2].replace(/['’]s$/u, "").replace(/['’]/gu, "");
    if (word.length < minLength) continue;
    if (stopwords !== null && stopwords.has(word)) continue;
    if (stem) word = porterStem(word);
    out.push(word);
  }
  return out;
}
