import assert from "node:assert/strict";
import { contentBased } from "@shoplab/lib/recommend/content_based.ts";
import { hybrid } from "@shoplab/lib/recommend/hybrid.ts";
import { itemKnn } from "@shoplab/lib/recommend/item_knn.ts";
import { popularity } from "@shoplab/lib/recommend/popularity.ts";
import { interactionsFromArrays } from "@shoplab/lib/recommend/interactions_from_arrays.ts";
import { createRng } from "@shoplab/lib/core/random.ts";
import type { FittedRecommender } from "@shoplab/lib/recommend/types.ts";

const WORDS = [
  "ceramic tea mug",
  "garden folding chair",
  "vintage table lamp",
  "scented wax candle",
];
const PER = 20, COLD_FROM = 15; // items 15..19 of each group have no training interactions

function coldStartData() {
  const rng = createRng(11);
  const itemText = Array.from(
    { length: 4 * PER },
    (_, i) => `${WORDS[Math.floor(i / PER)]} model ${i}`,
  );
  const tr = { users: [] as number[], items: [] as number[] };
  const te = { users: [] as number[], items: [] as number[] };
  for (let u = 0; u < 200; u++) {
    const g = u % 4;
    const seen = new Set<number>();
    while (seen.size < 8) {
      const i = rng.next() < 0.9 ? g * PER + rng.int(PER) : rng.int(4 * PER);
      if (seen.has(i)) continue;
      seen.add(i);
      const side = i % PER >= COLD_FROM ? te : tr;
      side.users.push(u);
      side.items.push(i);
    }
  }
  const opts = { nUsers: 200, nItems: 4 * PER, itemText };
  return { train: interactionsFromArrays(tr, opts), test: interactionsFromArrays(te, opts) };
}

function coldHitRate(
  model: FittedRecommender,
  test: ReturnType<typeof coldStartData>["test"],
): number {
  let hit = 0, n = 0;
  for (let u = 0; u < test.nUsers; u++) {
    const rel = new Set(
      test.byUser.indices.subarray(test.byUser.indptr[u], test.byUser.indptr[u + 1]),
    );
    if (rel.size === 0) continue;
    n++;
    const rec = model.recommend([u], { k: 10, explain: false })[0].items;
    if (rec.some((x) => rel.has(x.item))) hit++;
  }
  return hit / n;
}

Deno.test("contentBased() scores items by TF-IDF similarity to the user's profile", async () => {
  const train = interactionsFromArrays({ users: [0, 0], items: [0, 1] }, {
    nItems: 4,
    itemText: ["red tea mug", "blue tea mug", "green tea mug", "garden chair"],
    itemLabels: ["red mug", "blue mug", "green mug", "chair"],
  });
  const model = await contentBased().fit(train);
  const s = model.scores(0);
  assert.ok(s[2] > 0 && s[3] === 0);
  const [r] = model.recommend([0], { k: 2 });
  assert.deepEqual(r.items.map((x) => x.item), [2, 3]);
  assert.match(r.items[0].explanation!.text, /mug", which you bought/);
  assert.ok(model.terms.includes("mug"));
  await assert.rejects(
    contentBased().fit(interactionsFromArrays({ users: [0], items: [0] })),
    TypeError,
  );
  await assert.rejects(contentBased({ itemText: ["a", "b"] }).fit(train), RangeError);
});

Deno.test("hybrid() recommends cold-start items that item-kNN cannot", async () => {
  const { train, test } = coldStartData();
  const cf = await itemKnn().fit(train);
  const hy = await hybrid(itemKnn(), contentBased()).fit(train);
  // CF gives new items a zero score; the hybrid leans on content for them
  assert.ok(cf.scores(0).subarray(COLD_FROM, PER).every((x) => x === 0));
  assert.ok(hy.scores(0).subarray(COLD_FROM, PER).every((x) => x > 0));
  const cfHit = coldHitRate(cf, test), hyHit = coldHitRate(hy, test);
  assert.ok(cfHit < 0.05, `item-knn cold hit rate ${cfHit}`);
  assert.ok(hyHit > 0.5, `hybrid cold hit rate ${hyHit}`);
});

Deno.test("hybrid() falls back to popularity for users without history and validates options", async () => {
  const train = interactionsFromArrays({ users: [0, 1, 1], items: [1, 1, 0] }, {
    nUsers: 3,
    nItems: 3,
    itemText: ["mug", "chair", "lamp"],
  });
  const hy = await hybrid(itemKnn(), contentBased()).fit(train);
  const pop = await popularity().fit(train);
  assert.deepEqual([...hy.scores(2)], [...pop.scores(2)]);
  assert.match(hy.recommend([2], { k: 1 })[0].items[0].explanation!.text, /Popular: 2 customers/);
  assert.throws(() => hybrid(itemKnn(), contentBased(), { weight: 2 }), RangeError);
});
