/**
 * Per-customer behaviour sequences ending at a cut-off: T day or week buckets of counts (views,
 * carts, orders, spend, …), padded and masked before a customer's first activity.
 *
 * @module
 */
import { MS_PER_DAY } from "../core/constants.ts";
import type { Frame } from "../prep/_columns.ts";
import type { SequenceBatch } from "../models/types.ts";
import { Codes, extractEvents, extractSignups, extractTransactions } from "./_extract.ts";

/** Tables {@linkcode buildSequences} reads (a `ShopData` fits). */
export interface SequenceTables {
  /** Canonical transactions (required). */
  readonly transactions: Frame;
  /** Canonical events (optional): adds `views` and `carts`. */
  readonly events?: Frame;
  /** Canonical customers (optional): signup dates start the unmasked part of a sequence. */
  readonly customers?: Frame;
  /** Canonical items (optional): adds `distinct_categories` when it has `category`. */
  readonly items?: Frame;
}

/** Bucket width of one time step. */
export type SequenceBucket = "day" | "week";

/** Options of {@linkcode buildSequences}. */
export interface BuildSequencesOptions {
  /** Cut-off: steps cover [asOf − steps · bucket, asOf); nothing at or after asOf is read. */
  readonly asOf: Date;
  /** Number of time steps T. Default `20`. */
  readonly steps?: number;
  /** Width of a step. Default `"week"`. */
  readonly bucket?: SequenceBucket;
  /**
   * Customers to include (ids); a customer without any activity before `asOf` gets an
   * all-padding sequence. Default: everyone with a transaction or event before `asOf`.
   */
  readonly customers?: readonly string[];
  /** Cap of `days_since_purchase` (also its value before any purchase), in days. Default `365`. */
  readonly maxDaysSincePurchase?: number;
}

/** Sequences at one cut-off. */
export interface CustomerSequences {
  /** `[customers, steps, features]` values with mask and feature names. */
  readonly batch: SequenceBatch & { readonly mask: Uint8Array; readonly featureNames: string[] };
  /** Customer id of each row. */
  readonly customerIds: string[];
  /** The cut-off. */
  readonly asOf: Date;
  /** Step width in days (1 or 7). */
  readonly bucketDays: number;
}

/** Bucket width in days. */
export const BUCKET_DAYS: Readonly<Record<SequenceBucket, number>> = { day: 1, week: 7 };

/**
 * Builds per-customer sequences of T steps ending at `asOf`. Per step (bucket [s, s + width)):
 * `views`, `carts` (events table only), `orders` (distinct orders with a sale line), `spend`
 * (Σ quantity × price of sale lines), `units`, `returns` (lines with quantity < 0),
 * `distinct_items`, `distinct_categories` (items table with categories only),
 * `days_since_purchase` (at the step's end, capped), `active` (1 when any event or order).
 * A step is padding (mask 0, values 0) when it ends at or before the customer's first activity
 * (signup date when the customers table has it, else the first transaction or event).
 *
 * @param tables Canonical tables.
 * @param options See {@linkcode BuildSequencesOptions}.
 * @returns Sequences, one row per customer, sorted by customer id.
 * @throws {RangeError} For an invalid `asOf`, `steps` or `bucket`.
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { buildSequences } from "@shoplab/lib/sequences/build_sequences.ts";
 * import assert from "node:assert/strict";
 * const d = (s: string) => new Date(s + "T12:00:00Z");
 * const transactions = pl.DataFrame({
 *   customer_id: ["a", "a", "b"], order_id: ["1", "2", "3"],
 *   timestamp: [d("2025-01-01"), d("2025-01-03"), d("2025-01-03")],
 *   item_id: ["x", "y", "x"], quantity: [1, 2, 1], unit_price: [10, 5, 10],
 * });
 * const s = buildSequences({ transactions }, { asOf: new Date("2025-01-04"), steps: 4, bucket: "day" });
 * assert.deepEqual(s.customerIds, ["a", "b"]);
 * const f = s.batch.featureNames.indexOf("orders");
 * const orders = (r: number) => [0, 1, 2, 3].map((t) => s.batch.x[(r * 4 + t) * s.batch.features + f]);
 * assert.deepEqual(orders(0), [0, 1, 0, 1]);
 * assert.deepEqual([...s.batch.mask.subarray(4, 8)], [0, 0, 0, 1]); // b appears on day 3
 * ```
 */
export function buildSequences(
  tables: SequenceTables,
  options: BuildSequencesOptions,
): CustomerSequences {
  const asOf = options.asOf instanceof Date ? options.asOf.getTime() : NaN;
  if (!Number.isFinite(asOf)) throw new RangeError("buildSequences: asOf must be a valid Date");
  const steps = options.steps ?? 20;
  if (!(Number.isInteger(steps) && steps >= 1)) {
    throw new RangeError(`buildSequences: steps must be a positive integer, got ${steps}`);
  }
  const bucket = options.bucket ?? "week";
  if (!(bucket in BUCKET_DAYS)) {
    throw new RangeError(`buildSequences: bucket must be "day" or "week", got "${bucket}"`);
  }
  const cap = options.maxDaysSincePurchase ?? 365;
  const width = BUCKET_DAYS[bucket] * MS_PER_DAY;
  const start = asOf - steps * width;

  const codes = new Codes();
  if (options.customers) { for (const c of options.customers) codes.code(c); }
  const tx = extractTransactions(tables.transactions, tables.items, asOf, codes, new Codes());
  const ev = tables.events ? extractEvents(tables.events, asOf, codes) : undefined;
  const hasCategory = tx.category.some((c) => c >= 0);
  const names = [
    ...(ev ? ["views", "carts"] : []),
    "orders",
    "spend",
    "units",
    "returns",
    "distinct_items",
    ...(hasCategory ? ["distinct_categories"] : []),
    "days_since_purchase",
    "active",
  ];
  const F = names.length;
  const fi = Object.fromEntries(names.map((n, i) => [n, i])) as Record<string, number>;
  const nCodes = codes.names.length;
  const first = new Float64Array(nCodes).fill(Infinity);
  const lastBuy = new Float64Array(nCodes).fill(-Infinity);
  const values = new Float32Array(nCodes * steps * F);
  const at = (c: number, t: number, f: number) => (c * steps + t) * F + f;
  // Per (customer, step) distinct orders / items / categories: remember the last one counted.
  const seenOrder = new Map<number, number>(), seenItem = new Set<string>();
  const seenCat = new Set<string>();
  const buys: number[][] = Array.from({ length: nCodes }, () => []);
  for (let i = 0; i < tx.time.length; i++) {
    const c = tx.customer[i], t = tx.time[i];
    if (t < first[c]) first[c] = t;
    const q = tx.quantity[i];
    if (q > 0) buys[c].push(t);
    if (t < start) continue;
    const s = Math.min(steps - 1, Math.floor((t - start) / width));
    const key = c * steps + s;
    values[at(c, s, fi.active)] = 1;
    if (q < 0) {
      values[at(c, s, fi.returns)] += 1;
      continue;
    }
    if (!(q > 0)) continue;
    if (seenOrder.get(tx.order[i]) !== key) {
      seenOrder.set(tx.order[i], key);
      values[at(c, s, fi.orders)] += 1;
    }
    values[at(c, s, fi.spend)] += q * (Number.isFinite(tx.price[i]) ? tx.price[i] : 0);
    values[at(c, s, fi.units)] += q;
    const ik = `${key}:${tx.item[i]}`;
    if (!seenItem.has(ik)) {
      seenItem.add(ik);
      values[at(c, s, fi.distinct_items)] += 1;
    }
    if (hasCategory && tx.category[i] >= 0) {
      const ck = `${key}:${tx.category[i]}`;
      if (!seenCat.has(ck)) {
        seenCat.add(ck);
        values[at(c, s, fi.distinct_categories)] += 1;
      }
    }
  }
  if (ev) {
    for (let i = 0; i < ev.time.length; i++) {
      const c = ev.customer[i], t = ev.time[i];
      if (t < first[c]) first[c] = t;
      if (t < start) continue;
      const s = Math.min(steps - 1, Math.floor((t - start) / width));
      values[at(c, s, fi.active)] = 1;
      if (ev.type[i] === 0) values[at(c, s, fi.views)] += 1;
      else if (ev.type[i] === 1) values[at(c, s, fi.carts)] += 1;
    }
  }
  if (tables.customers) {
    const signup = extractSignups(tables.customers, codes);
    for (let c = 0; c < nCodes; c++) if (signup[c] < first[c]) first[c] = signup[c];
  }
  // days since the last purchase at each step's end (buys are time-sorted per customer)
  const mask = new Uint8Array(nCodes * steps);
  for (let c = 0; c < nCodes; c++) {
    const b = buys[c];
    let j = 0;
    for (let s = 0; s < steps; s++) {
      const end = start + (s + 1) * width;
      while (j < b.length && b[j] < end) lastBuy[c] = b[j++];
      const ds = (end - lastBuy[c]) / MS_PER_DAY;
      const live = end > first[c];
      mask[c * steps + s] = live ? 1 : 0;
      if (!live) {
        for (let f = 0; f < F; f++) values[at(c, s, f)] = 0;
        continue;
      }
      values[at(c, s, fi.days_since_purchase)] = Math.min(cap, ds);
    }
  }
  // rows: requested customers, or everyone seen before asOf; sorted by id
  const keep = options.customers
    ? [...new Set(options.customers)]
    : codes.names.filter((_, c) => first[c] < asOf);
  keep.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const n = keep.length;
  const x = new Float32Array(n * steps * F), m = new Uint8Array(n * steps);
  keep.forEach((id, r) => {
    const c = codes.index.get(id)!;
    x.set(values.subarray(c * steps * F, (c + 1) * steps * F), r * steps * F);
    m.set(mask.subarray(c * steps, (c + 1) * steps), r * steps);
  });
  return {
    batch: { x, n, steps, features: F, mask: m, featureNames: names },
    customerIds: keep,
    asOf: new Date(asOf),
    bucketDays: BUCKET_DAYS[bucket],
  };
}
