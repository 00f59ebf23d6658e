import assert from "node:assert/strict";
import { elbow } from "@shoplab/lib/segment/elbow.ts";
import { elbowK } from "@shoplab/lib/segment/elbow_k.ts";
import { chooseK } from "@shoplab/lib/segment/choose_k.ts";
import { kmeans } from "@shoplab/lib/segment/kmeans.ts";
import { assignClusters } from "@shoplab/lib/segment/assign_clusters.ts";
import { lloyd } from "@shoplab/lib/segment/_lloyd.ts";
import { fixtures, matrixOf } from "./_fixtures.ts";

Deno.test("elbowK() finds the 4 blobs of the scikit-learn fixture on the inertia curve", () => {
  const pts = elbow(matrixOf(fixtures.kmeans.x), { ks: [1, 2, 3, 4, 5, 6, 7, 8], seed: 1 });
  assert.equal(elbowK(pts), 4);
});

Deno.test("elbowK() hand-worked: the largest ratio of successive drops", () => {
  // drops 50, 30, 10, 10 → ratios 50/30 at k = 3, 30/10 at k = 4, 10/10 at k = 5
  const pts = [[2, 110], [3, 60], [4, 30], [5, 20], [6, 10]].map(([k, inertia]) => ({
    k,
    inertia,
  }));
  assert.equal(elbowK(pts), 4);
  const flat = [2, 3, 4].map((k) => ({ k, inertia: 5 }));
  assert.equal(elbowK(flat), 2);
  assert.throws(() => elbowK(pts.slice(0, 2)), RangeError);
  assert.throws(() => elbowK([pts[1], pts[0], pts[2]]), /k must increase/);
  assert.throws(() => elbowK([...pts, { k: 9, inertia: NaN }]), /points\[5\]/);
});

Deno.test("chooseK() reports the silhouette k and the elbow k; criterion picks one", () => {
  const x = matrixOf(fixtures.kmeans.x);
  const r = chooseK(x, { ks: [2, 3, 4, 5, 6, 7], seed: 3, restarts: 3 });
  assert.equal(r.silhouetteK, 4);
  assert.equal(r.elbowK, 4);
  assert.equal(r.k, 4);
  assert.equal(elbowK(r.scores), r.elbowK);
  const e = chooseK(x, { ks: [2, 3, 4, 5, 6, 7], seed: 3, restarts: 3, criterion: "elbow" });
  assert.equal(e.k, e.elbowK);
  assert.equal(chooseK(x, { ks: [3, 4], seed: 3 }).elbowK, null);
  assert.throws(() => chooseK(x, { ks: [3, 4], criterion: "elbow" }), RangeError);
  assert.throws(() => chooseK(x, { ks: [4, 3, 5] }), /ks must increase/);
});

Deno.test("kmeans() relocates an empty cluster and still ends consistent", () => {
  // Lloyd from centres (0, 0, 10) on rows 0, 5, 10: cluster 1 starts empty (ties go to the lower
  // index) and must move onto row 5, the farthest from its centre; without the relocation the
  // run ends at centres (5, 0, 10) instead.
  const r = lloyd(Float64Array.of(0, 5, 10), 3, 1, 3, Float64Array.of(0, 0, 10), 300, 0);
  assert.deepEqual([...r.centers], [0, 5, 10]);
  assert.deepEqual([...r.labels], [0, 1, 2]);
  assert.ok(r.converged);
  // two distinct points, k = 3: the seeding must repeat a point, one cluster starts empty and
  // is relocated
  const x = matrixOf([...Array(5).fill([0, 0]), ...Array(5).fill([1, 1])]);
  for (let seed = 0; seed < 10; seed++) {
    const m = kmeans(x, { k: 3, seed, restarts: 1 });
    assert.deepEqual([...assignClusters(x, m)], [...m.labels], `seed ${seed}`);
    assert.equal(m.inertia, 0);
    assert.equal(m.sizes.reduce((a, b) => a + b, 0), 10);
    assert.ok(m.converged);
  }
});
