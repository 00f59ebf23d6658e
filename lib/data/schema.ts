/**
 * The canonical tables of shoplab: one set of column names and types that every reader maps its
 * source onto and every later module reads. Nothing downstream knows a source's own names.
 *
 * Conventions:
 * - identifiers are strings (`Utf8`), so `"17850"` and `"00001"` keep their meaning;
 * - timestamps are `Datetime("ms")` in UTC; dates (signup) are `Datetime("ms")` at midnight UTC;
 * - money is `Float64` in the shop's currency; quantities are `Float64` (negative = return);
 * - optional columns may be absent from a table or hold nulls.
 *
 * @module
 */

/** Column names of the **transactions** table: one row per order line. */
export const TX = {
  customer: "customer_id",
  order: "order_id",
  timestamp: "timestamp",
  item: "item_id",
  quantity: "quantity",
  unitPrice: "unit_price",
  /** Optional. */
  country: "country",
  /** Optional: acquisition channel of the customer. */
  channel: "channel",
} as const;

/** Column names of the **events** table: one row per behaviour event. */
export const EV = {
  customer: "customer_id",
  item: "item_id",
  /** One of {@linkcode EVENT_TYPES}. */
  type: "event_type",
  timestamp: "timestamp",
  session: "session_id",
} as const;

/** Event types, in funnel order. */
export const EVENT_TYPES = ["view", "cart", "purchase"] as const;
/** An event type. */
export type EventType = typeof EVENT_TYPES[number];

/** Column names of the **customers** table: one row per customer. */
export const CU = {
  customer: "customer_id",
  signupDate: "signup_date",
  channel: "channel",
  country: "country",
  ageBand: "age_band",
  gender: "gender",
} as const;

/** Column names of the **items** table: one row per item (product). */
export const IT = {
  item: "item_id",
  title: "title",
  category: "category",
  price: "price",
} as const;

/** Column names of the **channel spend** table: marketing spend per channel and month. */
export const SP = {
  channel: "channel",
  /** First day of the month, `Datetime("ms")` UTC. */
  month: "month",
  spend: "spend",
} as const;

/** Names of the canonical tables. */
export const TABLE_NAMES = [
  "transactions",
  "events",
  "customers",
  "items",
  "channelSpend",
] as const;
/** A canonical table name. */
export type TableName = typeof TABLE_NAMES[number];

/** Logical column type used by validation and documentation. */
export type ColumnKind = "string" | "float" | "datetime";

/** Description of one canonical column. */
export interface ColumnSpec {
  /** Canonical column name. */
  readonly name: string;
  /** Logical type. */
  readonly kind: ColumnKind;
  /** Whether the column must be present (and non-null after cleaning). */
  readonly required: boolean;
  /** One-line meaning, used in data/README.md and in error messages. */
  readonly description: string;
}

/** Every canonical table's columns, in file order. */
export const SCHEMA: Readonly<Record<TableName, readonly ColumnSpec[]>> = {
  transactions: [
    { name: TX.customer, kind: "string", required: true, description: "customer id" },
    { name: TX.order, kind: "string", required: true, description: "order (invoice) id" },
    { name: TX.timestamp, kind: "datetime", required: true, description: "order time, UTC" },
    { name: TX.item, kind: "string", required: true, description: "item (product) id" },
    {
      name: TX.quantity,
      kind: "float",
      required: true,
      description: "units; negative for returns",
    },
    { name: TX.unitPrice, kind: "float", required: true, description: "price per unit" },
    { name: TX.country, kind: "string", required: false, description: "customer country" },
    { name: TX.channel, kind: "string", required: false, description: "acquisition channel" },
  ],
  events: [
    { name: EV.customer, kind: "string", required: true, description: "customer id" },
    { name: EV.item, kind: "string", required: true, description: "item id" },
    { name: EV.type, kind: "string", required: true, description: "view | cart | purchase" },
    { name: EV.timestamp, kind: "datetime", required: true, description: "event time, UTC" },
    { name: EV.session, kind: "string", required: false, description: "session id" },
  ],
  customers: [
    { name: CU.customer, kind: "string", required: true, description: "customer id" },
    { name: CU.signupDate, kind: "datetime", required: true, description: "signup date, UTC" },
    { name: CU.channel, kind: "string", required: false, description: "acquisition channel" },
    { name: CU.country, kind: "string", required: false, description: "country" },
    { name: CU.ageBand, kind: "string", required: false, description: "age band, e.g. 25-34" },
    { name: CU.gender, kind: "string", required: false, description: "gender: f | m | other" },
  ],
  items: [
    { name: IT.item, kind: "string", required: true, description: "item id" },
    { name: IT.title, kind: "string", required: false, description: "product title" },
    { name: IT.category, kind: "string", required: false, description: "product category" },
    { name: IT.price, kind: "float", required: false, description: "list price" },
  ],
  channelSpend: [
    { name: SP.channel, kind: "string", required: true, description: "acquisition channel" },
    { name: SP.month, kind: "datetime", required: true, description: "first day of month" },
    { name: SP.spend, kind: "float", required: true, description: "marketing spend" },
  ],
};
