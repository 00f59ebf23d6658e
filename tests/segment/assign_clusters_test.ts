import assert from "node:assert/strict";
import { assignClusters } from "@shoplab/lib/segment/assign_clusters.ts";

Deno.test("assignClusters() picks the nearest centroid, lower index on ties", () => {
  const model = { centroids: Float64Array.from([0, 0, 4, 0]), k: 2, cols: 2 };
  const x = { x: Float64Array.from([1, 1, 3, -1, 2, 5]), rows: 3, cols: 2 };
  assert.deepEqual([...assignClusters(x, model)], [0, 1, 0]);
  assert.throws(
    () => assignClusters({ x: Float64Array.from([1]), rows: 1, cols: 1 }, model),
    RangeError,
  );
  assert.equal(assignClusters({ x: new Float64Array(0), rows: 0, cols: 2 }, model).length, 0);
});
