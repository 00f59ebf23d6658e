import assert from "node:assert/strict";
import pl from "nodejs-polars";
import { conversionFunnel } from "@shoplab/lib/acquisition/mod.ts";
import { AS_OF, records, SHOP } from "./_shop.ts";

/** Independent plain-JS funnel over event records. */
function bruteForce(unit: "customer_id" | "session_id") {
  const channel = new Map(
    records(SHOP.customers!).map((r) => [r.customer_id, r.channel ?? "unknown"]),
  );
  const seen = new Map<string, { c: string; cart: boolean; buy: boolean }>();
  for (const e of records(SHOP.events!)) {
    if ((e.timestamp as Date).getTime() >= AS_OF.getTime()) continue;
    const k = String(e[unit]);
    const s = seen.get(k) ?? { c: String(e.customer_id), cart: false, buy: false };
    if (e.event_type === "cart") s.cart = true;
    if (e.event_type === "purchase") s.buy = true;
    seen.set(k, s);
  }
  const out = new Map<string, number[]>();
  for (const s of seen.values()) {
    const g = String(channel.get(s.c) ?? "unknown");
    const a = out.get(g) ?? [0, 0, 0];
    a[0]++, a[1] += s.cart ? 1 : 0, a[2] += s.cart && s.buy ? 1 : 0;
    out.set(g, a);
  }
  return out;
}

Deno.test("conversionFunnel() matches a brute-force count per channel, for customers and sessions", () => {
  for (const [unit, col] of [["customers", "customer_id"], ["sessions", "session_id"]] as const) {
    const rows = conversionFunnel(SHOP as never, { asOf: AS_OF, by: "channel", unit });
    const want = bruteForce(col);
    assert.deepEqual(rows.map((r) => r.group), [...want.keys()].sort());
    for (const r of rows) {
      assert.deepEqual([r.visits, r.carts, r.purchases], want.get(r.group), `${unit} ${r.group}`);
      assert.ok(r.visitToCart <= 1 && r.cartToPurchase <= 1 && r.conversion <= r.visitToCart);
      assert.equal(r.conversion, r.purchases / r.visits);
    }
  }
});

Deno.test("conversionFunnel() is nested: a purchase without a cart is only a visit; since/asOf cut", () => {
  const t = (s: string) => new Date(`2025-01-${s}T00:00:00Z`);
  const events = pl.DataFrame({
    customer_id: ["a", "a", "b", "c", "c"],
    item_id: ["x", "x", "y", "z", "z"],
    event_type: ["view", "purchase", "view", "cart", "purchase"],
    timestamp: [t("02"), t("03"), t("04"), t("05"), t("20")],
    session_id: ["s1", "s1", "s2", "s3", "s4"],
  });
  const [all] = conversionFunnel({ events }, { asOf: t("31") });
  assert.deepEqual([all.visits, all.carts, all.purchases], [3, 1, 1]);
  const [early] = conversionFunnel({ events }, { asOf: t("10") });
  assert.deepEqual([early.visits, early.carts, early.purchases], [3, 1, 0]);
  const [late] = conversionFunnel({ events }, { asOf: t("31"), since: t("04") });
  assert.equal(late.visits, 2);
  const [sessions] = conversionFunnel({ events }, { asOf: t("31"), unit: "sessions" });
  assert.deepEqual([sessions.visits, sessions.carts, sessions.purchases], [4, 1, 0]); // c carts in s3, buys in s4
});

Deno.test("conversionFunnel() rejects missing tables, columns and options by name", () => {
  const events = pl.DataFrame({
    customer_id: ["a"],
    event_type: ["view"],
    timestamp: [new Date(0)],
  });
  assert.throws(
    () => conversionFunnel({ events }, { asOf: new Date(1), unit: "sessions" }),
    /session_id/,
  );
  assert.throws(
    () => conversionFunnel({ events }, { asOf: new Date(1), by: "channel" }),
    /customers table/,
  );
  assert.throws(() => conversionFunnel({ events }, { asOf: new Date("x") }), /asOf/);
  assert.throws(() => conversionFunnel({} as never, { asOf: new Date(1) }), /events table/);
});
