/**
 * The Porter stemmer (M. F. Porter, "An algorithm for suffix stripping", Program 14(3), 1980), as
 * in the author's reference implementation (with its two departures from the paper: `bli → ble`
 * and `logi → log` in step 2).
 *
 * @module
 */

const STEP2: Readonly<Record<string, string>> = {
  ational: "ate",
  tional: "tion",
  enci: "ence",
  anci: "ance",
  izer: "ize",
  bli: "ble",
  alli: "al",
  entli: "ent",
  eli: "e",
  ousli: "ous",
  ization: "ize",
  ation: "ate",
  ator: "ate",
  alism: "al",
  iveness: "ive",
  fulness: "ful",
  ousness: "ous",
  aliti: "al",
  iviti: "ive",
  biliti: "ble",
  logi: "log",
};
const STEP3: Readonly<Record<string, string>> = {
  icate: "ic",
  ative: "",
  alize: "al",
  iciti: "ic",
  ical: "ic",
  ful: "",
  ness: "",
};

const c = "[^aeiou]";
const v = "[aeiouy]";
const C = c + "[^aeiouy]*";
const V = v + "[aeiou]*";
const MGR0 = new RegExp("^(" + C + ")?" + V + C); // m > 0
const MEQ1 = new RegExp("^(" + C + ")?" + V + C + "(" + V + ")?$"); // m = 1
const MGR1 = new RegExp("^(" + C + ")?" + V + C + V + C); // m > 1
const S_V = new RegExp("^(" + C + ")?" + v); // stem contains a vowel
const CVC = new RegExp("^" + C + v + "[^aeiouwxy]$");
const STEP2_RE =
  /^(.+?)(ational|tional|enci|anci|izer|bli|alli|entli|eli|ousli|ization|ation|ator|alism|iveness|fulness|ousness|aliti|iviti|biliti|logi)$/;
const STEP3_RE = /^(.+?)(icate|ative|alize|iciti|ical|ful|ness)$/;
const STEP4_RE =
  /^(.+?)(al|ance|ence|er|ic|able|ible|ant|ement|ment|ent|ou|ism|ate|iti|ous|ive|ize)$/;

/**
 * Reduces an English word to its Porter stem. Words shorter than 3 letters and words holding
 * anything but ASCII letters `a–z` are returned unchanged.
 *
 * @param word A lower-case word.
 * @returns The stem (e.g. `"relational"` → `"relat"`, `"ponies"` → `"poni"`).
 * @example
 * ```ts
 * import { porterStem } from "@shoplab/lib/text/porter_stem.ts";
 * import assert from "node:assert/strict";
 * assert.equal(porterStem("caresses"), "caress");
 * assert.equal(porterStem("shipping"), "ship");
 * assert.equal(porterStem("refunds"), "refund");
 * ```
 */
export function porterStem(word: string): string {
  if (word.length < 3 || !/^[a-z]+$/.test(word)) return word;
  let w = word;
  const firstY = w[0] === "y";
  if (firstY) w = "Y" + w.slice(1);
  let m: RegExpExecArray | null;

  // Step 1a
  if ((m = /^(.+?)(ss|i)es$/.exec(w))) w = m[1] + m[2];
  else if ((m = /^(.+?)([^s])s$/.exec(w))) w = m[1] + m[2];

  // Step 1b
  if ((m = /^(.+?)eed$/.exec(w))) {
    if (MGR0.test(m[1])) w = w.slice(0, -1);
  } else if ((m = /^(.+?)(ed|ing)$/.exec(w))) {
    const stem = m[1];
    if (S_V.test(stem)) {
      w = stem;
      if (/(at|bl|iz)$/.test(w)) w += "e";
      else if (/([^aeiouylsz])\1$/.test(w)) w = w.slice(0, -1);
      else if (CVC.test(w)) w += "e";
    }
  }

  // Step 1c
  if ((m = /^(.+?)y$/.exec(w)) && S_V.test(m[1])) w = m[1] + "i";

  // Step 2
  if ((m = STEP2_RE.exec(w)) && MGR0.test(m[1])) w = m[1] + STEP2[m[2]];

  // Step 3
  if ((m = STEP3_RE.exec(w)) && MGR0.test(m[1])) w = m[1] + STEP3[m[2]];

  // Step 4
  if ((m = STEP4_RE.exec(w))) {
    if (MGR1.test(m[1])) w = m[1];
  } else if ((m = /^(.+?)(s|t)(ion)$/.exec(w))) {
    const stem = m[1] + m[2];
    if (MGR1.test(stem)) w = stem;
  }

  // Step 5
  if ((m = /^(.+?)e$/.exec(w))) {
    const stem = m[1];
    if (MGR1.test(stem) || (MEQ1.test(stem) && !CVC.test(stem))) w = stem;
  }
  if (/ll$/.test(w) && MGR1.test(w)) w = w.slice(0, -1);

  if (firstY) w = "y" + w.slice(1);
  return w;
}
