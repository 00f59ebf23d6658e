import assert from "node:assert/strict";
import pl from "nodejs-polars";
import { missingSummary } from "@shoplab/lib/prep/missing_summary.ts";

Deno.test("missingSummary() counts nulls, and NaN in float columns", () => {
  const rows = missingSummary(pl.DataFrame({ a: [1, null, NaN, 4], s: ["x", null, "y", "z"] }));
  assert.deepEqual(rows, [
    { column: "a", missing: 2, share: 0.5 },
    { column: "s", missing: 1, share: 0.25 },
  ]);
  assert.deepEqual(missingSummary(pl.DataFrame({ a: [] as number[] })), [
    { column: "a", missing: 0, share: 0 },
  ]);
});
