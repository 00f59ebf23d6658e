/**
 * The active-customer curve: how many customers bought within a trailing window, period by
 * period.
 *
 * @module
 */
import { MS_PER_DAY } from "../core/constants.ts";
import {
  asOfMs,
  checkUnit,
  firstLastSale,
  forEachCustomer,
  type Frame,
  periodIndex,
  periodStart,
  type PeriodUnit,
  readLines,
} from "./_activity.ts";

/** Options of {@linkcode activeCustomers}. */
export interface ActiveCustomersOptions {
  /** Cut-off: only transactions before asOf; the last point is at asOf. */
  readonly asOf: Date;
  /** A customer is active at time e when they bought in [e − windowDays, e). Default `90`. */
  readonly windowDays?: number;
  /** Spacing of the points: the start of every month or week, then asOf. Default `"month"`. */
  readonly step?: PeriodUnit;
  /** Drop exact duplicate transaction rows first. Default `true`. */
  readonly dropDuplicates?: boolean;
}

/** One point of {@linkcode activeCustomers}. */
export interface ActiveCustomersRow {
  /** The time the counts refer to. */
  readonly date: Date;
  /** Customers acquired (first sale) before `date`. */
  readonly acquired: number;
  /** Customers with a sale in the trailing window. */
  readonly active: number;
  /** active ÷ acquired (0 when nobody was acquired). */
  readonly activeShare: number;
}

/**
 * Active customers over time: at the start of each month (or week) after the first sale, and
 * at `asOf`, the customers who bought in the trailing `windowDays` days, next to the customers
 * acquired so far. The gap between the two lines is the churned base.
 *
 * @param tx Canonical transactions.
 * @param options See {@linkcode ActiveCustomersOptions}.
 * @returns Points in time order.
 * @throws {RangeError} Invalid `asOf` or `windowDays` ≤ 0.
 * @throws {TypeError} Missing columns or an unknown `step`.
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { activeCustomers } from "@shoplab/lib/retention/active_customers.ts";
 * import assert from "node:assert/strict";
 * const d = (s: string) => new Date(s + "T00:00:00Z");
 * const tx = pl.DataFrame({ customer_id: ["a", "b"], order_id: ["1", "2"],
 *   timestamp: [d("2025-01-10"), d("2025-02-10")], quantity: [1, 1], unit_price: [1, 1] });
 * const pts = activeCustomers(tx, { asOf: d("2025-04-15"), windowDays: 30 });
 * assert.deepEqual(pts.map((p) => p.active), [1, 1, 0, 0]); // Feb 1, Mar 1, Apr 1, Apr 15
 * assert.deepEqual(pts.map((p) => p.acquired), [1, 2, 2, 2]);
 * ```
 */
export function activeCustomers(
  tx: Frame,
  options: ActiveCustomersOptions,
): ActiveCustomersRow[] {
  const fn = "activeCustomers";
  const asOf = asOfMs(options.asOf, fn);
  const unit = checkUnit(options.step ?? "month", fn);
  const windowDays = options.windowDays ?? 90;
  if (!(windowDays > 0)) throw new RangeError(`${fn}: windowDays must be > 0, got ${windowDays}`);
  const w = windowDays * MS_PER_DAY;
  const lines = readLines(tx, { asOf, dropDuplicates: options.dropDuplicates, fn });
  const { first, earliest: lo } = firstLastSale(lines);
  if (!Number.isFinite(lo)) return [];
  const ends: number[] = [];
  for (let p = periodIndex(lo, unit) + 1; periodStart(p, unit).getTime() < asOf; p++) {
    ends.push(periodStart(p, unit).getTime());
  }
  ends.push(asOf);
  const m = ends.length;
  const active = new Float64Array(m), acquired = new Float64Array(m);
  for (const f of first) {
    if (Number.isNaN(f)) continue;
    for (let k = 0; k < m; k++) if (f < ends[k]) acquired[k]++;
  }
  // Per customer: sale times ascending; active at e when some sale t has e − w ≤ t < e.
  forEachCustomer(lines, (_c, i, j) => {
    let r = i, lastSale = -Infinity;
    for (let k = 0; k < m; k++) {
      while (r < j && lines.time[r] < ends[k]) {
        if (lines.sale[r]) lastSale = lines.time[r];
        r++;
      }
      if (lastSale >= ends[k] - w) active[k]++;
    }
  });
  return ends.map((e, k) => ({
    date: new Date(e),
    acquired: acquired[k],
    active: active[k],
    activeShare: acquired[k] > 0 ? active[k] / acquired[k] : 0,
  }));
}
