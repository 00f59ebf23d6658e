import assert from "node:assert/strict";
import { popularity } from "@shoplab/lib/recommend/popularity.ts";
import { interactionsFromArrays } from "@shoplab/lib/recommend/interactions_from_arrays.ts";
import { MS_PER_DAY } from "@shoplab/lib/core/constants.ts";

const D = MS_PER_DAY;
// item 0: 3 users long ago; item 1: 2 users in the last week; item 2: 1 user last week
const TRAIN = interactionsFromArrays({
  users: [0, 1, 2, 0, 3, 4],
  items: [0, 0, 0, 1, 1, 2],
  timestamps: [1 * D, 2 * D, 3 * D, 95 * D, 98 * D, 99 * D],
});

Deno.test("popularity() ranks by distinct users and excludes what the user has", async () => {
  const m = await popularity().fit(TRAIN);
  assert.deepEqual([...m.counts], [3, 2, 1]);
  assert.deepEqual(m.recommend([4], { k: 3 })[0].items.map((x) => x.item), [0, 1]);
  assert.deepEqual(m.recommend([0], { k: 3 })[0].items.map((x) => x.item), [2]);
  assert.equal(m.name, "popularity");
});

Deno.test("popularity({ recentDays }) counts only the window before asOf", async () => {
  const recent = await popularity({ recentDays: 30 }).fit(TRAIN); // asOf = latest time, day 99
  assert.deepEqual([...recent.counts], [0, 2, 1]);
  assert.equal(recent.name, "popularity-30d");
  const early = await popularity({ recentDays: 10, asOf: 5 * D }).fit(TRAIN);
  assert.deepEqual([...early.counts], [3, 0, 0]);
  const noTime = interactionsFromArrays({ users: [0], items: [0] });
  await assert.rejects(popularity({ recentDays: 7 }).fit(noTime), TypeError);
});
