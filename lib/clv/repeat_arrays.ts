/**
 * The typed-array form of a repeat-purchase summary that the CLV models take.
 *
 * @module
 */
import type pl from "nodejs-polars";

/** Per-customer model input as typed arrays (one index per customer). */
export interface RepeatArrays {
  /** x: number of repeat purchases (integers ≥ 0). */
  readonly frequency: Float64Array;
  /** t_x: time from first to last purchase (0 when x = 0), same unit as `T`. */
  readonly recency: Float64Array;
  /** T: time from first purchase to the end of calibration. */
  readonly T: Float64Array;
  /** z̄: mean value of the repeat purchases (0 when x = 0), when the summary has it. */
  readonly monetaryValue?: Float64Array;
  /** Customer ids, when the summary has them. */
  readonly ids?: readonly string[];
}

/** Options of {@linkcode repeatArrays}. */
export interface RepeatArraysOptions {
  /**
   * Column names in the summary. Defaults are {@linkcode repeatSummary}'s: `frequency`,
   * `recency`, `T`, `monetary_value` (optional), `customer_id` (optional).
   */
  readonly columns?: {
    readonly frequency?: string;
    readonly recency?: string;
    readonly T?: string;
    readonly monetaryValue?: string;
    readonly customer?: string;
  };
}

/**
 * Converts a summary table (the output of {@linkcode repeatSummary}, or any table with the
 * columns named in `options.columns`) into {@linkcode RepeatArrays}.
 *
 * @param summary One row per customer.
 * @param options See {@linkcode RepeatArraysOptions}.
 * @returns The arrays (copies; the table is not changed).
 * @throws {TypeError} When a required column is missing, naming it and the columns present.
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { repeatArrays } from "@shoplab/lib/clv/repeat_arrays.ts";
 * import assert from "node:assert/strict";
 * const df = pl.DataFrame({ ID: [1, 2], x: [2, 0], t_x: [30.43, 0], T: [38.86, 38.86] });
 * const a = repeatArrays(df, { columns: { frequency: "x", recency: "t_x", customer: "ID" } });
 * assert.deepEqual([...a.frequency], [2, 0]);
 * assert.deepEqual(a.ids, ["1", "2"]);
 * ```
 */
export function repeatArrays(
  summary: pl.DataFrame,
  options: RepeatArraysOptions = {},
): RepeatArrays {
  const c = options.columns ?? {};
  const names = summary.columns;
  const col = (name: string, required: boolean): Float64Array | undefined => {
    if (!names.includes(name)) {
      if (!required) return undefined;
      throw new TypeError(
        `repeatArrays: the summary has no column "${name}" (columns: ${names.join(", ")})`,
      );
    }
    return Float64Array.from(summary.getColumn(name).toArray() as number[], Number);
  };
  const customer = c.customer ?? "customer_id";
  const monetary = col(c.monetaryValue ?? "monetary_value", false);
  return {
    frequency: col(c.frequency ?? "frequency", true)!,
    recency: col(c.recency ?? "recency", true)!,
    T: col(c.T ?? "T", true)!,
    ...(monetary ? { monetaryValue: monetary } : {}),
    ...(names.includes(customer)
      ? { ids: (summary.getColumn(customer).toArray() as unknown[]).map(String) }
      : {}),
  };
}
