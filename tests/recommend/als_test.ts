import assert from "node:assert/strict";
import { implicitAls } from "@shoplab/lib/recommend/implicit_als.ts";
import { leaveLastOutSplit } from "@shoplab/lib/recommend/leave_last_out_split.ts";
import { evaluateRecommenders } from "@shoplab/lib/recommend/evaluate_recommenders.ts";
import { plantedBlocks, tinyMatrix } from "./_fixtures.ts";

Deno.test("implicitAls() loss decreases every iteration (Cholesky: exact block updates)", async () => {
  const m = plantedBlocks({
    users: 120,
    itemsPerGroup: 10,
    groups: 3,
    perUser: 6,
    own: 0.9,
    seed: 4,
  });
  const model = await implicitAls({
    factors: 6,
    iterations: 8,
    solver: "cholesky",
    computeLoss: true,
  }).fit(m);
  for (let i = 1; i < model.loss.length; i++) {
    assert.ok(model.loss[i] <= model.loss[i - 1] * (1 + 1e-9), `iteration ${i}`);
  }
  assert.ok(model.loss[7] < model.loss[0]);
  const cg = await implicitAls({ factors: 6, iterations: 8, computeLoss: true }).fit(m);
  assert.ok(cg.loss[7] < cg.loss[0]);
  // CG with few steps approaches the exact solution's objective
  assert.ok(Math.abs(cg.loss[7] - model.loss[7]) / model.loss[7] < 0.05);
});

Deno.test("implicitAls() recovers a planted block structure", async () => {
  const m = plantedBlocks({
    users: 400,
    itemsPerGroup: 15,
    groups: 4,
    perUser: 8,
    own: 0.95,
    seed: 7,
  });
  const split = leaveLastOutSplit(m, { n: 2 });
  const als = await implicitAls({ factors: 8, iterations: 10, alpha: 5 }).fit(split.train);
  // the top recommendations lie in the user's own block
  let own = 0, total = 0;
  for (
    const r of als.recommend(Array.from({ length: 400 }, (_, u) => u), { k: 5, explain: false })
  ) {
    for (const x of r.items) {
      total++;
      if (Math.floor(x.item / 15) === r.user % 4) own++;
    }
  }
  assert.ok(own / total > 0.9, `own-block share ${own / total}`);
  const rows = await evaluateRecommenders([als], split, { k: 10 });
  assert.ok(
    rows[1].hitRate > 2 * rows[0].hitRate,
    `als ${rows[1].hitRate} vs popularity ${rows[0].hitRate}`,
  );
});

Deno.test("implicitAls() is seeded, validates options and explains", async () => {
  const a = await implicitAls({ factors: 3, iterations: 3, seed: 1 }).fit(tinyMatrix());
  const b = await implicitAls({ factors: 3, iterations: 3, seed: 1 }).fit(tinyMatrix());
  assert.deepEqual(a.userFactors, b.userFactors);
  assert.equal(a.userFactors.length, 4 * 3);
  const why = a.recommend([3], { k: 1 })[0].items[0].explanation;
  assert.match(why!.text, /"i0", which you bought/);
  assert.throws(() => implicitAls({ factors: 0 }), RangeError);
  assert.throws(() => implicitAls({ regularization: -1 }), RangeError);
});
