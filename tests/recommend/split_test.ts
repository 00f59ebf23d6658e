import assert from "node:assert/strict";
import pl from "nodejs-polars";
import { chronologicalSplit } from "@shoplab/lib/recommend/chronological_split.ts";
import { randomSplit } from "@shoplab/lib/recommend/random_split.ts";
import { leaveLastOutSplit } from "@shoplab/lib/recommend/leave_last_out_split.ts";
import { interactionsFromArrays } from "@shoplab/lib/recommend/interactions_from_arrays.ts";
import type { Interactions } from "@shoplab/lib/recommend/types.ts";
import { createRng } from "@shoplab/lib/core/random.ts";
import { plantedBlocks } from "./_fixtures.ts";

function pairs(m: Interactions): Set<string> {
  const out = new Set<string>();
  for (let u = 0; u < m.nUsers; u++) {
    for (let q = m.byUser.indptr[u]; q < m.byUser.indptr[u + 1]; q++) {
      out.add(`${u}:${m.byUser.indices[q]}`);
    }
  }
  return out;
}

Deno.test("chronologicalSplit(): every test row is at or after the cut, every train row before", () => {
  const rng = createRng(5);
  const n = 400;
  const t0 = Date.UTC(2024, 0, 1);
  const ts = Array.from(
    { length: n },
    () => new Date(t0 + rng.int(60) * 86_400_000 + rng.int(86_400_000)),
  );
  const transactions = pl.DataFrame({
    customer_id: Array.from({ length: n }, () => `c${rng.int(40)}`),
    order_id: Array.from({ length: n }, (_, i) => `o${i}`),
    timestamp: ts,
    item_id: Array.from({ length: n }, () => `i${rng.int(25)}`),
    quantity: Array.from({ length: n }, () => 1),
    unit_price: Array.from({ length: n }, () => 2),
  });
  const cut = t0 + 40 * 86_400_000;
  const { train, test } = chronologicalSplit({ transactions }, { cut });
  assert.deepEqual(train.userIds, test.userIds);
  assert.deepEqual(train.itemIds, test.itemIds);
  assert.ok(train.lastTimestamp!.every((t) => t < cut));
  // a pair's test time is its last time at/after the cut; every test pair has a row ≥ cut
  assert.ok(test.lastTimestamp!.every((t) => t >= cut));
  const before = ts.filter((t) => t.getTime() < cut).length;
  assert.equal(train.byUser.values.reduce((a, v) => a + v, 0), 5 * before);
  assert.equal(test.byUser.values.reduce((a, v) => a + v, 0), 5 * (n - before));
  // max train time < min test time: no leakage
  assert.ok(Math.max(...train.lastTimestamp!) < Math.min(...test.lastTimestamp!));
  const ended = chronologicalSplit({ transactions }, { cut, end: cut + 10 * 86_400_000 });
  assert.ok(ended.test.lastTimestamp!.every((t) => t < cut + 10 * 86_400_000));
  assert.ok(ended.test.nnz < test.nnz);
});

Deno.test("randomSplit() partitions pairs, is seeded, and honours the fraction", () => {
  const m = plantedBlocks({
    users: 200,
    itemsPerGroup: 10,
    groups: 4,
    perUser: 10,
    own: 0.8,
    seed: 1,
  });
  const { train, test } = randomSplit(m, { testFraction: 0.25, seed: 3 });
  const a = pairs(train), b = pairs(test);
  assert.equal(a.size + b.size, m.nnz);
  for (const p of b) assert.ok(!a.has(p));
  assert.ok(Math.abs(test.nnz / m.nnz - 0.25) < 0.05);
  assert.deepEqual([...randomSplit(m, { testFraction: 0.25, seed: 3 }).test.byUser.indices], [
    ...test.byUser.indices,
  ]);
  assert.notDeepEqual([...randomSplit(m, { testFraction: 0.25, seed: 4 }).test.byUser.indices], [
    ...test.byUser.indices,
  ]);
  assert.equal(randomSplit(m, { testFraction: 0 }).test.nnz, 0);
  assert.throws(() => randomSplit(m, { testFraction: 1.5 }), RangeError);
  // CSC of each part agrees with its CSR
  assert.equal(test.byItem.indices.length, test.nnz);
});

Deno.test("leaveLastOutSplit() holds out each user's latest n items", () => {
  const m = interactionsFromArrays({
    users: [0, 0, 0, 0, 1, 1, 2],
    items: [0, 1, 2, 3, 0, 1, 2],
    timestamps: [4, 1, 3, 2, 7, 9, 5],
  });
  const one = leaveLastOutSplit(m);
  assert.deepEqual([...pairs(one.test)], ["0:0", "1:1"]); // user 2 has one item: kept in train
  const two = leaveLastOutSplit(m, { n: 2 });
  assert.deepEqual([...pairs(two.test)].sort(), ["0:0", "0:2"]);
  // without keepOne, user 1 loses both items
  const all = leaveLastOutSplit(m, { n: 2, keepOne: false });
  assert.ok(pairs(all.test).has("1:0") && pairs(all.test).has("2:2"));
  // held-out items are strictly later than the user's kept items
  const big = plantedBlocks({
    users: 50,
    itemsPerGroup: 10,
    groups: 2,
    perUser: 6,
    own: 0.9,
    seed: 2,
  });
  const s = leaveLastOutSplit(big, { n: 2 });
  for (let u = 0; u < 50; u++) {
    const sTrain = s.train.lastTimestamp!, sTest = s.test.lastTimestamp!;
    const maxTrain = Math.max(
      ...sTrain.subarray(s.train.byUser.indptr[u], s.train.byUser.indptr[u + 1]),
    );
    const minTest = Math.min(
      ...sTest.subarray(s.test.byUser.indptr[u], s.test.byUser.indptr[u + 1]),
    );
    assert.ok(maxTrain < minTest);
  }
  assert.throws(
    () => leaveLastOutSplit(interactionsFromArrays({ users: [0], items: [0] })),
    TypeError,
  );
  assert.throws(() => leaveLastOutSplit(m, { n: 0 }), RangeError);
});

Deno.test("chronologicalSplit() with testEventTypes trains on every event and tests on purchases", () => {
  const day = (d: number) => new Date(Date.UTC(2024, 0, d));
  const events = pl.DataFrame({
    customer_id: ["u1", "u1", "u1", "u2", "u2", "u2"],
    item_id: ["a", "b", "c", "a", "c", "d"],
    event_type: ["view", "cart", "purchase", "purchase", "view", "purchase"],
    timestamp: [day(1), day(6), day(7), day(2), day(8), day(9)],
  });
  const cut = Date.UTC(2024, 0, 5);
  const all = chronologicalSplit({ events }, { cut });
  const buys = chronologicalSplit({ events }, { cut, testEventTypes: ["purchase"] });
  assert.deepEqual(buys.train.itemIds, ["a", "b", "c", "d"]);
  assert.deepEqual([...pairs(buys.train)], [...pairs(all.train)]); // train is unchanged
  // test: u1 b (cart, dropped) and c (purchase); u2 c (view, dropped) and d (purchase)
  assert.deepEqual([...pairs(all.test)].sort(), ["0:1", "0:2", "1:2", "1:3"]);
  assert.deepEqual([...pairs(buys.test)].sort(), ["0:2", "1:3"]);
  assert.deepEqual([...buys.test.byUser.values], [5, 5]);
  const carts = chronologicalSplit({ events }, { cut, testEventTypes: ["cart", "purchase"] });
  assert.deepEqual([...pairs(carts.test)].sort(), ["0:1", "0:2", "1:3"]);
  // transaction lines are purchases
  const transactions = pl.DataFrame({
    customer_id: ["u1", "u1"],
    order_id: ["o1", "o2"],
    timestamp: [day(1), day(9)],
    item_id: ["a", "b"],
    quantity: [1, 2],
    unit_price: [1, 1],
  });
  assert.equal(
    chronologicalSplit({ transactions }, { cut, testEventTypes: ["purchase"] }).test.nnz,
    1,
  );
  assert.equal(chronologicalSplit({ transactions }, { cut, testEventTypes: ["view"] }).test.nnz, 0);
  assert.throws(() => chronologicalSplit({ events }, { cut, testEventTypes: [] }), RangeError);
  assert.throws(
    // deno-lint-ignore no-explicit-any
    () => chronologicalSplit({ events }, { cut, testEventTypes: ["click" as any] }),
    RangeError,
  );
});
