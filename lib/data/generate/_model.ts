/**
 * The parameters of the synthetic shop: channels, categories and the behavioural constants that
 * plant the signals later methods must find. Kept apart from the simulation so a reader sees
 * every knob in one place.
 *
 * @module
 */

/** One acquisition channel and how its customers behave relative to the average. */
export interface ChannelProfile {
  /** Channel name as written to the data. */
  readonly name: string;
  /** Share of new customers. */
  readonly share: number;
  /** Multiplier on the chance that a cart becomes a purchase. */
  readonly conversion: number;
  /** Multiplier on basket size and price level (order value). */
  readonly orderValue: number;
  /** Multiplier on the weekly churn hazard (higher = worse retention). */
  readonly churn: number;
  /** Marketing cost per acquired customer (drives channel spend). */
  readonly cac: number;
}

/** The six channels; they differ in volume, conversion, order value, retention and cost. */
export const CHANNELS: readonly ChannelProfile[] = [
  { name: "organic", share: 0.3, conversion: 1.0, orderValue: 1.0, churn: 0.9, cac: 4 },
  { name: "paid_search", share: 0.24, conversion: 1.15, orderValue: 1.05, churn: 1.0, cac: 38 },
  { name: "social", share: 0.18, conversion: 0.75, orderValue: 0.85, churn: 1.5, cac: 26 },
  { name: "email", share: 0.1, conversion: 1.35, orderValue: 1.1, churn: 0.6, cac: 9 },
  { name: "affiliate", share: 0.11, conversion: 1.0, orderValue: 0.95, churn: 1.15, cac: 45 },
  { name: "display", share: 0.07, conversion: 0.65, orderValue: 0.9, churn: 1.7, cac: 55 },
];

/** Item categories with a vocabulary for titles and a typical price (log-normal median). */
export const CATEGORIES: readonly {
  readonly name: string;
  readonly nouns: readonly string[];
  readonly price: number;
}[] = [
  {
    name: "kitchen",
    nouns: ["mug", "teapot", "kettle", "pan", "knife set", "cutting board"],
    price: 18,
  },
  { name: "home decor", nouns: ["vase", "candle", "cushion", "frame", "mirror", "rug"], price: 22 },
  {
    name: "garden",
    nouns: ["planter", "hose", "trowel", "seed kit", "bird feeder", "lantern"],
    price: 20,
  },
  {
    name: "toys",
    nouns: ["puzzle", "plush bear", "building set", "kite", "doll", "board game"],
    price: 15,
  },
  {
    name: "books",
    nouns: ["novel", "cookbook", "atlas", "notebook", "journal", "comic"],
    price: 12,
  },
  {
    name: "electronics",
    nouns: ["headphones", "charger", "speaker", "power bank", "cable", "lamp"],
    price: 35,
  },
  { name: "fashion", nouns: ["scarf", "tote bag", "hat", "gloves", "socks", "wallet"], price: 19 },
  {
    name: "beauty",
    nouns: ["soap", "lotion", "perfume", "lip balm", "face mask", "brush"],
    price: 14,
  },
  {
    name: "sports",
    nouns: ["yoga mat", "water bottle", "dumbbell", "jump rope", "ball", "towel"],
    price: 24,
  },
  {
    name: "stationery",
    nouns: ["pen set", "sketchbook", "planner", "stickers", "washi tape", "folder"],
    price: 9,
  },
  {
    name: "pets",
    nouns: ["dog toy", "cat bed", "leash", "bowl", "treat jar", "collar"],
    price: 16,
  },
  {
    name: "food",
    nouns: ["tea tin", "coffee beans", "chocolate box", "honey jar", "spice set", "biscuits"],
    price: 11,
  },
];

/** Style words; each item has one style and customers favour one style per category. */
export const STYLES: readonly string[] = ["vintage", "modern", "rustic", "pastel", "classic"];

/** Extra title adjectives (no behavioural meaning). */
export const ADJECTIVES: readonly string[] = [
  "large",
  "small",
  "deluxe",
  "mini",
  "handmade",
  "eco",
  "premium",
  "travel",
  "family",
  "gift",
];

/** Countries and their shares. */
export const COUNTRIES: readonly { readonly name: string; readonly share: number }[] = [
  { name: "United Kingdom", share: 0.55 },
  { name: "Germany", share: 0.12 },
  { name: "France", share: 0.1 },
  { name: "Netherlands", share: 0.07 },
  { name: "Spain", share: 0.06 },
  { name: "Ireland", share: 0.05 },
  { name: "Sweden", share: 0.05 },
];

/** Age bands and their shares. */
export const AGE_BANDS: readonly { readonly name: string; readonly share: number }[] = [
  { name: "18-24", share: 0.14 },
  { name: "25-34", share: 0.3 },
  { name: "35-44", share: 0.24 },
  { name: "45-54", share: 0.17 },
  { name: "55-64", share: 0.1 },
  { name: "65+", share: 0.05 },
];

/** Behavioural constants (per week unless stated). */
export const BEHAVIOUR = {
  /** Mean sessions per week of an active customer (Gamma-distributed across customers). */
  sessionsPerWeek: 0.9,
  /** Gamma shape of the session rate across customers (smaller = more heterogeneous). */
  rateShape: 1.3,
  /** Views per session: 1 + Poisson(this). */
  viewsPerSession: 2.5,
  /** Chance a viewed item is added to the cart. */
  cartRate: 0.18,
  /** Chance a cart item is bought in the same session (times channel conversion). */
  buyNow: 0.45,
  /** Chance per later session that a pending cart item (≤ 14 days old) is bought. */
  buyLater: 0.35,
  /** Extra sessions per week while the cart holds pending items (return-to-buy visits). */
  cartReturnSessions: 1.2,
  /** Share of picks that follow the customer's taste (the rest follow global popularity). */
  tasteShare: 0.8,
  /** Share of in-category picks that follow the customer's favourite style. */
  styleShare: 0.7,
  /** Base weekly churn hazard. */
  churnHazard: 0.035,
  /** Hazard multiplier per week since the last purchase (recency effect), capped. */
  recencyHazard: 0.06,
  /** Extra early-tenure hazard (decays with an 8-week scale). */
  earlyHazard: 1.6,
  /** Chance a bought line is returned later. */
  returnRate: 0.04,
  /** Share of rows written twice on purpose (duplicates for preprocessing). */
  duplicateRate: 0.005,
  /** Share of missing values in customers' optional columns. */
  missingCustomer: 0.03,
  /** Share of items with a missing price. */
  missingItemPrice: 0.02,
} as const;

/**
 * Seasonality multiplier on session rates for a day (UTC): a weekly rhythm (Sunday × 1.25,
 * Saturday × 1.1, Monday × 1.05, other days × 0.92) times a season factor: July–August
 * × 0.85, a holiday peak from 22 November (around Black Friday) to 23 December (× 1.9 in
 * November, × 1.7 in December) and a lull after Christmas, 27–31 December (× 0.8).
 *
 * @param dayMs Any time of the day, epoch ms.
 * @returns The multiplier (1 = an average day).
 * @example
 * ```ts
 * import { seasonality } from "@shoplab/lib/data/generate/_model.ts";
 * import assert from "node:assert/strict";
 * const near = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-12, `${a} vs ${b}`);
 * near(seasonality(Date.UTC(2025, 10, 30)), 1.25 * 1.9); // a Sunday in the November peak
 * near(seasonality(Date.UTC(2025, 6, 16)), 0.92 * 0.85); // a Wednesday in July
 * near(seasonality(Date.UTC(2025, 2, 4)), 0.92); // an ordinary Tuesday
 * ```
 */
export function seasonality(dayMs: number): number {
  const d = new Date(dayMs);
  const dow = d.getUTCDay(); // 0 = Sunday
  const weekly = dow === 0 ? 1.25 : dow === 6 ? 1.1 : dow === 1 ? 1.05 : 0.92;
  const month = d.getUTCMonth(), day = d.getUTCDate();
  let season = 1;
  if (month === 6 || month === 7) season = 0.85;
  if (month === 10 && day >= 22) season = 1.9;
  if (month === 11 && day <= 23) season = 1.7;
  if (month === 11 && day > 26) season = 0.8;
  return weekly * season;
}
