import assert from "node:assert/strict";
import pl from "nodejs-polars";
import { dropDuplicates } from "@shoplab/lib/prep/drop_duplicates.ts";

Deno.test("dropDuplicates() removes whole-row duplicates, keeping the first and the order", () => {
  const df = pl.DataFrame({ id: ["b", "a", "b", "a", "c"], v: [1, 2, 1, 3, null] });
  const r = dropDuplicates(df);
  assert.equal(r.removed, 1);
  assert.deepEqual(r.table.getColumn("id").toArray(), ["b", "a", "a", "c"]);
  assert.deepEqual(r.table.getColumn("v").toArray(), [1, 2, 3, null]);
});

Deno.test("dropDuplicates() by key columns keeps first, last or none", () => {
  const df = pl.DataFrame({ id: ["b", "a", "b", "a"], v: [1, 2, 5, 3] });
  assert.deepEqual(dropDuplicates(df, { subset: ["id"] }).table.getColumn("v").toArray(), [1, 2]);
  assert.deepEqual(
    dropDuplicates(df, { subset: ["id"], keep: "last" }).table.getColumn("v").toArray(),
    [5, 3],
  );
  const none = dropDuplicates(df.vstack(pl.DataFrame({ id: ["z"], v: [9] })), {
    subset: ["id"],
    keep: "none",
  });
  assert.deepEqual(none.table.getColumn("id").toArray(), ["z"]);
  assert.equal(none.removed, 4);
});

Deno.test("dropDuplicates() treats nulls as equal and handles empty and one-row tables", () => {
  const df = pl.DataFrame({ id: [null, null, "a"] as (string | null)[], v: [1, 1, 1] });
  assert.equal(dropDuplicates(df).removed, 1);
  assert.equal(dropDuplicates(df.head(0)).removed, 0);
  assert.equal(dropDuplicates(df.head(1)).table.height, 1);
});

Deno.test("dropDuplicates() names a missing key column", () => {
  const df = pl.DataFrame({ id: ["a"] });
  assert.throws(() => dropDuplicates(df, { subset: ["order_id"] }), /column "order_id"/);
});
