import assert from "node:assert/strict";
import pl from "nodejs-polars";
import { oneHot } from "@shoplab/lib/prep/one_hot.ts";

Deno.test("oneHot() keeps train columns on test; unknown → zeros; missing → its own column", () => {
  const enc = oneHot(pl.DataFrame({ c: ["x", "y", null], v: [1, 2, 3] }), ["c"]);
  assert.deepEqual(enc.outputColumns, ["c_x", "c_y", "c_missing"]);
  const out = enc.transform(pl.DataFrame({ c: ["y", "z", null], v: [4, 5, 6] }));
  assert.deepEqual(out.columns, ["v", "c_x", "c_y", "c_missing"]);
  assert.deepEqual(out.getColumn("c_x").toArray(), [0, 0, 0]);
  assert.deepEqual(out.getColumn("c_y").toArray(), [1, 0, 0]);
  assert.deepEqual(out.getColumn("c_missing").toArray(), [0, 0, 1]);
  assert.match(String(out.getColumn("c_y").dtype), /Float64/);
});

Deno.test("oneHot() options: dropFirst, fixed categories, missing as zeros", () => {
  const df = pl.DataFrame({ c: ["b", "a", "c", null] });
  assert.deepEqual(oneHot(df, ["c"], { dropFirst: true }).outputColumns, [
    "c_b",
    "c_c",
    "c_missing",
  ]);
  const fixed = oneHot(df, ["c"], { categories: { c: ["c", "a"] }, missing: "zeros" });
  assert.deepEqual(fixed.outputColumns, ["c_c", "c_a"]);
  const out = fixed.transform(df);
  assert.deepEqual(out.getColumn("c_c").toArray(), [0, 0, 1, 0]);
  assert.deepEqual(out.getColumn("c_a").toArray(), [0, 1, 0, 0]);
});

Deno.test("oneHot() encodes several and numeric columns, and no missing column without nulls", () => {
  const df = pl.DataFrame({ g: ["f", "m"], band: [1, 2], keep: [0.5, 0.7] });
  const out = oneHot(df, ["g", "band"]).transform(df);
  assert.deepEqual(out.columns, ["keep", "g_f", "g_m", "band_1", "band_2"]);
  assert.deepEqual(out.getColumn("band_2").toArray(), [0, 1]);
  const later = oneHot(df, ["band"]).transform(pl.DataFrame({ band: [2, 1.5] }));
  assert.deepEqual(later.getColumn("band_1").toArray(), [0, 0]); // 1.5 is unknown, not 1
});

Deno.test("oneHot() limits: empty table, a real category called missing, missing column", () => {
  const empty = oneHot(pl.DataFrame({ c: [] as string[] }), ["c"]);
  assert.deepEqual(empty.outputColumns, []);
  const enc = oneHot(pl.DataFrame({ c: ["missing", null] }), ["c"]);
  assert.deepEqual(enc.outputColumns, ["c_missing", "_c_missing"]);
  assert.throws(() => oneHot(pl.DataFrame({ c: ["a"] }), ["gender"]), /column "gender"/);
});
