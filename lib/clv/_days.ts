/** Calendar days (UTC) as the CLV summaries count them (private). */
import pl from "nodejs-polars";
import { MS_PER_DAY } from "../core/constants.ts";
import { TX } from "../data/schema.ts";

/**
 * Start of the UTC day of `d`, in epoch milliseconds.
 *
 * @example
 * ```ts
 * import { dayStart } from "@shoplab/lib/clv/_days.ts";
 * import assert from "node:assert/strict";
 * assert.equal(dayStart(new Date("1997-01-02T18:30:00Z")), Date.UTC(1997, 0, 2));
 * ```
 */
export function dayStart(d: Date): number {
  return Math.floor(d.getTime() / MS_PER_DAY) * MS_PER_DAY;
}

/**
 * The transactions' timestamp floored to its UTC day, in epoch milliseconds (Float64).
 *
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { purchaseDay } from "@shoplab/lib/clv/_days.ts";
 * import assert from "node:assert/strict";
 * const tx = pl.DataFrame({ timestamp: [new Date("1997-01-02T18:30:00Z")] });
 * assert.deepEqual(tx.select(purchaseDay().alias("day")).getColumn("day").toArray(), [Date.UTC(1997, 0, 2)]);
 * ```
 */
export function purchaseDay(): pl.Expr {
  return pl.col(TX.timestamp).cast(pl.Datetime("ms")).cast(pl.Int64).cast(pl.Float64)
    .div(pl.lit(MS_PER_DAY)).floor().mul(pl.lit(MS_PER_DAY));
}
