/**
 * lib/models benchmark (prints only): logistic regression fit time next to scikit-learn on the
 * same data in the same run, on
 *
 * 1. the Online Retail customer table (churn in 30 days, the training snapshot of
 *    `snapshotDataset`: ~3,000 customers × 8 standardised features), when
 *    ../shared/datasets/online-retail is present;
 * 2. 1,000,000 synthetic rows × 20 features: a seeded Gaussian matrix with labels drawn from a
 *    known logistic model (not customer data; it measures the solver at scale).
 *
 * scikit-learn runs in Debian's /usr/bin/python3 (or SHOPLAB_SKLEARN_PYTHON) with
 * OPENBLAS_NUM_THREADS=1, so both sides use one core. Ratios are shoplab time ÷ scikit-learn
 * time (below 1 = shoplab faster); each side does one untimed warm-up fit. The machine's other load
 * moves both sides, so compare ratios from one run. Flags: `--rows N` (1,000,000), `--cols N` (20),
 * `--repeats N` (3).
 *
 * @module
 */
import { parseArgs } from "node:util";
import { join } from "node:path";
import { createRng } from "@shoplab/lib/core/random.ts";
import { projectPath } from "@shoplab/lib/core/paths.ts";
import { loadShop } from "@shoplab/lib/data/mod.ts";
import { logisticRegression, type LogisticRegressionOptions } from "@shoplab/lib/models/mod.ts";
import { snapshotDataset } from "@shoplab/lib/models/snapshot_dataset.ts";
import type { Matrix } from "@shoplab/lib/models/types.ts";

const args = parseArgs({
  args: Deno.args,
  options: {
    rows: { type: "string", default: "1000000" },
    cols: { type: "string", default: "20" },
    repeats: { type: "string", default: "3" },
  },
}).values;
const PYTHON = Deno.env.get("SHOPLAB_SKLEARN_PYTHON") ?? "/usr/bin/python3";
const SCRIPT = new URL("./models_sklearn.py", import.meta.url).pathname;
const repeats = Number(args.repeats);
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

interface SkRow {
  config: string;
  median_s: number;
  n_iter: number;
  coef: number[];
  intercept: number;
}

async function sklearn(x: Matrix, y: Uint8Array, configs: string[]): Promise<SkRow[]> {
  const dir = await Deno.makeTempDir({ prefix: "shoplab-models-bench-" });
  try {
    const prefix = join(dir, "data");
    await Deno.writeFile(prefix + ".x", new Uint8Array(x.x.buffer, x.x.byteOffset, x.x.byteLength));
    await Deno.writeFile(prefix + ".y", y);
    const out = await new Deno.Command(PYTHON, {
      args: [SCRIPT, prefix, String(x.rows), String(x.cols), String(repeats), configs.join(",")],
      env: { OPENBLAS_NUM_THREADS: "1", OMP_NUM_THREADS: "1", MKL_NUM_THREADS: "1" },
      stdout: "piped",
      stderr: "piped",
    }).output();
    if (!out.success) {
      console.log(`  scikit-learn failed: ${new TextDecoder().decode(out.stderr).slice(-500)}`);
      return [];
    }
    return new TextDecoder().decode(out.stdout).trim().split("\n").map((l) => JSON.parse(l));
  } catch (e) {
    console.log(`  scikit-learn skipped (${PYTHON}: ${(e as Error).message})`);
    return [];
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

async function ours(x: Matrix, y: Uint8Array, options: LogisticRegressionOptions) {
  const times: number[] = [];
  let model = logisticRegression(options), iterations = 0;
  await model.fit(x, y); // warm-up (JIT), not timed
  for (let r = 0; r < repeats; r++) {
    model = logisticRegression(options);
    const t = performance.now();
    const report = await model.fit(x, y);
    times.push((performance.now() - t) / 1000);
    iterations = report.iterations;
  }
  return { seconds: median(times), iterations, fit: model.fitted! };
}

async function compare(title: string, x: Matrix, y: Uint8Array) {
  console.log(`\n## ${title}: ${x.rows.toLocaleString("en")} rows × ${x.cols} features`);
  const l2 = await ours(x, y, { penalty: "l2", C: 1 });
  const l1 = await ours(x, y, { penalty: "l1", C: 0.1 });
  const configs = ["l2_lbfgs", "l2_lbfgs_tight", "l2_newton_cholesky", "l1_saga", "l1_liblinear"];
  const sk = await sklearn(
    x,
    y,
    x.rows > 100_000 ? configs.filter((c) => c !== "l1_saga") : configs,
  );
  const line = (name: string, s: number, iters: number, extra = "") =>
    console.log(
      `  ${name.padEnd(46)} ${s.toFixed(3).padStart(8)} s  ${
        String(iters).padStart(5)
      } it ${extra}`,
    );
  line("shoplab L2 (Newton, tol 1e-8)", l2.seconds, l2.iterations);
  line("shoplab L1 (prox. Newton + CD, tol 1e-8)", l1.seconds, l1.iterations);
  for (const r of sk) {
    const mine = r.config.startsWith("l1") ? l1 : l2;
    let diff = Math.abs(mine.fit.intercept - r.intercept);
    r.coef.forEach((b, j) => diff = Math.max(diff, Math.abs(mine.fit.coefficients[j] - b)));
    line(
      `scikit-learn ${r.config}`,
      r.median_s,
      r.n_iter,
      `  ratio shoplab/sklearn ${(mine.seconds / r.median_s).toFixed(2)}  max|Δβ| ${
        diff.toExponential(1)
      }`,
    );
  }
}

console.log(`logistic regression fit, median of ${repeats} runs, 1 core each side`);

const retail = projectPath("../shared/datasets/online-retail/online_retail.csv");
try {
  await Deno.stat(retail);
  const shop = loadShop({ path: retail, format: "online-retail" });
  const ds = snapshotDataset(shop, { label: "churn", windowDays: 30 });
  await compare(
    "Online Retail customer table (churn, 30 days, training snapshot)",
    ds.train.x,
    ds.train.y,
  );
} catch (e) {
  console.log(`\nOnline Retail skipped: ${(e as Error).message}`);
}

const n = Number(args.rows), d = Number(args.cols);
const rng = createRng(42);
const beta = Array.from({ length: d }, () => rng.normal() * 0.5);
const x = new Float64Array(n * d), y = new Uint8Array(n);
for (let i = 0; i < n; i++) {
  let z = -1;
  for (let j = 0; j < d; j++) {
    const v = rng.normal();
    x[i * d + j] = v;
    z += beta[j] * v;
  }
  y[i] = rng.next() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
}
await compare("synthetic seeded Gaussian matrix", { x, rows: n, cols: d }, y);
