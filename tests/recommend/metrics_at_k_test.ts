import assert from "node:assert/strict";
import { metricsAtK } from "@shoplab/lib/recommend/metrics_at_k.ts";
import { evaluateRecommenders } from "@shoplab/lib/recommend/evaluate_recommenders.ts";
import { popularity } from "@shoplab/lib/recommend/popularity.ts";
import { itemKnn } from "@shoplab/lib/recommend/item_knn.ts";
import { leaveLastOutSplit } from "@shoplab/lib/recommend/leave_last_out_split.ts";
import { interactionsFromArrays } from "@shoplab/lib/recommend/interactions_from_arrays.ts";
import { plantedBlocks } from "./_fixtures.ts";

Deno.test("metricsAtK() equals evaluateRecommenders() at every cut-off", async () => {
  const m = plantedBlocks({
    users: 150,
    itemsPerGroup: 12,
    groups: 3,
    perUser: 7,
    own: 0.8,
    seed: 9,
  });
  const split = leaveLastOutSplit(m, { n: 2 });
  const models = [await popularity().fit(split.train), await itemKnn().fit(split.train)];
  const ks = [1, 3, 5, 10];
  const rows = await metricsAtK(models, split, { ks });
  assert.deepEqual(rows.map((r) => `${r.model}@${r.k}`), [
    ...ks.map((k) => `popularity@${k}`),
    ...ks.map((k) => `item-knn@${k}`),
  ]);
  for (const k of ks) {
    const ref = await evaluateRecommenders(models, split, { k });
    for (const r of ref) {
      const row = rows.find((x) => x.model === r.model && x.k === k)!;
      for (
        const key of ["precision", "recall", "hitRate", "ndcg", "map", "mrr", "coverage"] as const
      ) {
        assert.ok(Math.abs(row[key] - r[key]) < 1e-12, `${r.model} ${key}@${k}`);
      }
    }
  }
  // recall and hit rate can only grow with k
  for (const model of ["popularity", "item-knn"]) {
    const mine = rows.filter((r) => r.model === model);
    for (let i = 1; i < mine.length; i++) {
      assert.ok(mine[i].recall >= mine[i - 1].recall);
      assert.ok(mine[i].hitRate >= mine[i - 1].hitRate);
    }
  }
});

Deno.test("metricsAtK() hand-worked: one customer, held-out item at rank 3", async () => {
  // popularity order: item 0 (4 users), 1 (2), 2 (1), 3 (0); user 3 has item 0 → list [1, 2, 3]
  const train = interactionsFromArrays(
    { users: [0, 1, 2, 0, 1, 2, 3], items: [0, 0, 0, 1, 1, 2, 0] },
    { nItems: 4 },
  );
  const test = interactionsFromArrays({ users: [3], items: [3] }, { nUsers: 4, nItems: 4 });
  const rows = await metricsAtK([popularity()], { train, test }, { ks: [2, 3] });
  assert.deepEqual(rows.map((r) => r.hitRate), [0, 1]);
  assert.equal(rows[1].precision, 1 / 3);
  assert.equal(rows[1].ndcg, 1 / Math.log2(4));
  assert.equal(rows[1].mrr, 1 / 3);
  assert.equal(rows[1].coverage, 3 / 4);
  await assert.rejects(metricsAtK([popularity()], { train, test }, { ks: [0] }), RangeError);
  await assert.rejects(
    metricsAtK([popularity()], { train, test }, { candidates: [9] }),
    RangeError,
  );
});
