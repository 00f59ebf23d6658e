import assert from "node:assert/strict";
import { logRankTest } from "@shoplab/lib/retention/mod.ts";
import { chiSquareSf } from "@shoplab/lib/retention/_stats.ts";

const FIX = JSON.parse(
  await Deno.readTextFile(new URL("../fixtures/retention_survival.json", import.meta.url)),
);

Deno.test("logRankTest() reproduces the published Freireich 6-MP vs placebo log-rank chi-square", () => {
  const g = FIX.freireich.logrank.groups;
  const r = logRankTest(g);
  // Published: chi-square 16.79 on 1 df, p = 4.17e-5 (Kleinbaum & Klein ch. 2; R survdiff).
  assert.ok(Math.abs(r.statistic - 16.79) < 0.005, String(r.statistic));
  assert.ok(Math.abs(r.pValue - 4.17e-5) < 0.005e-5, String(r.pValue));
  assert.equal(r.df, 1);
  // Published O and E: 6-MP 9 relapses vs 19.25 expected, placebo 21 vs 10.75
  assert.deepEqual(r.groups.map((x) => x.observed), [9, 21]);
  assert.ok(Math.abs(r.groups[0].expected - 19.25) < 0.005);
  assert.ok(Math.abs(r.groups[1].expected - 10.75) < 0.005);
});

Deno.test("logRankTest() matches statsmodels survdiff and scipy chi2 for 2 and 3 groups", () => {
  for (const ref of [FIX.freireich.logrank, FIX.simulated.logrank_2, FIX.simulated.logrank_3]) {
    const r = logRankTest(ref.groups);
    assert.ok(Math.abs(r.statistic - ref.statistic) < 1e-9 * Math.max(1, ref.statistic));
    assert.equal(r.df, ref.df);
    assert.ok(Math.abs(r.pValue - ref.pValue_statsmodels) < 1e-10 + 1e-9 * ref.pValue_statsmodels);
    assert.ok(Math.abs(r.pValue - ref.pValue_scipy_chi2) < 1e-10 + 1e-9 * ref.pValue_scipy_chi2);
    const o = r.groups.reduce((s, x) => s + x.observed, 0);
    const e = r.groups.reduce((s, x) => s + x.expected, 0);
    assert.ok(Math.abs(o - e) < 1e-9, "total observed = total expected");
  }
});

Deno.test("logRankTest() chi-square tail matches scipy.stats.chi2.sf", () => {
  for (const { x, df, sf } of FIX.chi2_sf) {
    const got = chiSquareSf(x, df);
    assert.ok(Math.abs(got - sf) <= 1e-12 + 1e-10 * sf, `chi2.sf(${x}, ${df}) = ${got} vs ${sf}`);
  }
});

Deno.test("logRankTest() gives statistic 0 and p = 1 for identical groups, and is order-free", () => {
  const s = { durations: [1, 2, 3, 4, 5], events: [1, 0, 1, 1, 0] };
  const r = logRankTest({ a: s, b: s });
  assert.ok(Math.abs(r.statistic) < 1e-12);
  assert.ok(Math.abs(r.pValue - 1) < 1e-12);
  const g = FIX.simulated.logrank_3.groups;
  const swapped = logRankTest({ c: g.c, a: g.a, b: g.b });
  assert.ok(Math.abs(swapped.statistic - logRankTest(g).statistic) < 1e-9);
});

Deno.test("logRankTest() rejects fewer than two groups, empty groups and event-free data", () => {
  assert.throws(() => logRankTest({ a: { durations: [1], events: [1] } }), /at least 2 groups/);
  assert.throws(
    () => logRankTest({ a: { durations: [1], events: [1] }, b: { durations: [], events: [] } }),
    /group "b" is empty/,
  );
  assert.throws(
    () => logRankTest({ a: { durations: [1], events: [0] }, b: { durations: [2], events: [0] } }),
    /no events/,
  );
  assert.throws(
    () => logRankTest({ a: { durations: [1], events: [1] }, b: { durations: [-1], events: [1] } }),
    /group "b".*durations\[0\]/,
  );
});
