import assert from "node:assert/strict";
import { silhouetteScore } from "@shoplab/lib/segment/silhouette_score.ts";
import { createRng } from "@shoplab/lib/core/random.ts";
import { fixtures, matrixOf } from "./_fixtures.ts";

Deno.test("silhouetteScore() agrees with scikit-learn to 1e-9", () => {
  const fx = fixtures.silhouette;
  const s = silhouetteScore(matrixOf(fx.x), fx.labels);
  assert.ok(Math.abs(s - fx.score) < 1e-9, `${s} vs ${fx.score}`);
});

Deno.test("silhouetteScore() hand example with a singleton cluster (s = 0) and any label values", () => {
  // Clusters {0, 2} (label 7) and {10} (label −1). Row 0: a = 2, b = 10 → 0.8.
  // Row 1 (x = 2): a = 2, b = 8 → 0.75. Row 2: alone → 0.
  const s = silhouetteScore({ x: Float64Array.from([0, 2, 10]), rows: 3, cols: 1 }, [7, 7, -1]);
  assert.ok(Math.abs(s - (0.8 + 0.75) / 3) < 1e-15);
});

Deno.test("silhouetteScore() samples with a seed; a sample as large as the data is exact", () => {
  const rng = createRng(2);
  const n = 3000;
  const x = Float64Array.from(
    { length: n * 2 },
    (_, i) => rng.normal() + (Math.floor(i / 2) % 3) * 3,
  );
  const labels = Int32Array.from({ length: n }, (_, i) => i % 3);
  const m = { x, rows: n, cols: 2 };
  const exact = silhouetteScore(m, labels);
  assert.equal(silhouetteScore(m, labels, { sampleSize: n }), exact);
  const a = silhouetteScore(m, labels, { sampleSize: 500, seed: 1 });
  assert.equal(silhouetteScore(m, labels, { sampleSize: 500, seed: 1 }), a);
  assert.notEqual(silhouetteScore(m, labels, { sampleSize: 500, seed: 2 }), a);
  assert.ok(Math.abs(a - exact) < 0.05);
});

Deno.test("silhouetteScore() refuses one cluster, n clusters and mismatched labels", () => {
  const m = { x: Float64Array.from([0, 1, 2]), rows: 3, cols: 1 };
  assert.throws(() => silhouetteScore(m, [0, 0, 0]), /2 to 2/);
  assert.throws(() => silhouetteScore(m, [0, 1, 2]), RangeError);
  assert.throws(() => silhouetteScore(m, [0, 1]), RangeError);
  assert.throws(
    () => silhouetteScore({ x: new Float64Array(0), rows: 0, cols: 1 }, []),
    RangeError,
  );
});
