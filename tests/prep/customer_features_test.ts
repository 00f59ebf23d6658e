import assert from "node:assert/strict";
import pl from "nodejs-polars";
import { customerFeatures } from "@shoplab/lib/prep/customer_features.ts";
import { cleanTransactions } from "@shoplab/lib/prep/clean_transactions.ts";
import { readOnlineRetail } from "@shoplab/lib/data/read_online_retail.ts";
import { projectPath } from "@shoplab/lib/core/paths.ts";

const d = (s: string) => new Date(s + "T00:00:00Z");

function shop() {
  const transactions = pl.DataFrame({
    customer_id: ["a", "a", "a", "a", "b", "b", "a"],
    order_id: ["1", "2", "2", "R1", "3", "9", "2"],
    timestamp: [
      d("2025-01-01"),
      d("2025-01-11"),
      d("2025-01-11"),
      d("2025-01-12"),
      d("2025-01-05"),
      d("2025-02-01"),
      d("2025-01-11"),
    ],
    item_id: ["x", "y", "y", "y", "x", "x", "x"],
    quantity: [1, 2, 2, -1, 1, 5, 3],
    unit_price: [10, 5, 5, 5, 4, 4, 10],
  });
  const events = pl.DataFrame({
    customer_id: ["a", "a", "b", "a", "z"],
    item_id: ["x", "y", "x", "x", "x"],
    event_type: ["view", "cart", "view", "view", "view"],
    timestamp: [
      d("2025-01-15"),
      d("2025-01-19"),
      d("2024-11-01"),
      d("2025-01-25"),
      d("2025-01-02"),
    ],
  });
  const items = pl.DataFrame({
    item_id: ["x", "y"],
    title: ["X", "Y"],
    category: ["Home Decor", "toys"],
    price: [1, 1],
  });
  const customers = pl.DataFrame({
    customer_id: ["a", "b", "c"],
    signup_date: [d("2024-12-22"), d("2025-01-06"), d("2025-01-01")],
    channel: ["ads", "seo", "ads"],
    gender: ["f", null, "m"],
  });
  return { transactions, events, items, customers };
}

Deno.test("customerFeatures() computes hand-checked RFM, tenure, returns, shares and events", () => {
  const f = customerFeatures(shop(), { asOf: d("2025-01-21") });
  assert.deepEqual(f.columns, [
    "customer_id",
    "recency_days",
    "frequency",
    "monetary",
    "tenure_days",
    "active_days",
    "avg_order_value",
    "mean_interpurchase_days",
    "returns_count",
    "days_since_last_view",
    "days_since_last_cart",
    "views_30d",
    "carts_30d",
    "share_home_decor",
    "share_toys",
    "channel",
    "gender",
  ]);
  const [a, b] = f.toRecords() as Record<string, number | string | null>[];
  // a: order 1 = 10, order 2 = 2×5 (duplicate line dropped) + 3×10 = 40; return −5.
  assert.equal(a.recency_days, 10);
  assert.equal(a.frequency, 2);
  assert.equal(a.monetary, 50 - 5);
  assert.equal(a.avg_order_value, 25);
  assert.equal(a.tenure_days, 30); // signup 2024-12-22, before the first purchase
  assert.equal(a.active_days, 2);
  assert.equal(a.returns_count, 1);
  assert.equal(a.mean_interpurchase_days, 10);
  assert.equal(a.days_since_last_view, 6); // the view on 01-25 is after asOf
  assert.equal(a.days_since_last_cart, 2);
  assert.equal(a.views_30d, 1);
  assert.equal(a.share_home_decor, 40 / 50);
  assert.equal(a.share_toys, 10 / 50);
  assert.equal(a.channel, "ads");
  // b: order 9 is after asOf; signup after the first purchase → tenure from the purchase.
  assert.equal(b.frequency, 1);
  assert.equal(b.tenure_days, 16);
  assert.equal(b.mean_interpurchase_days, null);
  assert.equal(b.views_30d, 0); // the view is 81 days old
  assert.equal(b.days_since_last_view, 81);
  assert.equal(b.days_since_last_cart, null);
  assert.equal(b.gender, null);
  assert.equal(f.height, 2); // c never bought, z only viewed
});

Deno.test("customerFeatures() gives the same table from lazy frames; windowDays names columns", () => {
  const s = shop();
  const eager = customerFeatures(s, { asOf: d("2025-01-21"), windowDays: 60 });
  const lazy = customerFeatures({
    transactions: s.transactions.lazy(),
    events: s.events.lazy(),
    items: s.items.lazy(),
    customers: s.customers.lazy(),
  }, { asOf: d("2025-01-21"), windowDays: 60 });
  assert.ok(eager.frameEqual(lazy, true));
  // Microsecond timestamps (e.g. from a CSV scan) give the same table.
  const us = customerFeatures({
    ...s,
    transactions: s.transactions.withColumns(pl.col("timestamp").cast(pl.Datetime("us"))),
    events: s.events.withColumns(pl.col("timestamp").cast(pl.Datetime("us"))),
  }, { asOf: d("2025-01-21"), windowDays: 60 });
  assert.ok(eager.frameEqual(us, true));
  assert.ok(eager.columns.includes("views_60d"));
  assert.equal(eager.getColumn("views_60d").get(1), 0);
  const top1 = customerFeatures(s, { asOf: d("2025-01-21"), topCategories: 1 });
  assert.deepEqual(top1.columns.filter((c) => c.startsWith("share_")), ["share_home_decor"]);
});

Deno.test("customerFeatures() with include adds hand-checked rows for customers who never bought", () => {
  const s = shop();
  const asOf = d("2025-01-21");
  const f = customerFeatures(s, { asOf, include: ["a", "c", "z"] });
  const buyers = customerFeatures(s, { asOf });
  assert.deepEqual(f.columns, [...buyers.columns, "has_purchased"]);
  assert.deepEqual(f.getColumn("customer_id").toArray(), ["a", "b", "c", "z"]);
  // buyers keep their rows (b too, though not listed), with has_purchased = 1
  assert.ok(f.head(2).drop("has_purchased").frameEqual(buyers, true));
  const [, , c, z] = f.toRecords() as Record<string, number | string | null>[];
  // c: signed up 2025-01-01, no events, no purchase
  assert.deepEqual(c, {
    customer_id: "c",
    recency_days: null,
    frequency: 0,
    monetary: 0,
    tenure_days: 20,
    active_days: 0,
    avg_order_value: null,
    mean_interpurchase_days: null,
    returns_count: 0,
    days_since_last_view: null,
    days_since_last_cart: null,
    views_30d: 0,
    carts_30d: 0,
    share_home_decor: 0,
    share_toys: 0,
    channel: "ads",
    gender: "m",
    has_purchased: 0,
  });
  // z: no customers row, one view on 2025-01-02 → tenure and last view 19 days
  assert.equal(z.tenure_days, 19);
  assert.equal(z.days_since_last_view, 19);
  assert.equal(z.views_30d, 1);
  assert.equal(z.channel, null);
  assert.equal(z.has_purchased, 0);
  assert.deepEqual(f.getColumn("has_purchased").toArray(), [1, 1, 0, 0]);
  // lazy inputs give the same table
  const lazy = customerFeatures({
    transactions: s.transactions.lazy(),
    events: s.events.lazy(),
    items: s.items.lazy(),
    customers: s.customers.lazy(),
  }, { asOf, include: ["a", "c", "z"] });
  assert.ok(f.frameEqual(lazy, true));
  // before any purchase: only the included rows; a signup after asOf gives no tenure
  const early = customerFeatures(s, { asOf: d("2024-12-30"), include: ["a", "c"] });
  assert.deepEqual(early.getColumn("customer_id").toArray(), ["a", "c"]);
  assert.deepEqual(early.getColumn("tenure_days").toArray(), [8, null]);
  assert.deepEqual(early.getColumn("days_since_last_view").toArray(), [null, null]);
  // an empty list still adds the flag; bad input is named
  assert.deepEqual(
    customerFeatures(s, { asOf, include: [] }).getColumn("has_purchased").toArray(),
    [1, 1],
  );
  assert.throws(
    () => customerFeatures(s, { asOf, include: [1] as unknown as string[] }),
    /include must be an array of customer id strings/,
  );
});

Deno.test("customerFeatures() with transactions only, and limits", () => {
  const { transactions } = shop();
  const f = customerFeatures({ transactions }, { asOf: d("2025-01-21"), dropDuplicates: false });
  assert.equal(f.width, 9);
  assert.equal(f.getColumn("monetary").get(0), 55); // the duplicate line counts now
  assert.equal(f.getColumn("tenure_days").get(0), 20);
  assert.equal(customerFeatures({ transactions }, { asOf: d("2024-01-01") }).height, 0);
  assert.equal(
    customerFeatures({ transactions: transactions.head(0) }, { asOf: d("2025-01-21") }).height,
    0,
  );
  assert.throws(() => customerFeatures({ transactions }, { asOf: new Date("nope") }), RangeError);
  assert.throws(
    () => customerFeatures({ transactions }, { asOf: d("2025-01-21"), windowDays: 0 }),
    RangeError,
  );
  assert.throws(
    () =>
      customerFeatures({ transactions: transactions.drop("order_id") }, { asOf: d("2025-01-21") }),
    /column "order_id"/,
  );
});

Deno.test("customerFeatures() on Online Retail matches an independent row-by-row count", () => {
  const or = readOnlineRetail(projectPath("../shared/datasets/online-retail/online_retail.csv"));
  const clean = cleanTransactions(or.transactions, { returns: "keep" });
  // Duplicates: rows minus distinct rows, counted with a JS Set of whole-row keys.
  const cols = or.transactions.columns.map((c) =>
    or.transactions.getColumn(c).cast(pl.Utf8).toArray()
  );
  const keys = new Set(cols[0].map((_, i) => cols.map((c) => c[i]).join("\u0001")));
  assert.equal(clean.summary.steps[0].rows, or.transactions.height - keys.size);
  assert.ok(clean.summary.steps[0].rows > 5000); // the reader flags 5,220 in the raw file
  const asOf = d("2011-10-01");
  const f = customerFeatures({ transactions: clean.table }, { asOf, dropDuplicates: false });
  // Reference: plain loops over the cleaned rows.
  const t = clean.table;
  const cust = t.getColumn("customer_id").toArray() as string[];
  const order = t.getColumn("order_id").toArray() as string[];
  const ts = t.getColumn("timestamp").cast(pl.Float64).toArray() as number[];
  const q = t.getColumn("quantity").toArray() as number[];
  const p = t.getColumn("unit_price").toArray() as number[];
  const ref = new Map<string, { orders: Set<string>; money: number; last: number }>();
  for (let i = 0; i < t.height; i++) {
    if (ts[i] >= asOf.getTime()) continue;
    const r = ref.get(cust[i]) ?? { orders: new Set(), money: 0, last: -Infinity };
    r.money += q[i] * p[i];
    if (q[i] > 0) {
      r.orders.add(order[i]);
      r.last = Math.max(r.last, ts[i]);
    }
    ref.set(cust[i], r);
  }
  const buyers = [...ref].filter(([, r]) => r.orders.size > 0);
  assert.equal(f.height, buyers.length);
  const rows = new Map(
    (f.toRecords() as {
      customer_id: string;
      frequency: number;
      monetary: number;
      recency_days: number;
    }[])
      .map((r) => [r.customer_id, r]),
  );
  for (const [id, r] of buyers) {
    const got = rows.get(id)!;
    assert.equal(got.frequency, r.orders.size, id);
    assert.ok(Math.abs(got.monetary - r.money) < 1e-6 * Math.max(1, Math.abs(r.money)), id);
    assert.ok(Math.abs(got.recency_days - (asOf.getTime() - r.last) / 86_400_000) < 1e-9, id);
  }
});
