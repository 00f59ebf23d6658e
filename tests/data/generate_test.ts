/** The synthetic shop: deterministic, canonical, and carrying the signals later methods need. */
import assert from "node:assert/strict";
import { join } from "node:path";
import pl from "nodejs-polars";
import { ensureDefaultData, generateShop, readSynthetic, SCHEMA } from "@shoplab/lib/data/mod.ts";

async function sha256(path: string): Promise<string> {
  const d = await crypto.subtle.digest("SHA-256", await Deno.readFile(path));
  return Array.from(new Uint8Array(d), (b) => b.toString(16).padStart(2, "0")).join("");
}

const FILES = [
  "transactions.csv",
  "events.csv",
  "customers.csv",
  "items.csv",
  "channel_spend.csv",
  "manifest.json",
];

Deno.test("generateShop() is deterministic: same seed → byte-identical files, other seed → different", async () => {
  const dir = await Deno.makeTempDir();
  try {
    await generateShop(join(dir, "a"), { customers: 300, items: 200, seed: 7 });
    await generateShop(join(dir, "b"), { customers: 300, items: 200, seed: 7 });
    await generateShop(join(dir, "c"), { customers: 300, items: 200, seed: 8 });
    for (const f of FILES) {
      assert.equal(await sha256(join(dir, "a", f)), await sha256(join(dir, "b", f)), f);
    }
    assert.notEqual(
      await sha256(join(dir, "a", "transactions.csv")),
      await sha256(join(dir, "c", "transactions.csv")),
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("generateShop() writes canonical headers and purchases that match transactions", async () => {
  const dir = await Deno.makeTempDir();
  try {
    await generateShop(dir, { customers: 400, items: 300, seed: 3 });
    const header = (f: string) => Deno.readTextFileSync(join(dir, f)).split("\n")[0].split(",");
    assert.deepEqual(header("transactions.csv"), SCHEMA.transactions.map((c) => c.name));
    assert.deepEqual(header("events.csv"), SCHEMA.events.map((c) => c.name));
    assert.deepEqual(header("customers.csv"), SCHEMA.customers.map((c) => c.name));
    assert.deepEqual(header("items.csv"), SCHEMA.items.map((c) => c.name));
    assert.deepEqual(header("channel_spend.csv"), SCHEMA.channelSpend.map((c) => c.name));
    const shop = readSynthetic(dir);
    const purchases = shop.events!.filter(pl.col("event_type").eq(pl.lit("purchase"))).unique()
      .select("customer_id", "item_id", "timestamp");
    const sales = shop.transactions.filter(pl.col("quantity").gt(0)).select(
      "customer_id",
      "item_id",
      "timestamp",
    ).unique();
    assert.equal(
      purchases.join(sales, { on: ["customer_id", "item_id", "timestamp"], how: "anti" }).height,
      0,
    );
    assert.ok(purchases.height > 500);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

for (const seed of [11, 12]) {
  Deno.test(`generateShop() plants the promised signals (seed ${seed})`, async () => {
    const dir = await Deno.makeTempDir();
    try {
      await generateShop(dir, { customers: 1500, items: 400, seed });
      const shop = readSynthetic(dir);
      const tx = shop.transactions.withColumns(pl.col("timestamp").cast(pl.Int64).alias("t"));
      const ev = shop.events!.withColumns(pl.col("timestamp").cast(pl.Int64).alias("t"));
      // 1. Recent carts → purchases in the next week.
      const cut = Date.UTC(2025, 8, 1), week = 7 * 86_400_000;
      const carted = new Set<string>(
        <string[]> ev.filter(
          pl.col("event_type").eq(pl.lit("cart")).and(pl.col("t").gtEq(cut - week)).and(
            pl.col("t").lt(cut),
          ),
        ).getColumn("customer_id").toArray() as string[],
      );
      const viewed = new Set<string>(
        <string[]> ev.filter(
          pl.col("event_type").eq(pl.lit("view")).and(pl.col("t").gtEq(cut - week)).and(
            pl.col("t").lt(cut),
          ),
        ).getColumn("customer_id").toArray() as string[],
      );
      const buyers = new Set<string>(
        <string[]> tx.filter(
          pl.col("quantity").gt(0).and(pl.col("t").gtEq(cut)).and(pl.col("t").lt(cut + week)),
        ).getColumn("customer_id").toArray() as string[],
      );
      const rate = (s: Set<string>) =>
        [...s].filter((c) => buyers.has(c)).length / Math.max(1, s.size);
      const viewOnly = new Set([...viewed].filter((c) => !carted.has(c)));
      assert.ok(
        rate(carted) >= 2 * rate(viewOnly),
        `cart ${rate(carted)} vs view-only ${rate(viewOnly)}`,
      );
      // 2. Channels differ: repeat-purchase share of email vs display customers.
      const orders = tx.filter(pl.col("quantity").gt(0)).groupBy(["customer_id", "channel"]).agg(
        pl.col("order_id").nUnique().alias("n"),
      );
      const repeat = (ch: string) => {
        const g = orders.filter(pl.col("channel").eq(pl.lit(ch)));
        return g.filter(pl.col("n").gtEq(2)).height / g.height;
      };
      assert.ok(
        repeat("email") > repeat("display") + 0.1,
        `email ${repeat("email")} vs display ${repeat("display")}`,
      );
      // 3. Holiday peak: weekly revenue late Nov – Dec 23 vs April – June.
      const revenue = (from: number, to: number) =>
        Number(
          tx.filter(pl.col("t").gtEq(from).and(pl.col("t").lt(to))).select(
            pl.col("quantity").mul(pl.col("unit_price")).sum().alias("r"),
          ).getColumn("r").get(0),
        ) / ((to - from) / week);
      const peak = revenue(Date.UTC(2025, 10, 22), Date.UTC(2025, 11, 24));
      const spring = revenue(Date.UTC(2025, 3, 1), Date.UTC(2025, 6, 1));
      assert.ok(peak > 1.3 * spring, `peak ${peak} vs spring ${spring}`);
      // 4. Taste: a customer's purchases concentrate on few categories.
      const cats = tx.filter(pl.col("quantity").gt(0)).join(
        shop.items!.select("item_id", "category"),
        { on: "item_id" },
      )
        .groupBy(["customer_id", "category"]).agg(pl.len().alias("n"))
        .groupBy("customer_id").agg(
          pl.col("n").max().cast(pl.Float64).div(pl.col("n").sum().cast(pl.Float64)).alias("top"),
          pl.col("n").sum().alias("total"),
        )
        .filter(pl.col("total").gtEq(5));
      const topShare = Number(cats.getColumn("top").mean());
      assert.ok(topShare > 0.35, `mean top-category share ${topShare}`);
      // 5. Dirt on purpose: duplicates, returns, missing values.
      const dupShare = (tx.height - tx.unique().height) / tx.height;
      assert.ok(dupShare > 0.002 && dupShare < 0.02, `duplicate share ${dupShare}`);
      const returnShare = tx.filter(pl.col("quantity").lt(0)).height / tx.height;
      assert.ok(returnShare > 0.02 && returnShare < 0.07, `return share ${returnShare}`);
      assert.ok(shop.customers!.getColumn("gender").nullCount() > 0);
      assert.ok(shop.items!.getColumn("price").nullCount() > 0);
      // 6. Churn: customers silent for 90+ days before the cut rarely come back in 60 days.
      const last = tx.filter(pl.col("t").lt(cut)).groupBy("customer_id").agg(
        pl.col("t").max().alias("last"),
      );
      const later = new Set<string>(
        <string[]> tx.filter(pl.col("t").gtEq(cut).and(pl.col("t").lt(cut + 60 * 86_400_000)))
          .getColumn(
            "customer_id",
          ).toArray(),
      );
      const back = (dormant: boolean) => {
        const ids = last.filter(
          dormant
            ? pl.col("last").lt(cut - 90 * 86_400_000)
            : pl.col("last").gtEq(cut - 30 * 86_400_000),
        ).getColumn("customer_id").toArray() as string[];
        return ids.filter((c) => later.has(c)).length / Math.max(1, ids.length);
      };
      assert.ok(back(false) > 3 * back(true), `recent ${back(false)} vs dormant ${back(true)}`);
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  });
}

Deno.test("ensureDefaultData() generates once and is then a no-op", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const target = join(dir, "shop");
    await ensureDefaultData({ dir: target, seed: 5 });
    const first = (await Deno.stat(join(target, "manifest.json"))).mtime?.getTime();
    await ensureDefaultData({ dir: target, seed: 5 });
    assert.equal((await Deno.stat(join(target, "manifest.json"))).mtime?.getTime(), first);
    assert.equal(
      JSON.parse(await Deno.readTextFile(join(target, "manifest.json"))).customers,
      5000,
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
