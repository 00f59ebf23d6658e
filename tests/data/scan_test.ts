/**
 * The lazy readers (`scanTableFile`, `scanSynthetic`, `scanShop`) against the eager ones: the
 * same tables, the same cleaning summaries, the same feature tables, and the same errors for
 * every malformed input.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import pl from "nodejs-polars";
import {
  DataError,
  ensureDefaultData,
  readOnlineRetail,
  readSynthetic,
  readTableFile,
  scanShop,
  scanSynthetic,
  scanTableFile,
  TABLE_NAMES,
} from "@shoplab/lib/data/mod.ts";
import { customerFeatures } from "@shoplab/lib/prep/customer_features.ts";
import { projectPath } from "@shoplab/lib/core/paths.ts";
import { CASES, EAGER, LAZY, writeCase } from "./_malformed_cases.ts";

const ONLINE_RETAIL = projectPath("../shared/datasets/online-retail/online_retail.csv");
const OR_MAPPING = {
  customer_id: "CustomerID",
  order_id: "InvoiceNo",
  timestamp: "InvoiceDate",
  item_id: "StockCode",
  quantity: "Quantity",
  unit_price: "UnitPrice",
  country: "Country",
};

function caught(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  return undefined;
}

for (const c of CASES.filter((c) => c.lazy !== false)) {
  Deno.test(`scanTableFile()/scanSynthetic()/scanShop() reject like the eager readers: ${c.name}`, async () => {
    const dir = await Deno.makeTempDir();
    const path = join(dir, "input.csv");
    try {
      await writeCase(c, path);
      const eager = caught(() => c.read(path, EAGER));
      const lazy = caught(() => c.read(path, LAZY));
      assert.ok(eager instanceof DataError, `eager: expected a DataError, got ${eager}`);
      assert.ok(lazy instanceof DataError, `lazy: expected a DataError, got ${lazy}`);
      assert.equal(lazy.message, eager.message);
      assert.deepEqual(
        [lazy.file, lazy.column, lazy.row, lazy.value],
        [eager.file, eager.column, eager.row, eager.value],
      );
      assert.match(lazy.message, c.message);
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  });
}

Deno.test("scanSynthetic() gives the eager tables, summaries and feature table on the default shop", async () => {
  const dir = await ensureDefaultData();
  const eager = readSynthetic(dir);
  const lazy = scanSynthetic(dir, { countDuplicates: TABLE_NAMES });
  for (const t of TABLE_NAMES) {
    assert.ok(eager[t] && lazy[t], t);
    assert.ok(eager[t].frameEqual(lazy[t].collectSync(), true), t);
  }
  assert.deepEqual(lazy.cleaning, eager.cleaning);
  // The default leaves out the events' duplicate count, and only that.
  const quick = scanSynthetic(dir);
  const withoutEventDups = eager.cleaning.map((s) =>
    s.table === "events" ? { ...s, steps: s.steps.filter((x) => x.step !== "duplicate-rows") } : s
  );
  assert.deepEqual(quick.cleaning, withoutEventDups);
  for (const asOf of [new Date("2025-07-01T00:00:00Z"), new Date("2025-12-01T00:00:00Z")]) {
    const a = customerFeatures(eager, { asOf });
    const b = customerFeatures(quick, { asOf });
    assert.ok(a.height > 1000 && a.columns.some((c) => c.startsWith("share_")), "real table");
    assert.ok(a.frameEqual(b, true), `feature tables differ at ${asOf.toISOString()}`);
  }
  const viaShop = scanShop({ path: dir });
  assert.ok(
    customerFeatures(viaShop, { asOf: new Date("2025-10-01T00:00:00Z") })
      .frameEqual(customerFeatures(eager, { asOf: new Date("2025-10-01T00:00:00Z") }), true),
  );
});

Deno.test("scanTableFile() gives the eager table and features on cleaned Online Retail", async () => {
  const or = readOnlineRetail(ONLINE_RETAIL);
  const dir = await Deno.makeTempDir();
  try {
    // The cleaned lines as a user's export: real prices (2.55, 0.85, …) parsed by both readers.
    const file = join(dir, "orders.csv");
    or.transactions.select(
      pl.col("customer_id").alias("Customer"),
      pl.col("order_id").alias("Invoice"),
      pl.col("timestamp").dt.strftime("%d/%m/%Y %H:%M").alias("Date"),
      pl.col("item_id").alias("SKU"),
      pl.col("quantity").alias("Qty"),
      pl.col("unit_price").alias("Price"),
    ).writeCSV(file);
    const options = {
      columns: {
        customer_id: "Customer",
        order_id: "Invoice",
        timestamp: "Date",
        item_id: "SKU",
        quantity: "Qty",
        unit_price: "Price",
      },
      timestampFormat: "%d/%m/%Y %H:%M",
    };
    const eager = readTableFile(file, "transactions", options);
    const lazy = scanTableFile(file, "transactions", options);
    assert.equal(eager.height, 404_876);
    assert.ok(eager.frameEqual(lazy.collectSync(), true));
    const asOf = new Date("2011-10-01T00:00:00Z");
    const a = customerFeatures({ transactions: eager, items: or.items }, { asOf });
    const b = customerFeatures({ transactions: lazy, items: or.items!.lazy() }, { asOf });
    assert.equal(a.height, 3_613);
    assert.ok(a.frameEqual(b, true));
    const viaShop = scanShop({ path: file, format: "transactions", ...options });
    assert.equal(viaShop.cleaning[0].rowsRead, 404_876);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("scanTableFile() stops at the same row as the eager reader on raw Online Retail", () => {
  // 135,080 lines have no CustomerID: as plain transactions that is an error at the first one.
  const eager = caught(() => readTableFile(ONLINE_RETAIL, "transactions", { columns: OR_MAPPING }));
  const lazy = caught(() => scanTableFile(ONLINE_RETAIL, "transactions", { columns: OR_MAPPING }));
  assert.ok(eager instanceof DataError && lazy instanceof DataError);
  assert.equal(lazy.message, eager.message);
  assert.equal(lazy.row, eager.row);
  assert.match(lazy.message, /column "CustomerID" is empty at row 623, a value is required/);
});

Deno.test("scanTableFile() falls back to the text scan for values the CSV reader rejects", async () => {
  // " 3.5" (padded) and "1e3" are numbers for the eager reader; a padded one is not for polars'
  // Float64 CSV parser, so the lazy reader must re-read that column as text.
  const f = await Deno.makeTempFile({ suffix: ".csv" });
  try {
    await Deno.writeTextFile(
      f,
      "customer_id,order_id,timestamp,item_id,quantity,unit_price\n" +
        "C1,O1,2025-01-02 10:00:00,I1, 2 ,3.5\nC2,O2,2025-01-03 11:00:00,I2,1e3,0.25\n",
    );
    const eager = readTableFile(f, "transactions");
    const lazy = scanTableFile(f, "transactions").collectSync();
    assert.ok(eager.frameEqual(lazy, true));
    assert.deepEqual(lazy.getColumn("quantity").toArray(), [2, 1000]);
  } finally {
    await Deno.remove(f);
  }
});

Deno.test("scanTableFile() reads Parquet like readTableFile()", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const file = join(dir, "events.parquet");
    pl.DataFrame({
      customer_id: ["C1", "C1", "C2"],
      item_id: ["I1", "I2", "I1"],
      event_type: ["view", "cart", "purchase"],
      timestamp: [
        new Date("2025-01-01T10:00:00Z"),
        new Date("2025-01-01T10:01:00Z"),
        new Date("2025-01-02T09:00:00Z"),
      ],
    }).writeParquet(file);
    const eager = readTableFile(file, "events");
    assert.ok(eager.frameEqual(scanTableFile(file, "events").collectSync(), true));
    const shop = scanShop({ path: file, format: "events" });
    assert.equal(shop.transactions.collectSync().height, 1);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
