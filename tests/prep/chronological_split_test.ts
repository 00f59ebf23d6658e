import assert from "node:assert/strict";
import pl from "nodejs-polars";
import { chronologicalSplit } from "@shoplab/lib/prep/chronological_split.ts";
import { splitSummary } from "@shoplab/lib/prep/split_summary.ts";

Deno.test("chronologicalSplit() with fractions keeps every test row after every train row", () => {
  const df = pl.DataFrame({ t: Array.from({ length: 100 }, (_, i) => (i * 37) % 100) });
  const s = chronologicalSplit(df, { time: "t", fractions: [0.6, 0.2, 0.2] });
  assert.deepEqual([s.train.height, s.validation.height, s.test.height], [60, 20, 20]);
  assert.equal(s.train.getColumn("t").max(), 59);
  assert.equal(s.validation.getColumn("t").min(), 60);
  assert.equal(s.test.getColumn("t").min(), 80);
});

Deno.test("chronologicalSplit() with Date cut-offs on a Datetime column; ties go later", () => {
  const day = (d: number) => new Date(Date.UTC(2025, 0, d));
  const df = pl.DataFrame({ t: [day(5), day(1), day(10), day(10), day(20)], v: [1, 2, 3, 4, 5] });
  const s = chronologicalSplit(df, { time: "t", cutoffs: [day(10), day(15)] });
  assert.deepEqual(s.train.getColumn("v").toArray(), [2, 1]);
  assert.deepEqual(s.validation.getColumn("v").toArray(), [3, 4]);
  assert.deepEqual(s.test.getColumn("v").toArray(), [5]);
  // Fractions with repeated times: the cut time goes wholly to the later part.
  const f = chronologicalSplit(df, { time: "t", fractions: [0.4, 0.4, 0.2] });
  assert.deepEqual([f.train.height, f.validation.height, f.test.height], [2, 2, 1]);
});

Deno.test("chronologicalSplit() limits: order of cut-offs, empty table, zero fractions", () => {
  const df = pl.DataFrame({ t: [1, 2, 3] });
  assert.throws(() => chronologicalSplit(df, { time: "t", cutoffs: [3, 1] }), RangeError);
  const e = chronologicalSplit(df.head(0), { time: "t" });
  assert.equal(e.train.height + e.validation.height + e.test.height, 0);
  const all = chronologicalSplit(df, { time: "t", fractions: [1, 0, 0] });
  assert.deepEqual([all.train.height, all.validation.height, all.test.height], [3, 0, 0]);
  assert.throws(() => chronologicalSplit(df, { time: "ts" }), /column "ts"/);
});

Deno.test("splitSummary() shows that chronological parts do not overlap in time", () => {
  const day = (d: number) => new Date(Date.UTC(2025, 0, d));
  const df = pl.DataFrame({ t: [day(1), day(2), day(3), day(4), day(5)] });
  const rows = splitSummary(chronologicalSplit(df, { time: "t", cutoffs: [day(3), day(5)] }), "t");
  assert.deepEqual(rows, [
    { part: "train", rows: 2, first: day(1), last: day(2) },
    { part: "validation", rows: 2, first: day(3), last: day(4) },
    { part: "test", rows: 1, first: day(5), last: day(5) },
  ]);
});
