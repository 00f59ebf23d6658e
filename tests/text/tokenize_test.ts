import assert from "node:assert/strict";
import { tokenize } from "@shoplab/lib/text/tokenize.ts";

Deno.test("tokenize() lower-cases, drops stop words and stems", () => {
  assert.deepEqual(tokenize("Where is my PARCEL? Tracking, please!"), ["parcel", "track"]);
  assert.deepEqual(tokenize("Refunds and returned items"), ["refund", "return", "item"]);
});

Deno.test("tokenize() options switch stop words and stemming off", () => {
  assert.deepEqual(tokenize("The mugs", { stopwords: false, stem: false }), ["the", "mugs"]);
  assert.deepEqual(tokenize("the mugs", { stopwords: new Set(["mugs"]), stem: false }), ["the"]);
  assert.deepEqual(tokenize("a bb ccc", { stopwords: false, minLength: 2 }), ["bb", "ccc"]);
});

Deno.test("tokenize() handles apostrophes, digits, accents and punctuation", () => {
  assert.deepEqual(tokenize("customer's order", { stem: false }), ["customer", "order"]);
  assert.deepEqual(tokenize("don't"), []); // "dont" is a stop word
  assert.deepEqual(tokenize("48h delivery—£3.95", { stem: false }), ["48h", "delivery", "3", "95"]);
  assert.deepEqual(tokenize("Café ÉCLAIR", { stem: false }), ["café", "éclair"]);
  assert.deepEqual(tokenize("ｆｕｌｌｗｉｄｔｈ", { stem: false }), ["fullwidth"]); // NFKC
});

Deno.test("tokenize() returns [] for empty, blank and symbol-only input", () => {
  assert.deepEqual(tokenize(""), []);
  assert.deepEqual(tokenize("   \n\t"), []);
  assert.deepEqual(tokenize("?!… ---"), []);
});

Deno.test("tokenize() splits Chinese into character bigrams without crashing", () => {
  assert.deepEqual(tokenize("退货政策"), ["退货", "货政", "政策"]);
  assert.deepEqual(tokenize("我"), ["我"]);
  assert.deepEqual(tokenize("退货 policy 如何"), ["退货", "polici", "如何"]);
  assert.deepEqual(tokenize("订单123号"), ["订单", "123", "号"]);
  assert.deepEqual(tokenize("退货政策", { cjk: "unigram" }), ["退", "货", "政", "策"]);
  assert.deepEqual(tokenize("日本語のテキスト").slice(0, 2), ["日本", "本語"]);
});
