import assert from "node:assert/strict";
import pl from "nodejs-polars";
import { activeCustomers, repeatPurchaseRate } from "@shoplab/lib/retention/mod.ts";
import { AS_OF, REF, SHOP } from "./_shop.ts";

Deno.test("activeCustomers() matches an independent pandas computation (90-day window)", () => {
  const pts = activeCustomers(SHOP.transactions, { asOf: AS_OF, windowDays: 90 });
  assert.deepEqual(
    pts.map((p) => ({
      date: p.date.toISOString().slice(0, 10),
      acquired: p.acquired,
      active: p.active,
    })),
    REF.active_customers,
  );
  for (const p of pts) assert.ok(p.active <= p.acquired && p.activeShare <= 1);
});

Deno.test("activeCustomers() window is half-open [e − w, e) and weekly steps start on Monday", () => {
  const d = (s: string) => new Date(s + "T00:00:00Z");
  const tx = pl.DataFrame({
    customer_id: ["a"],
    order_id: ["1"],
    timestamp: [d("2025-01-01")],
    quantity: [1],
    unit_price: [1],
  });
  // Exactly 31 days after the purchase with a 31-day window: still active; one ms later: not.
  assert.equal(activeCustomers(tx, { asOf: d("2025-02-01"), windowDays: 31 }).at(-1)!.active, 1);
  assert.equal(
    activeCustomers(tx, { asOf: new Date(d("2025-02-01").getTime() + 1), windowDays: 31 }).at(-1)!
      .active,
    0,
  );
  const w = activeCustomers(tx, { asOf: d("2025-01-20"), step: "week" });
  assert.ok(w.slice(0, -1).every((p) => p.date.getUTCDay() === 1));
  assert.throws(() => activeCustomers(tx, { asOf: d("2025-01-20"), windowDays: -1 }), /windowDays/);
});

Deno.test("repeatPurchaseRate() matches pandas and respects withinDays", () => {
  const r = repeatPurchaseRate(SHOP.transactions, { asOf: AS_OF });
  assert.deepEqual([r.customers, r.repeaters], [REF.repeat.customers, REF.repeat.repeaters]);
  const w = repeatPurchaseRate(SHOP.transactions, { asOf: AS_OF, withinDays: 60 });
  assert.ok(w.customers < r.customers && w.rate >= 0 && w.rate <= 1);
  assert.throws(
    () => repeatPurchaseRate(SHOP.transactions, { asOf: AS_OF, withinDays: 0 }),
    /withinDays/,
  );
});
