import assert from "node:assert/strict";
import pl from "nodejs-polars";
import { snapshotDataset } from "@shoplab/lib/models/snapshot_dataset.ts";
import { latestAsOf } from "@shoplab/lib/models/latest_as_of.ts";
import { createRng } from "@shoplab/lib/core/random.ts";
import { MS_PER_DAY } from "@shoplab/lib/core/constants.ts";

/** 300 customers buying at random over 120 days from 2025-01-01, with a channel attribute. */
function shop() {
  const rng = createRng(3);
  const start = Date.UTC(2025, 0, 1);
  const c: string[] = [], o: string[] = [], t: Date[] = [], q: number[] = [], p: number[] = [];
  for (let k = 0; k < 300; k++) {
    const rate = 0.02 + rng.next() * 0.1;
    for (let d = Math.floor(rng.next() * 60); d < 120; d++) {
      if (rng.next() < rate) {
        c.push(`c${String(k).padStart(3, "0")}`);
        o.push(String(o.length));
        t.push(new Date(start + d * MS_PER_DAY + 3_600_000));
        q.push(rng.next() < 0.05 ? -1 : 1);
        p.push(5 + rng.int(50));
      }
    }
  }
  const transactions = pl.DataFrame({
    customer_id: c,
    order_id: o,
    timestamp: t,
    item_id: c.map(() => "x"),
    quantity: q,
    unit_price: p,
  });
  const ids = [...new Set(c)].sort();
  const customers = pl.DataFrame({
    customer_id: ids,
    channel: ids.map((_, i) => ["email", "social", "paid"][i % 3]),
  });
  return { transactions, customers };
}

const data = shop();

Deno.test("latestAsOf() puts the window's last day on the day of the last sale", () => {
  const asOf = latestAsOf(data.transactions, 30);
  const last = data.transactions.filter(pl.col("quantity").gt(0)).getColumn("timestamp")
    .max() as unknown as Date;
  const lastDay = Math.floor(new Date(last).getTime() / MS_PER_DAY) * MS_PER_DAY;
  assert.equal(asOf.getTime() + 29 * MS_PER_DAY, lastDay);
  assert.throws(() => latestAsOf(data.transactions, 0), /windowDays must be > 0/);
});

Deno.test("snapshotDataset() trains on an earlier snapshot whose labels end at the test cut-off", () => {
  const ds = snapshotDataset(data, { label: "churn", windowDays: 20 });
  assert.equal(ds.testAsOf.getTime() - ds.trainAsOf.getTime(), 20 * MS_PER_DAY);
  // Recompute every label by hand from the raw transactions.
  const sales = data.transactions.filter(pl.col("quantity").gt(0)).toRecords() as unknown as {
    customer_id: string;
    timestamp: Date;
  }[];
  const boughtIn = (id: string, from: number, to: number) =>
    sales.some((r) => {
      const t = new Date(r.timestamp).getTime();
      return r.customer_id === id && t >= from && t < to;
    });
  const tr = ds.trainAsOf.getTime(), te = ds.testAsOf.getTime(), w = 20 * MS_PER_DAY;
  for (const [part, at] of [[ds.train, tr], [ds.validation, tr], [ds.test, te]] as const) {
    part.ids.forEach((id, i) => {
      assert.ok(boughtIn(id, 0, at), `${id} bought before the cut-off`);
      assert.equal(part.y[i], boughtIn(id, at, at + w) ? 0 : 1, `label of ${id}`);
    });
  }
  // Train labels come from [trainAsOf, testAsOf): nothing at or after the test cut-off.
  assert.equal(tr + w, te);
  const n = ds.train.ids.length + ds.validation.ids.length;
  assert.equal(ds.validation.ids.length, Math.round(0.2 * n));
  assert.equal(new Set([...ds.train.ids, ...ds.validation.ids]).size, n, "no customer in both");
});

Deno.test("snapshotDataset() fits imputation, encoding and scaling on the training part only", () => {
  const ds = snapshotDataset(data, { label: "purchase", windowDays: 20, seed: 5 });
  assert.ok(ds.features.includes("channel_email") && ds.features.includes("recency_days"));
  const { raw, x } = ds.train;
  for (let j = 0; j < raw.cols; j++) {
    let mean = 0;
    for (let i = 0; i < raw.rows; i++) mean += raw.x[i * raw.cols + j];
    mean /= raw.rows;
    const name = ds.features[j];
    assert.ok(Math.abs(ds.scaler.center[name] - mean) < 1e-9 * Math.max(1, Math.abs(mean)), name);
    let z = 0;
    for (let i = 0; i < x.rows; i++) z += x.x[i * x.cols + j];
    assert.ok(Math.abs(z / x.rows) < 1e-9, `train mean of scaled ${name} is 0`);
  }
  // Test rows are scaled with the training statistics, not their own.
  const j = ds.features.indexOf("recency_days");
  const t = ds.test;
  for (let i = 0; i < 5; i++) {
    const expected = (t.raw.x[i * t.raw.cols + j] - ds.scaler.center.recency_days) /
      ds.scaler.scale.recency_days;
    assert.ok(Math.abs(t.x.x[i * t.x.cols + j] - expected) < 1e-12);
  }
  assert.ok(Number.isFinite(ds.fillValues.mean_interpurchase_days));
  for (const p of [ds.train, ds.validation, ds.test]) assert.ok(p.x.x.every(Number.isFinite));
  assert.equal(ds.summary.length, 3);
});

Deno.test("snapshotDataset() rejects a window that runs past the data", () => {
  assert.throws(
    () =>
      snapshotDataset(data, {
        label: "churn",
        windowDays: 30,
        asOf: new Date("2025-04-20T00:00:00Z"),
      }),
    /label window ends/,
  );
  assert.throws(() => snapshotDataset(data, { label: "x" as "churn" }), /label must be/);
});
