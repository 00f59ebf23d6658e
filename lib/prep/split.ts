/**
 * Train / validation / test splits: random (seeded, optionally stratified) and chronological
 * (a global time cut, as the source articles recommend for behaviour data).
 *
 * @module
 */
import pl from "nodejs-polars";
import { permutation } from "../core/random.ts";
import { SEED } from "../core/constants.ts";

/** The three parts of a split. */
export interface Split {
  readonly train: pl.DataFrame;
  readonly validation: pl.DataFrame;
  readonly test: pl.DataFrame;
}

/** Options of {@linkcode randomSplit}. */
export interface RandomSplitOptions {
  /** Fractions of train, validation, test (sum 1). Default `[0.7, 0.15, 0.15]`. */
  readonly fractions?: readonly [number, number, number];
  /** Seed. Default {@linkcode SEED}. */
  readonly seed?: number;
  /** Column whose class shares are kept equal in every part. */
  readonly stratify?: string;
}

function checkFractions(f: readonly number[]): void {
  if (f.some((x) => x < 0) || Math.abs(f.reduce((a, b) => a + b, 0) - 1) > 1e-9) {
    throw new RangeError(`split: fractions must be ≥ 0 and sum to 1, got [${f.join(", ")}]`);
  }
}

/**
 * Splits rows at random (seeded); with `stratify`, each class is split separately so every part
 * keeps the class shares.
 *
 * @param df Table.
 * @param options See {@linkcode RandomSplitOptions}.
 * @returns Train, validation, test (rows in original order within each part).
 * @throws {RangeError} When fractions are negative or do not sum to 1.
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { randomSplit } from "@shoplab/lib/prep/split.ts";
 * import assert from "node:assert/strict";
 * const df = pl.DataFrame({ i: Array.from({ length: 100 }, (_, i) => i) });
 * const s = randomSplit(df, { fractions: [0.6, 0.2, 0.2], seed: 1 });
 * assert.deepEqual([s.train.height, s.validation.height, s.test.height], [60, 20, 20]);
 * ```
 */
export function randomSplit(df: pl.DataFrame, options: RandomSplitOptions = {}): Split {
  const f = options.fractions ?? [0.7, 0.15, 0.15];
  checkFractions(f);
  const seed = options.seed ?? SEED;
  const part = new Uint8Array(df.height);
  const groups: number[][] = [];
  if (options.stratify) {
    const labels = df.getColumn(options.stratify).cast(pl.Utf8).toArray() as string[];
    const byLabel = new Map<string, number[]>();
    labels.forEach((l, i) => {
      const g = byLabel.get(l) ?? [];
      g.push(i);
      byLabel.set(l, g);
    });
    groups.push(...[...byLabel.keys()].sort().map((k) => byLabel.get(k)!));
  } else {
    groups.push(Array.from({ length: df.height }, (_, i) => i));
  }
  groups.forEach((g, gi) => {
    const perm = permutation(g.length, seed + gi * 7919);
    const nTrain = Math.round(g.length * f[0]);
    const nVal = Math.round(g.length * (f[0] + f[1])) - nTrain;
    for (let r = 0; r < g.length; r++) {
      part[g[perm[r]]] = r < nTrain ? 0 : r < nTrain + nVal ? 1 : 2;
    }
  });
  const tagged = df.withColumns(pl.Series("__part", Array.from(part), pl.UInt8));
  const pick = (p: number) => tagged.filter(pl.col("__part").eq(p)).drop("__part");
  return { train: pick(0), validation: pick(1), test: pick(2) };
}

/** Options of {@linkcode chronologicalSplit}. */
export interface ChronologicalSplitOptions {
  /** Time column (Datetime or epoch ms). */
  readonly time: string;
  /** Two cut times (validation starts at the first, test at the second), as Date or epoch ms. */
  readonly cutoffs?: readonly [Date | number, Date | number];
  /** Or: fractions of rows by time order. Default `[0.7, 0.15, 0.15]`. */
  readonly fractions?: readonly [number, number, number];
}

/**
 * Splits by time: everything before the first cut is train, then validation, then test, so the
 * model never sees the future. With `fractions`, cuts are the time quantiles.
 *
 * @param df Table.
 * @param options See {@linkcode ChronologicalSplitOptions}.
 * @returns Train, validation, test.
 * @throws {RangeError} When cut-offs are out of order or fractions invalid.
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { chronologicalSplit } from "@shoplab/lib/prep/split.ts";
 * import assert from "node:assert/strict";
 * const df = pl.DataFrame({ t: [5, 1, 9, 3] });
 * const s = chronologicalSplit(df, { time: "t", cutoffs: [4, 8] });
 * assert.deepEqual(s.train.getColumn("t").toArray(), [1, 3]);
 * assert.deepEqual(s.test.getColumn("t").toArray(), [9]);
 * ```
 */
export function chronologicalSplit(df: pl.DataFrame, options: ChronologicalSplitOptions): Split {
  const sorted = df.sort(options.time);
  const t = pl.col(options.time).cast(pl.Float64);
  let c1: number, c2: number;
  if (options.cutoffs) {
    [c1, c2] = options.cutoffs.map((c) => (c instanceof Date ? c.getTime() : c)) as [
      number,
      number,
    ];
    if (c2 < c1) throw new RangeError("chronologicalSplit: the second cut-off is before the first");
  } else {
    const f = options.fractions ?? [0.7, 0.15, 0.15];
    checkFractions(f);
    const n = sorted.height;
    const times = sorted.getColumn(options.time).cast(pl.Float64);
    const at = (q: number) => (n === 0 ? 0 : Number(times.get(Math.min(n - 1, Math.round(q * n)))));
    c1 = at(f[0]);
    c2 = f[2] === 0 ? Infinity : at(f[0] + f[1]);
  }
  return {
    train: sorted.filter(t.lt(c1)),
    validation: sorted.filter(t.gtEq(c1).and(t.lt(c2))),
    test: sorted.filter(t.gtEq(c2)),
  };
}
