import assert from "node:assert/strict";
import pl from "nodejs-polars";
import { populationIds } from "@shoplab/lib/models/population_ids.ts";
import { snapshotDataset } from "@shoplab/lib/models/snapshot_dataset.ts";
import { sequenceDataset } from "@shoplab/lib/sequences/sequence_dataset.ts";

const d = (s: string) => new Date(s + "T00:00:00Z");

/**
 * A hand-made shop: buyers a–d; e and f signed up early and only browse (f buys late, after
 * the train cut-off); g signs up after every cut-off; h has events but no customers row.
 */
function shop() {
  const lines: [string, string][] = [
    ["a", "2025-01-03"],
    ["b", "2025-01-04"],
    ["c", "2025-01-05"],
    ["d", "2025-01-06"],
    ["a", "2025-02-03"],
    ["c", "2025-02-10"],
    ["f", "2025-02-12"],
    ["a", "2025-03-05"],
    ["b", "2025-03-10"],
    ["e", "2025-03-12"],
    ["z", "2025-03-30"], // the data runs to the end of March
    ["r", "2025-01-10"], // a return only (quantity −1): not a registration
  ];
  const transactions = pl.DataFrame({
    customer_id: lines.map((l) => l[0]),
    order_id: lines.map((_, i) => `o${i}`),
    timestamp: lines.map((l) => d(l[1])),
    item_id: lines.map(() => "x"),
    quantity: lines.map((l) => (l[0] === "r" ? -1 : 1)),
    unit_price: lines.map(() => 10),
  });
  const ids = ["a", "b", "c", "d", "e", "f", "g", "z"];
  const customers = pl.DataFrame({
    customer_id: ids,
    signup_date: ids.map((id) =>
      d(id === "g" ? "2025-03-25" : id === "z" ? "2025-03-29" : "2025-01-01")
    ),
    channel: ids.map((_, i) => (i % 2 ? "email" : "social")),
  });
  const ev: [string, string, string][] = [
    ["e", "view", "2025-01-20"],
    ["e", "cart", "2025-01-25"],
    ["f", "view", "2025-01-28"],
    ["h", "view", "2025-01-15"],
    ["e", "view", "2025-02-20"],
  ];
  const events = pl.DataFrame({
    customer_id: ev.map((e) => e[0]),
    item_id: ev.map(() => "x"),
    event_type: ev.map((e) => e[1]),
    timestamp: ev.map((e) => d(e[2])),
  });
  return { transactions, customers, events };
}

const data = shop();

Deno.test("populationIds() returns buyers, or everyone signed up, browsing or buying before asOf", () => {
  const asOf = d("2025-02-01");
  assert.deepEqual(populationIds(data, { asOf }), ["a", "b", "c", "d"]);
  assert.deepEqual(
    populationIds(data, { asOf, population: "registered" }),
    ["a", "b", "c", "d", "e", "f", "h"],
  );
  // transactions alone: registered = buyers
  assert.deepEqual(
    populationIds({ transactions: data.transactions }, { asOf, population: "registered" }),
    ["a", "b", "c", "d"],
  );
  assert.throws(
    () => populationIds(data, { asOf, population: "all" as "buyers" }),
    /population must be "buyers" or "registered", got "all"/,
  );
  assert.throws(() => populationIds(data, { asOf: new Date(NaN) }), RangeError);
});

Deno.test("snapshotDataset({ population: 'registered' }) asks never-buyers the purchase question", () => {
  const opts = { windowDays: 28, asOf: d("2025-03-01"), validationFraction: 0 } as const;
  const churn = snapshotDataset(data, { ...opts, label: "churn" });
  const buy = snapshotDataset(data, { ...opts, label: "purchase", population: "registered" });
  assert.equal(churn.population, "buyers");
  assert.equal(buy.population, "registered");
  // train snapshot at 2025-02-01: buyers a–d; registered adds e, f (signed up) and h (events)
  assert.deepEqual(churn.train.ids, ["a", "b", "c", "d"]);
  assert.deepEqual(buy.train.ids, ["a", "b", "c", "d", "e", "f", "h"]);
  // labels from [2025-02-01, 2025-03-01): a, c, f buy
  assert.deepEqual([...churn.train.y], [0, 1, 0, 1]);
  assert.deepEqual([...buy.train.y], [1, 0, 1, 0, 0, 1, 0]);
  // test snapshot at 2025-03-01: f has bought by now; g (signed up 03-25) is not yet registered
  assert.deepEqual(buy.test.ids, ["a", "b", "c", "d", "e", "f", "h"]);
  assert.deepEqual([...buy.test.y], [1, 1, 0, 0, 1, 0, 0]);
  assert.ok(!churn.features.includes("has_purchased"));
  const col = (name: string) => buy.features.indexOf(name);
  const raw = (part: typeof buy.train, r: number, name: string) =>
    part.raw.x[r * part.raw.cols + col(name)];
  assert.deepEqual([0, 1, 2, 3, 4, 5, 6].map((r) => raw(buy.train, r, "has_purchased")), [
    1,
    1,
    1,
    1,
    0,
    0,
    0,
  ]);
  assert.deepEqual([0, 1, 2, 3, 4, 5, 6].map((r) => raw(buy.test, r, "has_purchased")), [
    1,
    1,
    1,
    1,
    0,
    1,
    0,
  ]);
  // never-buyer e at 2025-02-01: no orders, no spend, tenure from signup, views from events
  assert.equal(raw(buy.train, 4, "frequency"), 0);
  assert.equal(raw(buy.train, 4, "monetary"), 0);
  assert.equal(raw(buy.train, 4, "tenure_days"), 31);
  assert.equal(raw(buy.train, 4, "views_28d"), 1);
  assert.equal(raw(buy.train, 4, "carts_28d"), 1);
  // h has no signup: tenure from its first event (2025-01-15)
  assert.equal(raw(buy.train, 6, "tenure_days"), 17);
  assert.throws(
    () => snapshotDataset(data, { ...opts, label: "purchase", population: "everyone" as "buyers" }),
    /population must be "buyers" or "registered"/,
  );
});

Deno.test("sequenceDataset({ population: 'registered' }) includes never-buyers with their browsing", () => {
  const base = {
    trainCutoffs: [d("2025-02-01")],
    testCutoff: d("2025-03-01"),
    horizonDays: 28,
    steps: 5,
    bucket: "week" as const,
  };
  const buyers = sequenceDataset(data, { ...base, target: "churn" });
  const all = sequenceDataset(data, { ...base, target: "purchase", population: "registered" });
  assert.deepEqual(buyers.train.customerIds, ["a", "b", "c", "d"]);
  assert.deepEqual(all.train.customerIds, ["a", "b", "c", "d", "e", "f", "h"]);
  assert.deepEqual([...all.train.y], [1, 0, 1, 0, 0, 1, 0]);
  assert.deepEqual([...buyers.train.y], [0, 1, 0, 1]);
  const b = all.train.batch;
  const views = b.featureNames.indexOf("views"), orders = b.featureNames.indexOf("orders");
  const row = (r: number, f: number) =>
    Array.from({ length: b.steps }, (_, t) => b.x[(r * b.steps + t) * b.features + f]);
  // e: weeks from 2024-12-28; a view on 01-20 (week 3), a cart on 01-25 (week 4), no order
  assert.deepEqual(row(4, views), [0, 0, 0, 1, 0]);
  assert.deepEqual(row(4, orders), [0, 0, 0, 0, 0]);
  // signed up on 2025-01-01: the first week (ending 2025-01-04) is live, as are later ones
  assert.deepEqual([...b.mask.subarray(4 * b.steps, 5 * b.steps)], [1, 1, 1, 1, 1]);
  // h has no signup: padding until its first event on 01-15 (week 2)
  assert.deepEqual([...b.mask.subarray(6 * b.steps, 7 * b.steps)], [0, 0, 1, 1, 1]);
  assert.throws(
    () => sequenceDataset(data, { ...base, population: "x" as "buyers" }),
    /population must be "buyers" or "registered", got "x"/,
  );
});
