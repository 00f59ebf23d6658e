import assert from "node:assert/strict";
import { precisionAtK } from "@shoplab/lib/recommend/precision_at_k.ts";
import { recallAtK } from "@shoplab/lib/recommend/recall_at_k.ts";
import { hitRateAtK } from "@shoplab/lib/recommend/hit_rate_at_k.ts";
import { ndcgAtK } from "@shoplab/lib/recommend/ndcg_at_k.ts";
import { mapAtK } from "@shoplab/lib/recommend/map_at_k.ts";
import { mrrAtK } from "@shoplab/lib/recommend/mrr_at_k.ts";
import { catalogCoverage } from "@shoplab/lib/recommend/catalog_coverage.ts";
import { novelty } from "@shoplab/lib/recommend/novelty.ts";
import { intraListDiversity } from "@shoplab/lib/recommend/intra_list_diversity.ts";

// Hand-worked example: list [A, B, C, D, E] = [10, 20, 30, 40, 50], relevant {20, 50, 99}, k = 5.
// Hits at ranks 2 and 5.
const REC = [10, 20, 30, 40, 50];
const REL = new Set([20, 50, 99]);
const close = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-12, `${a} vs ${b}`);

Deno.test("precisionAtK() / recallAtK() / hitRateAtK() on the hand-worked list", () => {
  close(precisionAtK(REC, REL, { k: 5 }), 2 / 5);
  close(recallAtK(REC, REL, { k: 5 }), 2 / 3);
  assert.equal(hitRateAtK(REC, REL, { k: 5 }), 1);
  close(precisionAtK(REC, REL, { k: 1 }), 0);
  assert.equal(hitRateAtK(REC, REL, { k: 1 }), 0);
  close(precisionAtK(REC, REL, { k: 2 }), 1 / 2);
  // list shorter than k: still divided by k
  close(precisionAtK([20], REL, { k: 4 }), 1 / 4);
});

Deno.test("ndcgAtK() = DCG / IDCG with log2 discount and IDCG over min(k, |rel|)", () => {
  const dcg = 1 / Math.log2(3) + 1 / Math.log2(6);
  const idcg = 1 + 1 / Math.log2(3) + 1 / Math.log2(4);
  close(ndcgAtK(REC, REL, { k: 5 }), dcg / idcg);
  // k = 2: one hit at rank 2; ideal has 2 hits
  close(ndcgAtK(REC, REL, { k: 2 }), (1 / Math.log2(3)) / (1 + 1 / Math.log2(3)));
  // perfect list
  assert.equal(ndcgAtK([20, 50, 99], REL, { k: 3 }), 1);
  assert.equal(ndcgAtK([20, 50], REL, { k: 2 }), 1); // |rel| > k: ideal is 2 hits
});

Deno.test("mapAtK() normalises by min(k, |relevant|)", () => {
  close(mapAtK(REC, REL, { k: 5 }), (1 / 2 + 2 / 5) / 3);
  close(mapAtK(REC, REL, { k: 2 }), (1 / 2) / 2);
  assert.equal(mapAtK([20, 50], REL, { k: 2 }), 1);
});

Deno.test("mrrAtK() is 1 / rank of the first hit within k", () => {
  assert.equal(mrrAtK(REC, REL, { k: 5 }), 1 / 2);
  assert.equal(mrrAtK(REC, REL, { k: 1 }), 0);
  assert.equal(mrrAtK([50, 20], REL), 1);
});

Deno.test("ranking metrics: limits (empty list, empty relevance, bad k, default k = 10)", () => {
  for (const f of [precisionAtK, recallAtK, hitRateAtK, ndcgAtK, mapAtK, mrrAtK]) {
    assert.equal(f([], REL), 0);
    assert.ok(Number.isNaN(f(REC, [])));
    assert.throws(() => f(REC, REL, { k: 0 }), RangeError);
    const v = f(REC, [20, 50, 99]);
    assert.ok(v >= 0 && v <= 1);
  }
  close(precisionAtK(REC, REL), 2 / 10);
});

Deno.test("catalogCoverage(), novelty(), intraListDiversity() on hand-worked lists", () => {
  assert.equal(catalogCoverage([[0, 1], [1, 2], []], 4), 0.75);
  assert.equal(catalogCoverage([], 4), 0);
  assert.throws(() => catalogCoverage([[0]], 0), RangeError);
  // p = 1/2, 1/4, 1/8 → 1, 2, 3 bits
  assert.equal(novelty([[0, 1], [2]], [0.5, 0.25, 0.125]), 2);
  assert.ok(Number.isNaN(novelty([[]], [0.5])));
  assert.throws(() => novelty([[0]], [0]), RangeError);
  const sim = (a: number, b: number) => (Math.floor(a / 10) === Math.floor(b / 10) ? 1 : 0);
  // list 1: pairs (1,2)=1,(1,11)=0,(2,11)=0 → 1 - 1/3; list 2: one pair → 1 - 1 = 0
  close(intraListDiversity([[1, 2, 11], [3, 4], [5]], sim), ((1 - 1 / 3) + 0) / 2);
  assert.ok(Number.isNaN(intraListDiversity([[1]], sim)));
});
