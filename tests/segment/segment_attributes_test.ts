import assert from "node:assert/strict";
import pl from "nodejs-polars";
import { segmentAttributes } from "@shoplab/lib/segment/segment_attributes.ts";

Deno.test("segmentAttributes() keeps the customers table's attributes and merges rare categories", () => {
  const features = pl.DataFrame({
    customer_id: ["a", "b", "c", "d", "e"],
    gender: ["f", "m", "f", null, "x"],
    channel: ["email", "email", "social", "social", "email"],
  });
  const s = segmentAttributes(features, undefined, { minShare: 0.3 });
  assert.deepEqual(s.categorical, ["gender", "channel"]);
  assert.deepEqual(s.source, { gender: "customers", channel: "customers" });
  // f holds 2/5; m and x hold 1/5 each (< 0.3) → "other"; null stays null
  assert.deepEqual(s.table.getColumn("gender").toArray(), ["f", "other", "f", null, "other"]);
  assert.deepEqual(s.table.getColumn("channel").toArray(), features.getColumn("channel").toArray());
  assert.deepEqual(features.getColumn("gender").toArray(), ["f", "m", "f", null, "x"]); // not mutated
});

Deno.test("segmentAttributes() takes each customer's most frequent transaction country", () => {
  const features = pl.DataFrame({ customer_id: ["z", "a", "m"], frequency: [1, 2, 3] });
  const transactions = pl.DataFrame({
    customer_id: ["a", "a", "a", "z", "z", "m"],
    country: ["FR", "UK", "FR", "DE", "BE", null],
  });
  const s = segmentAttributes(features, transactions, { minShare: 0 });
  assert.deepEqual(s.categorical, ["country"]);
  assert.deepEqual(s.source, { country: "transactions" });
  // row order kept; z ties DE/BE → alphabetical BE; m has no country
  assert.deepEqual(s.table.getColumn("customer_id").toArray(), ["z", "a", "m"]);
  assert.deepEqual(s.table.getColumn("country").toArray(), ["BE", "FR", null]);
});

Deno.test("segmentAttributes() finds nothing on behaviour-only data, and checks its input", () => {
  const features = pl.DataFrame({ customer_id: ["a"], frequency: [1] });
  const s = segmentAttributes(features, pl.DataFrame({ customer_id: ["a"], order_id: ["1"] }));
  assert.deepEqual(s.categorical, []);
  assert.equal(s.table.width, 2);
  assert.throws(() => segmentAttributes(pl.DataFrame({ id: ["a"] })), TypeError);
  assert.throws(() => segmentAttributes(features, undefined, { minShare: 1 }), RangeError);
});
