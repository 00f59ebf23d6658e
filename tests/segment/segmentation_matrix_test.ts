import assert from "node:assert/strict";
import pl from "nodejs-polars";
import { segmentationMatrix } from "@shoplab/lib/segment/segmentation_matrix.ts";

const table = pl.DataFrame({
  customer_id: ["a", "b", "c", "d"],
  monetary: [10, 1000, 100, null],
  frequency: [1, 9, 3, 2],
  gender: ["f", "m", null, "f"],
  country: ["UK", "FR", "UK", "DE"],
});

Deno.test("segmentationMatrix() standardises numeric columns and one-hot encodes categoricals", () => {
  const s = segmentationMatrix(table, {
    numeric: ["monetary", "frequency"],
    categorical: ["gender", "country"],
  });
  assert.deepEqual(s.columns, [
    "monetary",
    "frequency",
    "gender_f",
    "gender_m",
    "gender_missing",
    "country_DE",
    "country_FR",
    "country_UK",
  ]);
  assert.equal(s.matrix.rows, 4);
  assert.equal(s.matrix.cols, 8);
  assert.equal(s.filled.monetary, 100); // median of 10, 100, 1000
  // numeric columns: mean 0, population sd 1
  for (const j of [0, 1]) {
    const col = Array.from({ length: 4 }, (_, i) => s.matrix.x[i * 8 + j]);
    const mean = col.reduce((a, b) => a + b, 0) / 4;
    const sd = Math.sqrt(col.reduce((a, b) => a + (b - mean) ** 2, 0) / 4);
    assert.ok(Math.abs(mean) < 1e-12 && Math.abs(sd - 1) < 1e-12);
  }
  // indicators stay 0/1: row c has no gender, lives in the UK
  assert.deepEqual(Array.from(s.matrix.x.subarray(2 * 8 + 2, 3 * 8)), [0, 0, 1, 0, 0, 1]);
  // the fitted steps apply to new rows the same way
  const again = s.transform(table);
  assert.deepEqual(again.x, s.matrix.x);
  const fresh = s.transform(pl.DataFrame({
    monetary: [100],
    frequency: [3.75],
    gender: ["x"],
    country: ["UK"],
  }));
  assert.deepEqual(Array.from(fresh.x.subarray(2)), [0, 0, 0, 0, 0, 1]);
  assert.ok(Math.abs(fresh.x[1]) < 1e-12); // 3.75 is the training mean of frequency
});

Deno.test("segmentationMatrix() refuses raw text in a numeric column, the source article's pitfall", () => {
  assert.throws(
    () => segmentationMatrix(table, { numeric: ["monetary", "gender"] }),
    (e: unknown) =>
      e instanceof TypeError && /column "gender" holds text \("f", "m", "f"\)/.test(e.message) &&
      /categorical/.test(e.message),
  );
  assert.throws(() => segmentationMatrix(table, { numeric: [] }), RangeError);
  assert.throws(
    () => segmentationMatrix(table, { numeric: ["nope"] }),
    /"nope" is not in the table/,
  );
  assert.throws(
    () => segmentationMatrix(table, { numeric: ["frequency"], log: ["monetary"] }),
    RangeError,
  );
});

Deno.test("segmentationMatrix() log-compresses heavy tails and weights indicators", () => {
  const s = segmentationMatrix(table, {
    numeric: ["monetary"],
    categorical: ["gender"],
    log: ["monetary"],
    indicatorWeight: 0.5,
  });
  const logs = [10, 1000, 100, 100].map((v) => Math.log1p(v));
  const mean = logs.reduce((a, b) => a + b, 0) / 4;
  const sd = Math.sqrt(logs.reduce((a, b) => a + (b - mean) ** 2, 0) / 4);
  for (let i = 0; i < 4; i++) {
    assert.ok(Math.abs(s.matrix.x[i * 4] - (logs[i] - mean) / sd) < 1e-12);
  }
  assert.deepEqual(Array.from(s.matrix.x.subarray(1, 4)), [0.5, 0, 0]);
  const neg = segmentationMatrix(pl.DataFrame({ v: [-9, 0, 9] }), { numeric: ["v"], log: ["v"] });
  assert.ok(Math.abs(neg.matrix.x[0] + neg.matrix.x[2]) < 1e-12); // sign-symmetric
  assert.equal(table.getColumn("monetary").get(3), null); // input not mutated
});
