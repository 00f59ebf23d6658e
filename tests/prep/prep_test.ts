import assert from "node:assert/strict";
import pl from "nodejs-polars";
import {
  chronologicalSplit,
  cleanTransactions,
  customerFeatures,
  dropDuplicates,
  fitMinMaxScaler,
  fitStandardScaler,
  imputeKnn,
  imputeMean,
  imputeMedian,
  interpolateTime,
  oneHot,
  randomSplit,
} from "@shoplab/lib/prep/mod.ts";

const d = (s: string) => new Date(s + "T00:00:00Z");

Deno.test("dropDuplicates() removes whole-row and key duplicates, keeping order", () => {
  const df = pl.DataFrame({ id: ["b", "a", "b", "a"], v: [1, 2, 1, 3] });
  const whole = dropDuplicates(df);
  assert.equal(whole.removed, 1);
  assert.deepEqual(whole.table.getColumn("v").toArray(), [1, 2, 3]);
  const byKey = dropDuplicates(df, { subset: ["id"], keep: "last" });
  assert.deepEqual(byKey.table.getColumn("v").toArray(), [1, 3]);
  assert.equal(dropDuplicates(df.head(0)).removed, 0);
});

Deno.test("cleanTransactions() counts every step", () => {
  const tx = pl.DataFrame({
    customer_id: ["a", "a", "a", "b", null, "c"],
    order_id: ["1", "1", "R1", "2", "3", "4"],
    timestamp: [1, 1, 2, 3, 4, 5],
    item_id: ["x", "x", "x", "y", "y", "z"],
    quantity: [2, 2, -2, 1, 1, 1],
    unit_price: [5, 5, 5, 0, 3, 4],
  });
  const r = cleanTransactions(tx);
  const rows = Object.fromEntries(r.summary.steps.map((s) => [s.step, s.rows]));
  assert.deepEqual(rows, {
    "duplicate-rows": 1,
    "missing-values": 1,
    "free-or-empty-lines": 1,
    returns: 1,
  });
  assert.deepEqual(r.table.getColumn("order_id").toArray(), ["1", "4"]);
  assert.equal(cleanTransactions(tx, { returns: "keep" }).table.height, 3);
});

Deno.test("imputeMean() / imputeMedian() learn on train and fill test", () => {
  const train = pl.DataFrame({ x: [1, 2, NaN, 9, null] });
  assert.equal(imputeMean(train, ["x"]).values.x, 4);
  assert.equal(imputeMedian(train, ["x"]).values.x, 2);
  const filled = imputeMedian(train, ["x"]).transform(pl.DataFrame({ x: [null, 7] }));
  assert.deepEqual(filled.getColumn("x").toArray(), [2, 7]);
  assert.throws(
    () => imputeMean(pl.DataFrame({ x: [null, null] as (number | null)[] }), ["x"]),
    RangeError,
  );
});

Deno.test("interpolateTime() interpolates linearly in time, not in row position", () => {
  const df = pl.DataFrame({ t: [10, 0, 1, 3], y: [null, 0, null, 6] });
  const out = interpolateTime(df, { time: "t", columns: ["y"] });
  // sorted t = 0, 1, 3, 10 → y(1) = 2; trailing gap stays missing
  assert.deepEqual(out.getColumn("y").toArray(), [0, 2, 6, null]);
});

Deno.test("imputeKnn() matches a hand-worked NaN-Euclidean example", () => {
  // Row 3 misses b; distances on a only, scaled by sqrt(2/1): |1.1-1|, |1.1-2|, |1.1-10|
  const df = pl.DataFrame({ a: [1, 2, 10, 1.1], b: [1, 3, 10, null] });
  assert.equal(imputeKnn(df, { columns: ["a", "b"], k: 1 }).getColumn("b").get(3), 1);
  assert.equal(imputeKnn(df, { columns: ["a", "b"], k: 2 }).getColumn("b").get(3), 2);
  assert.equal(imputeKnn(df, { columns: ["a", "b"], k: 3 }).getColumn("b").get(3), 14 / 3);
});

Deno.test("oneHot() keeps train columns on test, unknown → zeros, missing → own column", () => {
  const enc = oneHot(pl.DataFrame({ c: ["x", "y", null], v: [1, 2, 3] }), ["c"]);
  const out = enc.transform(pl.DataFrame({ c: ["y", "z", null], v: [4, 5, 6] }));
  assert.deepEqual(out.columns, ["v", "c_missing", "c_x", "c_y"]);
  assert.deepEqual(out.getColumn("c_y").toArray(), [1, 0, 0]);
  assert.deepEqual(out.getColumn("c_missing").toArray(), [0, 0, 1]);
  assert.deepEqual(
    oneHot(pl.DataFrame({ c: ["a", "b"] }), ["c"], { dropFirst: true }).outputColumns,
    ["c_b"],
  );
});

Deno.test("fitStandardScaler() uses the population std and handles constant columns", () => {
  const s = fitStandardScaler(
    pl.DataFrame({ x: [2, 4, 4, 4, 5, 5, 7, 9], k: [3, 3, 3, 3, 3, 3, 3, 3] }),
    ["x", "k"],
  );
  assert.equal(s.center.x, 5);
  assert.equal(s.scale.x, 2);
  assert.equal(s.scale.k, 1);
  const out = s.transform(pl.DataFrame({ x: [5, 9], k: [3, 4] }));
  assert.deepEqual(out.getColumn("x").toArray(), [0, 2]);
  assert.deepEqual(s.inverseTransform(out).getColumn("x").toArray(), [5, 9]);
});

Deno.test("fitMinMaxScaler() maps train min/max to [0, 1] and [-1, 1]", () => {
  const train = pl.DataFrame({ x: [10, 20, 30] });
  assert.deepEqual(fitMinMaxScaler(train, ["x"]).transform(train).getColumn("x").toArray(), [
    0,
    0.5,
    1,
  ]);
  const pm = fitMinMaxScaler(train, ["x"], { range: [-1, 1] });
  assert.deepEqual(pm.transform(pl.DataFrame({ x: [10, 40] })).getColumn("x").toArray(), [-1, 2]);
  assert.throws(() => fitMinMaxScaler(train, ["x"], { range: [1, 1] }), RangeError);
});

Deno.test("randomSplit() is seeded, complete and stratified", () => {
  const df = pl.DataFrame({
    i: Array.from({ length: 200 }, (_, i) => i),
    y: Array.from({ length: 200 }, (_, i) => (i < 40 ? 1 : 0)),
  });
  const a = randomSplit(df, { seed: 3, stratify: "y" });
  const b = randomSplit(df, { seed: 3, stratify: "y" });
  assert.deepEqual(a.test.getColumn("i").toArray(), b.test.getColumn("i").toArray());
  assert.equal(a.train.height + a.validation.height + a.test.height, 200);
  assert.equal(a.test.getColumn("y").sum(), 6); // 15 % of 40 positives
  const all = [a.train, a.validation, a.test].flatMap((p) => p.getColumn("i").toArray() as number[])
    .sort((x, y) => x - y);
  assert.deepEqual(all, Array.from({ length: 200 }, (_, i) => i));
  assert.throws(() => randomSplit(df, { fractions: [0.5, 0.5, 0.5] }), RangeError);
});

Deno.test("chronologicalSplit() keeps every test row after every train row", () => {
  const df = pl.DataFrame({ t: Array.from({ length: 100 }, (_, i) => (i * 37) % 100) });
  const s = chronologicalSplit(df, { time: "t", fractions: [0.6, 0.2, 0.2] });
  assert.ok(
    (s.train.getColumn("t").max() as number) < (s.validation.getColumn("t").min() as number),
  );
  assert.ok(
    (s.validation.getColumn("t").max() as number) < (s.test.getColumn("t").min() as number),
  );
  assert.deepEqual([s.train.height, s.validation.height, s.test.height], [60, 20, 20]);
});

Deno.test("customerFeatures() computes hand-checked RFM, tenure, returns and events", () => {
  const transactions = pl.DataFrame({
    customer_id: ["a", "a", "a", "a", "b", "b"],
    order_id: ["1", "2", "2", "R1", "3", "9"],
    timestamp: [
      d("2025-01-01"),
      d("2025-01-11"),
      d("2025-01-11"),
      d("2025-01-12"),
      d("2025-01-05"),
      d("2025-02-01"),
    ],
    item_id: ["x", "y", "y", "y", "x", "x"],
    quantity: [1, 2, 2, -1, 1, 5],
    unit_price: [10, 5, 5, 5, 4, 4],
  });
  const events = pl.DataFrame({
    customer_id: ["a", "a", "b"],
    item_id: ["x", "y", "x"],
    event_type: ["view", "cart", "view"],
    timestamp: [d("2025-01-15"), d("2025-01-19"), d("2024-11-01")],
  });
  const items = pl.DataFrame({
    item_id: ["x", "y"],
    title: ["X", "Y"],
    category: ["Home Decor", "toys"],
    price: [1, 1],
  });
  const f = customerFeatures(
    { source: { format: "synthetic", path: "" }, transactions, events, items, cleaning: [] },
    { asOf: d("2025-01-21") },
  );
  const a = f.toRecords()[0] as Record<string, number>;
  assert.equal(a.recency_days, 10);
  assert.equal(a.frequency, 2); // the duplicate line is dropped, order 9 is after asOf
  assert.equal(a.monetary, 20 - 5);
  assert.equal(a.avg_order_value, 10);
  assert.equal(a.tenure_days, 20);
  assert.equal(a.returns_count, 1);
  assert.equal(a.mean_interpurchase_days, 10);
  assert.equal(a.days_since_last_cart, 2);
  assert.equal(a.views_30d, 1);
  assert.equal(a.share_home_decor, 0.5);
  const b = f.toRecords()[1] as Record<string, number | null>;
  assert.equal(b.frequency, 1);
  assert.equal(b.mean_interpurchase_days, null);
  assert.equal(b.views_30d, 0);
  assert.equal(f.height, 2);
});
