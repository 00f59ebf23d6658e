/**
 * Private helpers of lib/acquisition: the channel spend table, the CAC arithmetic on it and the
 * new customers of a cohort table, shared by `acquisitionCost`, `newCustomers` and
 * `channelEconomics`. Column checks, `asOf` and month indices come from lib/prep's
 * `_columns.ts` and lib/retention's `_activity.ts`.
 *
 * @module
 */
import pl from "nodejs-polars";
import { SP } from "../data/schema.ts";
import { epochMs, type Frame, requireColumns, toLazy } from "../prep/_columns.ts";
import { asOfMs, periodIndex, periodStart, UNKNOWN_CHANNEL } from "../retention/_activity.ts";
import type { CohortRow } from "../retention/cohort_table.ts";
import type { AcquisitionCostRow, AcquisitionTables } from "./acquisition_cost.ts";
import type { NewCustomersRow } from "./new_customers.ts";

/**
 * Spend per channel and month index (see `periodIndex`), from a canonical channelSpend table.
 *
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { spendByMonth } from "@shoplab/lib/acquisition/_tables.ts";
 * import { periodIndex } from "@shoplab/lib/retention/_activity.ts";
 * import assert from "node:assert/strict";
 * const jan = new Date(Date.UTC(2024, 0, 1));
 * const spend = pl.DataFrame({
 *   channel: ["ads", "ads", "email"],
 *   month: [jan, jan, new Date(Date.UTC(2024, 1, 1))],
 *   spend: [100, 50, 20],
 * });
 * const byChannel = spendByMonth(spend, "acquisitionCost");
 * assert.equal(byChannel.get("ads")!.get(periodIndex(Date.UTC(2024, 0, 1), "month")), 150);
 * assert.equal(byChannel.get("email")!.size, 1);
 * ```
 */
export function spendByMonth(spend: Frame, fn: string): Map<string, Map<number, number>> {
  requireColumns(spend, [SP.channel, SP.month, SP.spend], `${fn} (channelSpend)`);
  const df = toLazy(spend).select(
    pl.col(SP.channel).cast(pl.Utf8).alias("c"),
    epochMs(SP.month).alias("m"),
    pl.col(SP.spend).cast(pl.Float64).alias("s"),
  ).collectSync();
  const c = df.getColumn("c").toArray() as (string | null)[];
  const m = df.getColumn("m").toArray() as (number | null)[];
  const s = df.getColumn("s").toArray() as (number | null)[];
  const out = new Map<string, Map<number, number>>();
  for (let i = 0; i < c.length; i++) {
    const row = i + 1;
    if (c[i] === null || c[i] === "") {
      throw new TypeError(`${fn}: channelSpend has an empty channel at row ${row}`);
    }
    if (m[i] === null || !Number.isFinite(m[i])) {
      throw new TypeError(`${fn}: channelSpend has an empty month at row ${row}`);
    }
    const v = s[i];
    if (v === null || !Number.isFinite(v) || v < 0) {
      throw new RangeError(`${fn}: channelSpend has spend ${v} at row ${row}, expected ≥ 0`);
    }
    let byMonth = out.get(c[i]!);
    if (!byMonth) out.set(c[i]!, byMonth = new Map());
    const k = periodIndex(m[i]!, "month");
    byMonth.set(k, (byMonth.get(k) ?? 0) + v);
  }
  return out;
}

/** The spend that CAC divides: per channel and month, over a window of complete months. */
export interface SpendWindow {
  /** Spend per channel and month index (all months of the table). */
  readonly spend: Map<string, Map<number, number>>;
  /** First month index with spend among the complete months before asOf. */
  readonly lo: number;
  /** Last month index with spend among the complete months before asOf. */
  readonly hi: number;
}

/**
 * Reads and validates `tables.channelSpend` and finds the complete months before `asOf` that
 * it covers (errors are named after `acquisitionCost`, whose first step this is).
 *
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { spendWindow } from "@shoplab/lib/acquisition/_tables.ts";
 * import assert from "node:assert/strict";
 * const m = (k: number) => new Date(Date.UTC(2025, k, 1));
 * const channelSpend = pl.DataFrame({ channel: ["ads", "ads"], month: [m(0), m(2)], spend: [1, 2] });
 * const w = spendWindow({ transactions: pl.DataFrame({}), channelSpend }, m(2));
 * assert.deepEqual([w.lo, w.hi], [2025 * 12, 2025 * 12]); // March is not complete on 1 March
 * ```
 */
export function spendWindow(tables: AcquisitionTables, asOfDate: Date): SpendWindow {
  const fn = "acquisitionCost";
  const asOf = asOfMs(asOfDate, fn);
  if (!tables.channelSpend) {
    throw new TypeError(
      `${fn}: needs a channelSpend table (channel, month, spend); pass your spend as tables.channelSpend`,
    );
  }
  const spend = spendByMonth(tables.channelSpend, fn);
  const lastComplete = periodIndex(asOf, "month") - 1; // the month holding asOf is not complete
  let lo = Infinity, hi = -Infinity;
  for (const byMonth of spend.values()) {
    for (const m of byMonth.keys()) {
      if (m <= lastComplete) lo = Math.min(lo, m), hi = Math.max(hi, m);
    }
  }
  if (!Number.isFinite(lo)) {
    throw new RangeError(`${fn}: channelSpend has no complete month before asOf`);
  }
  return { spend, lo, hi };
}

/**
 * CAC per channel: the window's spend ÷ the customers acquired in the same months (customers
 * of channel `"unknown"` left out), channels sorted.
 *
 * @example
 * ```ts
 * import { costPerChannel } from "@shoplab/lib/acquisition/_tables.ts";
 * import assert from "node:assert/strict";
 * const jan = 2025 * 12, month = new Date(Date.UTC(2025, 0, 1));
 * const w = { spend: new Map([["ads", new Map([[jan, 30]])]]), lo: jan, hi: jan };
 * const [ads] = costPerChannel(w, [{ channel: "ads", month, customers: 3 }]);
 * assert.deepEqual([ads.spend, ads.newCustomers, ads.cac], [30, 3, 10]);
 * ```
 */
export function costPerChannel(
  window: SpendWindow,
  acquired: readonly NewCustomersRow[],
): AcquisitionCostRow[] {
  const { spend, lo, hi } = window;
  const counts = new Map<string, number>();
  for (const r of acquired) {
    const m = periodIndex(r.month.getTime(), "month");
    if (m < lo || m > hi || r.channel === UNKNOWN_CHANNEL) continue;
    counts.set(r.channel, (counts.get(r.channel) ?? 0) + r.customers);
  }
  const channels = [...new Set([...spend.keys(), ...counts.keys()])].sort();
  return channels.map((channel) => {
    let total = 0;
    for (const [m, v] of spend.get(channel) ?? []) if (m >= lo && m <= hi) total += v;
    const n = counts.get(channel) ?? 0;
    return {
      channel,
      spend: total,
      newCustomers: n,
      cac: n > 0 ? total / n : null,
      from: periodStart(lo, "month"),
      to: periodStart(hi, "month"),
    };
  });
}

/**
 * The new customers of a cohort table split by channel: its period-0 rows with a cohort.
 *
 * @example
 * ```ts
 * import { acquiredRows } from "@shoplab/lib/acquisition/_tables.ts";
 * import assert from "node:assert/strict";
 * const cohort = new Date(Date.UTC(2025, 0, 1));
 * const row = (period: number, cohortSize: number) => ({ cohort, group: "ads", period, cohortSize,
 *   active: 0, retention: 0, revenue: 0, revenueRetention: null, revenuePerCustomer: 0 });
 * assert.deepEqual(acquiredRows([row(0, 4), row(1, 4), row(0, 0)]), [{ channel: "ads", month: cohort, customers: 4 }]);
 * ```
 */
export function acquiredRows(cohorts: readonly CohortRow[]): NewCustomersRow[] {
  return cohorts.filter((r) => r.period === 0 && r.cohortSize > 0)
    .map((r) => ({ channel: r.group, month: r.cohort, customers: r.cohortSize }));
}
