/**
 * Data layer benchmark: seconds and peak memory (VmHWM) of load + validate + customerFeatures,
 * eager (`readSynthetic`) next to lazy (`scanSynthetic`), each in its own process so each peak
 * is its own. Prints figures; asserts nothing.
 *
 * ```sh
 * deno task bench data                                   # Online Retail + the default shop
 * deno run -A bench/data_bench.ts --customers 100000 --customers 1000000
 * ```
 *
 * `--customers N` generates `data/big/N` on first use (1,000,000 customers: ≈ 3 min, 3.3 GB)
 * and runs both paths on it, the eager one only up to 200,000 customers unless `--eager` is
 * given (the 1,000,000 shop needs more than 24 GiB eagerly: don't, on a shared machine).
 * `--skip-default` leaves out Online Retail and the default shop.
 *
 * @module
 */
import { join } from "node:path";
import { parseArgs } from "node:util";
import {
  ensureDefaultData,
  generateShop,
  readOnlineRetail,
  readSynthetic,
  scanSynthetic,
} from "../lib/data/mod.ts";
import { cleanTransactions, customerFeatures } from "../lib/prep/mod.ts";
import { PROJECT_ROOT, projectPath } from "../lib/core/paths.ts";

const args = parseArgs({
  args: Deno.args,
  options: {
    customers: { type: "string", multiple: true },
    eager: { type: "boolean" },
    "skip-default": { type: "boolean" },
    child: { type: "string" },
    dir: { type: "string" },
  },
}).values;

const ASOF = new Date("2025-10-01T00:00:00Z");
/** Largest shop the eager path runs on without `--eager` (1,000,000 customers needs > 24 GiB). */
const EAGER_MAX = 200_000;
const secs = (t: number) => (performance.now() - t) / 1000;
const hwm = () => Number(Deno.readTextFileSync("/proc/self/status").match(/VmHWM:\s+(\d+)/)![1]);

interface Run {
  readonly load: number;
  readonly features: number;
  readonly customers: number;
  readonly columns: number;
  /** VmHWM: peak resident set, including pages of the memory-mapped CSV files. */
  readonly peakKiB: number;
  /** Largest RssAnon seen (heap, without the mapped files), sampled every 50 ms. */
  readonly anonKiB?: number;
}

// Child: one path on one folder, one JSON line on stdout.
if (args.child) {
  const t0 = performance.now();
  const shop = args.child === "eager" ? readSynthetic(args.dir!) : scanSynthetic(args.dir!);
  const load = secs(t0);
  const t1 = performance.now();
  const f = customerFeatures(shop, { asOf: ASOF });
  const run: Run = {
    load,
    features: secs(t1),
    customers: f.height,
    columns: f.width - 1,
    peakKiB: hwm(),
  };
  console.log(JSON.stringify(run));
  Deno.exit(0);
}

/** Runs one path in a child process, sampling its anonymous memory (RssAnon) every 50 ms. */
async function child(mode: "eager" | "lazy", dir: string): Promise<Run | string> {
  const proc = new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", new URL(import.meta.url).pathname, "--child", mode, "--dir", dir],
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  let anon = 0;
  const timer = setInterval(() => {
    try {
      const s = Deno.readTextFileSync(`/proc/${proc.pid}/status`);
      anon = Math.max(anon, Number(s.match(/RssAnon:\s+(\d+)/)?.[1] ?? 0));
    } catch { /* exited */ }
  }, 50);
  const out = await proc.output();
  clearInterval(timer);
  if (out.code !== 0) {
    const err = new TextDecoder().decode(out.stderr).trim().split("\n").slice(-1)[0] ?? "";
    return `exit ${out.code}${out.signal ? ` (${out.signal})` : ""} ${err.slice(0, 120)}`;
  }
  const run = JSON.parse(new TextDecoder().decode(out.stdout).trim().split("\n").pop()!);
  return { ...run, anonKiB: anon };
}

function row(label: string, r: Run | string) {
  if (typeof r === "string") return console.log(`${label.padEnd(34)} failed: ${r}`);
  const gib = (r.peakKiB / 2 ** 20).toFixed(2), anon = ((r.anonKiB ?? 0) / 2 ** 20).toFixed(2);
  console.log(
    `${label.padEnd(34)} ${r.load.toFixed(2).padStart(8)} s ${
      r.features.toFixed(2).padStart(8)
    } s ${(r.load + r.features).toFixed(2).padStart(8)} s ${gib.padStart(7)} GiB ${
      anon.padStart(7)
    } GiB   ${r.customers.toLocaleString("en")} × ${r.columns}`,
  );
}

const HEAD = `${"path".padEnd(34)} ${"load+validate".padStart(10)} ${"features".padStart(10)} ${
  "total".padStart(10)
} ${"VmHWM".padStart(11)} ${"RssAnon".padStart(11)}   feature table`;

if (!args["skip-default"]) {
  console.log("## Online Retail (541,909 lines), eager");
  let t = performance.now();
  const or = readOnlineRetail(projectPath("../shared/datasets/online-retail/online_retail.csv"));
  console.log(`read + validate + clean (readOnlineRetail)   ${secs(t).toFixed(2)} s`);
  t = performance.now();
  const orClean = cleanTransactions(or.transactions);
  console.log(`cleanTransactions                            ${secs(t).toFixed(2)} s`);
  t = performance.now();
  const orFeat = customerFeatures({ ...or, transactions: orClean.table }, {
    asOf: new Date("2011-10-01T00:00:00Z"),
  });
  console.log(
    `customerFeatures (asOf 2011-10-01)           ${
      secs(t).toFixed(2)
    } s  (${orFeat.height} customers)`,
  );
  const dir = await ensureDefaultData();
  console.log(
    `\n## Default synthetic shop (5,000 customers), asOf ${ASOF.toISOString().slice(0, 10)}`,
  );
  console.log(HEAD);
  row("eager  readSynthetic", await child("eager", dir));
  row("lazy   scanSynthetic", await child("lazy", dir));
}

for (const n of (args.customers ?? []).map(Number)) {
  const dir = join(PROJECT_ROOT, "data", "big", String(n));
  let manifest: { customers?: number } = {};
  try {
    manifest = JSON.parse(Deno.readTextFileSync(join(dir, "manifest.json")));
  } catch { /* not generated yet */ }
  if (manifest.customers !== n) {
    const t = performance.now();
    await generateShop(dir, { customers: n });
    console.log(`generated ${n.toLocaleString("en")} customers in ${secs(t).toFixed(1)} s`);
  }
  const size = [...Deno.readDirSync(dir)].reduce(
    (s, e) => s + Deno.statSync(join(dir, e.name)).size,
    0,
  );
  console.log(
    `\n## Synthetic shop, ${n.toLocaleString("en")} customers (${
      (size / 2 ** 30).toFixed(2)
    } GiB of CSV)`,
  );
  console.log(HEAD);
  if (n <= EAGER_MAX || args.eager) row("eager  readSynthetic", await child("eager", dir));
  else console.log(`${"eager  readSynthetic".padEnd(34)} skipped (> 24 GiB; --eager runs it)`);
  row("lazy   scanSynthetic", await child("lazy", dir));
}
console.log(
  "\n(VmHWM = peak resident set of a process that only loads the shop and builds the features,\n" +
    " including the memory-mapped CSV pages the kernel can drop; RssAnon = its largest heap)",
);
