/**
 * lib/prep benchmark: cleaning, the per-customer feature table, labels and the model matrix on
 * a large synthetic shop built here with polars expressions (hash-based, seeded): by default
 * 1,000,000 customers, 10,000,000 order lines, 20,000,000 events. Prints figures.
 *
 * Flags: `--customers N`, `--rows N` (order lines), `--events N`, and `--shop DIR` to also run
 * `customerFeatures` on a generated shop scanned lazily with `scanSynthetic` (e.g.
 * `data/big/1000000`, written by `bench/data_bench.ts --customers 1000000`).
 *
 * @module
 */
import pl from "nodejs-polars";
import { parseArgs } from "node:util";
import {
  cleanTransactions,
  customerFeatures,
  fitStandardScaler,
  futureLabels,
  toMatrix,
} from "../lib/prep/mod.ts";
import { projectPath } from "../lib/core/paths.ts";
import { scanSynthetic } from "../lib/data/scan_synthetic.ts";

const args = parseArgs({
  args: Deno.args,
  options: {
    customers: { type: "string", default: "1000000" },
    rows: { type: "string", default: "10000000" },
    events: { type: "string", default: "20000000" },
    shop: { type: "string" },
  },
}).values;
const nCustomers = Number(args.customers), nRows = Number(args.rows), nEvents = Number(args.events);
const START = Date.UTC(2025, 0, 1), YEAR = 365 * 86_400_000, SEED = 42;

let peak = 0;
const mib = (b: number) => `${(b / 2 ** 20).toFixed(0)} MiB`;
function time<T>(label: string, f: () => T): T {
  const t = performance.now();
  const out = f();
  peak = Math.max(peak, Deno.memoryUsage().rss);
  console.log(`${label.padEnd(56)} ${((performance.now() - t) / 1000).toFixed(2).padStart(7)} s`);
  return out;
}

/** Uniform integer in [0, m) from a seeded 64-bit hash of expression e. */
const draw = (e: pl.Expr, k: number, m: number) =>
  e.hash(SEED, k).cast(pl.Float64).mul(m / 2 ** 64).floor().cast(pl.Int64);
const id = (prefix: string, e: pl.Expr) => pl.concatString([pl.lit(prefix), e.cast(pl.Utf8)], "");
const range = (n: number) => pl.DataFrame({ x: [0] }).select(pl.intRange(0, n).alias("i"));

function synthTransactions(): pl.DataFrame {
  const order = pl.col("i").div(3).floor();
  return range(nRows).lazy().withColumns(order.cast(pl.Int64).alias("o")).select(
    id("C", draw(pl.col("o"), 1, nCustomers)).alias("customer_id"),
    id("O", pl.col("o")).alias("order_id"),
    pl.lit(START).add(draw(pl.col("o"), 2, YEAR)).cast(pl.Datetime("ms")).alias("timestamp"),
    id("I", draw(pl.col("i"), 3, 1000)).alias("item_id"),
    pl.when(draw(pl.col("i"), 5, 50).eq(0)).then(pl.lit(-1)).otherwise(pl.lit(1))
      .mul(draw(pl.col("i"), 4, 4).add(1)).cast(pl.Float64).alias("quantity"),
    draw(pl.col("i"), 6, 5000).add(100).cast(pl.Float64).div(100).alias("unit_price"),
  ).collectSync();
}

function synthEvents(): pl.DataFrame {
  const kind = draw(pl.col("i"), 9, 10);
  return range(nEvents).lazy().select(
    id("C", draw(pl.col("i"), 7, nCustomers)).alias("customer_id"),
    id("I", draw(pl.col("i"), 8, 1000)).alias("item_id"),
    pl.when(kind.lt(7)).then(pl.lit("view")).when(kind.lt(9)).then(pl.lit("cart"))
      .otherwise(pl.lit("purchase")).alias("event_type"),
    pl.lit(START).add(draw(pl.col("i"), 10, YEAR)).cast(pl.Datetime("ms")).alias("timestamp"),
  ).collectSync();
}

function synthCustomers(): pl.DataFrame {
  const c = pl.col("i");
  return range(nCustomers).select(
    id("C", c).alias("customer_id"),
    pl.lit(START - YEAR).add(draw(c, 11, YEAR)).cast(pl.Datetime("ms")).alias("signup_date"),
    pl.when(draw(c, 12, 3).eq(0)).then(pl.lit("paid_search")).otherwise(pl.lit("organic"))
      .alias("channel"),
    pl.when(draw(c, 13, 2).eq(0)).then(pl.lit("f")).otherwise(pl.lit("m")).alias("gender"),
  );
}

const items = pl.DataFrame({
  item_id: Array.from({ length: 1000 }, (_, i) => `I${i}`),
  category: Array.from({ length: 1000 }, (_, i) => `cat${i % 12}`),
});

console.log(
  `## Synthetic tables: ${nCustomers.toLocaleString("en")} customers, ` +
    `${nRows.toLocaleString("en")} order lines, ${nEvents.toLocaleString("en")} events`,
);
const transactions = time("build transactions (polars expressions)", synthTransactions);
const events = time("build events", synthEvents);
const customers = time("build customers", synthCustomers);
const clean = time("cleanTransactions (returns: separate)", () => cleanTransactions(transactions));
const asOf = new Date(Date.UTC(2025, 9, 1));
const features = time(
  "customerFeatures (tx + events + customers + items)",
  () => customerFeatures({ transactions, events, customers, items }, { asOf }),
);
console.log(`  ${features.height.toLocaleString("en")} customers × ${features.width - 1} columns`);
time(
  "customerFeatures (transactions only)",
  () => customerFeatures({ transactions }, { asOf }),
);
time("futureLabels (90 days)", () => futureLabels(clean.table, { asOf, windowDays: 90 }));
const cols = ["recency_days", "frequency", "monetary", "tenure_days", "active_days"];
const scaled = time("fitStandardScaler + transform (5 columns)", () => {
  const s = fitStandardScaler(features, cols);
  return s.transform(features);
});
time(
  `toMatrix (${features.height.toLocaleString("en")} × ${cols.length})`,
  () => toMatrix(scaled, cols),
);
time("cleanTransactions (returns: net)", () => cleanTransactions(transactions, { returns: "net" }));

if (args.shop) {
  const dir = projectPath(args.shop);
  console.log(`## Generated shop scanned lazily from ${dir}`);
  const shop = time("scanSynthetic (scan + validate, streaming)", () => scanSynthetic(dir));
  const big = time(
    "customerFeatures on the scanned shop (all four tables)",
    () => customerFeatures(shop, { asOf }),
  );
  console.log(`  ${big.height.toLocaleString("en")} customers × ${big.width - 1} columns`);
}
peak = Math.max(peak, Deno.memoryUsage().rss);
console.log(`largest RSS after a step ${mib(peak)}`);
