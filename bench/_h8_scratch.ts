import pl from "nodejs-polars";
import { chronologicalSplit } from "@shoplab/lib/recommend/chronological_split.ts";
import { evaluateRecommenders } from "@shoplab/lib/recommend/evaluate_recommenders.ts";
import { itemKnn } from "@shoplab/lib/recommend/item_knn.ts";
import { userKnn } from "@shoplab/lib/recommend/user_knn.ts";
import { implicitAls } from "@shoplab/lib/recommend/implicit_als.ts";
import { popularity } from "@shoplab/lib/recommend/popularity.ts";
const df = pl.readCSV("/work/shared/datasets/online-retail/online_retail.csv", { inferSchemaLength: 0 });
const tx = df.filter(pl.col("CustomerID").isNotNull().and(pl.col("InvoiceNo").str.startsWith("C").not())).select(
  pl.col("CustomerID").str.replace("\\.0$", "").alias("customer_id"), pl.col("InvoiceNo").alias("order_id"),
  pl.col("InvoiceDate").str.strptime(pl.Datetime("ms"), "%Y-%m-%d %H:%M:%S").alias("timestamp"),
  pl.col("StockCode").alias("item_id"), pl.col("Quantity").cast(pl.Float64).alias("quantity"), pl.col("UnitPrice").cast(pl.Float64).alias("unit_price")).filter(pl.col("unit_price").gt(0));
const transform = (Deno.args[0] ?? "none") as "none";
const cut = Date.UTC(2011, Deno.args[1] ? +Deno.args[1] : 9, 1);
const end = Deno.args[2] ? Date.UTC(2011, +Deno.args[2], 1) : undefined;
const split = chronologicalSplit({ transactions: tx }, { cut, end, transform });
console.log(split.train.nUsers, split.train.nItems, split.train.nnz, split.test.nnz);
const t0 = performance.now();
const rows = await evaluateRecommenders([popularity({ recentDays: 30 }), itemKnn(), itemKnn({ neighbours: 200, name: "iknn200" }), userKnn(), implicitAls({ factors: 64, iterations: 15, alpha: 1, regularization: 0.1, name: "als-a1" }), implicitAls({ factors: 64, alpha: 10, name: "als-a10" }), implicitAls({ factors: 64, alpha: 40, name: "als-a40" })], split, { k: 10 });
console.table(rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === "number" ? +v.toFixed(4) : v]))));
console.log((performance.now() - t0).toFixed(0), "ms");
