/** BG/NBD predictions against the published value, scipy and simulation. */
import assert from "node:assert/strict";
import { bgNbdConditionalPurchases } from "@shoplab/lib/clv/bg_nbd_conditional_purchases.ts";
import { bgNbdExpectedPurchases } from "@shoplab/lib/clv/bg_nbd_expected_purchases.ts";
import { bgNbdProbabilityAlive } from "@shoplab/lib/clv/bg_nbd_probability_alive.ts";
import { fitBgNbd } from "@shoplab/lib/clv/fit_bg_nbd.ts";
import { simulateBgNbd } from "@shoplab/lib/clv/simulate_bg_nbd.ts";
import { cdnowSummary, close, REF } from "./_cdnow.ts";

// deno-lint-ignore no-explicit-any
const customers = REF.bgnbd_customers as any[];
const ten = {
  frequency: customers.map((c) => c.x),
  recency: customers.map((c) => c.t_x),
  T: customers.map((c) => c.T),
};

Deno.test("bgNbdConditionalPurchases() gives CDNOW customer 1 1.226 purchases in 39 weeks (FHL 2005)", () => {
  const fit = fitBgNbd(cdnowSummary());
  const [e] = bgNbdConditionalPurchases(fit.params, {
    frequency: [2],
    recency: [30.43],
    T: [38.86],
  }, { t: 39 });
  assert.ok(Math.abs(e - 1.226) <= 0.001, `${e}`);
});

Deno.test("bgNbdConditionalPurchases() agrees with scipy's hyp2f1 formula for 10 customers to 1e-12", () => {
  for (const t of [39, 200]) {
    const ours = bgNbdConditionalPurchases(REF.bgnbd, ten, { t });
    customers.forEach((c, i) => {
      const want = t === 39 ? c.expected_39 : c.expected_200;
      assert.ok(close(ours[i], want, 1e-12), `customer ${c.id}, t=${t}: ${ours[i]} vs ${want}`);
    });
  }
  assert.deepEqual([...bgNbdConditionalPurchases(REF.bgnbd, ten, { t: 0 })], Array(10).fill(0));
});

Deno.test("bgNbdProbabilityAlive() agrees with scipy for 10 customers and is 1 for x = 0", () => {
  const ours = bgNbdProbabilityAlive(REF.bgnbd, ten);
  customers.forEach((c, i) => assert.ok(close(ours[i], c.p_alive, 1e-13), `customer ${c.id}`));
  customers.forEach((c, i) => c.x === 0 && assert.equal(ours[i], 1));
});

Deno.test("bgNbdExpectedPurchases() agrees with scipy and with a simulated mean", () => {
  for (const { t, value } of REF.bgnbd_unconditional) {
    assert.ok(close(bgNbdExpectedPurchases(REF.bgnbd, t), value, 1e-12), `t = ${t}`);
  }
  // E[X(T)] is the mean repeat count of customers of age T.
  const p = { r: 0.5, alpha: 4, a: 0.9, b: 2.2 };
  const sim = simulateBgNbd(p, 200_000, { T: 52, seed: 5 });
  const mean = sim.frequency.reduce((s, x) => s + x, 0) / sim.frequency.length;
  const want = bgNbdExpectedPurchases(p, 52);
  assert.ok(Math.abs(mean / want - 1) < 0.02, `simulated ${mean} vs E[X(52)] ${want}`);
});

Deno.test("bgNbdExpectedPurchases() is continuous through a = 1 (removable singularity)", () => {
  const p = { r: 0.5, alpha: 4, b: 2.2 };
  const at = bgNbdExpectedPurchases({ ...p, a: 1 }, 30);
  const below = bgNbdExpectedPurchases({ ...p, a: 1 - 1e-3 }, 30);
  const above = bgNbdExpectedPurchases({ ...p, a: 1 + 1e-3 }, 30);
  assert.ok(Number.isFinite(at) && at > Math.min(below, above) && at < Math.max(below, above));
});

Deno.test("bgNbdConditionalPurchases() stays finite for heavy buyers and long horizons", () => {
  const p = REF.bgnbd;
  const heavy = { frequency: [400, 400], recency: [38, 1], T: [39, 39] };
  const e = bgNbdConditionalPurchases(p, heavy, { t: 5000 });
  assert.ok(e.every(Number.isFinite) && e[0] > e[1] && e[0] > 100, `${e}`);
  assert.throws(() => bgNbdConditionalPurchases(p, heavy, { t: -1 }), /options.t/);
  assert.throws(() => bgNbdProbabilityAlive({ ...p, r: 0 }, heavy), /parameter r/);
});

Deno.test("bgNbdConditionalPurchases() agrees with scipy for heavy buyers (x up to 47) over 1–200 weeks", () => {
  const { params, cases } = REF.bgnbd_heavy;
  for (const c of cases) {
    const [e] = bgNbdConditionalPurchases(params, {
      frequency: [c.x],
      recency: [c.t_x],
      T: [c.T],
    }, { t: c.t });
    assert.ok(
      close(e, c.value, 1e-10),
      `x=${c.x}, t_x=${c.t_x}, T=${c.T}, t=${c.t}: ${e} vs ${c.value}`,
    );
  }
});
