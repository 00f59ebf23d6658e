/**
 * Simulates one customer's life in the synthetic shop: sessions, views, carts, purchases,
 * returns and churn. Pure given its Rng; the caller writes the rows.
 *
 * @module
 */
import type { Rng } from "../../core/random.ts";
import { MS_PER_DAY } from "../../core/constants.ts";
import { BEHAVIOUR as B, type ChannelProfile, seasonality } from "./_model.ts";
import type { Catalogue } from "./_catalogue.ts";

/** A customer's fixed traits. */
export interface CustomerTraits {
  /** The acquisition channel and its behaviour multipliers. */
  readonly channel: ChannelProfile;
  /** Signup day (days since the start). */
  readonly signupDay: number;
  /** Category taste weights (sum 1). */
  readonly taste: Float64Array;
  /** Favourite style index per category. */
  readonly style: Uint8Array;
  /** Sessions per week while active. */
  readonly rate: number;
  /** Satisfaction, standard normal at signup. */
  readonly satisfaction: number;
}

/** One simulated behaviour event. */
export interface SimEvent {
  /** Index into the catalogue's items. */
  readonly item: number;
  /** Event type. */
  readonly type: "view" | "cart" | "purchase";
  /** Epoch ms (UTC). */
  readonly time: number;
  /** Session number (from {@linkcode IdCounters.session}). */
  readonly session: number;
}

/** One simulated order line (returns have negative quantity). */
export interface SimLine {
  /** Order number: from `IdCounters.order` for sales, `IdCounters.returnOrder` for returns. */
  readonly order: number;
  /** A return line (written with an `R…` order id), else a sale (`O…`). */
  readonly isReturn: boolean;
  /** Index into the catalogue's items. */
  readonly item: number;
  /** Units; negative for a return. */
  readonly quantity: number;
  /** Epoch ms (UTC). */
  readonly time: number;
}

/** Counters the caller owns so ids stay globally unique and sequential. */
export interface IdCounters {
  /** Last sales order number used. */
  order: number;
  /** Last return order number used. */
  returnOrder: number;
  /** Last session number used. */
  session: number;
}

/** Everything one customer did. */
export interface CustomerHistory {
  /** Behaviour events, in time order. */
  readonly events: SimEvent[];
  /** Order lines (sales and returns), sorted by time. */
  readonly lines: SimLine[];
}

/**
 * Runs the simulation for one customer from signup to the end of the period or churn.
 *
 * @param traits The customer's traits.
 * @param ctx Catalogue, period (`startMs` epoch ms, `days` long) and the id counters, which are
 *   advanced in place so ids stay unique across customers.
 * @returns Events and order lines, each in time order.
 * @example
 * ```ts
 * import { createRng } from "@shoplab/lib/core/random.ts";
 * import { buildCatalogue } from "@shoplab/lib/data/generate/_catalogue.ts";
 * import { CHANNELS } from "@shoplab/lib/data/generate/_model.ts";
 * import { simulateCustomer } from "@shoplab/lib/data/generate/_customer.ts";
 * import assert from "node:assert/strict";
 * const catalogue = buildCatalogue(50, createRng(1));
 * const ids = { order: 0, returnOrder: 0, session: 0 };
 * const traits = {
 *   channel: CHANNELS[0],
 *   signupDay: 0,
 *   taste: new Float64Array(12).fill(1 / 12),
 *   style: new Uint8Array(12),
 *   rate: 3,
 *   satisfaction: 0,
 * };
 * const startMs = Date.UTC(2025, 0, 1);
 * const h = simulateCustomer(traits, { rng: createRng(2), catalogue, startMs, days: 90, ids });
 * assert.ok(h.events.length > 0 && h.events[0].type === "view"); // at least one session on signup
 * assert.equal(ids.session, new Set(h.events.map((e) => e.session)).size);
 * assert.ok(h.lines.every((l, k) => k === 0 || h.lines[k - 1].time <= l.time));
 * const endMs = startMs + 90 * 86_400_000;
 * assert.ok(h.lines.every((l) => l.time < endMs && (l.quantity < 0) === l.isReturn));
 * ```
 */
export function simulateCustomer(
  traits: CustomerTraits,
  ctx: {
    readonly rng: Rng;
    readonly catalogue: Catalogue;
    readonly startMs: number;
    readonly days: number;
    readonly ids: IdCounters;
  },
): CustomerHistory {
  const { rng, catalogue, startMs, days, ids } = ctx;
  const ch = traits.channel;
  const events: SimEvent[] = [];
  const lines: SimLine[] = [];
  const pending: { item: number; day: number }[] = [];
  let satisfaction = traits.satisfaction;
  let lastPurchaseDay = traits.signupDay;
  const endMs = startMs + days * MS_PER_DAY;

  for (let day = traits.signupDay; day < days; day++) {
    const tenure = day - traits.signupDay;
    if (tenure > 0 && tenure % 7 === 0) {
      const weeksIdle = Math.min(12, (day - lastPurchaseDay) / 7);
      const hazard = B.churnHazard * ch.churn * Math.exp(-0.5 * satisfaction) *
        (1 + B.earlyHazard * Math.exp(-tenure / 56)) * (1 + B.recencyHazard * weeksIdle * 4);
      if (rng.next() < hazard) break;
    }
    const dayMs = startMs + day * MS_PER_DAY;
    const boost = pending.some((p) => day - p.day <= 14) ? B.cartReturnSessions / 7 : 0;
    let sessions = rng.poisson((traits.rate / 7) * seasonality(dayMs) + boost);
    if (day === traits.signupDay) sessions = Math.max(1, sessions);
    for (let s = 0; s < sessions; s++) {
      const session = ++ids.session;
      let t = dayMs + Math.floor((8 + rng.next() * 15) * 3_600_000 + rng.int(60) * 60_000);
      const bought: number[] = [];
      // Earlier cart items: the stronger the recent cart activity, the likelier a purchase.
      for (let p = pending.length - 1; p >= 0; p--) {
        if (day - pending[p].day > 14) {
          pending.splice(p, 1);
        } else if (rng.next() < B.buyLater * ch.conversion) {
          bought.push(pending[p].item);
          pending.splice(p, 1);
        }
      }
      const views = 1 + rng.poisson(B.viewsPerSession);
      for (let v = 0; v < views; v++) {
        const item = catalogue.pick(rng, traits.taste, traits.style);
        t += 20_000 + rng.int(100_000);
        events.push({ item, type: "view", time: t, session });
        if (rng.next() < B.cartRate) {
          t += 5_000 + rng.int(30_000);
          events.push({ item, type: "cart", time: t, session });
          if (rng.next() < B.buyNow * ch.conversion) bought.push(item);
          else pending.push({ item, day });
        }
      }
      if (bought.length === 0) continue;
      t += 30_000 + rng.int(120_000);
      if (t >= endMs) continue;
      const order = ++ids.order;
      lastPurchaseDay = day;
      for (const item of bought) {
        for (const p of pending) if (p.item === item) p.day = -1e9; // bought: drop from cart
        events.push({ item, type: "purchase", time: t, session });
        const quantity = 1 + rng.poisson(0.6 * ch.orderValue ** 3);
        lines.push({ order, isReturn: false, item, quantity, time: t });
        const returnChance = B.returnRate * (satisfaction < -1 ? 2 : 1);
        if (rng.next() < returnChance) {
          const rt = t + (3 + rng.int(18)) * MS_PER_DAY + rng.int(36_000_000);
          satisfaction -= 0.5;
          if (rt < endMs) {
            lines.push({
              order: ++ids.returnOrder,
              isReturn: true,
              item,
              quantity: -quantity,
              time: rt,
            });
          }
        }
      }
    }
  }
  lines.sort((a, b) => a.time - b.time);
  return { events, lines };
}
