import assert from "node:assert/strict";
import { evaluateRecommenders } from "@shoplab/lib/recommend/evaluate_recommenders.ts";
import { popularity } from "@shoplab/lib/recommend/popularity.ts";
import { itemKnn } from "@shoplab/lib/recommend/item_knn.ts";
import { interactionsFromArrays } from "@shoplab/lib/recommend/interactions_from_arrays.ts";
import { ndcgAtK } from "@shoplab/lib/recommend/ndcg_at_k.ts";

// train: item 0 bought by users 0-2, item 1 by users 0-1, item 2 by user 3, item 3 by user 4
const train = interactionsFromArrays(
  { users: [0, 1, 2, 0, 1, 3, 4], items: [0, 0, 0, 1, 1, 2, 3] },
  { nUsers: 6, nItems: 5 },
);
// test: user 2 buys 1 (new) and 0 (repeat); user 3 buys 0; user 5 (no train history) buys 0
const test = interactionsFromArrays({ users: [2, 2, 3, 5], items: [1, 0, 0, 0] }, {
  nUsers: 6,
  nItems: 5,
});

Deno.test("evaluateRecommenders() uses the same candidates for every model and adds popularity", async () => {
  const rows = await evaluateRecommenders([itemKnn()], { train, test }, { k: 1 });
  assert.deepEqual(rows.map((r) => r.model), ["popularity", "item-knn"]);
  // candidates: users 2 and 3 (user 5 has no train history; repeat item 0 of user 2 is not relevant)
  assert.ok(rows.every((r) => r.users === 2));
  // popularity k=1: user 2 gets item 1 (hit), user 3 gets item 0 (hit)
  assert.equal(rows[0].hitRate, 1);
  assert.equal(rows[0].precision, 1);
  // item-knn k=1: user 2 (has 0) → item 1 (hit); user 3 (has 2) → no neighbours, zeros, index 0 (hit)
  assert.equal(rows[1].hitRate, 1);
  assert.equal(rows[0].coverage, 2 / 5);
});

Deno.test("evaluateRecommenders() options: relevant 'all', explicit candidates, fitted models, sampling", async () => {
  const pop = await popularity().fit(train);
  const all = await evaluateRecommenders([pop], { train, test }, { k: 2, relevant: "all" });
  assert.equal(all.length, 1); // the fitted popularity model is the baseline
  // user 2: relevant {0, 1}, list [1, 3] (0 is seen) → ndcg = 1 / (1 + 1/log2 3)
  // user 3: relevant {0}, list [0, 1] → 1
  const u2 = ndcgAtK([1, 3], [0, 1], { k: 2 });
  assert.ok(Math.abs(all[0].ndcg - (u2 + 1) / 2) < 1e-12);
  const one = await evaluateRecommenders([pop], { train, test }, { k: 2, candidates: [3] });
  assert.equal(one[0].users, 1);
  const sample = await evaluateRecommenders([pop], { train, test }, { maxUsers: 1, seed: 1 });
  assert.equal(sample[0].users, 1);
  const noBaseline = await evaluateRecommenders([itemKnn()], { train, test }, { baseline: false });
  assert.deepEqual(noBaseline.map((r) => r.model), ["item-knn"]);
  const other = interactionsFromArrays({ users: [0], items: [0] });
  await assert.rejects(
    evaluateRecommenders([await popularity().fit(other)], { train, test }),
    RangeError,
  );
  await assert.rejects(evaluateRecommenders([pop], { train, test: other }), RangeError);
  const none = interactionsFromArrays({ users: [], items: [] }, { nUsers: 6, nItems: 5 });
  await assert.rejects(evaluateRecommenders([pop], { train, test: none }), RangeError);
});
