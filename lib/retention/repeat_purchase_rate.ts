/**
 * Repeat-purchase rate: the share of customers who ordered again.
 *
 * @module
 */
import { MS_PER_DAY } from "../core/constants.ts";
import { asOfMs, firstLastSale, forEachCustomer, type Frame, readLines } from "./_activity.ts";

/** Options of {@linkcode repeatPurchaseRate}. */
export interface RepeatPurchaseRateOptions {
  /** Cut-off: only transactions before asOf. */
  readonly asOf: Date;
  /**
   * Count only a second order within this many days of the first, and only customers whose
   * first purchase is at least this long before asOf (so every customer had the same chance).
   * Default: any second order before asOf, every customer.
   */
  readonly withinDays?: number;
  /** Drop exact duplicate transaction rows first. Default `true`. */
  readonly dropDuplicates?: boolean;
}

/** Result of {@linkcode repeatPurchaseRate}. */
export interface RepeatPurchaseRate {
  /** Customers counted (first sale before asOf, and old enough with `withinDays`). */
  readonly customers: number;
  /** Of those, customers with a second order (a distinct order with a sale line). */
  readonly repeaters: number;
  /** repeaters ÷ customers (0 when there are none). */
  readonly rate: number;
}

/**
 * Share of customers with at least two distinct orders (with a sale line) before `asOf`,
 * optionally within `withinDays` of the first order.
 *
 * @param tx Canonical transactions.
 * @param options See {@linkcode RepeatPurchaseRateOptions}.
 * @returns Customers, repeaters and the rate.
 * @throws {RangeError} Invalid `asOf` or `withinDays` ≤ 0.
 * @throws {TypeError} Missing columns.
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { repeatPurchaseRate } from "@shoplab/lib/retention/repeat_purchase_rate.ts";
 * import assert from "node:assert/strict";
 * const d = (s: string) => new Date(s + "T00:00:00Z");
 * const tx = pl.DataFrame({ customer_id: ["a", "a", "b", "c"], order_id: ["1", "2", "3", "4"],
 *   timestamp: [d("2025-01-01"), d("2025-03-01"), d("2025-01-05"), d("2025-01-07")],
 *   quantity: [1, 1, 1, 1], unit_price: [1, 1, 1, 1] });
 * assert.deepEqual(repeatPurchaseRate(tx, { asOf: d("2025-06-01") }), { customers: 3, repeaters: 1, rate: 1 / 3 });
 * assert.equal(repeatPurchaseRate(tx, { asOf: d("2025-06-01"), withinDays: 30 }).repeaters, 0);
 * ```
 */
export function repeatPurchaseRate(
  tx: Frame,
  options: RepeatPurchaseRateOptions,
): RepeatPurchaseRate {
  const fn = "repeatPurchaseRate";
  const asOf = asOfMs(options.asOf, fn);
  const within = options.withinDays;
  if (within !== undefined && !(within > 0)) {
    throw new RangeError(`${fn}: withinDays must be > 0, got ${within}`);
  }
  const lines = readLines(tx, { asOf, dropDuplicates: options.dropDuplicates, fn, orders: true });
  const { first } = firstLastSale(lines);
  const w = within === undefined ? Infinity : within * MS_PER_DAY;
  let customers = 0, repeaters = 0;
  forEachCustomer(lines, (c, i, j) => {
    const f = first[c];
    if (Number.isNaN(f) || (within !== undefined && f + w > asOf)) return;
    customers++;
    let firstOrder = -1;
    for (let r = i; r < j; r++) {
      if (!lines.sale[r]) continue;
      if (firstOrder < 0) firstOrder = lines.order[r];
      else if (lines.order[r] !== firstOrder && lines.time[r] - f <= w) {
        repeaters++;
        break;
      }
    }
  });
  return { customers, repeaters, rate: customers > 0 ? repeaters / customers : 0 };
}
