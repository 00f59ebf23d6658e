import assert from "node:assert/strict";
import { chooseK } from "@shoplab/lib/segment/choose_k.ts";
import { silhouetteScore } from "@shoplab/lib/segment/silhouette_score.ts";
import { kmeans } from "@shoplab/lib/segment/kmeans.ts";
import { fixtures, matrixOf } from "./_fixtures.ts";

Deno.test("chooseK() finds the 4 blobs by silhouette and reports every k", () => {
  const x = matrixOf(fixtures.kmeans.x);
  const r = chooseK(x, { ks: [2, 3, 4, 5, 6], seed: 3, restarts: 3 });
  assert.equal(r.k, 4);
  assert.deepEqual(r.scores.map((s) => s.k), [2, 3, 4, 5, 6]);
  const m = kmeans(x, { k: 4, seed: 3, restarts: 3 });
  assert.equal(r.scores[2].silhouette, silhouetteScore(x, m.labels, { seed: 3 }));
});

Deno.test("chooseK() refuses k below 2 or above n − 1, and no ks", () => {
  const x = matrixOf([[0], [1], [5], [6]]);
  assert.throws(() => chooseK(x, { ks: [1, 2] }), RangeError);
  assert.throws(() => chooseK(x, { ks: [4] }), RangeError);
  assert.throws(() => chooseK(x, { ks: [] }), RangeError);
  assert.equal(chooseK(x, { ks: [2, 3] }).k, 2);
});
