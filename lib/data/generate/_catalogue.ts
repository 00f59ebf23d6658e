/**
 * The synthetic item catalogue and the way customers pick items from it: by taste over
 * categories, a favourite style per category, and Zipf-like item popularity.
 *
 * @module
 */
import type { Rng } from "../../core/random.ts";
import { ADJECTIVES, BEHAVIOUR, CATEGORIES, STYLES } from "./_model.ts";

/** One generated item. */
export interface SimItem {
  /** Item id, `I` + a zero-padded number from 1 (at least 4 digits), e.g. `"I0001"`. */
  readonly id: string;
  /** Title: style, adjective and the category's noun, e.g. `"Vintage large mug"`. */
  readonly title: string;
  /** Index into `CATEGORIES` (items are dealt round-robin over categories). */
  readonly category: number;
  /** Index into `STYLES`. */
  readonly style: number;
  /** List price in the shop's currency (log-normal around the category's price, + 0.99). */
  readonly price: number;
  /** Written with an empty price to `items.csv` (a planted missing value). */
  readonly priceMissing: boolean;
}

/** The catalogue with samplers. */
export interface Catalogue {
  /** The items; `pick` returns an index into this list. */
  readonly items: readonly SimItem[];
  /** Draws an item for a customer with the given taste and styles. */
  pick(rng: Rng, taste: Float64Array, style: Uint8Array): number;
}

function cumulative(weights: readonly number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let s = 0;
  for (let i = 0; i < weights.length; i++) out[i] = s += weights[i];
  return out;
}

function drawFrom(rng: Rng, members: Int32Array, cum: Float64Array): number {
  const u = rng.next() * cum[cum.length - 1];
  let lo = 0, hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cum[mid] > u) hi = mid;
    else lo = mid + 1;
  }
  return members[lo];
}

/**
 * Builds `n` items (deterministic for a given Rng state).
 *
 * @param n Number of items.
 * @param rng Random source.
 * @returns The catalogue.
 * @example
 * ```ts
 * import { createRng } from "@shoplab/lib/core/random.ts";
 * import { buildCatalogue } from "@shoplab/lib/data/generate/_catalogue.ts";
 * import assert from "node:assert/strict";
 * const a = buildCatalogue(30, createRng(7)), b = buildCatalogue(30, createRng(7));
 * assert.deepEqual(a.items, b.items);
 * assert.deepEqual([a.items[0].id, a.items[29].id], ["I0001", "I0030"]);
 * const taste = new Float64Array(12).fill(1 / 12), style = new Uint8Array(12);
 * const i = a.pick(createRng(1), taste, style);
 * assert.ok(Number.isInteger(i) && i >= 0 && i < 30);
 * ```
 */
export function buildCatalogue(n: number, rng: Rng): Catalogue {
  const width = Math.max(4, String(n).length);
  const items: SimItem[] = [];
  const popularity: number[] = [];
  for (let i = 0; i < n; i++) {
    const category = i % CATEGORIES.length;
    const cat = CATEGORIES[category];
    const style = rng.int(STYLES.length);
    const noun = cat.nouns[rng.int(cat.nouns.length)];
    const adj = ADJECTIVES[rng.int(ADJECTIVES.length)];
    const styleWord = STYLES[style][0].toUpperCase() + STYLES[style].slice(1);
    const price = Math.round(cat.price * Math.exp(0.45 * rng.normal()) * 100) / 100 + 0.99;
    items.push({
      id: "I" + String(i + 1).padStart(width, "0"),
      title: `${styleWord} ${adj} ${noun}`,
      category,
      style,
      price: Math.round(price * 100) / 100,
      priceMissing: rng.next() < BEHAVIOUR.missingItemPrice,
    });
    popularity.push(1 / Math.pow(1 + rng.int(n), 0.9));
  }
  // Per category and per (category, style): member lists with cumulative popularity.
  const byCat: { members: Int32Array; cum: Float64Array }[] = [];
  const byCatStyle: { members: Int32Array; cum: Float64Array }[][] = [];
  for (let c = 0; c < CATEGORIES.length; c++) {
    const members = items.map((_, i) => i).filter((i) => items[i].category === c);
    byCat.push({
      members: Int32Array.from(members),
      cum: cumulative(members.map((i) => popularity[i])),
    });
    byCatStyle.push(STYLES.map((_, s) => {
      const m = members.filter((i) => items[i].style === s);
      const use = m.length > 0 ? m : members;
      return { members: Int32Array.from(use), cum: cumulative(use.map((i) => popularity[i])) };
    }));
  }
  const catWeights = CATEGORIES.map((_, c) => byCat[c].cum[byCat[c].cum.length - 1] ?? 0);
  return {
    items,
    pick(r, taste, style) {
      const c = r.next() < BEHAVIOUR.tasteShare ? r.categorical(taste) : r.categorical(catWeights);
      if (byCat[c].members.length === 0) return r.int(items.length);
      if (r.next() < BEHAVIOUR.styleShare) {
        const g = byCatStyle[c][style[c]];
        return drawFrom(r, g.members, g.cum);
      }
      return drawFrom(r, byCat[c].members, byCat[c].cum);
    },
  };
}
