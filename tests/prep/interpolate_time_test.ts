import assert from "node:assert/strict";
import pl from "nodejs-polars";
import { interpolateTime } from "@shoplab/lib/prep/interpolate_time.ts";

Deno.test("interpolateTime() interpolates linearly in time, not in row position", () => {
  const df = pl.DataFrame({ t: [10, 0, 1, 3, 4], y: [null, 0, null, 6, NaN] });
  const out = interpolateTime(df, { time: "t", columns: ["y"] });
  // sorted t = 0, 1, 3, 4, 10 → y(1) = 2; trailing gaps stay missing
  assert.deepEqual(out.getColumn("t").toArray(), [0, 1, 3, 4, 10]);
  assert.deepEqual(out.getColumn("y").toArray(), [0, 2, 6, null, null]);
});

Deno.test("interpolateTime() works on Datetime columns, several gaps and groups", () => {
  const day = (d: number) => new Date(Date.UTC(2025, 0, d));
  const df = pl.DataFrame({
    g: ["a", "a", "a", "a", "b", "b", "b"],
    t: [day(1), day(2), day(5), day(11), day(1), day(3), day(4)],
    y: [null, 10, null, 40, 1, null, 4],
  });
  const out = interpolateTime(df, { time: "t", columns: ["y"], by: "g" });
  // a: leading gap stays; day 5 = 10 + 30·3/9 = 20. b: day 3 = 1 + 3·2/3 = 3.
  assert.deepEqual(out.getColumn("y").toArray(), [null, 10, 20, 40, 1, 3, 4]);
});

Deno.test("interpolateTime() keeps all-missing columns missing and empty tables empty", () => {
  const df = pl.DataFrame({ t: [1, 2], y: [null, null] as (number | null)[] });
  assert.deepEqual(
    interpolateTime(df, { time: "t", columns: ["y"] }).getColumn("y").toArray(),
    [null, null],
  );
  assert.equal(interpolateTime(df.head(0), { time: "t", columns: ["y"] }).height, 0);
  assert.throws(() => interpolateTime(df, { time: "when", columns: ["y"] }), /column "when"/);
});
