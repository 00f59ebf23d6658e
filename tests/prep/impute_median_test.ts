import assert from "node:assert/strict";
import pl from "nodejs-polars";
import { imputeMedian } from "@shoplab/lib/prep/impute_median.ts";

Deno.test("imputeMedian() uses the middle value (mean of two for even counts)", () => {
  assert.equal(imputeMedian(pl.DataFrame({ x: [1, 2, NaN, 9, null] }), ["x"]).values.x, 2);
  assert.equal(imputeMedian(pl.DataFrame({ x: [1, 2, 9, 100] }), ["x"]).values.x, 5.5);
  const filled = imputeMedian(pl.DataFrame({ x: [1, 3, 1000] }), ["x"])
    .transform(pl.DataFrame({ x: [null, 7] }));
  assert.deepEqual(filled.getColumn("x").toArray(), [3, 7]);
});
