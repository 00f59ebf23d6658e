import assert from "node:assert/strict";
import { elbow } from "@shoplab/lib/segment/elbow.ts";
import { fixtures, matrixOf } from "./_fixtures.ts";

Deno.test("elbow() inertia falls with k and flattens after the true k", () => {
  const pts = elbow(matrixOf(fixtures.kmeans.x), { ks: [1, 2, 3, 4, 5, 6], seed: 1, restarts: 3 });
  assert.deepEqual(pts.map((p) => p.k), [1, 2, 3, 4, 5, 6]);
  for (let i = 1; i < pts.length; i++) assert.ok(pts[i].inertia < pts[i - 1].inertia);
  const drop = (i: number) => pts[i - 1].inertia - pts[i].inertia;
  assert.ok(drop(3) > 10 * drop(4)); // 3 → 4 still pays, 4 → 5 hardly
  assert.throws(() => elbow(matrixOf([[1], [2]]), { ks: [3] }), RangeError);
});
