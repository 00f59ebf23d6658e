import assert from "node:assert/strict";
import pl from "nodejs-polars";
import {
  acquisitionCost,
  channelEconomics,
  channelRecommendations,
  newCustomers,
} from "@shoplab/lib/acquisition/mod.ts";
import { AS_OF, records, SHOP } from "./_shop.ts";

const month = (d: Date) => d.toISOString().slice(0, 7);

Deno.test("newCustomers() and acquisitionCost() match a brute-force count on a generated shop", () => {
  // first sale per customer, complete months before AS_OF (Jan–May 2025)
  const first = new Map<string, Date>();
  const seen = new Set<string>();
  for (const r of records(SHOP.transactions)) {
    const key = JSON.stringify(r);
    if (seen.has(key)) continue; // exact duplicate rows
    seen.add(key);
    const t = r.timestamp as Date;
    if ((r.quantity as number) <= 0 || t >= AS_OF) continue;
    const id = String(r.customer_id), f = first.get(id);
    if (!f || t < f) first.set(id, t);
  }
  const channel = new Map(
    records(SHOP.customers!).map((r) => [String(r.customer_id), String(r.channel ?? "unknown")]),
  );
  const want = new Map<string, number>();
  for (const [id, t] of first) {
    if (month(t) > "2025-05") continue;
    const k = channel.get(id) + "|" + month(t);
    want.set(k, (want.get(k) ?? 0) + 1);
  }
  const rows = newCustomers(SHOP, { asOf: AS_OF });
  assert.equal(rows.length, want.size);
  for (const r of rows) {
    assert.equal(r.customers, want.get(r.channel + "|" + month(r.month)), r.channel);
  }
  const spend = new Map<string, number>();
  for (const r of records(SHOP.channelSpend!)) {
    if (month(r.month as Date) > "2025-05") continue;
    spend.set(String(r.channel), (spend.get(String(r.channel)) ?? 0) + Number(r.spend));
  }
  for (const c of acquisitionCost(SHOP, { asOf: AS_OF })) {
    const n = rows.filter((r) => r.channel === c.channel).reduce((s, r) => s + r.customers, 0);
    assert.equal(c.newCustomers, n);
    assert.ok(Math.abs(c.spend - spend.get(c.channel)!) < 1e-6);
    assert.ok(Math.abs(c.cac! - spend.get(c.channel)! / n) < 1e-9);
    assert.deepEqual([month(c.from), month(c.to)], ["2025-01", "2025-05"]);
  }
});

const d = (s: string) => new Date(s + "T12:00:00Z");
// email: a, b in Jan (100 + 100 each month); display: c in Feb (40 in Feb, returns 10 in Mar)
const HAND = {
  transactions: pl.DataFrame({
    customer_id: ["a", "b", "a", "b", "c", "c"],
    order_id: ["1", "2", "3", "4", "5", "R5"],
    timestamp: [
      d("2025-01-05"),
      d("2025-01-07"),
      d("2025-02-05"),
      d("2025-02-07"),
      d("2025-02-10"),
      d("2025-03-02"),
    ],
    item_id: ["x", "x", "x", "x", "y", "y"],
    quantity: [1, 1, 1, 1, 2, -1],
    unit_price: [100, 100, 100, 100, 20, 10],
  }),
  customers: pl.DataFrame({
    customer_id: ["a", "b", "c"],
    signup_date: [d("2025-01-01"), d("2025-01-01"), d("2025-02-01")],
    channel: ["email", "email", "display"],
  }),
  channelSpend: pl.DataFrame({
    channel: ["email", "display", "email", "display", "display"],
    month: [d("2025-01-01"), d("2025-01-01"), d("2025-02-01"), d("2025-02-01"), d("2025-04-01")],
    spend: [60, 10, 30, 20, 999],
  }),
};

Deno.test("channelEconomics() works the hand example: CAC, cumulative margin, LTV, payback", () => {
  const rows = channelEconomics(HAND, { asOf: d("2025-04-01"), margin: 0.5 });
  const [display, email] = rows;
  assert.equal(email.cac, 45); // 90 / 2, April spend is after the cut-off
  assert.deepEqual(email.cumulativeMargin, [50, 100, 100]); // Mar: nothing
  assert.equal(email.ltv, 100);
  assert.ok(Math.abs(email.ltvToCac! - 100 / 45) < 1e-12);
  assert.equal(email.paybackMonths, 0.9);
  assert.equal(display.cac, 30);
  assert.deepEqual(display.cumulativeMargin, [20, 15]); // 40 × 0.5, then a return of 10
  assert.equal(display.paybackMonths, null);
  assert.equal(display.horizonMonths, 2);
  const short = channelEconomics(HAND, { asOf: d("2025-04-01"), margin: 0.5, horizonMonths: 1 });
  assert.equal(short[1].ltv, 50);
  const model = channelEconomics(HAND, {
    asOf: d("2025-04-01"),
    margin: 0.5,
    ltvPerCustomer: new Map([["a", 300], ["b", 100], ["c", 80]]),
  });
  assert.equal(model[1].ltv, 100); // 0.5 × mean(300, 100)
  assert.equal(model[0].ltv, 40);
});

Deno.test("channelEconomics() and acquisitionCost() reject bad input by name", () => {
  assert.throws(() => channelEconomics(HAND, { asOf: d("2025-04-01"), margin: 0 }), /margin/);
  assert.throws(
    () => channelEconomics(HAND, { asOf: d("2025-04-01"), margin: 0.3, horizonMonths: 0 }),
    /horizonMonths/,
  );
  assert.throws(
    () => acquisitionCost({ transactions: HAND.transactions }, { asOf: d("2025-04-01") }),
    /channelSpend/,
  );
  const bad = { ...HAND, channelSpend: HAND.channelSpend.withColumns(pl.lit(-1).alias("spend")) };
  assert.throws(() => acquisitionCost(bad, { asOf: d("2025-04-01") }), /spend -1 at row 1/);
  assert.throws(() => acquisitionCost(HAND, { asOf: d("2024-04-01") }), /no complete month/);
});

Deno.test("channelRecommendations() ranks channels and states the numbers it was given", () => {
  const econ = channelEconomics(HAND, { asOf: d("2025-04-01"), margin: 0.5 });
  const recs = channelRecommendations({
    economics: econ,
    funnel: [
      {
        group: "email",
        visits: 10,
        carts: 8,
        purchases: 6,
        visitToCart: 0.8,
        cartToPurchase: 0.75,
        conversion: 0.6,
      },
      {
        group: "display",
        visits: 10,
        carts: 4,
        purchases: 1,
        visitToCart: 0.4,
        cartToPurchase: 0.25,
        conversion: 0.1,
      },
    ],
  }, { currency: "$" });
  assert.ok(recs[0].startsWith("Optimise **email**"), recs[0]); // 2.2 : 1, below 3
  assert.ok(recs[0].includes("LTV $100 vs CAC $45") && recs[0].includes("0.9 months"));
  assert.ok(recs[1].startsWith("Cut or renegotiate **display**"), recs[1]);
  assert.ok(
    recs[2].includes("**display**") && recs[2].includes("25 %") && recs[2].includes("58 %"),
  );
  assert.ok(
    channelRecommendations({ economics: econ }, { targetLtvCac: 2 })[0].startsWith("Scale"),
  );
  assert.throws(
    () => channelRecommendations({ economics: econ }, { targetLtvCac: 1 }),
    /targetLtvCac/,
  );
});
