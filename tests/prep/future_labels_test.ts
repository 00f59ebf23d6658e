import assert from "node:assert/strict";
import pl from "nodejs-polars";
import { futureLabels } from "@shoplab/lib/prep/future_labels.ts";

const d = (s: string) => new Date(s + "T00:00:00Z");
const tx = pl.DataFrame({
  customer_id: ["a", "b", "c", "a", "a", "b", "c", "d", "e"],
  order_id: ["1", "2", "3", "4", "4", "5", "6", "7", "8"],
  timestamp: [
    d("2025-01-01"),
    d("2025-01-02"),
    d("2025-01-03"),
    d("2025-02-01"), // exactly asOf: in the window
    d("2025-02-01"),
    d("2025-03-03"), // exactly asOf + 30 days: outside
    d("2025-02-10"),
    d("2025-02-05"), // d is new after asOf
    d("2025-04-30"),
  ],
  quantity: [1, 1, 1, 2, 1, 1, -1, 1, 1],
});

Deno.test("futureLabels() labels purchases in [asOf, asOf + window) for earlier customers", () => {
  const y = futureLabels(tx, { asOf: d("2025-02-01"), windowDays: 30 });
  assert.deepEqual(y.columns, ["customer_id", "purchases", "purchase", "churn"]);
  assert.deepEqual(y.getColumn("customer_id").toArray(), ["a", "b", "c"]);
  assert.deepEqual(y.getColumn("purchases").toArray(), [1, 0, 0]); // c only returned
  assert.deepEqual(y.getColumn("purchase").toArray(), [1, 0, 0]);
  assert.deepEqual(y.getColumn("churn").toArray(), [0, 1, 1]);
});

Deno.test("futureLabels() labels a given customer list, unknown ids as churners", () => {
  const y = futureLabels(tx.lazy(), {
    asOf: d("2025-02-01"),
    windowDays: 30,
    customers: ["d", "zz", "a"],
  });
  assert.deepEqual(y.getColumn("customer_id").toArray(), ["a", "d", "zz"]);
  assert.deepEqual(y.getColumn("churn").toArray(), [0, 0, 1]);
  const fromTable = futureLabels(tx, {
    asOf: d("2025-02-01"),
    windowDays: 30,
    customers: pl.DataFrame({ customer_id: ["b"] }),
  });
  assert.deepEqual(fromTable.getColumn("purchases").toArray(), [0]);
});

Deno.test("futureLabels() refuses a window the data does not cover", () => {
  assert.throws(() => futureLabels(tx, { asOf: d("2025-04-15"), windowDays: 30 }), /window ends/);
  const y = futureLabels(tx, { asOf: d("2025-04-15"), windowDays: 30, allowPartialWindow: true });
  assert.deepEqual(y.getColumn("customer_id").toArray(), ["a", "b", "c", "d"]);
  assert.throws(() => futureLabels(tx, { asOf: d("2025-02-01"), windowDays: -1 }), RangeError);
  assert.throws(() => futureLabels(tx.head(0), { asOf: d("2025-02-01") }), /no sales/);
  assert.throws(() => futureLabels(tx.drop("order_id"), { asOf: d("2025-02-01") }), TypeError);
});
