/**
 * The synthetic shop generator: a seeded, deterministic online shop with real signal for every
 * method in shoplab, streamed to CSV files so a million customers fit in memory.
 *
 * @module
 */
import { join } from "node:path";
import { createRng, type Rng } from "../../core/random.ts";
import { MS_PER_DAY, SEED } from "../../core/constants.ts";
import { SCHEMA } from "../schema.ts";
import { AGE_BANDS, BEHAVIOUR, CATEGORIES, CHANNELS, COUNTRIES } from "./_model.ts";
import { buildCatalogue } from "./_catalogue.ts";
import { type IdCounters, simulateCustomer } from "./_customer.ts";
import { formatDate, formatTimestamp, openCsv } from "./_writer.ts";

/** Version of the generative model; bump when output changes for the same seed. */
export const GENERATOR_VERSION = 1;

/** Options of {@linkcode generateShop}. */
export interface GenerateShopOptions {
  /** Number of customers. Default `5000`. */
  readonly customers?: number;
  /** Number of items. Default `1000`. */
  readonly items?: number;
  /** Length of the period in months. Default `12`. */
  readonly months?: number;
  /** First day, `YYYY-MM-DD`. Default `"2025-01-01"`. */
  readonly start?: string;
  /** Seed. Default {@linkcode SEED}. */
  readonly seed?: number;
  /** Called every 1% of customers (and at the end) with the number done. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** What {@linkcode generateShop} wrote (also saved as `manifest.json`). */
export interface ShopManifest {
  /** Marks the folder as written by this generator. */
  readonly generator: "shoplab-synthetic";
  /** {@linkcode GENERATOR_VERSION} at generation time. */
  readonly version: number;
  /** Seed used. */
  readonly seed: number;
  /** Number of customers simulated (= data rows of `customers.csv`). */
  readonly customers: number;
  /** Number of items in the catalogue (= data rows of `items.csv`). */
  readonly items: number;
  /** Length of the period in months. */
  readonly months: number;
  /** First day of the period, `YYYY-MM-DD` (UTC). */
  readonly start: string;
  /** First day after the period (`start` + `months`), `YYYY-MM-DD` (UTC); exclusive. */
  readonly end: string;
  /**
   * Data rows (header excluded) per file, keyed by file stem: `transactions`, `events`,
   * `customers`, `items`, `channel_spend`.
   */
  readonly rows: Readonly<Record<string, number>>;
}

function pickShare(rng: Rng, table: readonly { share: number }[]): number {
  return rng.categorical(table.map((t) => t.share));
}

function monthsLater(startMs: number, months: number): number {
  const d = new Date(startMs);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, d.getUTCDate());
}

function header(table: keyof typeof SCHEMA): string[] {
  return SCHEMA[table].map((c) => c.name);
}

/**
 * Generates the synthetic shop into `dir` (created if missing; existing files replaced). Writes
 * `transactions.csv`, `events.csv`, `customers.csv`, `items.csv`, `channel_spend.csv` and
 * `manifest.json`. Rows are in time order per customer (customers one after another). Same
 * seed and options give byte-identical files.
 *
 * @param dir Output folder.
 * @param options See {@linkcode GenerateShopOptions}.
 * @returns The manifest.
 * @throws {RangeError} When a size is not a positive integer or `start` is not a date.
 * @example
 * ```ts
 * import { generateShop } from "@shoplab/lib/data/generate/generate_shop.ts";
 * import assert from "node:assert/strict";
 * const dir = await Deno.makeTempDir();
 * const m = await generateShop(dir, { customers: 20, items: 30, months: 2 });
 * assert.equal(m.rows.customers, 20);
 * assert.ok(m.rows.transactions > 0);
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export async function generateShop(
  dir: string,
  options: GenerateShopOptions = {},
): Promise<ShopManifest> {
  const nCustomers = options.customers ?? 5000;
  const nItems = options.items ?? 1000;
  const months = options.months ?? 12;
  const seed = options.seed ?? SEED;
  const start = options.start ?? "2025-01-01";
  for (const [name, v] of [["customers", nCustomers], ["items", nItems], ["months", months]]) {
    if (!Number.isInteger(v) || (v as number) < 1) {
      throw new RangeError(`generateShop: ${name} must be a positive integer, got ${v}`);
    }
  }
  const startMs = Date.parse(start + "T00:00:00Z");
  if (!/^\d{4}-\d{2}-\d{2}$/.test(start) || Number.isNaN(startMs)) {
    throw new RangeError(`generateShop: start must be YYYY-MM-DD, got "${start}"`);
  }
  const endMs = monthsLater(startMs, months);
  const days = Math.round((endMs - startMs) / MS_PER_DAY);
  await Deno.mkdir(dir, { recursive: true });

  const root = createRng(seed);
  const catalogue = buildCatalogue(nItems, root.fork());
  const items = openCsv(join(dir, "items.csv"), header("items"));
  for (const it of catalogue.items) {
    items.row([
      it.id,
      it.title,
      CATEGORIES[it.category].name,
      it.priceMissing ? "" : it.price.toFixed(2),
    ]);
  }
  items.close();

  const tx = openCsv(join(dir, "transactions.csv"), header("transactions"));
  const ev = openCsv(join(dir, "events.csv"), header("events"));
  const cu = openCsv(join(dir, "customers.csv"), header("customers"));
  const width = Math.max(6, String(nCustomers).length);
  const ids: IdCounters = { order: 0, returnOrder: 0, session: 0 };
  const signups = new Float64Array(CHANNELS.length * months);
  const step = Math.max(1, Math.floor(nCustomers / 100));
  const orderWidth = 8, sessionWidth = 9;

  for (let i = 0; i < nCustomers; i++) {
    const rng = createRng((Math.imul(seed, 0x9e3779b1) ^ Math.imul(i + 1, 0x85ebca6b)) >>> 0);
    const channelIdx = pickShare(rng, CHANNELS);
    const channel = CHANNELS[channelIdx];
    const u = rng.next();
    const signupDay = Math.min(
      days - 1,
      Math.floor(days * (u < 0.7 ? rng.next() : Math.sqrt(rng.next()))),
    );
    const taste = new Float64Array(CATEGORIES.length);
    let tsum = 0;
    for (let c = 0; c < taste.length; c++) tsum += taste[c] = rng.gamma(0.25) + 1e-6;
    for (let c = 0; c < taste.length; c++) taste[c] /= tsum;
    const style = new Uint8Array(CATEGORIES.length).map(() => rng.int(5));
    const rate = BEHAVIOUR.sessionsPerWeek * Math.sqrt(channel.conversion) *
      rng.gamma(BEHAVIOUR.rateShape) / BEHAVIOUR.rateShape;
    const satisfaction = rng.normal();
    const id = "C" + String(i + 1).padStart(width, "0");
    const signupMs = startMs + signupDay * MS_PER_DAY;
    const country = COUNTRIES[pickShare(rng, COUNTRIES)].name;
    const age = AGE_BANDS[pickShare(rng, AGE_BANDS)].name;
    const g = rng.next();
    const gender = g < 0.52 ? "f" : g < 0.97 ? "m" : "other";
    const miss = () => rng.next() < BEHAVIOUR.missingCustomer;
    const monthIdx = new Date(signupMs).getUTCMonth() - new Date(startMs).getUTCMonth() +
      12 * (new Date(signupMs).getUTCFullYear() - new Date(startMs).getUTCFullYear());
    signups[channelIdx * months + Math.min(months - 1, monthIdx)]++;
    cu.row([
      id,
      formatDate(signupMs),
      channel.name,
      miss() ? "" : country,
      miss() ? "" : age,
      miss() ? "" : gender,
    ]);

    const history = simulateCustomer(
      { channel, signupDay, taste, style, rate, satisfaction },
      { rng, catalogue, startMs, days, ids },
    );
    const dup = () => rng.next() < BEHAVIOUR.duplicateRate;
    for (const e of history.events) {
      const row = [
        id,
        catalogue.items[e.item].id,
        e.type,
        formatTimestamp(e.time),
        "S" + String(e.session).padStart(sessionWidth, "0"),
      ];
      ev.row(row);
      if (dup()) ev.row(row);
    }
    for (const l of history.lines) {
      const it = catalogue.items[l.item];
      const order = (l.isReturn ? "R" : "O") + String(l.order).padStart(orderWidth, "0");
      const row = [
        id,
        order,
        formatTimestamp(l.time),
        it.id,
        l.quantity,
        it.price.toFixed(2),
        country,
        channel.name,
      ];
      tx.row(row);
      if (dup()) tx.row(row);
    }
    if ((i + 1) % step === 0 || i + 1 === nCustomers) options.onProgress?.(i + 1, nCustomers);
  }
  tx.close();
  ev.close();
  cu.close();

  const spendRng = root.fork();
  const sp = openCsv(join(dir, "channel_spend.csv"), header("channelSpend"));
  for (let m = 0; m < months; m++) {
    for (let c = 0; c < CHANNELS.length; c++) {
      const base = signups[c * months + m] * CHANNELS[c].cac;
      sp.row([
        CHANNELS[c].name,
        formatDate(monthsLater(startMs, m)),
        (base * (0.9 + 0.2 * spendRng.next())).toFixed(2),
      ]);
    }
  }
  sp.close();

  const manifest: ShopManifest = {
    generator: "shoplab-synthetic",
    version: GENERATOR_VERSION,
    seed,
    customers: nCustomers,
    items: nItems,
    months,
    start,
    end: formatDate(endMs),
    rows: {
      transactions: tx.rows,
      events: ev.rows,
      customers: cu.rows,
      items: items.rows,
      channel_spend: sp.rows,
    },
  };
  await Deno.writeTextFile(join(dir, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
  return manifest;
}
