/** Shared CDNOW inputs and the scipy reference fixture for the lib/clv tests. */
import pl from "nodejs-polars";
import { projectPath } from "@shoplab/lib/core/paths.ts";
import { type RepeatArrays, repeatArrays } from "@shoplab/lib/clv/repeat_arrays.ts";

export const CDNOW_DIR = projectPath("../shared/datasets/cdnow");

/** cdnow_customers_summary.csv (2,357 customers, weeks). */
export function cdnowSummary(): RepeatArrays {
  return repeatArrays(pl.readCSV(`${CDNOW_DIR}/cdnow_customers_summary.csv`), {
    columns: { customer: "ID" },
  });
}

/** cdnow_customers_summary_with_transactions.csv (x, t_x, T, zbar). */
export function cdnowWithSpend(): RepeatArrays & { monetaryValue: Float64Array } {
  const a = repeatArrays(
    pl.readCSV(`${CDNOW_DIR}/cdnow_customers_summary_with_transactions.csv`),
    { columns: { customer: "ID", frequency: "x", recency: "t_x", monetaryValue: "zbar" } },
  );
  return { ...a, monetaryValue: a.monetaryValue! };
}

/** Values computed by tests/fixtures/clv_fixtures.py with scipy. */
// deno-lint-ignore no-explicit-any
export const REF: any = JSON.parse(
  Deno.readTextFileSync(projectPath("tests/fixtures/clv_reference.json")),
);

/** |a − b| ≤ tol · max(1, |b|). */
export function close(a: number, b: number, tol: number): boolean {
  return Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));
}
