import assert from "node:assert/strict";
import pl from "nodejs-polars";
import { buildSequences } from "@shoplab/lib/sequences/build_sequences.ts";
import { sequenceSteps } from "@shoplab/lib/sequences/sequence_steps.ts";
import { cutoffSchedule } from "@shoplab/lib/sequences/cutoff_schedule.ts";

const d = (s: string) => new Date(s + "T00:00:00Z");

Deno.test("sequenceSteps() lays out one customer's steps × features in time order", () => {
  const transactions = pl.DataFrame({
    customer_id: ["a", "a", "b"],
    order_id: ["1", "2", "3"],
    timestamp: [d("2025-01-02"), d("2025-01-20"), d("2025-01-10")],
    item_id: ["x", "y", "x"],
    quantity: [1, 3, 1],
    unit_price: [10, 5, 10],
  });
  const asOf = d("2025-01-29");
  const s = buildSequences({ transactions }, { asOf, steps: 4, bucket: "week" });
  const rows = sequenceSteps(s.batch, 0, { asOf, bucketDays: 7 });
  assert.equal(rows.length, 4 * s.batch.features);
  const spend = rows.filter((r) => r.feature === "spend");
  // weeks start 01-01, 01-08, 01-15, 01-22: a spends 10 in week 0 and 15 in week 2
  assert.deepEqual(spend.map((r) => r.step_start), [
    "2025-01-01",
    "2025-01-08",
    "2025-01-15",
    "2025-01-22",
  ]);
  assert.deepEqual(spend.map((r) => r.value), [10, 0, 15, 0]);
  // b's first purchase is in week 1: week 0 is padding
  assert.deepEqual(
    sequenceSteps(s.batch, 1).filter((r) => r.feature === "orders").map((r) => r.observed),
    [0, 1, 1, 1],
  );
  assert.throws(() => sequenceSteps(s.batch, 2), /row must be an integer in \[0, 2\), got 2/);
});

Deno.test("cutoffSchedule() shows each label window ending before the test cut-off", () => {
  const rows = cutoffSchedule(
    [{ set: "train", cutoff: d("2025-03-01") }, { set: "validation", cutoff: d("2025-04-01") }],
    d("2025-05-01"),
    { steps: 4, bucketDays: 7, horizonDays: 30 },
  );
  assert.deepEqual(rows.map((r) => [r.set, r.history_from, r.label_to, r.days_before_test]), [
    ["train", "2025-02-01", "2025-03-30", 31],
    ["validation", "2025-03-04", "2025-04-30", 0],
    ["test", "2025-04-03", "2025-05-30", null],
  ]);
  assert.throws(
    () => cutoffSchedule([{ set: "train", cutoff: new Date(NaN) }], d("2025-05-01")),
    /invalid cut-off for "train"/,
  );
});
