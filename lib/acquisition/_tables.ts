/**
 * Private helpers of lib/acquisition: column checks and the channel spend table.
 *
 * @module
 */
import pl from "nodejs-polars";
import { SP } from "../data/schema.ts";
import type { Frame } from "../prep/_columns.ts";

/** A table that may be eager or lazy (the public `Frame` of lib/prep). */
export type { Frame } from "../prep/_columns.ts";

/**
 * Eager view of a table.
 *
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { eager } from "@shoplab/lib/acquisition/_tables.ts";
 * import assert from "node:assert/strict";
 * const df = pl.DataFrame({ a: [1, 2] });
 * assert.equal(eager(df), df);
 * assert.equal(eager(df.lazy()).height, 2);
 * ```
 */
export function eager(df: Frame): pl.DataFrame {
  return typeof (df as pl.DataFrame).lazy === "function"
    ? df as pl.DataFrame
    : (df as pl.LazyDataFrame).collectSync();
}

/**
 * Throws a TypeError naming the function and the missing column.
 *
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { requireColumns } from "@shoplab/lib/acquisition/_tables.ts";
 * import assert from "node:assert/strict";
 * assert.throws(
 *   () => requireColumns(pl.DataFrame({ a: [1] }), ["channel"], "acquisitionCost"),
 *   /acquisitionCost: column "channel" is not in the table \(columns: a\)/,
 * );
 * ```
 */
export function requireColumns(df: Frame, columns: readonly string[], fn: string): void {
  const have = new Set(df.columns);
  for (const c of columns) {
    if (!have.has(c)) {
      throw new TypeError(
        `${fn}: column "${c}" is not in the table (columns: ${[...have].join(", ") || "none"})`,
      );
    }
  }
}

/**
 * Validates `asOf` and returns it in ms.
 *
 * @example
 * ```ts
 * import { asOfMs } from "@shoplab/lib/acquisition/_tables.ts";
 * import assert from "node:assert/strict";
 * assert.equal(asOfMs(new Date(0), "newCustomers"), 0);
 * assert.throws(() => asOfMs(new Date(NaN), "newCustomers"), RangeError);
 * ```
 */
export function asOfMs(asOf: unknown, fn: string): number {
  const t = asOf instanceof Date ? asOf.getTime() : NaN;
  if (!Number.isFinite(t)) throw new RangeError(`${fn}: asOf must be a valid Date`);
  return t;
}

/**
 * UTC month index (year·12 + month) of a time in ms.
 *
 * @example
 * ```ts
 * import { monthIndex } from "@shoplab/lib/acquisition/_tables.ts";
 * import assert from "node:assert/strict";
 * assert.equal(monthIndex(Date.UTC(2024, 11, 31, 23)), 2024 * 12 + 11);
 * ```
 */
export function monthIndex(ms: number): number {
  const d = new Date(ms);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

/**
 * First instant of a month index.
 *
 * @example
 * ```ts
 * import { monthIndex, monthStart } from "@shoplab/lib/acquisition/_tables.ts";
 * import assert from "node:assert/strict";
 * assert.equal(monthStart(2024 * 12 + 11).toISOString(), "2024-12-01T00:00:00.000Z");
 * assert.equal(monthStart(monthIndex(Date.UTC(2023, 5, 17))).getTime(), Date.UTC(2023, 5, 1));
 * ```
 */
export function monthStart(index: number): Date {
  return new Date(Date.UTC(Math.floor(index / 12), index % 12, 1));
}

/**
 * Spend per channel and month index, from a canonical channelSpend table.
 *
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { monthIndex, spendByMonth } from "@shoplab/lib/acquisition/_tables.ts";
 * import assert from "node:assert/strict";
 * const jan = new Date(Date.UTC(2024, 0, 1));
 * const spend = pl.DataFrame({
 *   channel: ["ads", "ads", "email"],
 *   month: [jan, jan, new Date(Date.UTC(2024, 1, 1))],
 *   spend: [100, 50, 20],
 * });
 * const byChannel = spendByMonth(spend, "acquisitionCost");
 * assert.equal(byChannel.get("ads")!.get(monthIndex(Date.UTC(2024, 0, 1))), 150);
 * assert.equal(byChannel.get("email")!.size, 1);
 * ```
 */
export function spendByMonth(spend: Frame, fn: string): Map<string, Map<number, number>> {
  requireColumns(spend, [SP.channel, SP.month, SP.spend], `${fn} (channelSpend)`);
  const df = eager(spend).select(
    pl.col(SP.channel).cast(pl.Utf8).alias("c"),
    pl.col(SP.month).cast(pl.Datetime("ms")).cast(pl.Float64).alias("m"),
    pl.col(SP.spend).cast(pl.Float64).alias("s"),
  );
  const c = df.getColumn("c").toArray() as (string | null)[];
  const m = df.getColumn("m").toArray() as (number | null)[];
  const s = df.getColumn("s").toArray() as (number | null)[];
  const out = new Map<string, Map<number, number>>();
  for (let i = 0; i < c.length; i++) {
    const row = i + 1;
    if (c[i] === null || c[i] === "") {
      throw new TypeError(`${fn}: channelSpend has an empty channel at row ${row}`);
    }
    if (m[i] === null || !Number.isFinite(m[i])) {
      throw new TypeError(`${fn}: channelSpend has an empty month at row ${row}`);
    }
    const v = s[i];
    if (v === null || !Number.isFinite(v) || v < 0) {
      throw new RangeError(`${fn}: channelSpend has spend ${v} at row ${row}, expected ≥ 0`);
    }
    let byMonth = out.get(c[i]!);
    if (!byMonth) out.set(c[i]!, byMonth = new Map());
    const k = monthIndex(m[i]!);
    byMonth.set(k, (byMonth.get(k) ?? 0) + v);
  }
  return out;
}

/**
 * Channel per customer: customers table `channel`, else the transactions' `channel` column.
 *
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { channelOf } from "@shoplab/lib/acquisition/_tables.ts";
 * import assert from "node:assert/strict";
 * const transactions = pl.DataFrame({
 *   customer_id: ["a", "a", "b"],
 *   channel: ["ads", "email", null],
 * });
 * assert.deepEqual([...channelOf({ transactions })], [["a", "ads"]]); // first non-empty channel
 * ```
 */
export function channelOf(
  tables: { readonly transactions: Frame; readonly customers?: Frame },
): Map<string, string> {
  const out = new Map<string, string>();
  const read = (df: Frame, id: string, ch: string) => {
    const t = eager(df).select(
      pl.col(id).cast(pl.Utf8).alias("c"),
      pl.col(ch).cast(pl.Utf8).alias("h"),
    );
    const c = t.getColumn("c").toArray() as string[],
      h = t.getColumn("h").toArray() as (string | null)[];
    c.forEach((x, i) => h[i] && !out.has(x) && out.set(x, h[i]!));
  };
  if (tables.customers?.columns.includes("channel")) {
    read(tables.customers, "customer_id", "channel");
  }
  if (out.size === 0 && tables.transactions.columns.includes("channel")) {
    read(tables.transactions, "customer_id", "channel");
  }
  return out;
}
