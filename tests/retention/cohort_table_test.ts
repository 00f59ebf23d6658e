import assert from "node:assert/strict";
import pl from "nodejs-polars";
import { type CohortRow, cohortTable, retentionCurve } from "@shoplab/lib/retention/mod.ts";
import { AS_OF, close, REF, SHOP, ym } from "./_shop.ts";

type RefRow = {
  cohort: string;
  group: string;
  period: number;
  cohortSize: number;
  active: number;
  revenue: number;
  revenueRetention: number | null;
};

function sameAsPandas(rows: CohortRow[], ref: RefRow[], what: string) {
  assert.equal(rows.length, ref.length, `${what}: rows`);
  rows.forEach((r, i) => {
    const e = ref[i];
    const at = `${what} ${e.group} ${e.cohort} +${e.period}`;
    assert.deepEqual([r.group, ym(r.cohort), r.period, r.cohortSize, r.active], [
      e.group,
      e.cohort,
      e.period,
      e.cohortSize,
      e.active,
    ], at);
    close(r.revenue, e.revenue, 1e-6, at + " revenue");
    close(r.retention, e.active / e.cohortSize, 1e-12, at + " retention");
    if (e.revenueRetention === null) assert.equal(r.revenueRetention, null, at);
    else close(r.revenueRetention!, e.revenueRetention, 1e-9, at + " revenueRetention");
  });
}

Deno.test("cohortTable() matches an independent pandas computation (first purchase, by channel, signup)", () => {
  sameAsPandas(cohortTable(SHOP, { asOf: AS_OF }), REF.cohort_first_purchase, "first purchase");
  sameAsPandas(
    cohortTable(SHOP, { asOf: AS_OF, by: "channel" }),
    REF.cohort_first_purchase_by_channel,
    "by channel",
  );
  sameAsPandas(cohortTable(SHOP, { asOf: AS_OF, cohort: "signup" }), REF.cohort_signup, "signup");
});

Deno.test("cohortTable() works the hand example: period 0 is 100 %, skipped months count again", () => {
  const d = (s: string) => new Date(s + "T12:00:00Z");
  const transactions = pl.DataFrame({
    customer_id: ["a", "a", "b", "b", "c"],
    order_id: ["1", "2", "3", "4", "5"],
    timestamp: [
      d("2025-01-02"),
      d("2025-03-04"),
      d("2025-01-10"),
      d("2025-02-11"),
      d("2025-02-12"),
    ],
    quantity: [1, 2, 1, -1, 1],
    unit_price: [10, 10, 30, 30, 7],
  });
  const rows = cohortTable({ transactions }, { asOf: d("2025-04-01") });
  const jan = rows.filter((r) => ym(r.cohort) === "2025-01");
  // a buys Jan and Mar; b buys Jan and returns in Feb (a return is not activity).
  assert.deepEqual(jan.map((r) => r.active), [2, 0, 1]);
  assert.deepEqual(jan.map((r) => r.revenue), [40, -30, 20]);
  assert.deepEqual(jan.map((r) => r.revenueRetention), [1, -0.75, 0.5]);
  const feb = rows.filter((r) => ym(r.cohort) === "2025-02");
  assert.deepEqual(feb.map((r) => [r.period, r.cohortSize, r.active]), [[0, 1, 1], [1, 1, 0]]);
  // the running month is left out unless asked for
  assert.equal(
    cohortTable({ transactions }, { asOf: d("2025-03-10") }).some((r) =>
      ym(r.cohort) === "2025-01" && r.period === 2
    ),
    false,
  );
  const partial = cohortTable({ transactions }, { asOf: d("2025-03-10"), includePartial: true });
  assert.equal(partial.find((r) => ym(r.cohort) === "2025-01" && r.period === 2)?.active, 1);
  // maxPeriods trims, weeks work
  assert.ok(
    cohortTable({ transactions }, { asOf: d("2025-04-01"), maxPeriods: 1 }).every((r) =>
      r.period <= 1
    ),
  );
  const weeks = cohortTable({ transactions }, { asOf: d("2025-04-01"), period: "week" });
  assert.equal(weeks[0].cohort.getUTCDay(), 1, "weeks start on Monday");
});

Deno.test("cohortTable() stays in bounds on the fixture shop and does not mutate the input", () => {
  const before = SHOP.transactions.height, copy = SHOP.transactions.clone();
  const customers = SHOP.customers.clone();
  const rows = cohortTable(SHOP, { asOf: AS_OF, by: "channel" });
  assert.equal(SHOP.transactions.height, before);
  assert.ok(SHOP.transactions.frameEqual(copy) && SHOP.customers.frameEqual(customers));
  for (const r of rows) {
    assert.ok(r.retention >= 0 && r.retention <= 1 && r.active <= r.cohortSize);
    if (r.period === 0) assert.equal(r.retention, 1);
  }
});

Deno.test("cohortTable() rejects bad options with named errors", () => {
  assert.throws(() => cohortTable(SHOP, { asOf: new Date("x") }), /asOf/);
  assert.throws(() => cohortTable(SHOP, { asOf: AS_OF, period: "day" as never }), /period/);
  assert.throws(() => cohortTable(SHOP, { asOf: AS_OF, cohort: "x" as never }), /cohort/);
  assert.throws(() => cohortTable(SHOP, { asOf: AS_OF, maxPeriods: -1 }), /maxPeriods/);
  assert.throws(
    () => cohortTable({ transactions: SHOP.transactions }, { asOf: AS_OF, cohort: "signup" }),
    /signup_date/,
  );
  assert.throws(
    () => cohortTable({ transactions: SHOP.transactions.drop("order_id") }, { asOf: AS_OF }),
    /column "order_id"/,
  );
});

Deno.test("retentionCurve() pools the cohorts customer-weighted, matching the pandas table", () => {
  const curve = retentionCurve(cohortTable(SHOP, { asOf: AS_OF }));
  const ref = REF.cohort_first_purchase as RefRow[];
  for (const c of curve) {
    const rows = ref.filter((r) => r.period === c.period);
    const size = rows.reduce((s, r) => s + r.cohortSize, 0);
    const active = rows.reduce((s, r) => s + r.active, 0);
    assert.deepEqual([c.cohorts, c.customers, c.active], [rows.length, size, active]);
    close(c.retention, active / size, 1e-12, `period ${c.period}`);
  }
  assert.equal(curve[0].retention, 1);
  assert.deepEqual(retentionCurve([]), []);
});
