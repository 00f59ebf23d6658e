/**
 * The average cohort retention curve: cohorts pooled period by period.
 *
 * @module
 */
import type { CohortRow } from "./cohort_table.ts";

/** One period of {@linkcode retentionCurve}. */
export interface RetentionCurveRow {
  /** Group (channel, or `"all"`). */
  readonly group: string;
  /** Periods since the cohorts' start. */
  readonly period: number;
  /** Cohorts observed this many periods after their start. */
  readonly cohorts: number;
  /** Customers in those cohorts. */
  readonly customers: number;
  /** Of those, active in the period. */
  readonly active: number;
  /** active ÷ customers: the customer-weighted mean retention N(k)/N(0). */
  readonly retention: number;
  /** Their net revenue in the period ÷ customers. */
  readonly revenuePerCustomer: number;
}

/**
 * Pools the rows of {@linkcode cohortTable} by group and period: at period k, every cohort that
 * was observed k periods after its start contributes its customers and actives, so
 * retention(k) = Σ active_c(k) / Σ size_c (a customer-weighted mean; younger cohorts drop out
 * of later periods).
 *
 * @param rows From {@linkcode cohortTable}.
 * @returns Rows by group (sorted) and period.
 * @example
 * ```ts
 * import { retentionCurve } from "@shoplab/lib/retention/retention_curve.ts";
 * import assert from "node:assert/strict";
 * const c = (cohort: string, period: number, cohortSize: number, active: number) => ({
 *   cohort: new Date(cohort), group: "all", period, cohortSize, active, retention: active / cohortSize,
 *   revenue: 0, revenueRetention: null, revenuePerCustomer: 0,
 * });
 * const curve = retentionCurve([c("2025-01-01", 0, 10, 10), c("2025-01-01", 1, 10, 4),
 *   c("2025-02-01", 0, 30, 30), c("2025-02-01", 1, 30, 15)]);
 * assert.equal(curve[1].retention, (4 + 15) / 40);
 * ```
 */
export function retentionCurve(rows: readonly CohortRow[]): RetentionCurveRow[] {
  const acc = new Map<
    string,
    { cohorts: number; customers: number; active: number; revenue: number }
  >();
  for (const r of rows) {
    const key = r.group + "\u0000" + String(r.period).padStart(6, "0");
    const a = acc.get(key) ?? { cohorts: 0, customers: 0, active: 0, revenue: 0 };
    a.cohorts++, a.customers += r.cohortSize, a.active += r.active, a.revenue += r.revenue;
    acc.set(key, a);
  }
  return [...acc.keys()].sort().map((key) => {
    const [group, p] = key.split("\u0000");
    const a = acc.get(key)!;
    return {
      group,
      period: Number(p),
      cohorts: a.cohorts,
      customers: a.customers,
      active: a.active,
      retention: a.customers > 0 ? a.active / a.customers : 0,
      revenuePerCustomer: a.customers > 0 ? a.revenue / a.customers : 0,
    };
  });
}
