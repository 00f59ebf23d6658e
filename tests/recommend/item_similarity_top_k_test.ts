import assert from "node:assert/strict";
import { itemSimilarityTopK } from "@shoplab/lib/recommend/item_similarity_top_k.ts";
import { vectorSimilarity } from "@shoplab/lib/recommend/vector_similarity.ts";
import { interactionsFromArrays } from "@shoplab/lib/recommend/interactions_from_arrays.ts";
import { createRng } from "@shoplab/lib/core/random.ts";

Deno.test("itemSimilarityTopK() keeps the brute-force top k, ties to the lower index, for small k", () => {
  // binary data with few users: many exactly equal similarities
  const rng = createRng(21);
  const nUsers = 12, nItems = 25;
  const users: number[] = [], items: number[] = [];
  for (let e = 0; e < 90; e++) {
    users.push(rng.int(nUsers));
    items.push(rng.int(nItems));
  }
  const m = interactionsFromArrays({ users, items }, { nUsers, nItems });
  const col = (i: number) =>
    Array.from({ length: nUsers }, (_, u) => {
      const row = m.byUser.indices.subarray(m.byUser.indptr[u], m.byUser.indptr[u + 1]);
      return row.includes(i) ? m.byUser.values[m.byUser.indptr[u] + row.indexOf(i)] : 0;
    });
  let ties = 0;
  for (const similarity of ["cosine", "jaccard"] as const) {
    for (const k of [1, 3, 7]) {
      const nb = itemSimilarityTopK(m, { k, similarity });
      for (let i = 0; i < nItems; i++) {
        const all = Array.from({ length: nItems }, (_, j) => j)
          .filter((j) => j !== i)
          .map((j) => ({ j, s: vectorSimilarity(col(i), col(j), { similarity }) }))
          .filter((x) => x.s > 0)
          .sort((a, b) => b.s - a.s || a.j - b.j);
        const want = all.slice(0, k);
        if (all.length > k && Math.abs(all[k].s - all[k - 1].s) < 1e-12) ties++;
        const got = Array.from(
          nb.indices.subarray(nb.indptr[i], nb.indptr[i + 1]),
        );
        // equal scores can differ in the last float bits: compare indices where scores differ
        assert.equal(got.length, want.length, `${similarity} k=${k} item ${i}`);
        got.forEach((j, p) => {
          assert.ok(Math.abs(nb.values[nb.indptr[i] + p] - want[p].s) < 1e-6);
          assert.equal(j, want[p].j, `${similarity} k=${k} item ${i} rank ${p}`);
        });
      }
    }
  }
  assert.ok(ties > 10, `the data should exercise the tie rule at the cut (${ties} ties)`);
});
