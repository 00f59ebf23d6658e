/**
 * `deno task data`: writes the synthetic shop.
 *
 * ```sh
 * deno task data                       # 5,000 customers into data/synthetic/
 * deno task data --customers 1000000 --out data/big
 * ```
 *
 * @module
 */
import { parseArgs } from "node:util";
import { dirname, resolve } from "node:path";
import { DEFAULT_DATA_DIR, projectPath } from "../core/paths.ts";
import { SEED } from "../core/constants.ts";
import { generateShop } from "../data/generate/generate_shop.ts";

const HELP = `Usage: deno task data [options]

Writes the synthetic shop (transactions, events, customers, items, channel spend) as CSV.

Options:
  --customers N   number of customers (default 5000)
  --items N       number of items (default 1000)
  --months N      length of the period in months (default 12)
  --start DATE    first day, YYYY-MM-DD (default 2025-01-01)
  --seed S        random seed (default ${SEED})
  --out DIR       output folder (default data/synthetic)
  --help          show this help`;

function int(name: string, v: string | undefined, dflt: number): number {
  if (v === undefined) return dflt;
  const n = Number(v.replaceAll("_", ""));
  if (!Number.isInteger(n) || n < 1) {
    console.error(`error: --${name} must be a positive integer, got "${v}"`);
    Deno.exit(2);
  }
  return n;
}

let args;
try {
  args = parseArgs({
    args: Deno.args,
    options: {
      customers: { type: "string" },
      items: { type: "string" },
      months: { type: "string" },
      start: { type: "string" },
      seed: { type: "string" },
      out: { type: "string" },
      help: { type: "boolean" },
    },
  }).values;
} catch (e) {
  console.error(`error: ${(e as Error).message}\n\n${HELP}`);
  Deno.exit(2);
}
if (args.help) {
  console.log(HELP);
  Deno.exit(0);
}
const out = args.out ? resolve(args.out) : DEFAULT_DATA_DIR;
const customers = int("customers", args.customers, 5000);
const started = performance.now();
await Deno.mkdir(projectPath(dirname(out)), { recursive: true });
const tmp = await Deno.makeTempDir({ dir: projectPath(dirname(out)), prefix: ".data-tmp-" });
try {
  const manifest = await generateShop(tmp, {
    customers,
    items: int("items", args.items, 1000),
    months: int("months", args.months, 12),
    start: args.start,
    seed: args.seed === undefined ? SEED : Number(args.seed),
    onProgress(done, total) {
      const s = ((performance.now() - started) / 1000).toFixed(1);
      const line = `customers ${done.toLocaleString("en")}/${total.toLocaleString("en")} (${s} s)`;
      if (Deno.stderr.isTerminal()) Deno.stderr.writeSync(new TextEncoder().encode(`\r${line}`));
      else if (done === total || done % Math.max(1, Math.floor(total / 10)) === 0) {
        console.error(line);
      }
    },
  });
  await Deno.remove(out, { recursive: true }).catch(() => {});
  await Deno.rename(tmp, out);
  if (Deno.stderr.isTerminal()) console.error();
  const secs = (performance.now() - started) / 1000;
  console.log(`Wrote ${out} in ${secs.toFixed(1)} s`);
  for (const [table, rows] of Object.entries(manifest.rows)) {
    console.log(`  ${table.padEnd(14)} ${rows.toLocaleString("en").padStart(14)} rows`);
  }
} catch (e) {
  await Deno.remove(tmp, { recursive: true }).catch(() => {});
  console.error(`error: ${(e as Error).message}`);
  Deno.exit(1);
}
