import assert from "node:assert/strict";
import pl from "nodejs-polars";
import { segmentSummary } from "@shoplab/lib/segment/segment_summary.ts";

Deno.test("segmentSummary() sizes, shares and means, in rule order then by size", () => {
  const df = pl.DataFrame({
    segment: ["lost", "champions", "champions", "vip", "odd", "odd", "lost"],
    monetary: [10, 60, 30, 100, 0, 0, 0],
    frequency: [1, 5, 3, 9, 1, 1, 1],
  });
  const s = segmentSummary(df);
  assert.deepEqual(s.columns, [
    "segment",
    "customers",
    "share_customers",
    "value",
    "share_value",
    "mean_frequency",
    "mean_monetary",
  ]);
  assert.deepEqual(s.getColumn("segment").toArray(), ["champions", "lost", "odd", "vip"]);
  assert.deepEqual(s.getColumn("customers").toArray(), [2, 2, 2, 1]);
  assert.deepEqual(s.getColumn("value").toArray(), [90, 10, 0, 100]);
  assert.deepEqual(s.getColumn("share_value").toArray(), [0.45, 0.05, 0, 0.5]);
  assert.deepEqual(s.getColumn("mean_frequency").toArray(), [4, 1, 1, 9]);
  assert.equal(s.getColumn("share_customers").get(3), 1 / 7);
});

Deno.test("segmentSummary() limits: empty table, missing columns", () => {
  const e = segmentSummary(pl.DataFrame({ segment: [] as string[], monetary: [] as number[] }));
  assert.equal(e.height, 0);
  assert.throws(() => segmentSummary(pl.DataFrame({ segment: ["a"] })), /column "monetary"/);
  assert.throws(() => segmentSummary(pl.DataFrame({ monetary: [1] })), /column "segment"/);
});
