/**
 * lib/segment benchmark (prints only, asserts nothing): k-means fit time (k-means++, 10
 * restarts) side by side with scikit-learn's `KMeans` on the same matrix in the same run, on
 *
 * 1. the UCI Online Retail customer table (4,334 customers; the notebook-02 features: five
 *    standardised behaviour columns plus one-hot country), and
 * 2. 1,000,000 synthetic customers × 8 features — a matrix generated directly with the seeded
 *    Rng (overlapping Gaussian blobs with unequal spreads), not a generated shop, which would
 *    take minutes and gigabytes to load for the same k-means input;
 *
 * then silhouette, PCA and RFM scoring on the large matrix. scikit-learn runs twice: with one
 * OpenMP thread (like for like: the TypeScript k-means is single-threaded) and with its default
 * thread count (on a busy machine OpenMP's spinning threads can make this the slower one). Wall
 * and CPU seconds are both printed: on a shared machine the CPU ratio is the steadier figure. Needs `/usr/bin/python3` with
 * scikit-learn for the side-by-side (or set SHOPLAB_PYTHON); without it the TypeScript figures
 * still print. Flags: `--rows N` (default 1,000,000), `--cols N` (8), `--k N` (5),
 * `--restarts N` (10), `--skip-large`.
 *
 * @module
 */
import pl from "nodejs-polars";
import { parseArgs } from "node:util";
import process from "node:process";
import { join } from "node:path";
import { createRng } from "../lib/core/random.ts";
import { loadShop } from "../lib/data/load_shop.ts";
import { customerFeatures } from "../lib/prep/customer_features.ts";
import {
  kmeans,
  pca,
  rfmScores,
  rfmSegments,
  segmentationMatrix,
  segmentAttributes,
  silhouetteScore,
} from "../lib/segment/mod.ts";
import type { MatrixLike } from "../lib/segment/kmeans.ts";

const PYTHON = Deno.env.get("SHOPLAB_PYTHON") ?? "/usr/bin/python3";
const RETAIL = new URL("../../shared/datasets/online-retail/online_retail.csv", import.meta.url)
  .pathname;
const args = parseArgs({
  args: Deno.args,
  options: {
    rows: { type: "string", default: "1000000" },
    cols: { type: "string", default: "8" },
    k: { type: "string", default: "5" },
    restarts: { type: "string", default: "10" },
    "skip-large": { type: "boolean", default: false },
  },
}).values;
const n = Number(args.rows), d = Number(args.cols), k = Number(args.k);
const restarts = Number(args.restarts);

function time<T>(f: () => T): [T, number, number] {
  const t = performance.now(), c = process.cpuUsage();
  const out = f();
  const cpu = process.cpuUsage(c);
  return [out, (performance.now() - t) / 1000, (cpu.user + cpu.system) / 1e6];
}

function line(label: string, seconds: number, extra = ""): void {
  console.log(`${label.padEnd(52)} ${seconds.toFixed(2).padStart(7)} s  ${extra}`);
}

interface Sklearn {
  seconds: number;
  cpu: number;
  inertia: number;
  iterations: number;
  sklearn: string;
  threads: number;
}

/** Fits scikit-learn's KMeans on the same matrix, or explains why it could not. */
async function sklearnKmeans(
  m: MatrixLike,
  kk: number,
  threads?: number,
): Promise<Sklearn | string> {
  const dir = await Deno.makeTempDir({ prefix: "shoplab-kmeans-" });
  try {
    const file = join(dir, "x.f64");
    await Deno.writeFile(file, new Uint8Array(m.x.buffer, m.x.byteOffset, m.x.byteLength));
    const out = await new Deno.Command(PYTHON, {
      args: [
        new URL("segment_sklearn.py", import.meta.url).pathname,
        file,
        String(m.rows),
        String(m.cols),
        String(kk),
        String(restarts),
      ],
      env: threads ? { OMP_NUM_THREADS: String(threads) } : {},
      stdout: "piped",
      stderr: "piped",
    }).output();
    if (!out.success) return new TextDecoder().decode(out.stderr).trim().split("\n").pop()!;
    return JSON.parse(new TextDecoder().decode(out.stdout).trim().split("\n").pop()!);
  } catch (e) {
    return (e as Error).message;
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

async function compare(label: string, m: MatrixLike, kk: number): Promise<void> {
  console.log(`\n## ${label}: ${m.rows.toLocaleString("en")} × ${m.cols}, k = ${kk}`);
  const [ts, secs, cpu] = time(() => kmeans(m, { k: kk, seed: 1, restarts }));
  line(
    `TypeScript kmeans (${restarts} restarts, 1 thread)`,
    secs,
    `CPU ${cpu.toFixed(2)} s, inertia ${
      ts.inertia.toFixed(2)
    }, ${ts.iterations} iterations (best run)`,
  );
  for (const threads of [1, undefined]) {
    const py = await sklearnKmeans(m, kk, threads);
    if (typeof py === "string") {
      console.log(`scikit-learn unavailable: ${py}`);
      return;
    }
    line(
      `scikit-learn ${py.sklearn} KMeans (n_init ${restarts}, ${py.threads} thread(s))`,
      py.seconds,
      `CPU ${py.cpu.toFixed(2)} s, inertia ${py.inertia.toFixed(2)}, ${py.iterations} iterations`,
    );
    console.log(
      `  ratio TypeScript / scikit-learn (${py.threads} thread(s)): wall ` +
        `${(secs / py.seconds).toFixed(2)}, CPU ${(cpu / py.cpu).toFixed(2)}; ` +
        `inertia ratio ${(ts.inertia / py.inertia).toFixed(6)}`,
    );
  }
}

// 1. Online Retail: the customer table of notebook 02.
try {
  const shop = loadShop({ path: RETAIL, format: "online-retail" });
  const last = Number(shop.transactions.getColumn("timestamp").max());
  const asOf = new Date(Math.floor(last / 86_400_000 + 1) * 86_400_000);
  const attrs = segmentAttributes(customerFeatures(shop, { asOf }), shop.transactions);
  const prepared = segmentationMatrix(attrs.table, {
    numeric: ["recency_days", "frequency", "monetary", "tenure_days", "avg_order_value"],
    categorical: attrs.categorical,
    log: ["frequency", "monetary", "avg_order_value"],
  });
  await compare("Online Retail customers", prepared.matrix, 3);
  await compare("Online Retail customers", prepared.matrix, 5);
} catch (e) {
  console.log(`Online Retail skipped: ${(e as Error).message}`);
}

// 2. A large synthetic matrix.
if (!args["skip-large"]) {
  const rng = createRng(7);
  const x = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    const c = rng.int(k);
    for (let t = 0; t < d; t++) x[i * d + t] = rng.normal() * (1 + c / k) + (t % k === c ? 3 : 0);
  }
  const m = { x, rows: n, cols: d };
  await compare("synthetic customers (seeded Gaussian blobs)", m, k);
  const [best] = time(() => kmeans(m, { k, seed: 1, restarts: 1 }));
  const [s, sSecs] = time(() => silhouetteScore(m, best.labels, { seed: 1 }));
  line("silhouetteScore, seeded sample of 10,000 (default)", sSecs, `silhouette ${s.toFixed(4)}`);
  line("pca, 2 components", time(() => pca(m, { components: 2 }))[1]);
  const features = pl.DataFrame({
    customer_id: Array.from({ length: n }, (_, i) => `C${i}`),
    recency_days: Array.from({ length: n }, () => rng.int(365)),
    frequency: Array.from({ length: n }, () => 1 + rng.poisson(1.5)),
    monetary: Array.from({ length: n }, () => rng.exponential(0.01)),
  });
  const [scores, rfmSecs] = time(() => rfmScores(features));
  line("rfmScores (quintiles, ties split by id)", rfmSecs);
  line("rfmSegments", time(() => rfmSegments(scores))[1]);
}
