/**
 * Chronological train / validation / test split: one global time cut, no future in training.
 *
 * @module
 */
import pl from "nodejs-polars";
import { epochMs, requireColumns } from "./_columns.ts";
import { checkFractions, type Split } from "./_split.ts";

/** Options of {@linkcode chronologicalSplit}. */
export interface ChronologicalSplitOptions {
  /** Time column (Datetime or numeric, e.g. epoch ms). */
  readonly time: string;
  /** Two cut times: validation starts at the first, test at the second (Date or epoch ms). */
  readonly cutoffs?: readonly [Date | number, Date | number];
  /**
   * Or: fractions of rows in time order; the cuts are the times found at positions
   * round(n·f₀) and round(n·(f₀ + f₁)) of the sorted rows. Default `[0.7, 0.15, 0.15]`.
   */
  readonly fractions?: readonly [number, number, number];
}

/**
 * Splits by time — train is everything before the first cut, validation up to the second,
 * test from then on — so a model is never fitted on rows later than the ones it is judged on
 * (the source articles recommend this for behaviour data). Rows at exactly a cut time go to
 * the later part, so with `fractions` the sizes are close to, not exactly, the fractions when
 * times repeat. Rows with a missing time are dropped.
 *
 * @param df Table.
 * @param options See {@linkcode ChronologicalSplitOptions}.
 * @returns Train, validation, test, each sorted by time.
 * @throws {RangeError} When cut-offs are out of order or fractions invalid.
 * @throws {TypeError} When the time column is missing.
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { chronologicalSplit } from "@shoplab/lib/prep/chronological_split.ts";
 * import assert from "node:assert/strict";
 * const df = pl.DataFrame({ t: [5, 1, 9, 3] });
 * const s = chronologicalSplit(df, { time: "t", cutoffs: [4, 8] });
 * assert.deepEqual(s.train.getColumn("t").toArray(), [1, 3]);
 * assert.deepEqual(s.test.getColumn("t").toArray(), [9]);
 * ```
 */
export function chronologicalSplit(df: pl.DataFrame, options: ChronologicalSplitOptions): Split {
  requireColumns(df, [options.time], "chronologicalSplit");
  // Datetime/Date columns in epoch ms (so Date cut-offs compare right), other columns as numbers.
  const isTime = /Date/.test(String(df.getColumn(options.time).dtype));
  const t = isTime ? epochMs(options.time) : pl.col(options.time).cast(pl.Float64);
  const sorted = df.filter(pl.col(options.time).isNotNull()).sort(options.time);
  let c1: number, c2: number;
  if (options.cutoffs) {
    [c1, c2] = options.cutoffs.map((c) => (c instanceof Date ? c.getTime() : c));
    if (!(c2 >= c1)) {
      throw new RangeError(
        `chronologicalSplit: the second cut-off (${options.cutoffs[1]}) is before the first (${
          options.cutoffs[0]
        })`,
      );
    }
  } else {
    const f = options.fractions ?? [0.7, 0.15, 0.15];
    checkFractions(f, "chronologicalSplit");
    const n = sorted.height;
    const times = sorted.select(t.alias("t")).getColumn("t");
    const at = (q: number) => {
      const pos = Math.round(q * n);
      return pos >= n ? Infinity : Number(times.get(pos));
    };
    c1 = at(f[0]);
    c2 = at(f[0] + f[1]);
  }
  return {
    train: sorted.filter(t.lt(pl.lit(c1))),
    validation: sorted.filter(t.gtEq(pl.lit(c1)).and(t.lt(pl.lit(c2)))),
    test: sorted.filter(t.gtEq(pl.lit(c2))),
  };
}
