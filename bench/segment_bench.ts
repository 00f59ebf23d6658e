/**
 * lib/segment benchmark: k-means (k-means++, 10 restarts), silhouette (exact on 10,000 rows,
 * sampled on the full matrix), PCA and RFM scores on 1,000,000 × 8 synthetic customers.
 * Prints figures. Flags: `--rows N` (default 1,000,000), `--cols N` (8), `--k N` (5).
 *
 * @module
 */
import pl from "nodejs-polars";
import { parseArgs } from "node:util";
import { createRng } from "../lib/core/random.ts";
import { kmeans, pca, rfmScores, rfmSegments, silhouetteScore } from "../lib/segment/mod.ts";

const args = parseArgs({
  args: Deno.args,
  options: {
    rows: { type: "string", default: "1000000" },
    cols: { type: "string", default: "8" },
    k: { type: "string", default: "5" },
  },
}).values;
const n = Number(args.rows), d = Number(args.cols), k = Number(args.k);

function time<T>(label: string, f: () => T): T {
  const t = performance.now();
  const out = f();
  console.log(`${label.padEnd(56)} ${((performance.now() - t) / 1000).toFixed(2).padStart(7)} s`);
  return out;
}

// Overlapping Gaussian blobs with unequal spreads: closer to customer features than clean blobs.
const rng = createRng(7);
const x = new Float64Array(n * d);
for (let i = 0; i < n; i++) {
  const c = rng.int(k);
  for (let t = 0; t < d; t++) x[i * d + t] = rng.normal() * (1 + c / k) + (t % k === c ? 3 : 0);
}
const m = { x, rows: n, cols: d };
console.log(`## ${n.toLocaleString("en")} × ${d} matrix, k = ${k}`);
const one = time("kmeans, 1 restart", () => kmeans(m, { k, seed: 1, restarts: 1 }));
console.log(`  ${one.iterations} iterations, inertia ${one.inertia.toFixed(1)}`);
const best = time("kmeans, 10 restarts (default)", () => kmeans(m, { k, seed: 1 }));
console.log(`  best run ${best.iterations} iterations, inertia ${best.inertia.toFixed(1)}`);
const s = time(
  "silhouetteScore, seeded sample of 10,000 (default)",
  () => silhouetteScore(m, best.labels, { seed: 1 }),
);
console.log(`  silhouette ${s.toFixed(4)}`);
time(
  "silhouetteScore, sample of 20,000",
  () => silhouetteScore(m, best.labels, { seed: 1, sampleSize: 20_000 }),
);
time("pca, 2 components", () => pca(m, { components: 2 }));

const features = pl.DataFrame({
  customer_id: Array.from({ length: n }, (_, i) => `C${i}`),
  recency_days: Array.from({ length: n }, () => rng.int(365)),
  frequency: Array.from({ length: n }, () => 1 + rng.poisson(1.5)),
  monetary: Array.from({ length: n }, () => rng.exponential(0.01)),
});
const scores = time("rfmScores (quintiles, ties split by id)", () => rfmScores(features));
time("rfmSegments", () => rfmSegments(scores));
