/**
 * Reader for the UCI Online Retail data set (`online_retail.csv`: every invoice line of a UK
 * online gift retailer, 2010-12-01 to 2011-12-09). Each quirk of the file gets an explicit
 * choice, counted in the cleaning summary:
 *
 * | quirk | choice |
 * | --- | --- |
 * | `CustomerID` empty (135,080 rows) | dropped: customer analytics needs a customer |
 * | `CustomerID` as float text `17850.0` | changed to `"17850"` |
 * | invoices starting `A` (bad-debt adjustments) | dropped: not sales |
 * | non-product stock codes (POST, DOT, M, m, C2, D, S, B, BANK CHARGES, AMAZONFEE, CRUK, PADS, gift_0001_*) | dropped: postage, fees, manual adjustments and vouchers are not products |
 * | `UnitPrice` ≤ 0 | dropped: free or corrupt lines carry no revenue signal |
 * | cancellation invoices `C…` (negative quantity) | kept as return lines with negative quantity, so net revenue is right |
 * | negative quantity without a `C` invoice | dropped: stock adjustments, not customer returns |
 * | `Description` padded with spaces | trimmed (used for item titles) |
 * | `InvoiceDate` in UK local time | read as UTC wall-clock time (no shift; hours stay as printed) |
 * | exact duplicate lines | kept and flagged (`lib/prep` removes them) |
 *
 * @module
 */
import pl from "nodejs-polars";
import type { CleaningStep, ShopData } from "./types.ts";
import { IT, TX } from "./schema.ts";
import { checkTextFile } from "./_file_checks.ts";
import { convertColumns, readStrings, requireColumns } from "./_parse.ts";

/** The columns of `online_retail.csv`; all must be present (CustomerID and Description may be empty). */
export const ONLINE_RETAIL_COLUMNS: readonly string[] = [
  "InvoiceNo",
  "StockCode",
  "Description",
  "Quantity",
  "InvoiceDate",
  "UnitPrice",
  "CustomerID",
  "Country",
];

/** Stock codes that are not products (postage, fees, adjustments), plus the `gift_` prefix. */
export const ONLINE_RETAIL_NON_PRODUCT_CODES: readonly string[] = [
  "POST",
  "DOT",
  "M",
  "m",
  "C2",
  "D",
  "S",
  "B",
  "BANK CHARGES",
  "AMAZONFEE",
  "CRUK",
  "PADS",
];

/** Counts of the raw file, before any cleaning. */
export interface OnlineRetailRawStats {
  /** Data rows in the file (541,909 in the UCI release). */
  readonly rows: number;
  /** Distinct non-empty `CustomerID` values, as written (before `17850.0` → `17850`). */
  readonly customers: number;
  /** Distinct `InvoiceNo` values (sales, cancellations `C…` and adjustments `A…`). */
  readonly invoices: number;
  /** Distinct `StockCode` values, non-product codes included. */
  readonly stockCodes: number;
  /** Sum of `Quantity` × `UnitPrice` over every row, in pounds sterling (returns subtract). */
  readonly revenue: number;
}

/** Result of {@linkcode readOnlineRetail}: the shop plus counts of the raw file. */
export interface OnlineRetailData extends ShopData {
  /** Counts of the raw file, before any cleaning step. */
  readonly raw: OnlineRetailRawStats;
}

/**
 * Reads Online Retail into canonical transactions (with `country`) and items (title = most
 * common trimmed description, price = median unit price). No customers, events or spend.
 *
 * @param path Path of `online_retail.csv`.
 * @returns The shop, its cleaning summary and raw counts.
 * @throws {DataError} When the file is missing, malformed or lacks a column.
 * @example
 * ```ts
 * import { readOnlineRetail } from "@shoplab/lib/data/read_online_retail.ts";
 * import assert from "node:assert/strict";
 * const f = await Deno.makeTempFile({ suffix: ".csv" });
 * await Deno.writeTextFile(f, [
 *   "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country",
 *   "536365,85123A, WHITE HANGING HEART ,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom",
 *   "536366,POST,POSTAGE,1,2010-12-01 08:28:00,18,17850.0,United Kingdom",
 *   "536367,85123A,WHITE HANGING HEART,2,2010-12-01 09:00:00,2.95,,United Kingdom",
 *   "C536379,85123A,WHITE HANGING HEART,-1,2010-12-01 09:41:00,2.55,17850.0,United Kingdom",
 * ].join("\n") + "\n");
 * const shop = readOnlineRetail(f);
 * assert.equal(shop.raw.rows, 4);
 * // Dropped: the postage line and the line without a customer; the cancellation stays a return.
 * assert.deepEqual(shop.transactions.getColumn("quantity").toArray(), [6, -1]);
 * assert.equal(shop.transactions.getColumn("customer_id").get(0), "17850");
 * assert.equal(shop.items?.getColumn("title").get(0), "WHITE HANGING HEART");
 * const steps = Object.fromEntries(shop.cleaning[0].steps.map((s) => [s.step, s.rows]));
 * assert.equal(steps["missing-customer"], 1);
 * assert.equal(steps["non-product"], 1);
 * await Deno.remove(f);
 * ```
 */
export function readOnlineRetail(path: string): OnlineRetailData {
  const ctx = { table: "Online Retail transactions", file: path };
  const head = checkTextFile(ctx);
  const strings = readStrings(ctx, head, { minColumns: 8 });
  requireColumns(
    strings.columns,
    ONLINE_RETAIL_COLUMNS.map((name) => ({ name, kind: "string", required: true })),
    ctx,
  );
  const df = convertColumns(strings, [
    { name: "invoice", kind: "string", required: true, source: "InvoiceNo" },
    { name: "stock", kind: "string", required: true, source: "StockCode" },
    { name: "description", kind: "string", required: false, source: "Description" },
    { name: "quantity", kind: "float", required: true, source: "Quantity" },
    { name: "timestamp", kind: "datetime", required: true, source: "InvoiceDate" },
    { name: "price", kind: "float", required: true, source: "UnitPrice" },
    { name: "customer", kind: "string", required: false, source: "CustomerID" },
    { name: "country", kind: "string", required: false, source: "Country" },
  ], ctx);
  const raw: OnlineRetailRawStats = {
    rows: df.height,
    customers: df.getColumn("customer").dropNulls().nUnique(),
    invoices: df.getColumn("invoice").nUnique(),
    stockCodes: df.getColumn("stock").nUnique(),
    revenue: Number(
      df.select(pl.col("quantity").mul(pl.col("price")).sum()).getColumn("quantity").get(0),
    ),
  };
  const steps: CleaningStep[] = [];
  let cur = df;
  const drop = (step: string, keep: pl.Expr, reason: string) => {
    const before = cur.height;
    cur = cur.filter(keep);
    steps.push({ step, rows: before - cur.height, action: "dropped", reason });
  };
  drop("missing-customer", pl.col("customer").isNotNull(), "CustomerID is empty");
  const floatIds = cur.filter(pl.col("customer").str.endsWith(".0")).height;
  cur = cur.withColumns(pl.col("customer").str.replace("\\.0$", "").alias("customer"));
  steps.push({
    step: "customer-id-text",
    rows: floatIds,
    action: "changed",
    reason: 'CustomerID written as float text ("17850.0" → "17850")',
  });
  drop(
    "bad-debt",
    pl.col("invoice").str.startsWith("A").not(),
    "invoice starts with A: bad-debt adjustment",
  );
  drop(
    "non-product",
    pl.col("stock").isIn([...ONLINE_RETAIL_NON_PRODUCT_CODES]).not().and(
      pl.col("stock").str.startsWith("gift_").not(),
    ),
    "stock code is postage, a fee, a manual adjustment or a voucher",
  );
  drop("non-positive-price", pl.col("price").gt(0), "UnitPrice is zero or negative");
  drop(
    "negative-quantity-not-cancellation",
    pl.col("quantity").gt(0).or(pl.col("invoice").str.startsWith("C")),
    "negative quantity on an invoice that is not a cancellation",
  );
  steps.push({
    step: "cancellations",
    rows: cur.filter(pl.col("invoice").str.startsWith("C")).height,
    action: "flagged",
    reason: "cancellation invoices (C…) kept as return lines with negative quantity",
  });
  const padded = strings.filter(
    pl.col("Description").neq(pl.col("Description").str.strip()),
  ).height;
  steps.push({
    step: "trim-description",
    rows: padded,
    action: "changed",
    reason: "descriptions trimmed of leading/trailing spaces (count over the raw file)",
  });
  steps.push({
    step: "duplicate-rows",
    rows: cur.height - cur.unique().height,
    action: "flagged",
    reason: "exact duplicate lines (kept; lib/prep's dropDuplicates removes them)",
  });
  const transactions = cur.select(
    pl.col("customer").alias(TX.customer),
    pl.col("invoice").alias(TX.order),
    pl.col("timestamp").alias(TX.timestamp),
    pl.col("stock").alias(TX.item),
    pl.col("quantity").alias(TX.quantity),
    pl.col("price").alias(TX.unitPrice),
    pl.col("country").alias(TX.country),
  );
  const titles = cur.filter(pl.col("description").isNotNull())
    .groupBy(["stock", "description"]).agg(pl.len().alias("n"))
    .sort(["stock", "n", "description"], [false, true, false])
    .groupBy("stock").agg(pl.col("description").first().alias(IT.title));
  const items = cur.groupBy("stock").agg(pl.col("price").median().alias(IT.price))
    .join(titles, { on: "stock", how: "left" })
    .select(
      pl.col("stock").alias(IT.item),
      pl.col(IT.title),
      pl.lit(null).cast(pl.Utf8).alias(IT.category),
      pl.col(IT.price),
    ).sort(IT.item);
  return {
    source: { format: "online-retail", path },
    transactions,
    items,
    cleaning: [{
      file: path,
      table: "transactions",
      rowsRead: raw.rows,
      rowsKept: transactions.height,
      steps,
    }],
    raw,
  };
}
