/**
 * The conversion funnel visit → cart → purchase from behaviour events, by channel.
 *
 * @module
 */
import pl from "nodejs-polars";
import { CU, EV } from "../data/schema.ts";
import { epochMs, type Frame, requireColumns, toLazy } from "../prep/_columns.ts";
import { asOfMs, customerInfo, oneOf, UNKNOWN_CHANNEL } from "../retention/_activity.ts";

/** The tables {@linkcode conversionFunnel} reads: a `ShopData` with events fits. */
export interface FunnelTables {
  /** Canonical events (`customer_id`, `event_type`, `timestamp`, optional `session_id`). */
  readonly events: Frame;
  /** Canonical customers (optional): the channel of each customer. */
  readonly customers?: Frame;
}

/** Options of {@linkcode conversionFunnel}. */
export interface ConversionFunnelOptions {
  /** Cut-off: events with timestamp < asOf. */
  readonly asOf: Date;
  /** Only events at or after this time. Default: all. */
  readonly since?: Date;
  /**
   * What passes through the funnel: `"customers"` (a customer reaches a step when they ever
   * did it in the period) or `"sessions"` (per visit; needs `session_id`). Default
   * `"customers"`.
   */
  readonly unit?: "customers" | "sessions";
  /** Split by the customers' acquisition channel. Default: one row `"all"`. */
  readonly by?: "channel";
}

/** One row of {@linkcode conversionFunnel}. */
export interface FunnelRow {
  /** Channel, or `"all"`. */
  readonly group: string;
  /** Units with at least one event (a visit). */
  readonly visits: number;
  /** Of those, units with a cart event. */
  readonly carts: number;
  /** Of those, units with a purchase event (purchases without a cart in the same unit are not counted). */
  readonly purchases: number;
  /** carts ÷ visits. */
  readonly visitToCart: number;
  /** purchases ÷ carts (`0` when there are no carts). */
  readonly cartToPurchase: number;
  /** purchases ÷ visits: the overall conversion rate. */
  readonly conversion: number;
}

/**
 * Funnel visit → cart → purchase: how many units (customers or sessions) visited, how many of
 * those put something in the cart, and how many of those bought. Steps are nested, so every
 * rate is in [0, 1]; a unit that bought without a cart event counts as a visit only.
 *
 * @param tables Events (+ customers for channels).
 * @param options See {@linkcode ConversionFunnelOptions}.
 * @returns One row per group (sorted), customers without a channel under `"unknown"`.
 * @throws {RangeError} Invalid `asOf` or `since`.
 * @throws {TypeError} Missing columns or unknown option values.
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { conversionFunnel } from "@shoplab/lib/acquisition/conversion_funnel.ts";
 * import assert from "node:assert/strict";
 * const t = new Date("2025-01-01T00:00:00Z");
 * const events = pl.DataFrame({ customer_id: ["a", "a", "a", "b", "b", "c"], item_id: ["x", "x", "x", "y", "y", "z"],
 *   event_type: ["view", "cart", "purchase", "view", "cart", "view"], timestamp: [t, t, t, t, t, t] });
 * const [all] = conversionFunnel({ events }, { asOf: new Date("2025-02-01") });
 * assert.deepEqual([all.visits, all.carts, all.purchases], [3, 2, 1]);
 * assert.equal(all.cartToPurchase, 0.5);
 * ```
 */
export function conversionFunnel(
  tables: FunnelTables,
  options: ConversionFunnelOptions,
): FunnelRow[] {
  const fn = "conversionFunnel";
  const asOf = asOfMs(options.asOf, fn);
  const since = options.since === undefined ? -Infinity : asOfMs(options.since, fn + " (since)");
  const unit = oneOf(options.unit ?? "customers", ["customers", "sessions"], "unit", fn);
  if (options.by !== undefined && options.by !== "channel") {
    throw new TypeError(`${fn}: by must be "channel" or absent, got ${String(options.by)}`);
  }
  if (!tables.events) throw new TypeError(`${fn}: needs an events table`);
  const cols = [EV.customer, EV.type, EV.timestamp, ...(unit === "sessions" ? [EV.session] : [])];
  requireColumns(tables.events, cols, `${fn} (events)`);
  const key = unit === "sessions" ? EV.session : EV.customer;
  const t = epochMs(EV.timestamp);
  let filter = t.lt(pl.lit(asOf));
  if (Number.isFinite(since)) filter = filter.and(t.gtEq(pl.lit(since)));
  const type = pl.col(EV.type);
  const perUnit = toLazy(tables.events)
    .filter(filter.and(pl.col(key).isNotNull()))
    .groupBy(key)
    .agg(
      pl.col(EV.customer).first().cast(pl.Utf8).alias("__c"),
      type.eq(pl.lit("cart")).any().alias("__cart"),
      type.eq(pl.lit("purchase")).any().alias("__buy"),
    )
    .collectSync();
  const ids = perUnit.getColumn("__c").toArray() as string[];
  const cart = perUnit.getColumn("__cart").toArray() as boolean[];
  const buy = perUnit.getColumn("__buy").toArray() as boolean[];
  let channel = new Map<string, string>();
  if (options.by === "channel") {
    if (!tables.customers || !tables.customers.columns.includes(CU.channel)) {
      throw new TypeError(`${fn}: by "channel" needs a customers table with "channel"`);
    }
    channel = customerInfo({ customers: tables.customers }, fn).channel;
  }
  const acc = new Map<string, [number, number, number]>();
  for (let i = 0; i < ids.length; i++) {
    const g = options.by === "channel" ? channel.get(ids[i]) ?? UNKNOWN_CHANNEL : "all";
    let a = acc.get(g);
    if (!a) acc.set(g, a = [0, 0, 0]);
    a[0]++;
    if (cart[i]) a[1]++;
    if (cart[i] && buy[i]) a[2]++;
  }
  return [...acc.keys()].sort().map((group) => {
    const [visits, carts, purchases] = acc.get(group)!;
    return {
      group,
      visits,
      carts,
      purchases,
      visitToCart: visits > 0 ? carts / visits : 0,
      cartToPurchase: carts > 0 ? purchases / carts : 0,
      conversion: visits > 0 ? purchases / visits : 0,
    };
  });
}
