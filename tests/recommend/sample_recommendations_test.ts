import assert from "node:assert/strict";
import { sampleRecommendations } from "@shoplab/lib/recommend/sample_recommendations.ts";
import { itemKnn } from "@shoplab/lib/recommend/item_knn.ts";
import { popularity } from "@shoplab/lib/recommend/popularity.ts";
import { interactionsFromArrays } from "@shoplab/lib/recommend/interactions_from_arrays.ts";

const LABELS = ["mug", "teapot", "saucer", "lamp"];
// ann bought mug (day 1) then teapot (day 2); bob: mug, saucer; cy: teapot, saucer, lamp
const train = interactionsFromArrays(
  { users: [0, 0, 1, 1, 2, 2, 2], items: [0, 1, 0, 2, 1, 2, 3], timestamps: [1, 2, 1, 1, 1, 1, 1] },
  { userIds: ["ann", "bob", "cy"], itemLabels: LABELS },
);

Deno.test("sampleRecommendations() puts history (latest first) beside recommendations and reasons", async () => {
  const model = await itemKnn().fit(train);
  const rows = sampleRecommendations(model, ["ann"], { k: 2 });
  assert.deepEqual(rows.map((r) => [r.rank, r.history]), [[1, "teapot"], [2, "mug"]]);
  // ann has mug and teapot: saucer (shared with both) then lamp; seen items never appear
  assert.deepEqual(rows.map((r) => r.recommended), ["saucer", "lamp"]);
  assert.ok(rows.every((r) => r.why.startsWith("Because you bought ")));
  assert.ok(!("bought later" in rows[0]));
});

Deno.test("sampleRecommendations() marks what was bought later and pads short lists", async () => {
  const test = interactionsFromArrays({ users: [0], items: [3] }, { nUsers: 3, nItems: 4 });
  const model = await popularity().fit(train);
  const rows = sampleRecommendations(model, [0, 2], { k: 3, test });
  // ann: 2 unseen items (saucer, lamp) but history 2 → two rows; cy: 3 items in history, 1 unseen
  assert.deepEqual(rows.map((r) => [r.customer, r.recommended, r["bought later"]]), [
    ["ann", "saucer", "no"],
    ["ann", "lamp", "yes"],
    ["cy", "mug", "no"],
    ["cy", "", ""],
    ["cy", "", ""],
  ]);
  assert.deepEqual(rows.filter((r) => r.customer === "cy").map((r) => r.history).sort(), [
    "lamp",
    "saucer",
    "teapot",
  ]);
  assert.throws(() => sampleRecommendations(model, ["zed"]), RangeError);
  assert.throws(() => sampleRecommendations(model, [0], { k: 0 }), RangeError);
  const other = interactionsFromArrays({ users: [0], items: [0] });
  assert.throws(() => sampleRecommendations(model, [0], { test: other }), RangeError);
});
