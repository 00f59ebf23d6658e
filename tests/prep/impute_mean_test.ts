import assert from "node:assert/strict";
import pl from "nodejs-polars";
import { imputeMean } from "@shoplab/lib/prep/impute_mean.ts";

Deno.test("imputeMean() learns on train (ignoring null and NaN) and fills another table", () => {
  const imp = imputeMean(pl.DataFrame({ x: [1, 2, NaN, 9, null], y: [1, 1, 1, 1, 1] }), ["x"]);
  assert.equal(imp.values.x, 4);
  const out = imp.transform(pl.DataFrame({ x: [null, 7, NaN], y: [null, 2, 3] }));
  assert.deepEqual(out.getColumn("x").toArray(), [4, 7, 4]);
  assert.deepEqual(out.getColumn("y").toArray(), [null, 2, 3]); // not a fitted column
});

Deno.test("imputeMean() refuses a column with no values, and a string column", () => {
  assert.throws(
    () => imputeMean(pl.DataFrame({ x: [null, null] as (number | null)[] }), ["x"]),
    /no values/,
  );
  assert.throws(() => imputeMean(pl.DataFrame({ x: [] as number[] }), ["x"]), RangeError);
  assert.throws(() => imputeMean(pl.DataFrame({ s: ["a"] }), ["s"]), TypeError);
  assert.throws(() => imputeMean(pl.DataFrame({ x: [1] }), ["nope"]), /column "nope"/);
});

Deno.test("imputeMean() works on a one-row table", () => {
  const imp = imputeMean(pl.DataFrame({ x: [3] }), ["x"]);
  assert.deepEqual(
    imp.transform(pl.DataFrame({ x: [null] as (number | null)[] })).getColumn("x").toArray(),
    [3],
  );
});
