/**
 * Private: the per-customer activity that every retention function starts from, as typed
 * arrays (one polars pass over the transactions, the rest is plain loops).
 *
 * @module
 */
import pl from "nodejs-polars";
import { MS_PER_DAY } from "../core/constants.ts";
import { CU, TX } from "../data/schema.ts";
import { epochMs, type Frame, requireColumns, toLazy } from "../prep/_columns.ts";

/** A table that may be eager or lazy (the public `Frame` of lib/prep). */
export type { Frame } from "../prep/_columns.ts";

/** Calendar unit of a period. Months are calendar months; weeks start on Monday (UTC). */
export type PeriodUnit = "month" | "week";

/**
 * Index of the UTC calendar month (year·12 + month) or Monday-start week of a time in ms.
 *
 * @example
 * ```ts
 * import { periodIndex } from "@shoplab/lib/retention/_activity.ts";
 * import assert from "node:assert/strict";
 * const ms = Date.UTC(2024, 1, 15);
 * assert.equal(periodIndex(ms, "month"), 2024 * 12 + 1);
 * // 1970-01-05 was the first Monday after the epoch: week 1
 * assert.equal(periodIndex(Date.UTC(1970, 0, 5), "week"), 1);
 * assert.equal(periodIndex(Date.UTC(1970, 0, 4), "week"), 0);
 * ```
 */
export function periodIndex(ms: number, unit: PeriodUnit): number {
  if (unit === "week") return Math.floor((Math.floor(ms / MS_PER_DAY) + 3) / 7);
  const d = new Date(ms);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

/**
 * First instant of a period index, see {@linkcode periodIndex}.
 * @example
 * ```ts
 * import { periodIndex, periodStart } from "@shoplab/lib/retention/_activity.ts";
 * import assert from "node:assert/strict";
 * assert.equal(periodStart(2024 * 12 + 1, "month").toISOString(), "2024-02-01T00:00:00.000Z");
 * const wk = periodIndex(Date.UTC(2024, 0, 3), "week"); // a Wednesday
 * assert.equal(periodStart(wk, "week").toISOString(), "2024-01-01T00:00:00.000Z"); // its Monday
 * ```
 */
export function periodStart(index: number, unit: PeriodUnit): Date {
  if (unit === "week") return new Date((index * 7 - 3) * MS_PER_DAY);
  return new Date(Date.UTC(Math.floor(index / 12), index % 12, 1));
}

/**
 * Validates a period unit.
 *
 * @example
 * ```ts
 * import { checkUnit } from "@shoplab/lib/retention/_activity.ts";
 * import assert from "node:assert/strict";
 * assert.equal(checkUnit("week", "cohortTable"), "week");
 * assert.throws(() => checkUnit("day", "cohortTable"), TypeError);
 * ```
 */
export function checkUnit(unit: unknown, fn: string): PeriodUnit {
  return oneOf(unit, ["month", "week"], "period", fn);
}

/**
 * Validates a string option against its choices, naming the function, the option and the
 * value found.
 *
 * @example
 * ```ts
 * import { oneOf } from "@shoplab/lib/retention/_activity.ts";
 * import assert from "node:assert/strict";
 * assert.equal(oneOf("signup", ["first_purchase", "signup"], "cohort", "cohortTable"), "signup");
 * assert.throws(
 *   () => oneOf("x", ["first_purchase", "signup"], "cohort", "cohortTable"),
 *   /cohortTable: cohort must be "first_purchase" or "signup", got x/,
 * );
 * ```
 */
export function oneOf<T extends string>(
  value: unknown,
  choices: readonly T[],
  name: string,
  fn: string,
): T {
  if (!choices.includes(value as T)) {
    const quoted = choices.map((c) => `"${c}"`);
    const list = quoted.length > 1
      ? `${quoted.slice(0, -1).join(", ")} or ${quoted.at(-1)}`
      : quoted.join("");
    throw new TypeError(`${fn}: ${name} must be ${list}, got ${String(value)}`);
  }
  return value as T;
}

/**
 * Validates `asOf` and returns it in ms.
 *
 * @example
 * ```ts
 * import { asOfMs } from "@shoplab/lib/retention/_activity.ts";
 * import assert from "node:assert/strict";
 * assert.equal(asOfMs(new Date(Date.UTC(2024, 0, 1)), "activeCustomers"), Date.UTC(2024, 0, 1));
 * assert.throws(() => asOfMs("2024-01-01", "activeCustomers"), RangeError);
 * ```
 */
export function asOfMs(asOf: unknown, fn: string): number {
  const t = asOf instanceof Date ? asOf.getTime() : NaN;
  if (!Number.isFinite(t)) throw new RangeError(`${fn}: asOf must be a valid Date`);
  return t;
}

/** Order lines before `asOf`, reduced to what retention needs, as typed arrays. */
export interface Lines {
  /** Customer index into `customers` per line. */
  readonly customer: Uint32Array;
  /** Time, epoch ms. */
  readonly time: Float64Array;
  /** quantity × unit price (negative for returns). */
  readonly value: Float64Array;
  /** 1 for a sale line (quantity > 0), 0 for a return. */
  readonly sale: Uint8Array;
  /** Order code per line, dense within each customer (only with `orders: true`). */
  readonly order: Uint32Array;
  /** Distinct customer ids, sorted. */
  readonly customers: string[];
}

/** Options of {@linkcode readLines}. */
export interface ReadLinesOptions {
  /** Cut-off in epoch ms: lines with timestamp < asOf. */
  readonly asOf: number;
  /** Count exact duplicate order lines once. Default `true`. */
  readonly dropDuplicates?: boolean;
  /** Name of the calling function, for error messages. */
  readonly fn: string;
  /** Also compute per-customer order codes (`order`; all 0 otherwise). Default `false`. */
  readonly orders?: boolean;
}

/**
 * Reads transaction lines with timestamp < asOf, sorted by customer then time. With
 * `dropDuplicates`, exact duplicate order lines (same customer, order, time, item when present,
 * quantity and price) count once. Ids become dense integer codes inside polars (lexicographic
 * order), so only numbers cross into JavaScript.
 *
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { readLines } from "@shoplab/lib/retention/_activity.ts";
 * import assert from "node:assert/strict";
 * const d = (day: number) => new Date(Date.UTC(2024, 0, day));
 * const tx = pl.DataFrame({
 *   customer_id: ["b", "a", "a", "a"],
 *   order_id: ["o3", "o1", "o1", "o2"],
 *   timestamp: [d(3), d(1), d(1), d(9)],
 *   quantity: [1, 2, 2, -1],
 *   unit_price: [5, 10, 10, 10],
 * });
 * const lines = readLines(tx, { asOf: Date.UTC(2024, 1, 1), dropDuplicates: true, fn: "test" });
 * assert.deepEqual(lines.customers, ["a", "b"]);
 * assert.deepEqual([...lines.customer], [0, 0, 1]); // the duplicate o1 line counted once
 * assert.deepEqual([...lines.value], [20, -10, 5]);
 * assert.deepEqual([...lines.sale], [1, 0, 1]);
 * ```
 */
export function readLines(tx: Frame, options: ReadLinesOptions): Lines {
  const { asOf, fn } = options;
  const cols = [TX.customer, TX.order, TX.timestamp, TX.quantity, TX.unitPrice];
  requireColumns(tx, cols, fn);
  const key = tx.columns.includes(TX.item) ? [...cols, TX.item] : cols;
  // Sort first: the de-duplication (order kept) and polars' string ranks are several times
  // faster on sorted input. Materialised once, as it is read twice (lines and the id list).
  let sorted = toLazy(tx).select(...key)
    .withColumns(
      epochMs(TX.timestamp).alias("__t"),
      pl.col(TX.customer).cast(pl.Utf8).alias("__c"),
    )
    .filter(pl.col("__t").lt(pl.lit(asOf)).and(pl.col(TX.quantity).isNotNull()))
    .sort(["__c", "__t"]);
  if (options.dropDuplicates ?? true) sorted = sorted.unique({ maintainOrder: true });
  const base = sorted.collectSync();
  const sel = [
    pl.col("__c").rank("dense").cast(pl.Float64).alias("c"),
    pl.col("__t").alias("t"),
    pl.col(TX.quantity).cast(pl.Float64).mul(pl.col(TX.unitPrice).cast(pl.Float64))
      .fillNull(0).alias("v"),
    pl.col(TX.quantity).cast(pl.Float64).gt(0).cast(pl.Float64).alias("s"),
  ];
  // Order codes are dense per customer: only compared within one customer.
  if (options.orders) {
    sel.push(pl.col(TX.order).cast(pl.Utf8).rank("dense").over("__c").cast(pl.Float64).alias("o"));
  }
  const df = base.lazy().select(...sel).collectSync();
  const customers = base.lazy().select(pl.col("__c").unique().sort()).collectSync()
    .getColumn("__c").toArray() as string[];
  const num = (c: string) => df.getColumn(c).toTypedArray() as Float64Array;
  const c = num("c"), n = c.length;
  const o = options.orders ? num("o") : undefined;
  const customer = new Uint32Array(n), order = new Uint32Array(n);
  for (let i = 0; i < n; i++) customer[i] = c[i] - 1;
  if (o) { for (let i = 0; i < n; i++) order[i] = o[i] - 1; }
  return {
    customer,
    order,
    customers,
    time: Float64Array.from(num("t")),
    value: Float64Array.from(num("v")),
    sale: Uint8Array.from(num("s")),
  };
}

/**
 * Per customer: first and last sale time (NaN when the customer only has returns), and the
 * earliest sale of all (`Infinity` when there is none).
 *
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { firstLastSale, readLines } from "@shoplab/lib/retention/_activity.ts";
 * import assert from "node:assert/strict";
 * const d = (day: number) => new Date(Date.UTC(2024, 0, day));
 * const tx = pl.DataFrame({
 *   customer_id: ["b", "a", "a", "a"],
 *   order_id: ["o3", "o1", "o1", "o2"],
 *   timestamp: [d(3), d(1), d(1), d(9)],
 *   quantity: [1, 2, 2, -1],
 *   unit_price: [5, 10, 10, 10],
 * });
 * const lines = readLines(tx, { asOf: Date.UTC(2024, 1, 1), dropDuplicates: false, fn: "test" });
 * const { first, last } = firstLastSale(lines);
 * assert.deepEqual([...first], [d(1).getTime(), d(3).getTime()]);
 * assert.deepEqual([...last], [d(1).getTime(), d(3).getTime()]); // a's 9 Jan line is a return
 * assert.equal(firstLastSale(lines).earliest, d(1).getTime());
 * ```
 */
export function firstLastSale(
  lines: Lines,
): { first: Float64Array; last: Float64Array; earliest: number } {
  const m = lines.customers.length;
  const first = new Float64Array(m).fill(NaN), last = new Float64Array(m).fill(NaN);
  let earliest = Infinity;
  for (let i = 0; i < lines.time.length; i++) {
    if (!lines.sale[i]) continue;
    const c = lines.customer[i];
    if (Number.isNaN(first[c])) first[c] = lines.time[i];
    last[c] = lines.time[i];
    earliest = Math.min(earliest, lines.time[i]);
  }
  return { first, last, earliest };
}

/**
 * Calls `visit(c, from, to)` once per customer of `lines` (sorted by customer), with the
 * half-open range [from, to) of that customer's lines.
 *
 * @example
 * ```ts
 * import { forEachCustomer, type Lines } from "@shoplab/lib/retention/_activity.ts";
 * import assert from "node:assert/strict";
 * const runs: number[][] = [];
 * forEachCustomer({ customer: Uint32Array.of(0, 0, 2) } as Lines, (c, i, j) => runs.push([c, i, j]));
 * assert.deepEqual(runs, [[0, 0, 2], [2, 2, 3]]);
 * ```
 */
export function forEachCustomer(
  lines: Lines,
  visit: (c: number, from: number, to: number) => void,
): void {
  const n = lines.customer.length;
  for (let i = 0, j = 0; i < n; i = j) {
    const c = lines.customer[i];
    for (j = i + 1; j < n && lines.customer[j] === c; j++);
    visit(c, i, j);
  }
}

/** Customer attributes from the customers table: signup (ms, NaN when absent) and channel. */
export interface CustomerInfo {
  readonly signup: Map<string, number>;
  readonly channel: Map<string, string>;
}

/**
 * Signup time and channel per customer: from the customers table when given (channel from
 * `customers.channel`), else the channel column of the transactions when present (and given).
 *
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { customerInfo } from "@shoplab/lib/retention/_activity.ts";
 * import assert from "node:assert/strict";
 * const customers = pl.DataFrame({
 *   customer_id: ["a", "b"],
 *   signup_date: [new Date(Date.UTC(2024, 0, 1)), null],
 *   channel: ["ads", "email"],
 * });
 * const transactions = pl.DataFrame({ customer_id: ["a"] });
 * const info = customerInfo({ transactions, customers }, "test");
 * assert.equal(info.signup.get("a"), Date.UTC(2024, 0, 1));
 * assert.equal(info.signup.has("b"), false);
 * assert.equal(info.channel.get("b"), "email");
 * ```
 */
export function customerInfo(
  tables: { readonly transactions?: Frame; readonly customers?: Frame },
  fn: string,
): CustomerInfo {
  const signup = new Map<string, number>(), channel = new Map<string, string>();
  const cu = tables.customers;
  if (cu) {
    requireColumns(cu, [CU.customer], `${fn} (customers)`);
    const sel: pl.Expr[] = [pl.col(CU.customer).cast(pl.Utf8).alias("c")];
    if (cu.columns.includes(CU.signupDate)) {
      sel.push(epochMs(CU.signupDate).alias("s"));
    }
    if (cu.columns.includes(CU.channel)) sel.push(pl.col(CU.channel).cast(pl.Utf8).alias("ch"));
    const df = toLazy(cu).select(...sel).collectSync();
    const ids = df.getColumn("c").toArray() as string[];
    const s = df.columns.includes("s") ? df.getColumn("s").toArray() as (number | null)[] : null;
    const ch = df.columns.includes("ch") ? df.getColumn("ch").toArray() as (string | null)[] : null;
    ids.forEach((id, i) => {
      if (s && s[i] !== null && Number.isFinite(s[i])) signup.set(id, s[i] as number);
      if (ch && ch[i] !== null && ch[i] !== "") channel.set(id, ch[i] as string);
    });
  }
  const tx = tables.transactions;
  if (channel.size === 0 && tx?.columns.includes(TX.channel)) {
    const df = toLazy(tx)
      .select(
        pl.col(TX.customer).cast(pl.Utf8).alias("c"),
        pl.col(TX.channel).cast(pl.Utf8).alias("ch"),
      )
      .filter(pl.col("ch").isNotNull())
      .unique("c", "first")
      .collectSync();
    const ids = df.getColumn("c").toArray() as string[];
    const ch = df.getColumn("ch").toArray() as string[];
    ids.forEach((id, i) => channel.set(id, ch[i]));
  }
  return { signup, channel };
}

/** The label used for customers whose channel is not known. */
export const UNKNOWN_CHANNEL = "unknown";
