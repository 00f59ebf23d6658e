import assert from "node:assert/strict";
import { fitBm25 } from "@shoplab/lib/text/fit_bm25.ts";

Deno.test("fitBm25() matches a hand-worked score", () => {
  // N = 3, lengths 3, 2, 1 → avgdl = 2; term "a": df = 2, idf = ln(1 + (3 - 2 + 0.5) / 2.5) = ln 1.6
  const index = fitBm25([["a", "a", "b"], ["a", "c"], ["d"]], { k1: 1.2, b: 0.75 });
  const s = index.scores(["a"]);
  const idf = Math.log(1.6);
  const doc0 = (idf * 2 * 2.2) / (2 + 1.2 * (1 - 0.75 + (0.75 * 3) / 2));
  const doc1 = (idf * 1 * 2.2) / (1 + 1.2 * (1 - 0.75 + (0.75 * 2) / 2));
  assert.ok(Math.abs(s[0] - doc0) < 1e-12);
  assert.ok(Math.abs(s[1] - doc1) < 1e-12);
  assert.equal(s[2], 0);
  assert.ok(Math.abs(index.maxScore(["a", "zzz"]) - idf * 2.2) < 1e-12);
});

Deno.test("fitBm25() with b = 0 ignores document length", () => {
  const index = fitBm25([["x", "y", "z", "w"], ["x"]], { b: 0 });
  const s = index.scores("x");
  assert.equal(s[0], s[1]);
});

Deno.test("fitBm25() rejects bad parameters and empty input", () => {
  assert.throws(() => fitBm25([]), RangeError);
  assert.throws(() => fitBm25(["a"], { b: 2 }), RangeError);
  assert.throws(() => fitBm25(["a"], { k1: -1 }), RangeError);
  assert.deepEqual([...fitBm25(["a"]).scores("")], [0]);
});
