import assert from "node:assert/strict";
import pl from "nodejs-polars";
import { RFM_SEGMENT_RULES, RFM_SEGMENTS, rfmSegments } from "@shoplab/lib/segment/rfm_segments.ts";

// The grid written out by hand, row R = 5 first, columns F = 1 … 5.
const GRID = [
  ["new customers", "potential loyalists", "potential loyalists", "champions", "champions"],
  ["promising", "potential loyalists", "potential loyalists", "loyal customers", "loyal customers"],
  ["about to sleep", "about to sleep", "need attention", "loyal customers", "loyal customers"],
  ["hibernating", "hibernating", "at risk", "at risk", "can't lose them"],
  ["lost", "hibernating", "at risk", "at risk", "can't lose them"],
];

Deno.test("rfmSegments() names every cell of the 5 × 5 grid as the table says", () => {
  const r: number[] = [], f: number[] = [], want: string[] = [];
  GRID.forEach((row, i) =>
    row.forEach((seg, j) => {
      r.push(5 - i);
      f.push(j + 1);
      want.push(seg);
    })
  );
  const out = rfmSegments(pl.DataFrame({ r_score: r, f_score: f }));
  assert.deepEqual(out.getColumn("segment").toArray(), want);
  assert.equal(RFM_SEGMENT_RULES.length, 11);
  assert.deepEqual(new Set(want).size, 11);
  assert.deepEqual([...RFM_SEGMENTS].sort(), [...new Set(want)].sort());
});

Deno.test("rfmSegments() with frequencyScore fm averages F and M, rounding half up", () => {
  const s = pl.DataFrame({ r_score: [5, 5], f_score: [3, 1], m_score: [4, 2] });
  // (3 + 4) / 2 = 3.5 → 4 → champions; (1 + 2) / 2 = 1.5 → 2 → potential loyalists
  assert.deepEqual(
    rfmSegments(s, { frequencyScore: "fm" }).getColumn("segment").toArray(),
    ["champions", "potential loyalists"],
  );
  assert.deepEqual(rfmSegments(s).getColumn("segment").toArray(), [
    "potential loyalists",
    "new customers",
  ]);
});

Deno.test("rfmSegments() refuses scores outside the rules; custom rules and column", () => {
  assert.throws(() => rfmSegments(pl.DataFrame({ r_score: [10], f_score: [1] })), /match no rule/);
  const out = rfmSegments(pl.DataFrame({ r_score: [1, 2], f_score: [1, 2] }), {
    rules: [{ segment: "low", r: [1, 1], f: [1, 9], description: "" }, {
      segment: "rest",
      r: [1, 9],
      f: [1, 9],
      description: "",
    }],
    column: "group",
  });
  assert.deepEqual(out.getColumn("group").toArray(), ["low", "rest"]);
  assert.throws(() => rfmSegments(pl.DataFrame({ r_score: [1] })), /column "f_score"/);
  assert.equal(
    rfmSegments(pl.DataFrame({ r_score: [] as number[], f_score: [] as number[] })).height,
    0,
  );
});
