import assert from "node:assert/strict";
import pl from "nodejs-polars";
import { randomSplit } from "@shoplab/lib/prep/random_split.ts";

const df = pl.DataFrame({
  i: Array.from({ length: 200 }, (_, i) => i),
  y: Array.from({ length: 200 }, (_, i) => (i < 40 ? 1 : 0)),
});

Deno.test("randomSplit() is seeded, complete, disjoint and in original order", () => {
  const a = randomSplit(df, { seed: 3 });
  const b = randomSplit(df, { seed: 3 });
  const c = randomSplit(df, { seed: 4 });
  assert.deepEqual(a.test.getColumn("i").toArray(), b.test.getColumn("i").toArray());
  assert.notDeepEqual(a.test.getColumn("i").toArray(), c.test.getColumn("i").toArray());
  assert.deepEqual([a.train.height, a.validation.height, a.test.height], [140, 30, 30]);
  const all = [a.train, a.validation, a.test].flatMap((p) =>
    p.getColumn("i").toArray() as number[]
  );
  assert.deepEqual([...all].sort((x, y) => x - y), Array.from({ length: 200 }, (_, i) => i));
  const t = a.train.getColumn("i").toArray() as number[];
  assert.deepEqual(t, [...t].sort((x, y) => x - y));
  assert.deepEqual(a.train.columns, ["i", "y"]);
});

Deno.test("randomSplit() with stratify keeps the class shares in every part", () => {
  const s = randomSplit(df, { seed: 3, stratify: "y" });
  assert.equal(s.train.getColumn("y").sum(), 28); // 70 % of 40 positives
  assert.equal(s.validation.getColumn("y").sum(), 6);
  assert.equal(s.test.getColumn("y").sum(), 6);
});

Deno.test("randomSplit() limits: bad fractions, empty and one-row tables, missing column", () => {
  assert.throws(() => randomSplit(df, { fractions: [0.5, 0.5, 0.5] }), RangeError);
  assert.throws(() => randomSplit(df, { fractions: [1.2, -0.1, -0.1] }), RangeError);
  const e = randomSplit(df.head(0));
  assert.deepEqual([e.train.height, e.validation.height, e.test.height], [0, 0, 0]);
  const one = randomSplit(df.head(1));
  assert.equal(one.train.height + one.validation.height + one.test.height, 1);
  assert.throws(() => randomSplit(df, { stratify: "label" }), /column "label"/);
});
