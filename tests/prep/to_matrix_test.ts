import assert from "node:assert/strict";
import pl from "nodejs-polars";
import { toMatrix } from "@shoplab/lib/prep/to_matrix.ts";

Deno.test("toMatrix() copies columns row-major, numbers and booleans alike", () => {
  const df = pl.DataFrame({
    a: [1, 2, 3],
    b: [true, false, true],
    c: pl.Series("c", [7, 8, 9], pl.Int32),
  });
  const m = toMatrix(df, ["c", "a", "b"]);
  assert.deepEqual([...m.x], [7, 1, 1, 8, 2, 0, 9, 3, 1]);
  assert.deepEqual([m.rows, m.cols], [3, 3]);
  assert.deepEqual(m.columns, ["c", "a", "b"]);
});

Deno.test("toMatrix() names the column and row of a missing value, or keeps NaN on request", () => {
  const df = pl.DataFrame({ a: [1, 2, 3], b: [1, null, NaN] });
  assert.throws(() => toMatrix(df, ["a", "b"]), /column "b" has a missing value at row 1/);
  const m = toMatrix(df, ["a", "b"], { missing: "nan" });
  assert.ok(Number.isNaN(m.x[3]) && Number.isNaN(m.x[5]));
  assert.throws(() => toMatrix(pl.DataFrame({ g: ["f"] }), ["g"]), /oneHot/);
});

Deno.test("toMatrix() handles empty tables and no columns", () => {
  const m = toMatrix(pl.DataFrame({ a: [] as number[] }), ["a"]);
  assert.deepEqual([m.rows, m.cols, m.x.length], [0, 1, 0]);
  assert.equal(toMatrix(pl.DataFrame({ a: [1] }), []).x.length, 0);
});
