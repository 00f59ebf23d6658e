/** repeatSummary() rebuilds the published CDNOW model inputs from the raw sample file. */
import assert from "node:assert/strict";
import { projectPath } from "@shoplab/lib/core/paths.ts";
import { readCdnow } from "@shoplab/lib/data/read_cdnow.ts";
import { repeatSummary } from "@shoplab/lib/clv/repeat_summary.ts";

const DIR = projectPath("../shared/datasets/cdnow");

function readCsv(file: string): Record<string, number>[] {
  const [head, ...rows] = Deno.readTextFileSync(`${DIR}/${file}`).trim().split(/\r?\n/);
  const cols = head.split(",");
  return rows.map((r) => Object.fromEntries(r.split(",").map((v, i) => [cols[i], Number(v)])));
}

Deno.test("repeatSummary() recomputes all 2,357 rows of cdnow_customers_summary(_with_transactions).csv from CDNOW_sample.txt", () => {
  // The published files are keyed by the sample id (column 2 of CDNOW_sample.txt).
  const sampleId = new Map<string, number>();
  for (const line of Deno.readTextFileSync(`${DIR}/CDNOW_sample.txt`).split(/\r?\n/)) {
    const f = line.trim().split(/\s+/);
    if (f.length === 5) sampleId.set(f[0], Number(f[1]));
  }
  const shop = readCdnow(`${DIR}/CDNOW_sample.txt`);
  const ours = repeatSummary(shop.transactions, {
    calibrationEnd: new Date("1997-09-30T00:00:00Z"),
    unit: "weeks",
  });
  const byId = new Map(
    (ours.toRecords() as Record<string, number | string>[]).map((
      r,
    ) => [sampleId.get(String(r.customer_id)), r]),
  );
  const published = readCsv("cdnow_customers_summary.csv");
  const withZ = readCsv("cdnow_customers_summary_with_transactions.csv");
  assert.equal(published.length, 2357);
  assert.equal(byId.size, 2357);
  for (const [i, p] of published.entries()) {
    const r = byId.get(p.ID)!;
    const msg = `customer ${p.ID}`;
    assert.equal(r.frequency, p.frequency, msg);
    assert.ok(
      Math.abs(Number(r.recency) - p.recency) <= 0.005 + 1e-9,
      `${msg} recency ${r.recency} vs ${p.recency}`,
    );
    assert.ok(Math.abs(Number(r.T) - p.T) <= 0.005 + 1e-9, `${msg} T ${r.T} vs ${p.T}`);
    assert.equal(withZ[i].ID, p.ID);
    assert.ok(
      Math.abs(Number(r.monetary_value) - withZ[i].zbar) <= 0.005 + 1e-9,
      `${msg} zbar ${r.monetary_value} vs ${withZ[i].zbar}`,
    );
  }
});
