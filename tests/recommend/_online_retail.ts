/**
 * Minimal Online Retail parsing for the recommender tests and bench, until the project's reader
 * (lib/data/online_retail.ts) is in place: drop rows without CustomerID, cancellations (invoice
 * "C…"), and non-positive quantity or price. Returns canonical transactions and items tables.
 */
import pl from "nodejs-polars";
import { projectPath } from "@shoplab/lib/core/paths.ts";

export const ONLINE_RETAIL_PATH = projectPath("../shared/datasets/online-retail/online_retail.csv");

export function readOnlineRetailMinimal(
  path = ONLINE_RETAIL_PATH,
): { transactions: pl.DataFrame; items: pl.DataFrame } {
  const raw = pl.readCSV(path, { inferSchemaLength: 0 });
  const transactions = raw
    .filter(pl.col("CustomerID").isNotNull().and(pl.col("InvoiceNo").str.startsWith("C").not()))
    .select(
      pl.col("CustomerID").str.replace("\\.0$", "").alias("customer_id"),
      pl.col("InvoiceNo").alias("order_id"),
      pl.col("InvoiceDate").str.strptime(pl.Datetime("ms"), "%Y-%m-%d %H:%M:%S").cast(
        pl.Datetime("ms"),
      ).alias("timestamp"),
      pl.col("StockCode").alias("item_id"),
      pl.col("Quantity").cast(pl.Float64).alias("quantity"),
      pl.col("UnitPrice").cast(pl.Float64).alias("unit_price"),
      pl.col("Description").str.strip().alias("title"),
    )
    .filter(pl.col("quantity").gt(0).and(pl.col("unit_price").gt(0)));
  const items = transactions.groupBy("item_id").agg(
    pl.col("title").dropNulls().first().alias("title"),
  );
  return { transactions: transactions.drop("title"), items };
}
