/** The small synthetic shop of tests/fixtures/retention_shop_* and its pandas reference values. */
import pl from "nodejs-polars";

const dir = new URL("../fixtures/", import.meta.url);

function read(name: string, timeCol: string, format: string): pl.DataFrame {
  const df = pl.readCSV(new URL(name, dir).pathname, {
    dtypes: { customer_id: pl.Utf8, order_id: pl.Utf8, item_id: pl.Utf8 },
  });
  return df.withColumns(pl.col(timeCol).str.strptime(pl.Datetime("ms"), format).alias(timeCol));
}

/** Canonical transactions and customers of the fixture shop. */
export const SHOP = {
  transactions: read("retention_shop_transactions.csv", "timestamp", "%Y-%m-%d %H:%M:%S"),
  customers: read("retention_shop_customers.csv", "signup_date", "%Y-%m-%d"),
};

/** The pandas/statsmodels reference (tests/fixtures/retention_shop_fixtures.py). */
export const REF = JSON.parse(await Deno.readTextFile(new URL("retention_shop.json", dir)));

/** The fixture's cut-off. */
export const AS_OF = new Date(REF.asOf);

/** `YYYY-MM` of a month start. */
export function ym(d: Date): string {
  return d.toISOString().slice(0, 7);
}

/** Asserts |a − b| ≤ tol with a message. */
export function close(a: number, b: number, tol: number, what: string): void {
  if (!(Math.abs(a - b) <= tol)) throw new Error(`${what}: ${a} vs ${b} (tol ${tol})`);
}
