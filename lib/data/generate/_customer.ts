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
  /** Index of the acquisition channel. */
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
  readonly item: number;
  readonly type: "view" | "cart" | "purchase";
  readonly time: number;
  readonly session: number;
}

/** One simulated order line (returns have negative quantity). */
export interface SimLine {
  readonly order: number;
  readonly isReturn: boolean;
  readonly item: number;
  readonly quantity: number;
  readonly time: number;
}

/** Counters the caller owns so ids stay globally unique and sequential. */
export interface IdCounters {
  order: number;
  returnOrder: number;
  session: number;
}

/** Everything one customer did. */
export interface CustomerHistory {
  readonly events: SimEvent[];
  readonly lines: SimLine[];
}

/**
 * Runs the simulation for one customer from signup to the end of the period or churn.
 *
 * @param traits The customer's traits.
 * @param ctx Catalogue, period and counters.
 * @returns Events and order lines, each in time order.
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
