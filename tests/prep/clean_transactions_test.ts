import assert from "node:assert/strict";
import pl from "nodejs-polars";
import { cleanTransactions } from "@shoplab/lib/prep/clean_transactions.ts";

const tx = () =>
  pl.DataFrame({
    customer_id: ["a", "a", "a", "b", null, "c", "d", "e"],
    order_id: ["1", "1", "R1", "2", "3", "4", "5", "6"],
    timestamp: [1, 1, 2, 3, 4, 5, 6, 7],
    item_id: ["x", "x", "x", "y", "y", "z", "z", "z"],
    quantity: [2, 2, -2, 1, 1, 1, 0, 1],
    unit_price: [5, 5, 5, 0, 3, 4, 4, NaN],
  });

Deno.test("cleanTransactions() counts every step in order", () => {
  const r = cleanTransactions(tx());
  assert.deepEqual(r.summary.steps.map((s) => [s.step, s.rows]), [
    ["duplicate-rows", 1],
    ["missing-values", 2], // null customer, NaN price
    ["non-positive-price", 1],
    ["zero-quantity", 1],
    ["returns", 1],
  ]);
  assert.deepEqual(r.table.getColumn("order_id").toArray(), ["1", "4"]);
  assert.deepEqual(r.returns.getColumn("order_id").toArray(), ["R1"]);
  assert.equal(r.summary.rowsRead, 8);
  assert.equal(r.summary.rowsKept, 2);
  assert.equal(r.summary.table, "transactions");
});

Deno.test("cleanTransactions() keeps return lines with returns: keep", () => {
  const r = cleanTransactions(tx(), { returns: "keep", file: "shop.csv" });
  assert.deepEqual(r.table.getColumn("order_id").toArray(), ["1", "R1", "4"]);
  assert.equal(r.returns.height, 1);
  assert.equal(r.summary.file, "shop.csv");
  assert.equal(r.summary.steps.at(-1)!.action, "flagged");
});

Deno.test("cleanTransactions() nets returns against the latest purchases first", () => {
  const t = pl.DataFrame({
    customer_id: ["a", "a", "a", "a", "a", "b", "b"],
    order_id: ["1", "2", "R1", "3", "R2", "4", "R3"],
    timestamp: [1, 5, 6, 2, 7, 1, 2],
    item_id: ["x", "x", "x", "z", "z", "x", "y"],
    quantity: [3, 2, -4, 1, -1, 1, -1],
    unit_price: [1, 1, 1, 2, 2, 1, 1],
  });
  const r = cleanTransactions(t, { returns: "net" });
  // x: order 2 (latest, 2 units) absorbs 2, order 1 absorbs the other 2 → 1 unit left.
  // z: fully returned. b's return of y has no purchase.
  assert.deepEqual(r.table.getColumn("order_id").toArray(), ["1", "4"]);
  assert.deepEqual(r.table.getColumn("quantity").toArray(), [1, 1]);
  const steps = Object.fromEntries(r.summary.steps.map((s) => [s.step, s.rows]));
  assert.equal(steps["returns"], 3);
  assert.equal(steps["sales-partly-returned"], 1);
  assert.equal(steps["sales-fully-returned"], 2);
  assert.equal(steps["unmatched-returns"], 1);
  assert.equal(r.returns.height, 3);
  assert.deepEqual(r.table.columns, t.columns);
});

Deno.test("cleanTransactions() handles an empty table and names a missing column", () => {
  const r = cleanTransactions(tx().head(0));
  assert.equal(r.table.height, 0);
  assert.ok(r.summary.steps.every((s) => s.rows === 0));
  assert.equal(cleanTransactions(tx().head(0), { returns: "net" }).table.height, 0);
  assert.throws(() => cleanTransactions(tx().drop("unit_price")), /column "unit_price"/);
});
