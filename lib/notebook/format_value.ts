/**
 * Formatting of table cells and key numbers for people.
 *
 * @module
 */

/** Options of {@linkcode formatValue}. */
export interface FormatValueOptions {
  /** Most decimals of a non-integer number. Default `3`. */
  readonly digits?: number;
}

/**
 * Formats a value for a table cell: integers with thousands separators, other numbers with at
 * most `digits` decimals, Dates as `YYYY-MM-DD[ HH:MM:SS]` (UTC), null/undefined as "".
 *
 * @param v Any value.
 * @param options See {@linkcode FormatValueOptions}.
 * @returns Plain text (not escaped).
 * @example
 * ```ts
 * import { formatValue } from "@shoplab/lib/notebook/format_value.ts";
 * import assert from "node:assert/strict";
 * assert.equal(formatValue(1234567), "1,234,567");
 * assert.equal(formatValue(0.123456), "0.123");
 * assert.equal(formatValue(new Date("2024-01-02T00:00:00Z")), "2024-01-02");
 * assert.equal(formatValue(0.0001234), "0.000123");
 * assert.equal(formatValue(NaN), "NaN");
 * assert.equal(formatValue(null), "");
 * ```
 */
export function formatValue(v: unknown, options: FormatValueOptions = {}): string {
  const digits = options.digits ?? 3;
  if (v === null || v === undefined) return "";
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return "Invalid Date";
    return v.toISOString().replace("T", " ").replace(/\.000Z$/, "").replace(/ 00:00:00$/, "")
      .replace(/Z$/, "");
  }
  if (typeof v === "bigint") return v.toLocaleString("en");
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return String(v);
    if (Number.isInteger(v)) return v.toLocaleString("en");
    if (Math.abs(v) < 10 ** -digits) return String(Number(v.toPrecision(Math.max(digits, 1))));
    return v.toLocaleString("en", { maximumFractionDigits: digits });
  }
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}
