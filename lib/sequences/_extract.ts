/**
 * Pulls the columns the sequence builder needs out of the canonical tables (polars) into typed
 * arrays with customers and items as integer codes.
 *
 * @module
 */
import pl from "nodejs-polars";
import { CU, EV, IT, TX } from "../data/schema.ts";
import { epochMs, floatColumn, type Frame, requireColumns, toLazy } from "../prep/_columns.ts";

/** Transactions before the cut-off, as arrays. */
export interface TxArrays {
  readonly customer: Int32Array;
  readonly time: Float64Array;
  readonly order: Int32Array;
  readonly quantity: Float64Array;
  readonly price: Float64Array;
  readonly item: Int32Array;
  /** Category code per transaction line, −1 when unknown (no items table). */
  readonly category: Int32Array;
}

/** Events before the cut-off, as arrays (type 0 view, 1 cart, 2 purchase). */
export interface EventArrays {
  readonly customer: Int32Array;
  readonly time: Float64Array;
  readonly type: Int32Array;
}

/** Maps strings to dense integer codes in first-seen order. */
export class Codes {
  readonly index = new Map<string, number>();
  readonly names: string[] = [];
  code(s: string): number {
    let c = this.index.get(s);
    if (c === undefined) {
      c = this.names.length;
      this.index.set(s, c);
      this.names.push(s);
    }
    return c;
  }
}

function strings(df: pl.DataFrame, col: string): string[] {
  return df.getColumn(col).cast(pl.Utf8).toArray() as string[];
}

const floats = floatColumn;

/**
 * Transactions with t < before, with codes assigned through `customers` / `items`.
 *
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { Codes, extractTransactions } from "@shoplab/lib/sequences/_extract.ts";
 * import assert from "node:assert/strict";
 * const d = (day: number) => new Date(Date.UTC(2024, 0, day));
 * const tx = pl.DataFrame({
 *   customer_id: ["b", "a", "a"], order_id: ["o2", "o1", "o3"], timestamp: [d(2), d(1), d(9)],
 *   item_id: ["x", "y", "x"], quantity: [1, 2, 1], unit_price: [5, 3, 5],
 * });
 * const customers = new Codes(), items = new Codes();
 * const out = extractTransactions(tx, undefined, Date.UTC(2024, 0, 5), customers, items);
 * assert.deepEqual(customers.names, ["a", "b"]); // first seen in time order; 9 Jan is cut off
 * assert.deepEqual([...out.item], [0, 1]);
 * assert.deepEqual([...out.quantity], [2, 1]);
 * assert.deepEqual([...out.category], [-1, -1]); // no items table
 * ```
 */
export function extractTransactions(
  tx: Frame,
  items: Frame | undefined,
  before: number,
  customers: Codes,
  itemCodes: Codes,
): TxArrays {
  requireColumns(
    tx,
    [TX.customer, TX.order, TX.timestamp, TX.item, TX.quantity, TX.unitPrice],
    "buildSequences (transactions)",
  );
  let lazy = toLazy(tx).select(
    pl.col(TX.customer).cast(pl.Utf8),
    pl.col(TX.order).cast(pl.Utf8),
    epochMs(TX.timestamp).alias("t"),
    pl.col(TX.item).cast(pl.Utf8),
    pl.col(TX.quantity).cast(pl.Float64),
    pl.col(TX.unitPrice).cast(pl.Float64),
  ).filter(pl.col("t").lt(pl.lit(before)));
  const hasCategory = items !== undefined && items.columns.includes(IT.category);
  if (hasCategory) {
    const cat = toLazy(items!).select(
      pl.col(IT.item).cast(pl.Utf8),
      pl.col(IT.category).cast(pl.Utf8),
    ).unique({ subset: [IT.item], keep: "first" });
    lazy = lazy.join(cat, { on: TX.item, how: "left" });
  }
  const df = lazy.sort("t").collectSync();
  const n = df.height;
  const cust = strings(df, TX.customer), ord = strings(df, TX.order), it = strings(df, TX.item);
  const cats = hasCategory ? (df.getColumn(IT.category).toArray() as (string | null)[]) : [];
  const orderCodes = new Codes(), catCodes = new Codes();
  const out: TxArrays = {
    customer: new Int32Array(n),
    time: floats(df, "t"),
    order: new Int32Array(n),
    quantity: floats(df, TX.quantity),
    price: floats(df, TX.unitPrice),
    item: new Int32Array(n),
    category: new Int32Array(n).fill(-1),
  };
  for (let i = 0; i < n; i++) {
    out.customer[i] = customers.code(cust[i]);
    out.order[i] = orderCodes.code(ord[i]);
    out.item[i] = itemCodes.code(it[i]);
    if (hasCategory && cats[i] !== null) out.category[i] = catCodes.code(cats[i] as string);
  }
  return out;
}

/**
 * Events with t < before.
 *
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { Codes, extractEvents } from "@shoplab/lib/sequences/_extract.ts";
 * import assert from "node:assert/strict";
 * const ev = pl.DataFrame({
 *   customer_id: ["a", "a"], event_type: ["view", "cart"], timestamp: [new Date(1), new Date(2)],
 * });
 * const out = extractEvents(ev, 10, new Codes());
 * assert.deepEqual([...out.type], [0, 1]); // view 0, cart 1, purchase 2
 * ```
 */
export function extractEvents(ev: Frame, before: number, customers: Codes): EventArrays {
  requireColumns(ev, [EV.customer, EV.type, EV.timestamp], "buildSequences (events)");
  const df = toLazy(ev).select(
    pl.col(EV.customer).cast(pl.Utf8),
    pl.col(EV.type).cast(pl.Utf8),
    epochMs(EV.timestamp).alias("t"),
  ).filter(pl.col("t").lt(pl.lit(before))).collectSync();
  const n = df.height;
  const cust = strings(df, EV.customer), type = strings(df, EV.type);
  const out: EventArrays = {
    customer: new Int32Array(n),
    time: floats(df, "t"),
    type: new Int32Array(n),
  };
  for (let i = 0; i < n; i++) {
    out.customer[i] = customers.code(cust[i]);
    out.type[i] = type[i] === "view" ? 0 : type[i] === "cart" ? 1 : 2;
  }
  return out;
}

/**
 * Signup time per customer code (NaN when unknown), for customers already coded.
 *
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { Codes, extractSignups } from "@shoplab/lib/sequences/_extract.ts";
 * import assert from "node:assert/strict";
 * const customers = new Codes();
 * customers.code("a");
 * customers.code("b");
 * const cu = pl.DataFrame({ customer_id: ["b", "c"], signup_date: [new Date(7), new Date(8)] });
 * const signup = extractSignups(cu, customers);
 * assert.ok(Number.isNaN(signup[0]));
 * assert.equal(signup[1], 7); // "c" is not coded: ignored
 * ```
 */
export function extractSignups(cu: Frame, customers: Codes): Float64Array {
  const out = new Float64Array(customers.names.length).fill(NaN);
  if (!cu.columns.includes(CU.signupDate)) return out;
  const df = toLazy(cu).select(
    pl.col(CU.customer).cast(pl.Utf8),
    epochMs(CU.signupDate).alias("t"),
  ).collectSync();
  const ids = strings(df, CU.customer), t = floats(df, "t");
  for (let i = 0; i < ids.length; i++) {
    const c = customers.index.get(ids[i]);
    if (c !== undefined && !(t[i] >= out[c])) out[c] = t[i];
  }
  return out;
}
