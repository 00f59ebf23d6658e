import assert from "node:assert/strict";
import pl from "nodejs-polars";
import { fitStandardScaler } from "@shoplab/lib/prep/standard_scaler.ts";
import fixtures from "../fixtures/prep_segment.json" with { type: "json" };

const table = (rows: number[][]) =>
  pl.DataFrame(Object.fromEntries([0, 1, 2, 3].map((j) => [`c${j}`, rows.map((r) => r[j])])));
const cols = ["c0", "c1", "c2", "c3"];

Deno.test("fitStandardScaler() uses the population std and maps constant columns to 0", () => {
  const s = fitStandardScaler(
    pl.DataFrame({ x: [2, 4, 4, 4, 5, 5, 7, 9], k: [3, 3, 3, 3, 3, 3, 3, 3] }),
    ["x", "k"],
  );
  assert.equal(s.center.x, 5);
  assert.equal(s.scale.x, 2);
  assert.equal(s.scale.k, 1);
  const out = s.transform(pl.DataFrame({ x: [5, 9, null], k: [3, 4, 3] }));
  assert.deepEqual(out.getColumn("x").toArray(), [0, 2, null]);
  assert.deepEqual(out.getColumn("k").toArray(), [0, 1, 0]);
  assert.deepEqual(s.inverseTransform(out).getColumn("x").toArray(), [5, 9, null]);
});

Deno.test("fitStandardScaler() agrees with scikit-learn's StandardScaler to 1e-9", () => {
  const fx = fixtures.scalers;
  const s = fitStandardScaler(table(fx.train as number[][]), cols);
  cols.forEach((c, j) => {
    assert.ok(Math.abs(s.center[c] - fx.standard_mean[j]) < 1e-9);
    assert.ok(Math.abs(s.scale[c] - fx.standard_scale[j]) < 1e-9, `${c} scale`);
  });
  const out = s.transform(table(fx.test as number[][]));
  cols.forEach((c, j) =>
    (out.getColumn(c).toArray() as number[]).forEach((v, i) =>
      assert.ok(Math.abs(v - (fx.standard_test[i][j] as number)) < 1e-9, `${c}[${i}]`)
    )
  );
});

Deno.test("fitStandardScaler() refuses the label, empty columns and strings", () => {
  const df = pl.DataFrame({ x: [1, 2], churn: [0, 1], s: ["a", "b"] });
  assert.throws(() => fitStandardScaler(df, ["x", "churn"], { label: "churn" }), /label/);
  assert.throws(() => fitStandardScaler(df.head(0), ["x"]), RangeError);
  assert.throws(() => fitStandardScaler(df, ["s"]), /oneHot/);
  // One row: std 0 → scale 1, value maps to 0.
  const one = fitStandardScaler(df.head(1), ["x"]);
  assert.deepEqual(one.transform(df).getColumn("x").toArray(), [0, 1]);
});
