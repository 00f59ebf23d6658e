/**
 * Best-selling items.
 *
 * @module
 */
import pl from "nodejs-polars";
import { IT, TX } from "../data/schema.ts";
import type { ShopData } from "../data/types.ts";

/**
 * The best-selling items by net revenue, with title and category when the items table has them.
 *
 * @param shop Loaded shop.
 * @param n Number of items. Default `10`.
 * @returns Rows `{ item_id, title, category, revenue, units }`, best first.
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { topItems } from "@shoplab/lib/prep/top_items.ts";
 * import assert from "node:assert/strict";
 * const transactions = pl.DataFrame({ item_id: ["x", "y", "x"], quantity: [1, 1, 1], unit_price: [5, 7, 5] });
 * const rows = topItems({ source: { format: "transactions", path: "" }, cleaning: [], transactions }, 1);
 * assert.equal(rows[0].item_id, "x");
 * ```
 */
export function topItems(shop: ShopData, n = 10): Record<string, string | number | null>[] {
  let df = shop.transactions.lazy().groupBy(TX.item).agg(
    pl.col(TX.quantity).mul(pl.col(TX.unitPrice)).sum().alias("revenue"),
    pl.col(TX.quantity).sum().alias("units"),
  ).sort("revenue", true).limit(n);
  if (shop.items) {
    const cols = [IT.item, IT.title, IT.category].filter((c) => shop.items!.columns.includes(c));
    df = df.join(shop.items.lazy().select(...cols), { on: TX.item, how: "left" });
  }
  return df.sort("revenue", true).collectSync().toRecords() as Record<
    string,
    string | number | null
  >[];
}
