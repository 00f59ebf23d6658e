/**
 * Channel economics: lifetime value per acquired customer, LTV : CAC and payback months.
 *
 * @module
 */
import { customerInfo, oneOf } from "../retention/_activity.ts";
import { cohortTable } from "../retention/cohort_table.ts";
import type { AcquisitionTables } from "./acquisition_cost.ts";
import { acquiredRows, costPerChannel, spendWindow } from "./_tables.ts";

/** Options of {@linkcode channelEconomics}. */
export interface ChannelEconomicsOptions {
  /** Cut-off: only data before asOf (complete months). */
  readonly asOf: Date;
  /**
   * Gross margin as a share of net revenue, in (0, 1]: what a unit of revenue leaves after the
   * cost of goods, shipping and payment (no default: it is your business's number).
   */
  readonly margin: number;
  /** Months after acquisition that the LTV covers (capped at the months observed). Default `12`. */
  readonly horizonMonths?: number;
  /** When a customer counts as acquired. Default `"first_purchase"`. */
  readonly acquiredAt?: "first_purchase" | "signup";
  /**
   * Lifetime revenue per customer from a model (e.g. BG/NBD × Gamma-Gamma CLV in lib/clv),
   * customer id → revenue. When given, a channel's LTV is margin × the mean of these values
   * over its customers, instead of the historical cohort curve. Default: not used.
   */
  readonly ltvPerCustomer?: ReadonlyMap<string, number>;
}

/** One channel of {@linkcode channelEconomics}. */
export interface ChannelEconomicsRow {
  /** Acquisition channel. */
  readonly channel: string;
  /** Customers acquired over the spend months. */
  readonly newCustomers: number;
  /** Spend over those months. */
  readonly spend: number;
  /** Cost per acquired customer (`null` without customers). */
  readonly cac: number | null;
  /** Months of the LTV actually used (horizon capped at what the cohorts show). */
  readonly horizonMonths: number;
  /**
   * Margin per acquired customer over `horizonMonths` (`null` when the channel has no
   * cohort data).
   */
  readonly ltv: number | null;
  /** ltv ÷ cac (`null` when either is missing or cac is 0). */
  readonly ltvToCac: number | null;
  /**
   * Months until the cumulative margin per customer covers the CAC, interpolated within the
   * month; `null` when not reached within the months observed.
   */
  readonly paybackMonths: number | null;
  /** Cumulative margin per acquired customer after 1, 2, … months (the payback curve). */
  readonly cumulativeMargin: readonly number[];
}

/**
 * Channel economics from history, with no model: for each channel, the average **cumulative
 * margin per acquired customer** m(k) = margin × Σ_{j<k} R(j), where R(j) is the net revenue
 * per customer in the j-th calendar month after acquisition, pooled over every cohort that has
 * month j observed (cohort revenue ÷ cohort size, from {@linkcode cohortTable}). Then
 *
 * - LTV = m(H) with H = min(horizonMonths, months observed) — a historical, undiscounted
 *   lifetime value; pass `ltvPerCustomer` to use a model's CLV instead;
 * - LTV : CAC = LTV ÷ CAC (CAC from {@linkcode acquisitionCost}); ≥ 3 is the usual rule of thumb;
 * - payback = the first (interpolated) month at which m(k) ≥ CAC.
 *
 * Month 0 is the calendar month of acquisition, so it is partial; later cohorts contribute to
 * early months only, so late months rest on fewer customers.
 *
 * @param tables Transactions, customers and `channelSpend`.
 * @param options See {@linkcode ChannelEconomicsOptions}.
 * @returns One row per channel of the spend table (sorted).
 * @throws {RangeError} Invalid `asOf`, `margin` outside (0, 1] or `horizonMonths` < 1.
 * @throws {TypeError} Missing tables or columns (see {@linkcode acquisitionCost}).
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { channelEconomics } from "@shoplab/lib/acquisition/channel_economics.ts";
 * import assert from "node:assert/strict";
 * const d = (s: string) => new Date(s + "T12:00:00Z");
 * // two email customers in January, each spends 100 in January and 100 in February
 * const transactions = pl.DataFrame({ customer_id: ["a", "b", "a", "b"], order_id: ["1", "2", "3", "4"],
 *   timestamp: [d("2025-01-05"), d("2025-01-07"), d("2025-02-05"), d("2025-02-07")],
 *   quantity: [1, 1, 1, 1], unit_price: [100, 100, 100, 100], channel: ["email", "email", "email", "email"] });
 * const channelSpend = pl.DataFrame({ channel: ["email"], month: [new Date("2025-01-01")], spend: [90] });
 * const [e] = channelEconomics({ transactions, channelSpend }, { asOf: d("2025-03-01"), margin: 0.3 });
 * assert.equal(e.cac, 45);
 * assert.deepEqual(e.cumulativeMargin, [30, 60]);
 * assert.equal(e.ltv, 60);
 * assert.equal(e.paybackMonths, 1.5); // 30 after month 1, 45 reached half-way through month 2
 * ```
 */
export function channelEconomics(
  tables: AcquisitionTables,
  options: ChannelEconomicsOptions,
): ChannelEconomicsRow[] {
  const fn = "channelEconomics";
  const margin = options.margin;
  if (typeof margin !== "number" || !(margin > 0 && margin <= 1)) {
    throw new RangeError(`${fn}: margin must be in (0, 1], got ${margin}`);
  }
  const horizon = options.horizonMonths ?? 12;
  if (!(horizon >= 1) || !Number.isInteger(horizon)) {
    throw new RangeError(`${fn}: horizonMonths must be an integer ≥ 1, got ${horizon}`);
  }
  // acquisitionCost's steps on one cohort table: its period-0 rows are the new customers.
  const window = spendWindow(tables, options.asOf);
  const acquiredAt = oneOf(
    options.acquiredAt ?? "first_purchase",
    ["first_purchase", "signup"],
    "acquiredAt",
    "newCustomers",
  );
  const cohorts = cohortTable(tables, { asOf: options.asOf, cohort: acquiredAt, by: "channel" });
  const costs = costPerChannel(window, acquiredRows(cohorts));
  // Pooled revenue per customer by month since acquisition, per channel.
  const pooled = new Map<string, { revenue: number[]; size: number[] }>();
  for (const r of cohorts) {
    let p = pooled.get(r.group);
    if (!p) pooled.set(r.group, p = { revenue: [], size: [] });
    p.revenue[r.period] = (p.revenue[r.period] ?? 0) + r.revenue;
    p.size[r.period] = (p.size[r.period] ?? 0) + r.cohortSize;
  }
  const model = options.ltvPerCustomer ? modelLtv(tables, options.ltvPerCustomer) : null;
  return costs.map((c) => {
    const p = pooled.get(c.channel);
    const months = p ? Math.min(horizon, p.size.length) : 0;
    const cumulativeMargin: number[] = [];
    let acc = 0;
    for (let k = 0; k < months; k++) {
      acc += margin * (p!.size[k] > 0 ? p!.revenue[k] / p!.size[k] : 0);
      cumulativeMargin.push(acc);
    }
    const ltv = model
      ? (model.has(c.channel) ? margin * model.get(c.channel)! : null)
      : months > 0
      ? acc
      : null;
    return {
      channel: c.channel,
      newCustomers: c.newCustomers,
      spend: c.spend,
      cac: c.cac,
      horizonMonths: model ? horizon : months,
      ltv,
      ltvToCac: ltv !== null && c.cac !== null && c.cac > 0 ? ltv / c.cac : null,
      paybackMonths: c.cac === null ? null : payback(cumulativeMargin, c.cac),
      cumulativeMargin,
    };
  });
}

function payback(curve: readonly number[], cac: number): number | null {
  if (cac <= 0) return 0;
  let prev = 0;
  for (let k = 0; k < curve.length; k++) {
    if (curve[k] >= cac) return k + (cac - prev) / (curve[k] - prev);
    prev = curve[k];
  }
  return null;
}

/** Mean model LTV per channel over the customers the map covers. */
function modelLtv(
  tables: AcquisitionTables,
  values: ReadonlyMap<string, number>,
): Map<string, number> {
  const channels = customerInfo(tables, "channelEconomics").channel;
  const sum = new Map<string, [number, number]>();
  for (const [id, v] of values) {
    if (!Number.isFinite(v)) {
      throw new RangeError(`channelEconomics: ltvPerCustomer has ${v} for customer "${id}"`);
    }
    const ch = channels.get(id);
    if (ch === undefined) continue;
    const s = sum.get(ch) ?? [0, 0];
    sum.set(ch, [s[0] + v, s[1] + 1]);
  }
  return new Map([...sum].map(([ch, [s, n]]) => [ch, s / n]));
}
