import assert from "node:assert/strict";
import pl from "nodejs-polars";
import {
  churnTimes,
  kaplanMeier,
  logRankTest,
  survivalSamples,
} from "@shoplab/lib/retention/mod.ts";
import { AS_OF, close, REF, SHOP } from "./_shop.ts";

Deno.test("churnTimes() matches an independent pandas computation of durations and censoring", () => {
  const t = churnTimes(SHOP, { asOf: AS_OF, inactivityDays: REF.inactivityDays });
  assert.deepEqual(t.getColumn("customer_id").toArray(), REF.churn.customer_id);
  assert.deepEqual(t.getColumn("churned").toArray(), REF.churn.churned);
  const d = t.getColumn("duration_days").toArray() as number[];
  d.forEach((v, i) => close(v, REF.churn.duration[i], 1e-9, REF.churn.customer_id[i]));
});

Deno.test("churnTimes() → survivalSamples() → kaplanMeier()/logRankTest() match statsmodels by channel", () => {
  const t = churnTimes(SHOP, { asOf: AS_OF, inactivityDays: REF.inactivityDays });
  const groups = survivalSamples(t, { by: "channel" });
  assert.deepEqual(Object.keys(groups), Object.keys(REF.km_by_channel).sort());
  for (const [g, s] of Object.entries(groups)) {
    const km = kaplanMeier(s), e = REF.km_by_channel[g];
    assert.equal(km.n, e.n, g);
    assert.equal(km.nEvents, e.events, g);
    km.time.forEach((v, i) => close(v, e.time[i], 1e-9, `${g} time`));
    km.survival.forEach((v, i) => close(v, e.survival[i], 1e-12, `${g} S`));
    if (!km.survival.some((v) => v === 0.5)) assert.equal(km.median, e.median_strict, g);
  }
  const lr = logRankTest(groups);
  close(lr.statistic, REF.logrank_channel.statistic, 1e-8, "log-rank statistic");
  close(lr.pValue, REF.logrank_channel.pValue, 1e-10, "log-rank p");
  assert.equal(lr.df, REF.logrank_channel.df);
});

Deno.test("churnTimes() hand example: censoring, inactivity_end and signup origin", () => {
  const d = (s: string) => new Date(s + "T00:00:00Z");
  const transactions = pl.DataFrame({
    customer_id: ["a", "a", "b", "c"],
    order_id: ["1", "2", "3", "4"],
    timestamp: [d("2025-01-01"), d("2025-01-11"), d("2025-03-01"), d("2025-03-20")],
    quantity: [1, 1, 1, -1],
    unit_price: [5, 5, 5, 5],
  });
  const customers = pl.DataFrame({
    customer_id: ["a", "b", "c", "z"],
    signup_date: [d("2024-12-22"), d("2025-02-01"), d("2025-03-01"), d("2025-01-01")],
    channel: ["email", "social", null, "email"],
  });
  const asOf = d("2025-04-01");
  // a: last 01-11, inactive 80 days ≥ 30 → churned; b: 31 days → churned; c only returned: absent
  const t = churnTimes({ transactions }, { asOf, inactivityDays: 30 });
  assert.deepEqual(t.getColumn("customer_id").toArray(), ["a", "b"]);
  assert.deepEqual(t.getColumn("duration_days").toArray(), [10, 0]);
  assert.deepEqual(t.getColumn("churned").toArray(), [true, true]);
  assert.deepEqual(t.getColumn("channel").toArray(), ["unknown", "unknown"]);
  const late = churnTimes({ transactions }, {
    asOf,
    inactivityDays: 60,
    eventAt: "inactivity_end",
  });
  // a: churned, known at 01-11 + 60 d → 70 days after 01-01; b: censored at asOf, 31 days
  assert.deepEqual(late.getColumn("duration_days").toArray(), [70, 31]);
  assert.deepEqual(late.getColumn("churned").toArray(), [true, false]);
  const s = churnTimes({ transactions, customers }, { asOf, inactivityDays: 30, origin: "signup" });
  assert.deepEqual(s.getColumn("customer_id").toArray(), ["a", "b", "c", "z"]);
  // z never bought: last activity = signup, 90 days ago → churned at 0; c: signup 03-01, 31 days
  assert.deepEqual(s.getColumn("duration_days").toArray(), [20, 28, 0, 0]);
  assert.deepEqual(s.getColumn("churned").toArray(), [true, true, true, true]);
  assert.deepEqual(s.getColumn("channel").toArray(), ["email", "social", "unknown", "email"]);
});

Deno.test("churnTimes() rejects bad options with named errors", () => {
  assert.throws(() => churnTimes(SHOP, { asOf: AS_OF, inactivityDays: 0 }), /inactivityDays/);
  assert.throws(() => churnTimes(SHOP, { asOf: AS_OF, eventAt: "x" as never }), /eventAt/);
  assert.throws(
    () => churnTimes({ transactions: SHOP.transactions }, { asOf: AS_OF, origin: "signup" }),
    /signup_date/,
  );
  assert.throws(() => survivalSamples(pl.DataFrame({ x: [1] })), /column "duration_days"/);
});
