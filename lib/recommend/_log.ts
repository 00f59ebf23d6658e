/** Private: canonical tables → one long interaction log, encoded and aggregated with polars. */
import pl from "nodejs-polars";
import { EV, IT, TX } from "../data/schema.ts";
import { DataError } from "../data/errors.ts";
import type { Interactions } from "./types.ts";
import { buildCsr, transposeCsr } from "./_csr.ts";

/** Canonical tables an interaction matrix can be built from (a `ShopData` fits). */
export interface InteractionTables {
  /** Order lines: each line with quantity > 0 counts as one purchase. */
  readonly transactions?: pl.DataFrame;
  /** Behaviour events (view | cart | purchase). */
  readonly events?: pl.DataFrame;
  /** Item attributes: titles become labels and, with categories, item text. */
  readonly items?: pl.DataFrame;
}

/** Weight of each event type; a transaction line counts as a purchase. */
export interface InteractionWeights {
  /** Default `1`. */
  readonly view?: number;
  /** Default `3`. */
  readonly cart?: number;
  /** Default `5`. */
  readonly purchase?: number;
}

/** How the aggregated strength of a (user, item) pair is transformed. */
export type ValueTransform = "none" | "binary" | "log1p";

/** Options shared by the builder and the splitters. */
export interface LogOptions {
  /** Event weights. Default `{ view: 1, cart: 3, purchase: 5 }`. */
  readonly weights?: InteractionWeights;
  /**
   * Name of an explicit-rating column in `events`: when set, the value of a pair is the mean
   * rating of its rows (rows without a rating are dropped) and `weights` are ignored.
   */
  readonly rating?: string;
  /** Transform of the aggregated value. Default `"none"`. */
  readonly transform?: ValueTransform;
}

function need(df: pl.DataFrame, cols: readonly string[], table: string): void {
  const have = new Set(df.columns);
  for (const c of cols) {
    if (!have.has(c)) {
      throw new DataError(
        `Cannot build interactions: the ${table} table has no column "${c}" (columns: ${
          df.columns.join(", ")
        })`,
        { file: `<${table}>`, column: c },
      );
    }
  }
}

function timeExpr(df: pl.DataFrame, col: string, table: string): pl.Expr {
  const dt = String(df.getColumn(col).dtype);
  if (!/Datetime|Date/.test(dt)) {
    throw new DataError(
      `Cannot build interactions: column "${col}" of the ${table} table is ${
        dt.replace(/^DataType\((.*)\)$/, "$1")
      }, expected Datetime`,
      { file: `<${table}>`, column: col, value: dt },
    );
  }
  return pl.col(col).cast(pl.Datetime("ms")).cast(pl.Float64).alias("t");
}

/**
 * Long log with columns u (Utf8), i (Utf8), w (Float64), t (Float64 epoch ms) and k (Utf8: the
 * row's kind, `view` | `cart` | `purchase`; transaction lines are purchases).
 *
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { interactionLog } from "@shoplab/lib/recommend/_log.ts";
 * import assert from "node:assert/strict";
 * const transactions = pl.DataFrame({
 *   customer_id: ["b", "a", "a"],
 *   item_id: ["x", "y", "y"],
 *   timestamp: [new Date(1000), new Date(2000), new Date(3000)],
 *   quantity: [1, 2, -1],
 * });
 * const log = interactionLog({ transactions }, {});
 * assert.equal(log.height, 2); // the return line is dropped
 * assert.deepEqual(log.getColumn("w").toArray(), [5, 5]); // purchase weight
 * assert.deepEqual(log.getColumn("k").toArray(), ["purchase", "purchase"]);
 * ```
 */
export function interactionLog(tables: InteractionTables, options: LogOptions): pl.DataFrame {
  const w = { view: 1, cart: 3, purchase: 5, ...options.weights };
  const parts: pl.DataFrame[] = [];
  const tx = tables.transactions, ev = tables.events;
  if (tx === undefined && ev === undefined) {
    throw new TypeError("buildInteractions(): pass a transactions and/or an events table");
  }
  if (tx !== undefined && options.rating === undefined) {
    need(tx, [TX.customer, TX.item, TX.timestamp, TX.quantity], "transactions");
    parts.push(
      tx.filter(pl.col(TX.quantity).gt(0)).select(
        pl.col(TX.customer).cast(pl.Utf8).alias("u"),
        pl.col(TX.item).cast(pl.Utf8).alias("i"),
        pl.lit(w.purchase).cast(pl.Float64).alias("w"),
        timeExpr(tx, TX.timestamp, "transactions"),
        pl.lit("purchase").cast(pl.Utf8).alias("k"),
      ),
    );
  }
  if (ev !== undefined) {
    need(ev, [EV.customer, EV.item, EV.timestamp], "events");
    let value: pl.Expr;
    // a rating row keeps its event type when the table has one; otherwise it counts as a purchase
    let kind: pl.Expr = ev.columns.includes(EV.type) ? pl.col(EV.type) : pl.lit("purchase");
    if (options.rating !== undefined) {
      need(ev, [options.rating], "events");
      value = pl.col(options.rating).cast(pl.Float64);
    } else {
      need(ev, [EV.type], "events");
      const types = ev.getColumn(EV.type).unique().toArray() as (string | null)[];
      for (const t of types) {
        if (t !== "view" && t !== "cart" && t !== "purchase") {
          throw new DataError(
            `Cannot build interactions: column "${EV.type}" of the events table has ${
              JSON.stringify(t)
            }, ` +
              "expected view, cart or purchase",
            { file: "<events>", column: EV.type, value: String(t) },
          );
        }
      }
      value = pl.when(pl.col(EV.type).eq(pl.lit("view"))).then(pl.lit(w.view))
        .when(pl.col(EV.type).eq(pl.lit("cart"))).then(pl.lit(w.cart))
        .otherwise(pl.lit(w.purchase));
      kind = pl.col(EV.type);
    }
    parts.push(
      ev.select(
        pl.col(EV.customer).cast(pl.Utf8).alias("u"),
        pl.col(EV.item).cast(pl.Utf8).alias("i"),
        value.cast(pl.Float64).alias("w"),
        timeExpr(ev, EV.timestamp, "events"),
        kind.cast(pl.Utf8).alias("k"),
      ),
    );
  }
  if (parts.length === 0) {
    throw new TypeError("buildInteractions(): a rating column needs an events table");
  }
  const log = parts.length === 1 ? parts[0] : pl.concat(parts, { how: "vertical" });
  return log.filter(
    pl.col("u").isNotNull().and(pl.col("i").isNotNull()).and(pl.col("w").isNotNull())
      .and(pl.col("t").isNotNull()),
  );
}

/**
 * Sorted distinct ids of users and items, and the log with integer codes uc, ic (plus w, t, k).
 *
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { encodeLog, interactionLog } from "@shoplab/lib/recommend/_log.ts";
 * import assert from "node:assert/strict";
 * const transactions = pl.DataFrame({
 *   customer_id: ["b", "a", "a"],
 *   item_id: ["x", "y", "y"],
 *   timestamp: [new Date(1000), new Date(2000), new Date(3000)],
 *   quantity: [1, 2, -1],
 * });
 * const { coded, userIds, itemIds } = encodeLog(interactionLog({ transactions }, {}));
 * assert.deepEqual(userIds, ["a", "b"]);
 * assert.deepEqual(itemIds, ["x", "y"]);
 * assert.deepEqual(coded.columns, ["uc", "ic", "w", "t", "k"]);
 * ```
 */
export function encodeLog(
  log: pl.DataFrame,
): { coded: pl.DataFrame; userIds: string[]; itemIds: string[] } {
  const userIds = log.select(pl.col("u").unique().sort()).getColumn("u").toArray() as string[];
  const itemIds = log.select(pl.col("i").unique().sort()).getColumn("i").toArray() as string[];
  // codes by a hash join with the sorted id tables (much faster than rank() on strings)
  const table = (name: string, ids: string[]) =>
    pl.DataFrame([
      pl.Series(name, ids, pl.Utf8),
      pl.Series(name + "c", Int32Array.from(ids, (_, k) => k), pl.Int32),
    ]);
  const users = table("u", userIds), items = table("i", itemIds);
  const coded = log.join(users, { on: "u" }).join(items, { on: "i" }).select(
    "uc",
    "ic",
    "w",
    "t",
    "k",
  );
  return { coded, userIds, itemIds };
}

/**
 * Labels and text per item id, from an items table (id when absent).
 *
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { itemInfo } from "@shoplab/lib/recommend/_log.ts";
 * import assert from "node:assert/strict";
 * const items = pl.DataFrame({
 *   item_id: ["x", "y"],
 *   title: ["Green tea", null],
 *   category: ["tea", "mugs"],
 * });
 * const info = itemInfo(items, ["y", "x", "z"]);
 * assert.deepEqual(info.itemLabels, ["y", "Green tea", "z"]); // id when there is no title
 * assert.deepEqual(info.itemText, ["mugs", "Green tea tea", ""]);
 * ```
 */
export function itemInfo(
  items: pl.DataFrame | undefined,
  itemIds: readonly string[],
): { itemLabels?: string[]; itemText?: string[] } {
  if (items === undefined) return {};
  need(items, [IT.item], "items");
  const ids = items.getColumn(IT.item).cast(pl.Utf8).toArray() as (string | null)[];
  const col = (name: string): (string | null)[] =>
    items.columns.includes(name)
      ? items.getColumn(name).cast(pl.Utf8).toArray() as (string | null)[]
      : ids.map(() => null);
  const titles = col(IT.title), cats = col(IT.category);
  const row = new Map<string, number>();
  ids.forEach((id, r) => id !== null && row.set(id, r));
  const itemLabels = itemIds.map((id) => {
    const r = row.get(id);
    return (r !== undefined ? titles[r]?.trim() : undefined) || id;
  });
  const itemText = itemIds.map((id) => {
    const r = row.get(id);
    return r === undefined ? "" : [titles[r] ?? "", cats[r] ?? ""].join(" ").trim();
  });
  return { itemLabels, itemText };
}

/**
 * Aggregates a coded log (uc, ic, w, t) into an Interactions matrix over the given ids.
 *
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { aggregateLog, encodeLog, interactionLog } from "@shoplab/lib/recommend/_log.ts";
 * import assert from "node:assert/strict";
 * const transactions = pl.DataFrame({
 *   customer_id: ["b", "a", "a"],
 *   item_id: ["x", "y", "y"],
 *   timestamp: [new Date(1000), new Date(2000), new Date(3000)],
 *   quantity: [1, 2, -1],
 * });
 * const { coded, userIds, itemIds } = encodeLog(interactionLog({ transactions }, {}));
 * const m = aggregateLog(coded, userIds, itemIds, { transform: "binary" }, {});
 * assert.equal(m.nnz, 2);
 * assert.deepEqual([...m.byUser.values], [1, 1]);
 * assert.deepEqual([...m.lastTimestamp!], [2000, 1000]);
 * ```
 */
export function aggregateLog(
  coded: pl.DataFrame,
  userIds: readonly string[],
  itemIds: readonly string[],
  options: LogOptions,
  info: { itemLabels?: string[]; itemText?: string[] },
): Interactions {
  const agg = coded.groupBy(["uc", "ic"]).agg(
    (options.rating !== undefined ? pl.col("w").mean() : pl.col("w").sum()).alias("v"),
    pl.col("t").max().alias("t"),
  );
  const uc = agg.getColumn("uc").toTypedArray() as Int32Array;
  const ic = agg.getColumn("ic").toTypedArray() as Int32Array;
  const v = Float32Array.from(agg.getColumn("v").cast(pl.Float64).toTypedArray() as Float64Array);
  const t = agg.getColumn("t").cast(pl.Float64).toTypedArray() as Float64Array;
  const transform = options.transform ?? "none";
  if (transform === "binary") v.fill(1);
  else if (transform === "log1p") { for (let q = 0; q < v.length; q++) v[q] = Math.log1p(v[q]); }
  const built = buildCsr(uc, ic, v, userIds.length, itemIds.length, t);
  return {
    nUsers: userIds.length,
    nItems: itemIds.length,
    nnz: built.matrix.indices.length,
    userIds,
    itemIds,
    byUser: built.matrix,
    byItem: transposeCsr(built.matrix),
    lastTimestamp: built.timestamps,
    ...info,
  };
}

/**
 * Epoch ms of a Date or number.
 *
 * @example
 * ```ts
 * import { toMs } from "@shoplab/lib/recommend/_log.ts";
 * import assert from "node:assert/strict";
 * assert.equal(toMs(new Date(5)), 5);
 * assert.equal(toMs(7), 7);
 * ```
 */
export function toMs(x: Date | number): number {
  return typeof x === "number" ? x : x.getTime();
}
