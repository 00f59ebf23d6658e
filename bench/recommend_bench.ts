/**
 * Recommender benchmark (prints only): interaction building, item-item cosine (TypeScript vs
 * scipy.sparse in the same run) and implicit ALS, on Online Retail and on a synthetic shop of
 * 1,000,000 users × 1,000 items with planted structure.
 *
 * The 1M-customer interactions are generated directly with the seeded Rng (about 20 million rows,
 * 16.5 million distinct pairs) rather than written and read back as a synthetic shop: the
 * eager read of a 1M-customer shop's events runs out of memory (see bench/data_bench.ts), and
 * what is measured here is the recommender, not the reader. Nothing is ever dense: the
 * matrix is CSR + CSC typed arrays and item-item similarity keeps the top 50 per item.
 *
 * Run: `deno task bench recommend` (needs `/usr/bin/python3` with scipy for the side-by-side,
 * or set SHOPLAB_PYTHON). Set SHOPLAB_BENCH_USERS to shrink the synthetic shop and
 * SHOPLAB_BENCH_PART=retail|synthetic to run one half.
 *
 * @module
 */
import pl from "nodejs-polars";
import { buildInteractions } from "@shoplab/lib/recommend/build_interactions.ts";
import { chronologicalSplit } from "@shoplab/lib/recommend/chronological_split.ts";
import { itemSimilarityTopK } from "@shoplab/lib/recommend/item_similarity_top_k.ts";
import { implicitAls } from "@shoplab/lib/recommend/implicit_als.ts";
import { itemKnn } from "@shoplab/lib/recommend/item_knn.ts";
import { userKnn } from "@shoplab/lib/recommend/user_knn.ts";
import { contentBased } from "@shoplab/lib/recommend/content_based.ts";
import { hybrid } from "@shoplab/lib/recommend/hybrid.ts";
import { embeddingModel } from "@shoplab/lib/recommend/embedding_model.ts";
import { popularity } from "@shoplab/lib/recommend/popularity.ts";
import { randomSplit } from "@shoplab/lib/recommend/random_split.ts";
import { evaluateRecommenders } from "@shoplab/lib/recommend/evaluate_recommenders.ts";
import type { CsrMatrix, Interactions } from "@shoplab/lib/recommend/types.ts";
import { createRng } from "@shoplab/lib/core/random.ts";
import { loadShop } from "@shoplab/lib/data/load_shop.ts";

const PYTHON = Deno.env.get("SHOPLAB_PYTHON") ?? "/usr/bin/python3";
const N_USERS = Number(Deno.env.get("SHOPLAB_BENCH_USERS") ?? 1_000_000);
const PART = Deno.env.get("SHOPLAB_BENCH_PART") ?? "all";

function time<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const out = f();
  return [out, (performance.now() - t0) / 1000];
}
async function timeAsync<T>(f: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const out = await f();
  return [out, (performance.now() - t0) / 1000];
}
const s = (x: number) => `${x.toFixed(2)} s`;

async function scipyCosine(m: Interactions, nb: CsrMatrix, reps: number) {
  const dir = await Deno.makeTempDir({ prefix: "shoplab-rec-bench-" });
  try {
    const w = (name: string, a: Int32Array | Float32Array) =>
      Deno.writeFile(`${dir}/${name}`, new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
    await Deno.writeTextFile(
      `${dir}/meta.json`,
      JSON.stringify({ nUsers: m.nUsers, nItems: m.nItems, reps }),
    );
    await w("indptr.i32", m.byUser.indptr);
    await w("indices.i32", m.byUser.indices);
    await w("values.f32", m.byUser.values);
    await w("nb_indptr.i32", nb.indptr);
    await w("nb_indices.i32", nb.indices);
    await w("nb_values.f32", nb.values);
    const out = await new Deno.Command(PYTHON, {
      args: [new URL("recommend_scipy.py", import.meta.url).pathname, dir],
      env: { OPENBLAS_NUM_THREADS: "1", OMP_NUM_THREADS: "1" },
      stdout: "piped",
      stderr: "piped",
    }).output();
    if (!out.success) {
      return { error: new TextDecoder().decode(out.stderr).trim().split("\n").pop() };
    }
    return JSON.parse(new TextDecoder().decode(out.stdout)) as {
      seconds: number;
      max_abs_diff: number;
      scipy: string;
    };
  } catch (e) {
    return { error: (e as Error).message };
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

function median(xs: number[]): number {
  const a = [...xs].sort((x, y) => x - y);
  return a[Math.floor(a.length / 2)];
}

async function cosineSideBySide(label: string, m: Interactions, reps: number) {
  const runs: number[] = [];
  let nb: CsrMatrix | undefined;
  for (let r = 0; r < reps; r++) {
    const [out, t] = time(() => itemSimilarityTopK(m, { k: 50 }));
    nb = out;
    runs.push(t);
  }
  const ts = median(runs);
  const py = await scipyCosine(m, nb!, reps);
  if ("error" in py) {
    console.log(
      `${label} item-item cosine: TypeScript top-50 ${s(ts)}; scipy unavailable (${py.error})`,
    );
    return;
  }
  console.log(
    `${label} item-item cosine (median of ${reps}): TypeScript top-50 ${
      s(ts)
    } | scipy ${py.scipy} X.T@X + normalise ` +
      `${s(py.seconds)} | TS/scipy time ratio ${
        (ts / py.seconds).toFixed(2)
      } | max |diff| on TS top-50 ${py.max_abs_diff.toExponential(1)}`,
  );
}

const fmt = (r: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(r).map(([k, v]) => [k, typeof v === "number" ? +v.toFixed(4) : v]),
  );

// ---------------------------------------------------------------- Online Retail
if (PART !== "synthetic") {
  console.log("== Online Retail (UCI), chronological split at 2011-10-01, binary interactions");
  const [shop, tRead] = time(() =>
    loadShop({
      path: "../shared/datasets/online-retail/online_retail.csv",
      format: "online-retail",
    })
  );
  const tables = { transactions: shop.transactions, items: shop.items };
  const [full, tBuild] = time(() => buildInteractions(tables, { transform: "binary" }));
  console.log(
    `loadShop (read + validate + clean) ${s(tRead)}; buildInteractions ${
      s(tBuild)
    }: ${full.nUsers} users × ${full.nItems} items, ${full.nnz} pairs`,
  );
  await cosineSideBySide("Online Retail (all data)", full, 3);
  const [, tAlsFull] = await timeAsync(() =>
    implicitAls({ factors: 64, iterations: 15, alpha: 1 }).fit(full)
  );
  console.log(
    `Online Retail (all data) implicit ALS, 64 factors, 15 iterations (CG): ${s(tAlsFull)} (${
      s(tAlsFull / 15)
    } per iteration)`,
  );
  const split = chronologicalSplit(tables, { cut: Date.UTC(2011, 9, 1), transform: "binary" });
  const models = [
    popularity(),
    popularity({ recentDays: 30 }),
    itemKnn(),
    userKnn(),
    implicitAls({ factors: 64, alpha: 1 }),
    embeddingModel({ epochs: 10 }),
    contentBased(),
    hybrid(itemKnn(), contentBased()),
  ];
  const rows = [];
  for (const m of models) {
    const [fitted, tFit] = await timeAsync(() => m.fit(split.train));
    const [[row]] = await timeAsync(() =>
      evaluateRecommenders([fitted], split, { k: 10, baseline: false })
    );
    rows.push({ ...fmt(row as unknown as Record<string, unknown>), fitSeconds: +tFit.toFixed(2) });
  }
  console.table(rows);
}

// ---------------------------------------------------------------- synthetic 1M users
if (PART !== "retail") {
  const nItems = 1000, groups = 20, perGroup = nItems / groups;
  console.log(
    `\n== Synthetic shop: ${
      N_USERS.toLocaleString("en")
    } users × ${nItems} items, ${groups} planted taste groups`,
  );
  const rng = createRng(42);
  const [arrays, tGen] = time(() => {
    const cap = N_USERS * 40;
    const users = new Int32Array(cap), items = new Int32Array(cap), ts = new Float64Array(cap);
    let n = 0;
    const t0 = Date.UTC(2024, 0, 1);
    for (let u = 0; u < N_USERS; u++) {
      const g = u % groups;
      const count = 5 + rng.poisson(15);
      for (let c = 0; c < count && n < cap; c++) {
        // 80 % own group (skewed towards the group's first items), 20 % anywhere
        const i = rng.next() < 0.8
          ? g * perGroup + Math.floor(perGroup * rng.next() ** 2)
          : rng.int(nItems);
        users[n] = u;
        items[n] = i;
        ts[n++] = t0 + rng.int(365) * 86_400_000;
      }
    }
    return { users: users.subarray(0, n), items: items.subarray(0, n), ts: ts.subarray(0, n) };
  });
  console.log(`generate ${arrays.users.length.toLocaleString("en")} interaction rows ${s(tGen)}`);
  const [df, tDf] = time(() =>
    pl.DataFrame({ u: arrays.users, i: arrays.items, t: arrays.ts }).select(
      pl.col("u").cast(pl.Utf8).alias("customer_id"),
      pl.col("i").cast(pl.Utf8).alias("item_id"),
      pl.col("t").cast(pl.Int64).cast(pl.Datetime("ms")).alias("timestamp"),
      pl.lit(1).cast(pl.Float64).alias("quantity"),
    )
  );
  console.log(`to a polars transactions table (string ids) ${s(tDf)}`);
  const [m, tBuild] = time(() => buildInteractions({ transactions: df }, { transform: "binary" }));
  console.log(
    `buildInteractions (polars group-by → CSR + CSC) ${s(tBuild)}: ${
      m.nUsers.toLocaleString("en")
    } users × ${m.nItems} items, ` +
      `${m.nnz.toLocaleString("en")} pairs; typed arrays ${
        ((m.nnz * 20 + (m.nUsers + m.nItems) * 8) / 2 ** 20).toFixed(0)
      } MiB`,
  );
  await cosineSideBySide("Synthetic", m, 1);
  const split = randomSplit(m, { testFraction: 0.1, seed: 1 });
  const [als, tAls] = await timeAsync(() =>
    implicitAls({ factors: 32, iterations: 3, alpha: 1 }).fit(split.train)
  );
  console.log(
    `implicit ALS, 32 factors, 3 iterations (CG): ${s(tAls)} (${s(tAls / 3)} per iteration)`,
  );
  const [knn, tKnn] = await timeAsync(() => itemKnn().fit(split.train));
  console.log(`item-kNN fit (top-50 neighbours): ${s(tKnn)}`);
  const rows = await evaluateRecommenders([knn, als], split, { k: 10, maxUsers: 5000, seed: 1 });
  console.table(rows.map((r) => fmt(r as unknown as Record<string, unknown>)));
  console.log(
    `process resident memory at the end: ${(Deno.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`,
  );
}
