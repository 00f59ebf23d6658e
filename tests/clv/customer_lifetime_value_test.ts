/** customerLifetimeValue(): BG/NBD × Gamma-Gamma, discounted monthly. */
import assert from "node:assert/strict";
import { customerLifetimeValue } from "@shoplab/lib/clv/customer_lifetime_value.ts";
import { bgNbdConditionalPurchases } from "@shoplab/lib/clv/bg_nbd_conditional_purchases.ts";
import { gammaGammaExpectedSpend } from "@shoplab/lib/clv/gamma_gamma_expected_spend.ts";
import { simulateBgNbd } from "@shoplab/lib/clv/simulate_bg_nbd.ts";
import { cdnowWithSpend, close, REF } from "./_cdnow.ts";

const models = { bgNbd: REF.bgnbd, gammaGamma: REF.gamma_gamma };

Deno.test("customerLifetimeValue() agrees with the scipy computation for CDNOW customers 1..10", () => {
  const all = cdnowWithSpend();
  const ten = {
    frequency: all.frequency.slice(0, 10),
    recency: all.recency.slice(0, 10),
    T: all.T.slice(0, 10),
    monetaryValue: all.monetaryValue.slice(0, 10),
  };
  const clv = customerLifetimeValue(models, ten, {
    unit: "weeks",
    months: 12,
    monthlyDiscountRate: 0.01,
  });
  // deno-lint-ignore no-explicit-any
  REF.clv.customers.forEach((c: any, i: number) =>
    assert.ok(close(clv[i], c.clv, 1e-10), `customer ${c.id}: ${clv[i]} vs ${c.clv}`)
  );
});

Deno.test("customerLifetimeValue() without discounting is spend × expected purchases over the horizon", () => {
  const data = {
    frequency: [2, 0, 7],
    recency: [30.43, 0, 35],
    T: [38.86, 38.86, 38],
    monetaryValue: [22.35, 0, 40],
  };
  const u = 365.2425 / 12 / 7;
  const clv = customerLifetimeValue(models, data, {
    unit: "weeks",
    months: 24,
    monthlyDiscountRate: 0,
  });
  const n = bgNbdConditionalPurchases(models.bgNbd, data, { t: 24 * u });
  const z = gammaGammaExpectedSpend(models.gammaGamma, data);
  for (let i = 0; i < 3; i++) assert.ok(close(clv[i], n[i] * z[i], 1e-12), `row ${i}`);
  // discounting lowers it, a margin scales it, zero months gives zero
  const disc = customerLifetimeValue(models, data, { unit: "weeks", months: 24 });
  assert.ok(disc.every((v, i) => v < clv[i]));
  const half = customerLifetimeValue(models, data, { unit: "weeks", months: 24, margin: 0.5 });
  assert.ok(close(half[0], disc[0] / 2, 1e-12));
  assert.deepEqual([...customerLifetimeValue(models, data, { unit: "weeks", months: 0 })], [
    0,
    0,
    0,
  ]);
});

Deno.test("customerLifetimeValue() needs the fit's time unit and converts months into it", () => {
  const data = { frequency: [3], recency: [200], T: [270], monetaryValue: [30] };
  assert.throws(
    () => customerLifetimeValue(models, data, {} as never),
    /options.unit must be "days" or "weeks"/,
  );
  // the same customer and rates in days: α scales with the unit, so the value is the same
  const daily = { ...models, bgNbd: { ...models.bgNbd, alpha: models.bgNbd.alpha * 7 } };
  const weekly = customerLifetimeValue(models, {
    frequency: [3],
    recency: [200 / 7],
    T: [270 / 7],
    monetaryValue: [30],
  }, { unit: "weeks" });
  const inDays = customerLifetimeValue(daily, data, { unit: "days" });
  assert.ok(close(weekly[0], inDays[0], 1e-10), `${weekly[0]} vs ${inDays[0]}`);
});

Deno.test("customerLifetimeValue() is finite, ≥ 0 and grows with the horizon for 10,000 simulated customers", () => {
  // includes a > 1 and heavy buyers: the regime where a careless ₂F₁ loses all digits
  for (const bgNbd of [REF.bgnbd_heavy.params, REF.bgnbd, { r: 2, alpha: 3, a: 3, b: 1.5 }]) {
    const sim = simulateBgNbd(bgNbd, 10_000, { T: [0.1, 80], seed: 9 });
    const monetaryValue = Float64Array.from(sim.frequency, (x, i) => (x > 0 ? 10 + (i % 50) : 0));
    const data = { ...sim, monetaryValue };
    const m = { bgNbd, gammaGamma: REF.gamma_gamma };
    const short = customerLifetimeValue(m, data, { unit: "weeks", months: 6 });
    const long = customerLifetimeValue(m, data, { unit: "weeks", months: 24 });
    for (let i = 0; i < short.length; i++) {
      assert.ok(Number.isFinite(short[i]) && short[i] >= 0, `row ${i}: ${short[i]}`);
      assert.ok(long[i] >= short[i] - 1e-9, `row ${i}: ${long[i]} < ${short[i]}`);
    }
  }
});
