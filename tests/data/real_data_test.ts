/** The readers on the real public data sets in ../shared/datasets, checked against independent counts. */
import assert from "node:assert/strict";
import pl from "nodejs-polars";
import { projectPath } from "@shoplab/lib/core/paths.ts";
import {
  ONLINE_RETAIL_NON_PRODUCT_CODES,
  readCdnow,
  readOnlineRetail,
} from "@shoplab/lib/data/mod.ts";

const OR = projectPath("../shared/datasets/online-retail/online_retail.csv");
const CDNOW = projectPath("../shared/datasets/cdnow");

/** A plain RFC-4180 line splitter, independent of polars. */
function splitCsv(line: string): string[] {
  const out: string[] = [];
  let cur = "", q = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (q) {
      if (ch === '"' && line[i + 1] === '"') (cur += '"', i++);
      else if (ch === '"') q = false;
      else cur += ch;
    } else if (ch === '"') q = true;
    else if (ch === ",") (out.push(cur), cur = "");
    else cur += ch;
  }
  out.push(cur);
  return out;
}

Deno.test("readOnlineRetail() reports the published raw counts and keeps exactly the documented rows", () => {
  const shop = readOnlineRetail(OR);
  assert.equal(shop.raw.rows, 541_909);
  assert.equal(shop.raw.customers, 4_372);
  assert.equal(shop.raw.invoices, 25_900);
  assert.equal(shop.raw.stockCodes, 4_070);
  assert.ok(Math.abs(shop.raw.revenue - 9_747_747.93) < 0.01);
  // Independent count with a plain line parser and the documented rules.
  const lines = Deno.readTextFileSync(OR).split("\n").slice(1).filter((l) => l !== "");
  let kept = 0;
  const customers = new Set<string>();
  for (const l of lines) {
    const [inv, stock, , qty, , price, cust] = splitCsv(l);
    if (cust.trim() === "" || inv.startsWith("A")) continue;
    if (ONLINE_RETAIL_NON_PRODUCT_CODES.includes(stock) || stock.startsWith("gift_")) continue;
    if (!(Number(price) > 0)) continue;
    if (!(Number(qty) > 0 || inv.startsWith("C"))) continue;
    kept++;
    customers.add(cust.replace(/\.0$/, ""));
  }
  assert.equal(lines.length, 541_909);
  assert.equal(shop.transactions.height, kept);
  assert.equal(shop.cleaning[0].rowsKept, kept);
  const ids = shop.transactions.getColumn("customer_id");
  assert.equal(ids.nUnique(), customers.size);
  assert.equal((ids.toArray() as string[]).some((id) => id.endsWith(".0")), false);
  const missing = shop.cleaning[0].steps.find((s) => s.step === "missing-customer");
  assert.equal(missing?.rows, 135_080);
});

function cdnowIndependent(file: string, hasHeader: boolean, valueCol: number) {
  const rows = Deno.readTextFileSync(file).split(/\r?\n/).slice(hasHeader ? 1 : 0).filter((l) =>
    l.trim() !== ""
  );
  const ids = new Set<string>();
  let dollars = 0;
  for (const r of rows) {
    const f = r.trim().split(/\s+/);
    ids.add(f[0]);
    dollars += Number(f[valueCol]);
  }
  return { rows: rows.length, customers: ids.size, dollars };
}

for (
  const [file, variant, counts, valueCol] of [
    ["CDNOW_master.txt", "master", [69_659, 23_570], 3],
    ["CDNOW_sample.txt", "sample", [6_919, 2_357], 4],
  ] as const
) {
  Deno.test(`readCdnow() reads ${file}: ${counts[0]} rows, ${counts[1]} customers, dollars preserved`, () => {
    const shop = readCdnow(`${CDNOW}/${file}`);
    assert.equal(shop.source.format, variant === "master" ? "cdnow" : "cdnow-sample");
    const ref = cdnowIndependent(`${CDNOW}/${file}`, variant === "master", valueCol);
    assert.deepEqual([ref.rows, ref.customers], counts);
    assert.equal(shop.transactions.height, counts[0]);
    assert.equal(shop.transactions.getColumn("customer_id").nUnique(), counts[1]);
    assert.equal(shop.transactions.getColumn("order_id").nUnique(), counts[0]);
    const total = shop.transactions.select(
      pl.col("quantity").mul(pl.col("unit_price")).sum().alias("v"),
    ).getColumn("v").get(0);
    assert.ok(Math.abs(total - ref.dollars) < 1e-6 * ref.dollars);
  });
}
