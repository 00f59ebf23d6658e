import assert from "node:assert/strict";
import { kmeans } from "@shoplab/lib/segment/kmeans.ts";
import { assignClusters } from "@shoplab/lib/segment/assign_clusters.ts";
import { createRng } from "@shoplab/lib/core/random.ts";
import { fixtures, matrixOf } from "./_fixtures.ts";

function blobs(n: number, d: number, k: number, seed: number, spread = 1) {
  const rng = createRng(seed);
  const x = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    const c = i % k;
    for (let t = 0; t < d; t++) x[i * d + t] = rng.normal() * spread + (t % k === c ? 4 : 0);
  }
  return { x, rows: n, cols: d };
}

Deno.test("kmeans() matches scikit-learn's best inertia on well-separated blobs (1e-6)", () => {
  const fx = fixtures.kmeans;
  const m = kmeans(matrixOf(fx.x), { k: fx.k, seed: 7 });
  assert.ok(Math.abs(m.inertia - fx.inertia) / fx.inertia < 1e-6, `${m.inertia} vs ${fx.inertia}`);
  assert.deepEqual([...m.sizes].sort((a, b) => a - b), fx.sizes);
  assert.ok(m.converged);
});

Deno.test("kmeans() ends at a fixed point: labels are nearest centres, centres are means", () => {
  const x = blobs(3000, 5, 4, 3, 1.5);
  const m = kmeans(x, { k: 4, seed: 1, restarts: 3, tol: 0 });
  assert.deepEqual([...assignClusters(x, m)], [...m.labels]);
  const sums = new Float64Array(4 * 5), counts = new Float64Array(4);
  let inertia = 0;
  for (let i = 0; i < x.rows; i++) {
    const c = m.labels[i];
    counts[c]++;
    for (let t = 0; t < 5; t++) {
      sums[c * 5 + t] += x.x[i * 5 + t];
      inertia += (x.x[i * 5 + t] - m.centroids[c * 5 + t]) ** 2;
    }
  }
  for (let j = 0; j < 20; j++) {
    assert.ok(Math.abs(sums[j] / counts[Math.floor(j / 5)] - m.centroids[j]) < 1e-9);
  }
  assert.ok(Math.abs(inertia - m.inertia) < 1e-9 * inertia);
  assert.deepEqual([...m.sizes], [...counts]);
});

Deno.test("kmeans() is deterministic for a seed, and more restarts never do worse", () => {
  const x = blobs(2000, 3, 6, 9, 2.5);
  const a = kmeans(x, { k: 6, seed: 5, restarts: 4 });
  const b = kmeans(x, { k: 6, seed: 5, restarts: 4 });
  assert.deepEqual(a.labels, b.labels);
  assert.equal(a.inertia, b.inertia);
  const one = kmeans(x, { k: 6, seed: 5, restarts: 1 });
  assert.ok(a.inertia <= one.inertia);
});

Deno.test("kmeans() limits: k = 1, k = n, one row, duplicates, k > n, bad input", () => {
  const x = { x: Float64Array.from([0, 2, 4]), rows: 3, cols: 1 };
  const k1 = kmeans(x, { k: 1 });
  assert.deepEqual([...k1.centroids], [2]);
  assert.equal(k1.inertia, 8);
  assert.equal(kmeans(x, { k: 3 }).inertia, 0);
  assert.equal(kmeans({ x: Float64Array.from([5, 6]), rows: 1, cols: 2 }, { k: 1 }).inertia, 0);
  const same = kmeans({ x: new Float64Array(8).fill(1), rows: 4, cols: 2 }, { k: 2 });
  assert.equal(same.inertia, 0);
  assert.equal(same.sizes[0] + same.sizes[1], 4);
  assert.throws(() => kmeans(x, { k: 4 }), RangeError);
  assert.throws(() => kmeans({ x: new Float64Array(0), rows: 0, cols: 2 }, { k: 1 }), RangeError);
  assert.throws(() => kmeans(x, { k: 0 }), RangeError);
  assert.throws(
    () => kmeans({ x: Float64Array.from([1, NaN]), rows: 2, cols: 1 }, { k: 1 }),
    /row 1, column 0/,
  );
  assert.throws(() => kmeans({ x: Float64Array.from([1, 2, 3]), rows: 2, cols: 2 }), RangeError);
});

Deno.test("kmeans() stops at maxIter and reports it", () => {
  const x = blobs(500, 2, 5, 4, 3);
  const m = kmeans(x, { k: 5, maxIter: 1, restarts: 1, tol: 0 });
  assert.equal(m.iterations, 1);
  assert.equal(m.converged, false);
});
