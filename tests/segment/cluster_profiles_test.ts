import assert from "node:assert/strict";
import pl from "nodejs-polars";
import { clusterProfiles } from "@shoplab/lib/segment/cluster_profiles.ts";

Deno.test("clusterProfiles() gives size, share and column means per cluster", () => {
  const df = pl.DataFrame({ spend: [10, 20, 100, 300, null], days: [1, 3, 5, 7, 9] });
  const p = clusterProfiles(df, [2, 2, 0, 0, 0], ["spend", "days"]);
  assert.deepEqual(p.columns, ["cluster", "size", "share", "spend", "days"]);
  assert.deepEqual(p.getColumn("cluster").toArray(), [0, 2]);
  assert.deepEqual(p.getColumn("size").toArray(), [3, 2]);
  const share = p.getColumn("share").toArray() as number[];
  assert.ok(Math.abs(share[0] - 0.6) < 1e-15 && Math.abs(share[1] - 0.4) < 1e-15);
  assert.deepEqual(p.getColumn("spend").toArray(), [200, 15]); // null ignored
  assert.deepEqual(p.getColumn("days").toArray(), [7, 2]);
});

Deno.test("clusterProfiles() limits: length mismatch, strings, empty", () => {
  const df = pl.DataFrame({ spend: [1, 2], g: ["f", "m"] });
  assert.throws(() => clusterProfiles(df, [0], ["spend"]), RangeError);
  assert.throws(() => clusterProfiles(df, [0, 1], ["g"]), TypeError);
  assert.equal(clusterProfiles(df.head(0), [], ["spend"]).height, 0);
  assert.deepEqual(
    clusterProfiles(df, [0, 1], ["spend"], { clusterColumn: "segment" }).columns[0],
    "segment",
  );
});
