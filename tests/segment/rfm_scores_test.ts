import assert from "node:assert/strict";
import pl from "nodejs-polars";
import { rfmScores } from "@shoplab/lib/segment/rfm_scores.ts";
import { fixtures } from "./_fixtures.ts";

const table = () =>
  pl.DataFrame({
    customer_id: fixtures.rfm.customer_id,
    recency_days: fixtures.rfm.recency_days,
    frequency: fixtures.rfm.frequency,
    monetary: fixtures.rfm.frequency.map((f, i) => f * 10 + i),
  });

Deno.test("rfmScores() equals the pandas idiom qcut(rank(method='first'), 5) with ties", () => {
  const s = rfmScores(table());
  assert.deepEqual(s.getColumn("r_score").toArray(), fixtures.rfm.r_score);
  assert.deepEqual(s.getColumn("f_score").toArray(), fixtures.rfm.f_score);
});

Deno.test("rfmScores() breaks ties by id, so row order does not matter", () => {
  const a = rfmScores(table());
  const b = rfmScores(table().sample(23, undefined, false, 5)).sort("customer_id");
  assert.ok(
    a.select("customer_id", "r_score", "f_score", "m_score").frameEqual(
      b.select("customer_id", "r_score", "f_score", "m_score"),
    ),
  );
});

Deno.test("rfmScores() hand example: sizes per score, cells and totals", () => {
  const n = 10;
  const df = pl.DataFrame({
    customer_id: Array.from({ length: n }, (_, i) => `c${i}`),
    recency_days: Array.from({ length: n }, (_, i) => i),
    frequency: [1, 1, 1, 1, 1, 1, 2, 2, 3, 9],
    monetary: Array.from({ length: n }, (_, i) => 100 - i),
  });
  const s = rfmScores(df);
  assert.deepEqual(s.getColumn("r_score").toArray(), [5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
  assert.deepEqual(s.getColumn("f_score").toArray(), [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  assert.deepEqual(s.getColumn("m_score").toArray(), [5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
  assert.equal(s.getColumn("rfm_cell").get(0), "515");
  assert.equal(s.getColumn("rfm_total").get(9), 7);
  // ties together: the six one-order customers share the lowest score.
  const t = rfmScores(df, { ties: "together" });
  assert.deepEqual(t.getColumn("f_score").toArray(), [1, 1, 1, 1, 1, 1, 4, 4, 5, 5]);
  // 3 bins
  assert.deepEqual(
    rfmScores(df, { bins: 3 }).getColumn("m_score").toArray(),
    [3, 3, 3, 2, 2, 2, 1, 1, 1, 1], // rank edges 1, 4, 7, 10: ranks 1–4 → 1, 5–7 → 2, 8–10 → 3
  );
});

Deno.test("rfmScores() limits: one row, empty table, missing values, bad bins", () => {
  const one = rfmScores(table().head(1));
  assert.deepEqual(one.getColumn("rfm_cell").toArray(), ["333"]);
  assert.equal(rfmScores(table().head(0)).height, 0);
  const gap = table().withColumns(pl.lit(null).cast(pl.Float64).alias("monetary"));
  assert.throws(() => rfmScores(gap), /"monetary" has 23 missing/);
  assert.throws(() => rfmScores(table(), { bins: 1 }), RangeError);
  assert.throws(() => rfmScores(table().drop("frequency")), /column "frequency"/);
});
