import assert from "node:assert/strict";
import { cumulativeRetention, periodRetention } from "@shoplab/lib/retention/mod.ts";
import { AS_OF, close, REF, SHOP, ym } from "./_shop.ts";

Deno.test("periodRetention() matches an independent pandas computation", () => {
  const rows = periodRetention(SHOP.transactions, { asOf: AS_OF });
  assert.equal(rows.length, REF.period_retention.length);
  rows.forEach((r, i) => {
    const e = REF.period_retention[i];
    assert.deepEqual(
      [ym(r.period), r.active, r.new, r.retained, r.reactivated],
      [e.period, e.active, e.new, e.retained, e.reactivated],
    );
    if (e.retentionRate === null) assert.equal(r.retentionRate, null);
    else {
      close(r.retentionRate!, e.retentionRate, 1e-12, e.period);
      close(r.churnRate!, 1 - e.retentionRate, 1e-12, e.period);
    }
  });
});

Deno.test("periodRetention() separates the article's active ratio from the retention rate", () => {
  const rows = periodRetention(SHOP.transactions, { asOf: AS_OF });
  // a growing shop: the article's "active this period ÷ active last period" exceeds 1 somewhere
  // while the true retention rate never does
  assert.ok(rows.some((r) => (r.activeRatio ?? 0) > 1));
  assert.ok(rows.every((r) => r.retentionRate === null || r.retentionRate <= 1));
  for (const r of rows) assert.equal(r.active, r.new + r.retained + r.reactivated);
});

Deno.test("cumulativeRetention() chains churn rates: the article's example is 0.855, not 0.8075", () => {
  const l = cumulativeRetention([0.10, 0.05]);
  close(l[1], 0.9, 1e-15, "L(1)");
  close(l[2], 0.855, 1e-15, "L(2)");
  assert.notEqual(Math.round(l[2] * 1e4), 8075);
  assert.deepEqual(cumulativeRetention([]), [1]);
  assert.deepEqual(cumulativeRetention([0, 1, 0.5]), [1, 1, 0, 0]);
  assert.throws(() => cumulativeRetention([0.2, 1.5]), /churnRates\[1\]/);
  assert.throws(() => cumulativeRetention([NaN]), RangeError);
});

Deno.test("cumulativeRetention() of a cohort's month-to-month churn rebuilds N(t)/N(0) when nobody returns", () => {
  // N = 100, 80, 60, 54 → A = 0.2, 0.25, 0.1 → L = 1, 0.8, 0.6, 0.54
  const n = [100, 80, 60, 54];
  const churn = n.slice(1).map((v, i) => 1 - v / n[i]);
  cumulativeRetention(churn).forEach((l, t) => close(l, n[t] / n[0], 1e-12, `L(${t})`));
});

Deno.test("periodRetention() rejects a bad asOf and returns nothing before the first sale", () => {
  assert.throws(() => periodRetention(SHOP.transactions, { asOf: new Date(NaN) }), /asOf/);
  assert.deepEqual(periodRetention(SHOP.transactions, { asOf: new Date("2024-01-01") }), []);
});
