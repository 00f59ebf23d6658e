import assert from "node:assert/strict";
import { itemKnn } from "@shoplab/lib/recommend/item_knn.ts";
import { userKnn } from "@shoplab/lib/recommend/user_knn.ts";
import { itemSimilarityTopK } from "@shoplab/lib/recommend/item_similarity_top_k.ts";
import { vectorSimilarity } from "@shoplab/lib/recommend/vector_similarity.ts";
import { cosineSimilarity } from "@shoplab/lib/recommend/cosine_similarity.ts";
import { interactionsFromArrays } from "@shoplab/lib/recommend/interactions_from_arrays.ts";
import { createRng } from "@shoplab/lib/core/random.ts";
import { tinyMatrix } from "./_fixtures.ts";

const close = (a: number, b: number, tol = 1e-6) =>
  assert.ok(Math.abs(a - b) < tol, `${a} vs ${b}`);

Deno.test("itemSimilarityTopK() gives the hand-checked cosines of the tiny matrix", () => {
  const nb = itemSimilarityTopK(tinyMatrix(), { k: 3 });
  const row = (i: number) =>
    Array.from(
      { length: nb.indptr[i + 1] - nb.indptr[i] },
      (_, p) => [nb.indices[nb.indptr[i] + p], nb.values[nb.indptr[i] + p]],
    );
  // i0: i1 = 2/3, i2 = 1/√6 (i3 shares no user)
  assert.deepEqual(row(0).map((x) => x[0]), [1, 2]);
  close(row(0)[0][1], 2 / 3);
  close(row(0)[1][1], 1 / Math.sqrt(6));
  // i1: i2 = 2/√6, i0 = 2/3, i3 = 1/√3
  assert.deepEqual(row(1).map((x) => x[0]), [2, 0, 3]);
  close(row(1)[0][1], 2 / Math.sqrt(6));
  const k1 = itemSimilarityTopK(tinyMatrix(), { k: 1 });
  assert.deepEqual([...k1.indptr], [0, 1, 2, 3, 4]);
  assert.throws(() => itemSimilarityTopK(tinyMatrix(), { k: 0 }), RangeError);
});

Deno.test("itemSimilarityTopK() equals brute-force similarity for every strategy", () => {
  const rng = createRng(3);
  const users: number[] = [], items: number[] = [], values: number[] = [];
  for (let e = 0; e < 150; e++) {
    users.push(rng.int(30));
    items.push(rng.int(12));
    values.push(1 + rng.int(4));
  }
  const m = interactionsFromArrays({ users, items, values }, { nUsers: 30, nItems: 12 });
  const col = (i: number) =>
    Array.from({ length: 30 }, (_, u) => {
      for (
        let q = m.byUser.indptr[u];
        q < m.byUser.indptr[u + 1];
        q++
      ) if (m.byUser.indices[q] === i) return m.byUser.values[q];
      return 0;
    });
  for (const similarity of ["cosine", "pearson", "jaccard", cosineSimilarity] as const) {
    const nb = itemSimilarityTopK(m, { k: 11, similarity });
    for (let i = 0; i < 12; i++) {
      for (let p = nb.indptr[i]; p < nb.indptr[i + 1]; p++) {
        const j = nb.indices[p];
        close(nb.values[p], vectorSimilarity(col(i), col(j), { similarity }), 1e-5);
      }
      // sorted descending
      for (let p = nb.indptr[i] + 1; p < nb.indptr[i + 1]; p++) {
        assert.ok(nb.values[p] <= nb.values[p - 1]);
      }
    }
  }
  // shrinkage multiplies by common / (common + shrink)
  const plain = itemSimilarityTopK(tinyMatrix(), { k: 3 });
  const shrunk = itemSimilarityTopK(tinyMatrix(), { k: 3, shrink: 2 });
  close(shrunk.values[0], plain.values[0] * (2 / 4)); // i0–i1 share 2 users
});

Deno.test("itemKnn() recommends the hand-checked items with explanations", async () => {
  const model = await itemKnn().fit(tinyMatrix());
  // u3 bought i0: i1 (2/3) before i2 (1/√6)
  const [r3] = model.recommend([3], { k: 2 });
  assert.deepEqual(r3.items.map((x) => x.item), [1, 2]);
  close(r3.items[0].score, 2 / 3);
  // u0 bought i0, i1: i2 = 1/√6 + 2/√6, i3 = 1/√3; i2 is explained by i1 (the larger term)
  const [r0] = model.recommend(["0"], { k: 2 });
  assert.deepEqual(r0.items.map((x) => x.item), [2, 3]);
  close(r0.items[0].score, 3 / Math.sqrt(6));
  assert.equal(r0.items[0].explanation?.text, 'Because you bought "i1"');
  assert.deepEqual(r0.items[0].explanation?.items, [1]);
  // seen items excluded by default, kept on request
  const all = model.recommend([0], { k: 4, exclude: "none" })[0].items.map((x) => x.item);
  assert.deepEqual(all, [2, 0, 1, 3]); // i2 = 3/√6, i0 = i1 = 2/3 (tie → lower index), i3 = 1/√3
  assert.equal(model.recommend([0], { explain: false })[0].items[0].explanation, undefined);
  assert.throws(() => model.recommend([9]), RangeError);
  assert.throws(() => model.recommend(["nobody"]), RangeError);
  assert.throws(() => model.recommend([0], { k: 0 }), RangeError);
});

Deno.test("userKnn() recommends what similar customers bought", async () => {
  const model = await userKnn().fit(tinyMatrix());
  // u3 = {i0}: cos with u0 = 1/√2, with u1 = 1/√3, with u2 = 0
  const nb = model.neighboursOf(3);
  assert.deepEqual([...nb.users], [0, 1]);
  close(nb.similarities[0], 1 / Math.sqrt(2));
  const [r3] = model.recommend([3], { k: 2 });
  assert.deepEqual(r3.items.map((x) => x.item), [1, 2]);
  close(r3.items[0].score, 1 / Math.sqrt(2) + 1 / Math.sqrt(3));
  assert.equal(r3.items[0].explanation?.text, "2 customers like you bought this");
  assert.deepEqual(r3.items[0].explanation?.users, [0, 1]);
  const one = await userKnn({ neighbours: 1 }).fit(tinyMatrix());
  assert.deepEqual(one.recommend([3], { k: 1 })[0].items.map((x) => x.item), [1]);
  assert.throws(() => userKnn({ neighbours: 0 }), RangeError);
});

Deno.test("kNN models on a user with no history return zero scores, not errors", async () => {
  const m = interactionsFromArrays({ users: [0, 0], items: [0, 1] }, { nUsers: 2 });
  for (const model of [await itemKnn().fit(m), await userKnn().fit(m)]) {
    assert.ok(model.scores(1).every((x) => x === 0));
    assert.equal(model.recommend([1], { k: 2 })[0].items.length, 2);
  }
});
