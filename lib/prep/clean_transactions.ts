/**
 * Cleaning canonical transactions: duplicates, returns, free lines, missing values — each step
 * counted, so a notebook can show what happened.
 *
 * @module
 */
import pl from "nodejs-polars";
import { SCHEMA, TX } from "../data/schema.ts";
import type { CleaningStep, CleaningSummary } from "../data/types.ts";
import { dropDuplicates } from "./drop_duplicates.ts";

/** Options of {@linkcode cleanTransactions}. */
export interface CleanTransactionsOptions {
  /**
   * What to do with return lines (negative quantity): `"separate"` moves them to `returns`
   * (default), `"net"` subtracts them from the matching sale (same customer and item) by keeping
   * both lines in `table` so sums are net, `"keep"` leaves them in `table` without comment.
   */
  readonly returns?: "separate" | "net" | "keep";
}

/** Result of {@linkcode cleanTransactions}. */
export interface CleanTransactionsResult {
  /** Clean sales lines (and return lines when `returns` is `"net"` or `"keep"`). */
  readonly table: pl.DataFrame;
  /** Return lines (empty unless `returns` is `"separate"`). */
  readonly returns: pl.DataFrame;
  /** Every step with its row count. */
  readonly summary: CleaningSummary;
}

/**
 * Cleans canonical transactions: removes exact duplicate rows, rows with a missing required
 * value, lines with a price ≤ 0 or quantity 0, and handles returns.
 *
 * @param tx Canonical transactions.
 * @param options See {@linkcode CleanTransactionsOptions}.
 * @returns Clean table, returns, summary.
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
 * ```
 */
export function cleanTransactions(
  tx: pl.DataFrame,
  options: CleanTransactionsOptions = {},
): CleanTransactionsResult {
  const mode = options.returns ?? "separate";
  const steps: CleaningStep[] = [];
  const dedup = dropDuplicates(tx);
  let cur = dedup.table;
  steps.push({
    step: "duplicate-rows",
    rows: dedup.removed,
    action: "dropped",
    reason: "exact duplicate rows",
  });
  const required = SCHEMA.transactions.filter((c) => c.required && cur.columns.includes(c.name));
  const complete = required.reduce(
    (e: pl.Expr, c) => e.and(pl.col(c.name).isNotNull()),
    pl.lit(true),
  );
  let before = cur.height;
  cur = cur.filter(complete);
  steps.push({
    step: "missing-values",
    rows: before - cur.height,
    action: "dropped",
    reason: "a required value is missing",
  });
  before = cur.height;
  cur = cur.filter(pl.col(TX.unitPrice).gt(0).and(pl.col(TX.quantity).neq(0)));
  steps.push({
    step: "free-or-empty-lines",
    rows: before - cur.height,
    action: "dropped",
    reason: "unit price ≤ 0 or quantity 0",
  });
  const isReturn = pl.col(TX.quantity).lt(0);
  let returns = cur.filter(isReturn).head(0);
  if (mode === "separate") {
    returns = cur.filter(isReturn);
    cur = cur.filter(isReturn.not());
    steps.push({
      step: "returns",
      rows: returns.height,
      action: "dropped",
      reason: "return lines moved to `returns`",
    });
  } else {
    steps.push({
      step: "returns",
      rows: cur.filter(isReturn).height,
      action: "flagged",
      reason: `return lines kept (${mode})`,
    });
  }
  return {
    table: cur,
    returns,
    summary: {
      file: "(in memory)",
      table: "transactions",
      rowsRead: tx.height,
      rowsKept: cur.height,
      steps,
    },
  };
}
