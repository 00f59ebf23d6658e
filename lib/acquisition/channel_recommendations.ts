/**
 * Plain-language recommendations for a marketing lead, computed from channel economics,
 * funnels and targeting gains.
 *
 * @module
 */
import type { ChannelEconomicsRow } from "./channel_economics.ts";
import type { FunnelRow } from "./conversion_funnel.ts";
import type { TargetingGainsRow } from "./targeting_gains.ts";

/** Inputs of {@linkcode channelRecommendations}. */
export interface RecommendationInputs {
  /** From {@linkcode channelEconomics}. */
  readonly economics: readonly ChannelEconomicsRow[];
  /** From {@linkcode conversionFunnel} with `by: "channel"` (optional). */
  readonly funnel?: readonly FunnelRow[];
  /** From {@linkcode targetingGains} (optional). */
  readonly targeting?: readonly TargetingGainsRow[];
}

/** Options of {@linkcode channelRecommendations}. */
export interface ChannelRecommendationsOptions {
  /** LTV : CAC a channel should reach to be scaled. Default `3`. */
  readonly targetLtvCac?: number;
  /** Prefix of money amounts. Default `""`. */
  readonly currency?: string;
}

const pct = (x: number) => `${(100 * x).toFixed(0)} %`;
const num = (x: number, d = 1) => x.toFixed(d);

/**
 * Turns the numbers into short, ranked actions:
 *
 * - channels with LTV : CAC ≥ target → **scale**; between 1 and target → **optimise** (name
 *   the payback); below 1 → **cut or renegotiate** (each customer loses money);
 * - the channel whose cart → purchase rate lags the shop's most (when a funnel is given) →
 *   **fix the checkout path** for it;
 * - the top decile's lift and value share (when targeting rows are given) → **target** the
 *   best-scored customers first.
 *
 * Every sentence is built from the inputs; nothing is canned.
 *
 * @param inputs See {@linkcode RecommendationInputs}.
 * @param options See {@linkcode ChannelRecommendationsOptions}.
 * @returns Markdown sentences, most valuable first.
 * @throws {RangeError} When `targetLtvCac` ≤ 1.
 * @example
 * ```ts
 * import { channelRecommendations } from "@shoplab/lib/acquisition/channel_recommendations.ts";
 * import assert from "node:assert/strict";
 * const row = (channel: string, cac: number, ltv: number) => ({ channel, newCustomers: 10, spend: 10 * cac, cac,
 *   horizonMonths: 12, ltv, ltvToCac: ltv / cac, paybackMonths: 2, cumulativeMargin: [] });
 * const recs = channelRecommendations({ economics: [row("email", 10, 60), row("display", 50, 25)] });
 * assert.ok(recs[0].startsWith("Scale **email**"));
 * assert.ok(recs[1].startsWith("Cut or renegotiate **display**") && recs[1].includes("LTV : CAC 0.5"));
 * ```
 */
export function channelRecommendations(
  inputs: RecommendationInputs,
  options: ChannelRecommendationsOptions = {},
): string[] {
  const target = options.targetLtvCac ?? 3;
  if (!(target > 1)) {
    throw new RangeError(`channelRecommendations: targetLtvCac must be > 1, got ${target}`);
  }
  const cur = options.currency ?? "";
  const money = (x: number) => `${cur}${x.toFixed(0)}`;
  const out: string[] = [];
  const rated = inputs.economics.filter((r) => r.ltvToCac !== null && r.cac !== null)
    .sort((a, b) => b.ltvToCac! - a.ltvToCac!);
  for (const r of rated) {
    const pb = r.paybackMonths === null
      ? `not paid back within the ${r.horizonMonths} months observed`
      : `paid back in ${num(r.paybackMonths)} months`;
    const facts = `LTV ${money(r.ltv!)} vs CAC ${money(r.cac!)} (LTV : CAC ${
      num(r.ltvToCac!)
    }), ${pb}`;
    if (r.ltvToCac! >= target) {
      out.push(`Scale **${r.channel}**: ${facts}; it clears the ${target} : 1 bar.`);
    } else if (r.ltvToCac! >= 1) {
      out.push(
        `Optimise **${r.channel}**: ${facts}; profitable but below ${target} : 1 — lower bids or raise repeat purchases.`,
      );
    } else {
      out.push(
        `Cut or renegotiate **${r.channel}**: ${facts}; each new customer loses ${
          money(r.cac! - r.ltv!)
        } of margin.`,
      );
    }
  }
  const unrated = inputs.economics.filter((r) => r.ltvToCac === null && r.newCustomers > 0);
  for (const r of unrated) {
    out.push(
      `Measure **${r.channel}**: ${r.newCustomers} customers but no spend or LTV to judge it.`,
    );
  }
  const funnel = inputs.funnel?.filter((f) => f.group !== "unknown" && f.carts > 0) ?? [];
  if (funnel.length > 1) {
    const carts = funnel.reduce((s, f) => s + f.carts, 0);
    const bought = funnel.reduce((s, f) => s + f.purchases, 0);
    const overall = bought / carts;
    const worst = [...funnel].sort((a, b) => a.cartToPurchase - b.cartToPurchase)[0];
    if (worst.cartToPurchase < overall) {
      out.push(
        `Fix the checkout path for **${worst.group}** visitors: ${
          pct(worst.cartToPurchase)
        } of their carts convert vs ${pct(overall)} across channels (${worst.carts} carts).`,
      );
    }
  }
  const top = inputs.targeting?.find((t) => Math.abs(t.fraction - 0.1) < 1e-9);
  if (top) {
    out.push(
      `Target the top 10 % of customers by score first: they hold ${
        pct(top.gains)
      } of next-period value, ${num(top.lift)}× what a random 10 % would bring.`,
    );
  }
  return out;
}
