import assert from "node:assert/strict";
import pl from "nodejs-polars";
import { interactionsFromArrays } from "@shoplab/lib/recommend/interactions_from_arrays.ts";
import { buildInteractions } from "@shoplab/lib/recommend/build_interactions.ts";
import { DataError } from "@shoplab/lib/data/errors.ts";

const day = (d: number) => new Date(Date.UTC(2024, 0, d));

Deno.test("interactionsFromArrays() sums duplicates and builds matching CSR and CSC", () => {
  const m = interactionsFromArrays({
    users: [2, 0, 0, 1, 0, 2],
    items: [1, 2, 0, 2, 2, 0],
    values: [1, 2, 3, 4, 5, 6],
    timestamps: [10, 20, 30, 40, 50, 60],
  });
  assert.equal(m.nUsers, 3);
  assert.equal(m.nItems, 3);
  assert.equal(m.nnz, 5);
  assert.deepEqual([...m.byUser.indptr], [0, 2, 3, 5]);
  assert.deepEqual([...m.byUser.indices], [0, 2, 2, 0, 1]);
  assert.deepEqual([...m.byUser.values], [3, 7, 4, 6, 1]);
  assert.deepEqual([...m.lastTimestamp!], [30, 50, 40, 60, 10]);
  assert.deepEqual([...m.byItem.indptr], [0, 2, 3, 5]);
  assert.deepEqual([...m.byItem.indices], [0, 2, 2, 0, 1]);
  assert.deepEqual([...m.byItem.values], [3, 6, 1, 7, 4]);
  assert.deepEqual(m.userIds, ["0", "1", "2"]);
});

Deno.test("interactionsFromArrays() validates sizes and indices", () => {
  assert.throws(() => interactionsFromArrays({ users: [0, 1], items: [0] }), RangeError);
  assert.throws(
    () => interactionsFromArrays({ users: [3], items: [0] }, { nUsers: 2 }),
    RangeError,
  );
  assert.throws(() => interactionsFromArrays({ users: [0.5], items: [0] }), RangeError);
  assert.throws(
    () => interactionsFromArrays({ users: [0], items: [0] }, { userIds: ["a", "b"], nUsers: 1 }),
    RangeError,
  );
  const empty = interactionsFromArrays({ users: [], items: [] }, { nUsers: 2, nItems: 3 });
  assert.equal(empty.nnz, 0);
  assert.deepEqual([...empty.byItem.indptr], [0, 0, 0, 0]);
});

Deno.test("buildInteractions() weights events and transactions and sorts ids as strings", () => {
  const events = pl.DataFrame({
    customer_id: ["9", "9", "10", "9", "10"],
    item_id: ["b", "b", "a", "a", "b"],
    event_type: ["view", "cart", "purchase", "view", "view"],
    timestamp: [day(1), day(2), day(3), day(4), day(5)],
  });
  const transactions = pl.DataFrame({
    customer_id: ["9", "10"],
    order_id: ["o1", "o2"],
    timestamp: [day(6), day(7)],
    item_id: ["c", "a"],
    quantity: [2, -1], // the return is ignored
    unit_price: [1, 1],
  });
  const m = buildInteractions({ events, transactions });
  assert.deepEqual(m.userIds, ["10", "9"]);
  assert.deepEqual(m.itemIds, ["a", "b", "c"]);
  // user "10": a = 5, b = 1; user "9": a = 1, b = 1 + 3, c = 5
  assert.deepEqual([...m.byUser.values], [5, 1, 1, 4, 5]);
  assert.equal(m.lastTimestamp![0], day(3).getTime());
  const custom = buildInteractions({ events }, { weights: { view: 0, cart: 10, purchase: 1 } });
  assert.deepEqual([...custom.byUser.values], [1, 0, 0, 10]);
  const asOf = buildInteractions({ events, transactions }, { asOf: day(3) });
  assert.equal(asOf.nnz, 1);
  const bin = buildInteractions({ events }, { transform: "binary" });
  assert.ok(bin.byUser.values.every((v) => v === 1));
  const lg = buildInteractions({ events }, { transform: "log1p" });
  assert.ok(Math.abs(lg.byUser.values[0] - Math.log1p(5)) < 1e-6);
});

Deno.test("buildInteractions() uses explicit ratings (mean per pair) and item titles", () => {
  const events = pl.DataFrame({
    customer_id: ["u", "u", "v"],
    item_id: ["a", "a", "b"],
    event_type: ["purchase", "purchase", "purchase"],
    timestamp: [day(1), day(2), day(3)],
    rating: [4, 2, null],
  });
  const items = pl.DataFrame({
    item_id: ["a", "b"],
    title: ["Tea mug", null],
    category: ["kitchen", "garden"],
  });
  const m = buildInteractions({ events, items }, { rating: "rating" });
  assert.deepEqual(m.userIds, ["u"]);
  assert.deepEqual([...m.byUser.values], [3]);
  assert.deepEqual(m.itemLabels, ["Tea mug"]);
  assert.deepEqual(m.itemText, ["Tea mug kitchen"]);
});

Deno.test("buildInteractions() raises DataError / TypeError at the boundary", () => {
  assert.throws(() => buildInteractions({}), TypeError);
  const bad = pl.DataFrame({
    customer_id: ["u"],
    item_id: ["a"],
    event_type: ["click"],
    timestamp: [day(1)],
  });
  assert.throws(
    () => buildInteractions({ events: bad }),
    (e: unknown) => e instanceof DataError && e.value === "click",
  );
  const noCol = pl.DataFrame({ customer_id: ["u"], item_id: ["a"], timestamp: [day(1)] });
  assert.throws(
    () => buildInteractions({ events: noCol }),
    (e: unknown) => e instanceof DataError && e.column === "event_type",
  );
  const strTime = pl.DataFrame({
    customer_id: ["u"],
    item_id: ["a"],
    event_type: ["view"],
    timestamp: ["2024-01-01"],
  });
  assert.throws(
    () => buildInteractions({ events: strTime }),
    (e: unknown) => e instanceof DataError && e.column === "timestamp",
  );
});

Deno.test("buildInteractions() returns an empty matrix when asOf precedes every row", () => {
  const events = pl.DataFrame({
    customer_id: ["u"],
    item_id: ["a"],
    event_type: ["view"],
    timestamp: [day(5)],
  });
  const m = buildInteractions({ events }, { asOf: day(1) });
  assert.equal(m.nUsers, 0);
  assert.equal(m.nnz, 0);
  assert.deepEqual([...m.byUser.indptr], [0]);
});
