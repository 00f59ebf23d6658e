import assert from "node:assert/strict";
import { createRng } from "@shoplab/lib/core/random.ts";
import { fitRfPropensity, targetingGains } from "@shoplab/lib/acquisition/mod.ts";

/** Expected top-m value over every random order of tied scores (exact, by enumeration of ranks). */
function expectedTopValue(scores: number[], values: number[], m: number): number {
  // For each customer, P(in top m) = 1 if all its ties fit, 0 if none, else the free slots share.
  let total = 0;
  for (let i = 0; i < scores.length; i++) {
    const higher = scores.filter((s) => s > scores[i]).length;
    const tied = scores.filter((s) => s === scores[i]).length;
    const p = Math.min(1, Math.max(0, (m - higher) / tied));
    total += p * values[i];
  }
  return total;
}

Deno.test("targetingGains() equals the expected value over random tie orders, at every depth", () => {
  const rng = createRng(3);
  for (let trial = 0; trial < 20; trial++) {
    const n = 5 + Math.floor(rng.next() * 40);
    const scores = Array.from({ length: n }, () => Math.floor(rng.next() * 6) / 5); // many ties
    const values = Array.from(
      { length: n },
      () => (rng.next() < 0.3 ? Math.round(rng.next() * 100) : 0),
    );
    if (!values.some((v) => v !== 0)) values[0] = 1;
    const total = values.reduce((a, b) => a + b, 0);
    const fractions = [0.05, 0.1, 0.25, 1 / 3, 0.5, 0.9, 1];
    targetingGains(scores, values, { fractions }).forEach((r, i) => {
      const want = expectedTopValue(scores, values, fractions[i] * n);
      assert.ok(
        Math.abs(r.value - want) < 1e-9,
        `trial ${trial} f=${fractions[i]}: ${r.value} vs ${want}`,
      );
      assert.ok(Math.abs(r.randomValue - fractions[i] * total) < 1e-9);
      assert.ok(Math.abs(r.lift - r.value / r.randomValue) < 1e-12);
    });
  }
});

Deno.test("targetingGains() limits: perfect ranking, reversed ranking, everyone contacted, costs", () => {
  const values = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1];
  const best = values.map((v, i) => v * 10 + i * 0.01);
  const [top] = targetingGains(best, values, { fractions: [0.2] });
  assert.equal(top.gains, 1);
  assert.equal(top.lift, 5);
  const [worst] = targetingGains(best.map((s) => -s), values, { fractions: [0.2] });
  assert.equal(worst.value, 0);
  const [all] = targetingGains(best, values, { fractions: [1], costPerContact: 0.05 });
  assert.equal(all.lift, 1);
  assert.ok(Math.abs(all.net - (2 - 0.5)) < 1e-12 && Math.abs(all.randomNet - (2 - 0.5)) < 1e-12);
  assert.equal(targetingGains(best, values).length, 10);
});

Deno.test("targetingGains() rejects bad input by name and does not mutate it", () => {
  const s = [0.3, 0.1, 0.2];
  targetingGains(s, [1, 0, 1]);
  assert.deepEqual(s, [0.3, 0.1, 0.2]);
  assert.throws(() => targetingGains([1], [1, 2]), /differ in length/);
  assert.throws(() => targetingGains([], []), /no customers/);
  assert.throws(() => targetingGains([NaN], [1]), /scores\[0\]/);
  assert.throws(() => targetingGains([1], [Infinity]), /values\[0\]/);
  assert.throws(() => targetingGains([1, 2], [0, 0]), /total value/);
  assert.throws(() => targetingGains([1], [1], { fractions: [0] }), /fractions\[0\]/);
});

Deno.test("fitRfPropensity() learns smoothed cell rates and scores new customers with them", () => {
  // recency classes ≤ 10 | > 10; frequency ≤ 1 | > 1
  const data = {
    recencyDays: [1, 5, 8, 10, 30, 40, 50, 60],
    frequency: [3, 2, 1, 1, 4, 1, 1, 1],
    outcome: [1, 1, 1, 0, 0, 0, 0, 0],
  };
  const m = fitRfPropensity(data, { recencyBins: 2, frequencyBins: 2, smoothing: 2 });
  assert.deepEqual(m.recencyEdges, [10, Infinity]);
  assert.equal(m.baseRate, 3 / 8);
  assert.deepEqual(m.counts, [[2, 2], [3, 1]]);
  // cell (recent, frequent): (2 + 2 × 3/8) / (2 + 2) = 0.6875
  assert.equal(m.rates[0][1], (2 + 0.75) / 4);
  assert.equal(m.rates[1][0], (0 + 0.75) / 5);
  const p = m.predict([2, 100, NaN], [5, 1, 1]);
  assert.deepEqual(Array.from(p), [m.rates[0][1], m.rates[1][0], m.baseRate]);
  assert.throws(
    () => fitRfPropensity({ ...data, outcome: [2, 0, 0, 0, 0, 0, 0, 0] }),
    /outcome\[0\]/,
  );
  assert.throws(
    () => fitRfPropensity({ recencyDays: [], frequency: [], outcome: [] }),
    /no training rows/,
  );
});
