import assert from "node:assert/strict";
import pl from "nodejs-polars";
import { fitMinMaxScaler } from "@shoplab/lib/prep/min_max_scaler.ts";
import fixtures from "../fixtures/prep_segment.json" with { type: "json" };

const table = (rows: number[][]) =>
  pl.DataFrame(Object.fromEntries([0, 1, 2, 3].map((j) => [`c${j}`, rows.map((r) => r[j])])));
const cols = ["c0", "c1", "c2", "c3"];

Deno.test("fitMinMaxScaler() maps train min/max to [0, 1] and [-1, 1]; no clipping", () => {
  const train = pl.DataFrame({ x: [10, 20, 30] });
  const s = fitMinMaxScaler(train, ["x"]);
  assert.deepEqual(s.transform(train).getColumn("x").toArray(), [0, 0.5, 1]);
  const pm = fitMinMaxScaler(train, ["x"], { range: [-1, 1] });
  assert.deepEqual(pm.transform(pl.DataFrame({ x: [10, 40] })).getColumn("x").toArray(), [-1, 2]);
  assert.deepEqual(
    pm.inverseTransform(pl.DataFrame({ x: [-1, 2] })).getColumn("x").toArray(),
    [10, 40],
  );
  assert.throws(() => fitMinMaxScaler(train, ["x"], { range: [1, 1] }), RangeError);
});

Deno.test("fitMinMaxScaler() agrees with scikit-learn's MinMaxScaler to 1e-9 (constant columns too)", () => {
  const fx = fixtures.scalers;
  for (const [range, want] of [[[0, 1], fx.minmax01_test], [[-1, 1], fx.minmax11_test]] as const) {
    const s = fitMinMaxScaler(table(fx.train as number[][]), cols, { range });
    const out = s.transform(table(fx.test as number[][]));
    cols.forEach((c, j) =>
      (out.getColumn(c).toArray() as number[]).forEach((v, i) =>
        assert.ok(Math.abs(v - (want[i][j] as number)) < 1e-9, `${range} ${c}[${i}]`)
      )
    );
  }
});

Deno.test("fitMinMaxScaler() refuses the label and all-missing columns", () => {
  const df = pl.DataFrame({ x: [1, 2], y: [0, 1], m: [null, null] as (number | null)[] });
  assert.throws(() => fitMinMaxScaler(df, ["y"], { label: "y" }), TypeError);
  assert.throws(() => fitMinMaxScaler(df, ["m"]), /no values/);
});
