/**
 * Cleaning canonical transactions: duplicates, missing values, free lines, returns — each step
 * counted, so a notebook can show what happened.
 *
 * @module
 */
import pl from "nodejs-polars";
import { SCHEMA, TX } from "../data/schema.ts";
import type { CleaningStep, CleaningSummary } from "../data/types.ts";
import { requireColumns } from "./_columns.ts";
import { netReturns } from "./_net_returns.ts";
import { dropDuplicates } from "./drop_duplicates.ts";

/** Options of {@linkcode cleanTransactions}. */
export interface CleanTransactionsOptions {
  /**
   * What to do with return lines (negative quantity):
   * - `"separate"` (default): move them out of `table` into `returns`;
   * - `"net"`: subtract the returned units from the same customer's purchases of the same item,
   *   latest purchase first; fully returned lines disappear, return lines leave `table`
   *   (they stay visible in `returns`). Netting looks at the whole table, including returns made
   *   after a later time cut: use it for descriptive totals, not before a chronological split;
   * - `"keep"`: leave them in `table` as negative lines (sums of quantity × price are then net).
   */
  readonly returns?: "separate" | "net" | "keep";
  /** Name shown as `summary.file`. Default `"(in memory)"`. */
  readonly file?: string;
}

/** Result of {@linkcode cleanTransactions}. */
export interface CleanTransactionsResult {
  /** Clean lines: sales (and return lines when `returns` is `"keep"`). */
  readonly table: pl.DataFrame;
  /** Every return line found after the other steps, whatever the mode (for inspection). */
  readonly returns: pl.DataFrame;
  /** Every step with its row count, in the order applied. */
  readonly summary: CleaningSummary;
}

/**
 * Cleans canonical transactions, in this order: removes exact duplicate rows; rows with a
 * missing required value (null, or NaN in quantity/price); lines with unit price ≤ 0; lines with
 * quantity 0; then handles return lines (quantity < 0) as `options.returns` says.
 *
 * @param tx Canonical transactions.
 * @param options See {@linkcode CleanTransactionsOptions}.
 * @returns Clean table, return lines, summary.
 * @throws {TypeError} When a required column is missing.
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { cleanTransactions } from "@shoplab/lib/prep/clean_transactions.ts";
 * import assert from "node:assert/strict";
 * const tx = pl.DataFrame({
 *   customer_id: ["a", "a", "a", "b"], order_id: ["1", "1", "R1", "2"],
 *   timestamp: [1, 1, 2, 3], item_id: ["x", "x", "x", "y"],
 *   quantity: [2, 2, -2, 1], unit_price: [5, 5, 5, 0],
 * });
 * const r = cleanTransactions(tx);
 * assert.equal(r.table.height, 1);
 * assert.equal(r.returns.height, 1);
 * assert.equal(cleanTransactions(tx, { returns: "net" }).table.height, 0);
 * ```
 */
export function cleanTransactions(
  tx: pl.DataFrame,
  options: CleanTransactionsOptions = {},
): CleanTransactionsResult {
  const mode = options.returns ?? "separate";
  const required = SCHEMA.transactions.filter((c) => c.required).map((c) => c.name);
  requireColumns(tx, required, "cleanTransactions");
  const steps: CleaningStep[] = [];
  const step = (name: string, rows: number, action: CleaningStep["action"], reason: string) =>
    steps.push({ step: name, rows, action, reason });

  const dedup = dropDuplicates(tx);
  let cur = dedup.table;
  step(
    "duplicate-rows",
    dedup.removed,
    "dropped",
    "exact duplicate rows (same value in every column)",
  );

  const numeric = (c: string) => pl.col(c).isNotNull().and(pl.col(c).cast(pl.Float64).isNotNan());
  const complete = required.reduce(
    (e: pl.Expr, c) =>
      e.and(c === TX.quantity || c === TX.unitPrice ? numeric(c) : pl.col(c).isNotNull()),
    pl.lit(true),
  );
  const filterCount = (keep: pl.Expr): number => {
    const before = cur.height;
    cur = cur.filter(keep);
    return before - cur.height;
  };
  step("missing-values", filterCount(complete), "dropped", "a required value is missing");
  step("non-positive-price", filterCount(pl.col(TX.unitPrice).gt(0)), "dropped", "unit price ≤ 0");
  step("zero-quantity", filterCount(pl.col(TX.quantity).neq(0)), "dropped", "quantity 0");

  const isReturn = pl.col(TX.quantity).lt(0);
  const returns = cur.filter(isReturn);
  if (mode === "separate") {
    cur = cur.filter(isReturn.not());
    step("returns", returns.height, "dropped", "return lines (quantity < 0) moved to `returns`");
  } else if (mode === "net") {
    const net = netReturns(cur.filter(isReturn.not()), returns);
    cur = net.table;
    step(
      "returns",
      returns.height,
      "dropped",
      "return lines subtracted from purchases, then removed",
    );
    step("sales-partly-returned", net.reduced, "changed", "sale lines whose quantity was reduced");
    step("sales-fully-returned", net.removed, "dropped", "sale lines returned in full");
    step(
      "unmatched-returns",
      net.unmatched,
      "flagged",
      "return lines exceeding the units bought in the data (bought before it starts?)",
    );
  } else {
    step("returns", returns.height, "flagged", "return lines kept as negative quantities");
  }
  return {
    table: cur,
    returns,
    summary: {
      file: options.file ?? "(in memory)",
      table: "transactions",
      rowsRead: tx.height,
      rowsKept: cur.height,
      steps,
    },
  };
}
