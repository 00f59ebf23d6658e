import assert from "node:assert/strict";
import pl from "nodejs-polars";
import { imputeKnn } from "@shoplab/lib/prep/impute_knn.ts";
import fixtures from "../fixtures/prep_segment.json" with { type: "json" };

Deno.test("imputeKnn() matches a hand-worked NaN-Euclidean example", () => {
  // Row 3 misses b; distances on a only: |1.1 − 1|, |1.1 − 2|, |1.1 − 10| → neighbours 0, 1, 2
  const df = pl.DataFrame({ a: [1, 2, 10, 1.1], b: [1, 3, 10, null] });
  const at = (k: number) =>
    imputeKnn(df, { columns: ["a", "b"], k, standardize: false }).getColumn("b").get(3);
  assert.equal(at(1), 1);
  assert.equal(at(2), 2);
  assert.equal(at(3), 14 / 3);
  assert.equal(at(10), 14 / 3); // fewer candidates than k: all of them
});

Deno.test("imputeKnn() standardising changes the neighbours when scales differ", () => {
  // a is in units, c in thousands. Raw distances are ruled by c; standardised, a matters too.
  const df = pl.DataFrame({
    a: [0, 10, 0.2, 10],
    c: [1000, 1300, 1200, 1150],
    b: [1, 100, null, 200],
  });
  const raw = imputeKnn(df, { columns: ["a", "c", "b"], k: 1, standardize: false });
  const std = imputeKnn(df, { columns: ["a", "c", "b"], k: 1 });
  assert.equal(raw.getColumn("b").get(2), 200); // c = 1150 is closest in raw units
  assert.equal(std.getColumn("b").get(2), 1); // a = 0 is closest once a counts
});

Deno.test("imputeKnn() agrees with scikit-learn's KNNImputer to 1e-9", () => {
  const fx = fixtures.knn;
  const cols = ["c0", "c1", "c2", "c3"];
  const df = pl.DataFrame(
    Object.fromEntries(cols.map((c, j) => [c, fx.x.map((r) => r[j])])),
  );
  for (const [standardize, want] of [[false, fx.raw], [true, fx.standardized]] as const) {
    const out = imputeKnn(df, { columns: cols, k: fx.k, standardize });
    cols.forEach((c, j) => {
      const got = out.getColumn(c).toArray() as number[];
      got.forEach((v, i) => {
        const w = want[i][j] as number;
        assert.ok(Math.abs(v - w) <= 1e-9 * Math.max(1, Math.abs(w)), `${c}[${i}] ${v} vs ${w}`);
      });
    });
  }
});

Deno.test("imputeKnn() uses reference rows as donors and keeps complete rows as they are", () => {
  const train = pl.DataFrame({ a: [0, 10], b: [5, 50] });
  const test = pl.DataFrame({ a: [1, 9, 3], b: [null, null, 7] });
  const out = imputeKnn(test, { columns: ["a", "b"], k: 1, reference: train });
  assert.deepEqual(out.getColumn("b").toArray(), [5, 50, 7]);
});

Deno.test("imputeKnn() limits: no donors, empty table, bad k", () => {
  const df = pl.DataFrame({ a: [1, 2], b: [null, null] as (number | null)[] });
  assert.deepEqual(imputeKnn(df, { columns: ["a", "b"] }).getColumn("b").toArray(), [null, null]);
  assert.equal(imputeKnn(df.head(0), { columns: ["a", "b"] }).height, 0);
  assert.throws(() => imputeKnn(df, { columns: ["a"], k: 0 }), RangeError);
  assert.throws(() => imputeKnn(df, { columns: ["a"], k: 1.5 }), RangeError);
});
