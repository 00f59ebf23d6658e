import assert from "node:assert/strict";
import { kaplanMeier } from "@shoplab/lib/retention/mod.ts";
import { normalQuantile } from "@shoplab/lib/retention/_stats.ts";

const FIX = JSON.parse(
  await Deno.readTextFile(new URL("../fixtures/retention_survival.json", import.meta.url)),
);

function close(actual: number | null, expected: number | null, tol: number, what: string) {
  if (expected === null) return assert.ok(actual === null || !Number.isFinite(actual), what);
  assert.ok(
    actual !== null && Math.abs(actual - expected) <= tol,
    `${what}: ${actual} vs ${expected}`,
  );
}

function sameCurve(ref: Record<string, unknown>, tol: number) {
  const r = ref as {
    durations: number[];
    events: number[];
    time: number[];
    atRisk: number[];
    events_at: number[];
    survival: number[];
    se: (number | null)[];
    survival_scipy: number[];
  };
  const km = kaplanMeier({ durations: r.durations, events: r.events });
  assert.deepEqual(km.time, r.time);
  assert.deepEqual(km.atRisk, r.atRisk);
  assert.deepEqual(km.events, r.events_at);
  km.survival.forEach((s, i) => close(s, r.survival[i], tol, `S(${r.time[i]})`));
  km.survival.forEach((s, i) => close(s, r.survival_scipy[i], tol, `scipy S(${r.time[i]})`));
  km.se.forEach((s, i) => close(Number.isNaN(s) ? null : s, r.se[i], tol, `se(${r.time[i]})`));
  return km;
}

Deno.test("kaplanMeier() reproduces the published Freireich 6-MP estimates and Greenwood SEs", () => {
  const m = FIX.freireich.mp6;
  const km = kaplanMeier({ durations: m.durations, events: m.events });
  // Klein & Moeschberger (2003) Table 4.1B / Kleinbaum & Klein (2012) ch. 2, three decimals.
  const published = {
    time: [6, 7, 10, 13, 16, 22, 23],
    atRisk: [21, 17, 15, 12, 11, 7, 6],
    survival: [0.857, 0.807, 0.753, 0.690, 0.627, 0.538, 0.448],
    se: [0.076, 0.087, 0.096, 0.107, 0.114, 0.128, 0.135],
  };
  assert.deepEqual(km.time, published.time);
  assert.deepEqual(km.atRisk, published.atRisk);
  km.survival.forEach((s, i) => close(s, published.survival[i], 5e-4 + 1e-12, `S(${km.time[i]})`));
  km.se.forEach((s, i) => close(s, published.se[i], 5e-4 + 1e-12, `se(${km.time[i]})`));
  assert.equal(km.median, 23);
  assert.equal(km.n, 21);
  assert.equal(km.nEvents, 9);
  assert.equal(km.maxTime, 35);
  // censored since the previous event: 6+ | 9+ | 10+ 11+ | — | 17+ 19+ 20+ | —
  assert.deepEqual(km.censored, [0, 1, 1, 2, 0, 3, 0]);
});

Deno.test("kaplanMeier() matches statsmodels and scipy on Freireich and on a simulated sample with ties", () => {
  for (const ref of [FIX.freireich.mp6, FIX.freireich.placebo, FIX.simulated.km_a]) {
    sameCurve(ref, 1e-12);
  }
});

Deno.test("kaplanMeier() log-log and plain intervals match scipy's ecdf confidence_interval", () => {
  for (const ref of [FIX.freireich.mp6, FIX.freireich.placebo, FIX.simulated.km_a]) {
    for (const method of ["log-log", "plain"] as const) {
      const km = kaplanMeier({ durations: ref.durations, events: ref.events }, { ci: method });
      const want = ref.ci_scipy[method];
      km.lower.forEach((v, i) => {
        // scipy leaves the interval undefined (NaN) once S = 0; we report [0, 0] there.
        if (want.lower[i] === null) return assert.equal(km.survival[i], 0);
        close(v, want.lower[i], 1e-9, `${method} lower at ${km.time[i]}`);
        close(km.upper[i], want.upper[i], 1e-9, `${method} upper at ${km.time[i]}`);
      });
    }
  }
});

Deno.test("kaplanMeier() median interval matches statsmodels' quantile_ci (Brookmeyer–Crowley)", () => {
  for (const ref of [FIX.freireich.mp6, FIX.freireich.placebo, FIX.simulated.km_a]) {
    for (const method of ["log-log", "plain", "log"] as const) {
      const km = kaplanMeier({ durations: ref.durations, events: ref.events }, { ci: method });
      assert.deepEqual(km.medianCi, ref.median_ci[method], method);
      if (!ref.hits_half_exactly) assert.equal(km.median, ref.median_statsmodels);
    }
  }
});

Deno.test("kaplanMeier() has the limits right: no censoring = empirical survival, S = 0 at the end", () => {
  const km = kaplanMeier({ durations: [3, 1, 2, 2], events: [true, true, true, true] });
  assert.deepEqual(km.time, [1, 2, 3]);
  assert.deepEqual(km.survival, [0.75, 0.25, 0]);
  assert.deepEqual([km.lower[2], km.upper[2]], [0, 0]);
  assert.ok(Number.isNaN(km.se[2]));
  const none = kaplanMeier({ durations: [5, 6], events: [0, 0] });
  assert.deepEqual(none.time, []);
  assert.equal(none.median, null);
  assert.deepEqual(none.medianCi, [null, null]);
  const empty = kaplanMeier({ durations: [], events: [] });
  assert.equal(empty.n, 0);
  // bounds stay inside [0, 1] and around S for every method
  for (const ci of ["log-log", "plain", "log"] as const) {
    const k = kaplanMeier({
      durations: FIX.simulated.km_a.durations,
      events: FIX.simulated.km_a.events,
    }, { ci });
    k.survival.forEach((s, i) =>
      assert.ok(k.lower[i] >= 0 && k.lower[i] <= s && s <= k.upper[i] && k.upper[i] <= 1)
    );
  }
});

Deno.test("kaplanMeier() does not mutate its input and rejects bad input with named errors", () => {
  const durations = [4, 1, 3], events = [1, 0, 1];
  kaplanMeier({ durations, events });
  assert.deepEqual(durations, [4, 1, 3]);
  assert.throws(() => kaplanMeier({ durations: [1, 2], events: [1] }), RangeError);
  assert.throws(() => kaplanMeier({ durations: [1, -2], events: [1, 1] }), /durations\[1\]/);
  assert.throws(() => kaplanMeier({ durations: [1, NaN], events: [1, 1] }), /durations\[1\]/);
  assert.throws(() => kaplanMeier({ durations: [1], events: [2] }), /events\[0\]/);
  assert.throws(
    () => kaplanMeier({ durations: [1], events: [1] }, { confidence: 1 }),
    /confidence/,
  );
  assert.throws(
    () => kaplanMeier({ durations: [1], events: [1] }, { ci: "arcsin" as never }),
    TypeError,
  );
});

Deno.test("kaplanMeier() confidence level widens the interval; z quantiles match scipy", () => {
  for (const { p, z } of FIX.normal_ppf) close(normalQuantile(p), z, 1e-12, `ppf(${p})`);
  const s = { durations: FIX.freireich.mp6.durations, events: FIX.freireich.mp6.events };
  const k90 = kaplanMeier(s, { confidence: 0.9 }), k99 = kaplanMeier(s, { confidence: 0.99 });
  k90.lower.forEach((v, i) => assert.ok(k99.lower[i] < v && k99.upper[i] > k90.upper[i]));
});
