import assert from "node:assert/strict";
import pl from "nodejs-polars";
import { buildSequences } from "@shoplab/lib/sequences/build_sequences.ts";

const d = (s: string) => new Date(s.length === 10 ? s + "T00:00:00Z" : s + "Z");

// A hand-worked shop: two customers, weekly buckets of 3 weeks ending 2025-01-22.
// Weeks: [01-01, 01-08), [01-08, 01-15), [01-15, 01-22).
const transactions = pl.DataFrame({
  customer_id: ["a", "a", "a", "a", "b", "b", "a"],
  order_id: ["o1", "o1", "o2", "r1", "o3", "o4", "o9"],
  timestamp: [
    d("2025-01-02T10:00:00"), // a week 0: order o1, two lines
    d("2025-01-02T10:00:00"),
    d("2025-01-16T09:00:00"), // a week 2: order o2
    d("2025-01-17T09:00:00"), // a week 2: a return
    d("2024-12-20T09:00:00"), // b before the window
    d("2025-01-09T09:00:00"), // b week 1
    d("2025-01-22T00:00:00"), // a at asOf: excluded
  ],
  item_id: ["x", "y", "x", "x", "z", "z", "x"],
  quantity: [2, 1, 1, -1, 1, 3, 5],
  unit_price: [10, 4, 10, 10, 7, 7, 10],
});
const items = pl.DataFrame({ item_id: ["x", "y", "z"], category: ["k", "k", "m"] });
const events = pl.DataFrame({
  customer_id: ["a", "a", "b", "c"],
  item_id: ["x", "x", "z", "x"],
  event_type: ["view", "cart", "view", "view"],
  timestamp: [
    d("2025-01-01T09:00:00"),
    d("2025-01-01T09:30:00"),
    d("2025-01-20T09:00:00"),
    d("2025-01-21T00:00:00"),
  ],
});
const customers = pl.DataFrame({
  customer_id: ["a", "b", "c"],
  signup_date: [d("2024-12-01"), d("2024-12-01"), d("2025-01-10")],
});
const asOf = d("2025-01-22");

function feature(s: ReturnType<typeof buildSequences>, id: string, name: string): number[] {
  const r = s.customerIds.indexOf(id), f = s.batch.featureNames.indexOf(name);
  const { steps, features } = s.batch;
  return Array.from({ length: steps }, (_, t) => s.batch.x[(r * steps + t) * features + f]);
}

Deno.test("buildSequences() counts a hand-worked shop per weekly step", () => {
  const s = buildSequences({ transactions, events, items, customers }, {
    asOf,
    steps: 3,
    bucket: "week",
  });
  assert.deepEqual(s.customerIds, ["a", "b", "c"]);
  assert.deepEqual(s.batch.featureNames, [
    "views",
    "carts",
    "orders",
    "spend",
    "units",
    "returns",
    "distinct_items",
    "distinct_categories",
    "days_since_purchase",
    "active",
  ]);
  assert.equal(s.batch.x.length, 3 * 3 * 10);
  assert.deepEqual(feature(s, "a", "views"), [1, 0, 0]);
  assert.deepEqual(feature(s, "a", "carts"), [1, 0, 0]);
  assert.deepEqual(feature(s, "a", "orders"), [1, 0, 1]);
  assert.deepEqual(feature(s, "a", "spend"), [24, 0, 10]);
  assert.deepEqual(feature(s, "a", "units"), [3, 0, 1]);
  assert.deepEqual(feature(s, "a", "returns"), [0, 0, 1]);
  assert.deepEqual(feature(s, "a", "distinct_items"), [2, 0, 1]);
  assert.deepEqual(feature(s, "a", "distinct_categories"), [1, 0, 1]);
  assert.deepEqual(feature(s, "a", "active"), [1, 0, 1]);
  // week ends 01-08, 01-15, 01-22; a bought 01-02 10:00 then 01-16 09:00
  const [w0, w1, w2] = feature(s, "a", "days_since_purchase");
  assert.ok(Math.abs(w0 - (5 + 14 / 24)) < 1e-4 && Math.abs(w1 - (12 + 14 / 24)) < 1e-4);
  assert.ok(Math.abs(w2 - (5 + 15 / 24)) < 1e-4);
  assert.deepEqual(feature(s, "b", "orders"), [0, 1, 0]);
  assert.deepEqual(feature(s, "b", "views"), [0, 0, 1]);
  // b's first purchase 2024-12-20 is before the window but counts for days_since_purchase
  assert.ok(Math.abs(feature(s, "b", "days_since_purchase")[0] - 18 - 15 / 24) < 1e-4);
  // c signed up 01-10: week 0 is padding; c never bought: days_since_purchase at the cap
  const rc = s.customerIds.indexOf("c");
  assert.deepEqual([...s.batch.mask.subarray(rc * 3, rc * 3 + 3)], [0, 1, 1]);
  assert.deepEqual(feature(s, "c", "days_since_purchase"), [0, 365, 365]);
  assert.deepEqual(feature(s, "c", "views"), [0, 0, 1]);
});

Deno.test("buildSequences() reads nothing at or after asOf", () => {
  const a = buildSequences({ transactions, events }, { asOf, steps: 3 });
  const later = pl.concat([
    transactions,
    pl.DataFrame({
      customer_id: ["a", "z"],
      order_id: ["o7", "o8"],
      timestamp: [d("2025-01-23"), d("2025-02-01")],
      item_id: ["x", "x"],
      quantity: [9, 9],
      unit_price: [9, 9],
    }),
  ]);
  const b = buildSequences({ transactions: later, events }, { asOf, steps: 3 });
  assert.deepEqual(b.customerIds, a.customerIds);
  assert.deepEqual(b.batch.x, a.batch.x);
  assert.deepEqual(b.batch.mask, a.batch.mask);
});

Deno.test("buildSequences() works from transactions alone, with day buckets and masks from the first order", () => {
  const s = buildSequences({ transactions }, { asOf, steps: 21, bucket: "day" });
  assert.deepEqual(s.batch.featureNames, [
    "orders",
    "spend",
    "units",
    "returns",
    "distinct_items",
    "days_since_purchase",
    "active",
  ]);
  assert.equal(s.bucketDays, 1);
  const ra = s.customerIds.indexOf("a");
  const m = [...s.batch.mask.subarray(ra * 21, ra * 21 + 21)];
  // a's first order 01-02 10:00: day 0 = [01-01, 01-02) is padding, day 1 onwards real
  assert.deepEqual(m, [0, ...new Array(20).fill(1)]);
  assert.equal(feature(s, "a", "orders")[1], 1);
});

Deno.test("buildSequences() keeps requested customers, padding the unknown ones", () => {
  const s = buildSequences({ transactions }, { asOf, steps: 3, customers: ["zz", "a"] });
  assert.deepEqual(s.customerIds, ["a", "zz"]);
  assert.deepEqual([...s.batch.mask.subarray(3, 6)], [0, 0, 0]);
  assert.ok(s.batch.x.subarray(3 * s.batch.features * 1).every((v) => v === 0));
});

Deno.test("buildSequences() rejects bad options with RangeError naming them", () => {
  assert.throws(() => buildSequences({ transactions }, { asOf: new Date("x") }), /asOf/);
  assert.throws(() => buildSequences({ transactions }, { asOf, steps: 0 }), /steps/);
  assert.throws(
    () => buildSequences({ transactions }, { asOf, bucket: "month" as "week" }),
    /bucket/,
  );
  assert.throws(
    () => buildSequences({ transactions: transactions.drop("unit_price") }, { asOf }),
    /unit_price/,
  );
});
