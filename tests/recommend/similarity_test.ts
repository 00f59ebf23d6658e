import assert from "node:assert/strict";
import { cosineSimilarity } from "@shoplab/lib/recommend/cosine_similarity.ts";
import { pearsonCorrelation } from "@shoplab/lib/recommend/pearson_correlation.ts";
import { jaccardSimilarity } from "@shoplab/lib/recommend/jaccard_similarity.ts";
import { vectorSimilarity } from "@shoplab/lib/recommend/vector_similarity.ts";

const sparse = (dense: number[]) => ({
  length: dense.length,
  indices: dense.flatMap((x, i) => (x !== 0 ? [i] : [])),
  values: dense.filter((x) => x !== 0),
});

Deno.test("cosineSimilarity() gives 25/√690 ≈ 0.9517 for the article's example (not 0.87)", () => {
  const a = [4, 3, 2, 1, 0], b = [3, 3, 2, 0, 1];
  const c = cosineSimilarity(a, b);
  assert.ok(Math.abs(c - 25 / Math.sqrt(690)) < 1e-12);
  assert.equal(c.toFixed(4), "0.9517");
  assert.ok(Math.abs(c - 0.87) > 0.08); // the article's 0.87 is wrong
  assert.ok(Math.abs(cosineSimilarity(sparse(a), sparse(b)) - c) < 1e-12);
  assert.ok(Math.abs(cosineSimilarity(a, sparse(b)) - c) < 1e-12);
});

Deno.test("cosineSimilarity() limits: self = 1, orthogonal = 0, zero vector = 0, NaN propagates", () => {
  assert.ok(Math.abs(cosineSimilarity([1, 2, 3], [1, 2, 3]) - 1) < 1e-12);
  assert.equal(cosineSimilarity([1, 0], [0, 1]), 0);
  assert.equal(cosineSimilarity([0, 0], [1, 1]), 0);
  assert.ok(Number.isNaN(cosineSimilarity([NaN, 1], [1, 1])));
  assert.equal(cosineSimilarity([], []), 0);
  assert.throws(() => cosineSimilarity([1], [1, 2]), RangeError);
});

Deno.test("pearsonCorrelation() matches a hand-worked value, dense and sparse", () => {
  // x = (1,2,3,4), y = (2,1,4,3): mean 2.5 each; cov sum = (-1.5)(-0.5)+(-0.5)(-1.5)+(0.5)(1.5)+(1.5)(0.5) = 3; var sums 5
  assert.ok(Math.abs(pearsonCorrelation([1, 2, 3, 4], [2, 1, 4, 3]) - 0.6) < 1e-12);
  const a = [4, 3, 2, 1, 0], b = [3, 3, 2, 0, 1];
  // reference: the textbook formula with explicit means (2 and 1.8)
  const ma = 2, mb = 1.8;
  let cov = 0, va = 0, vb = 0;
  a.forEach((x, i) => {
    cov += (x - ma) * (b[i] - mb);
    va += (x - ma) ** 2;
    vb += (b[i] - mb) ** 2;
  });
  const r = cov / Math.sqrt(va * vb);
  assert.ok(Math.abs(pearsonCorrelation(a, b) - r) < 1e-12);
  assert.ok(Math.abs(pearsonCorrelation(sparse(a), sparse(b)) - r) < 1e-12);
  assert.equal(pearsonCorrelation([2, 2, 2], [1, 2, 3]), 0);
  assert.ok(Number.isNaN(pearsonCorrelation([1, NaN], [1, 2])));
});

Deno.test("jaccardSimilarity() counts shared non-zero positions", () => {
  assert.equal(jaccardSimilarity([4, 3, 2, 1, 0], [3, 3, 2, 0, 1]), 3 / 5);
  assert.equal(jaccardSimilarity(sparse([0, 5, 0, 1]), [1, 1, 0, 0]), 1 / 3);
  assert.equal(jaccardSimilarity([0, 0], [0, 0]), 0);
});

Deno.test("vectorSimilarity() dispatches strategies and the function escape hatch", () => {
  const a = [4, 3, 2, 1, 0], b = [3, 3, 2, 0, 1];
  assert.equal(vectorSimilarity(a, b), cosineSimilarity(a, b));
  assert.equal(vectorSimilarity(a, b, { similarity: "pearson" }), pearsonCorrelation(a, b));
  assert.equal(vectorSimilarity(a, b, { similarity: "jaccard" }), 0.6);
  assert.equal(vectorSimilarity(a, b, { similarity: () => 7 }), 7);
  // deno-lint-ignore no-explicit-any
  assert.throws(() => vectorSimilarity(a, b, { similarity: "euclid" as any }), TypeError);
});
