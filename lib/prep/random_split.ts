/**
 * Random train / validation / test split, seeded and optionally stratified.
 *
 * @module
 */
import pl from "nodejs-polars";
import { SEED } from "../core/constants.ts";
import { permutation } from "../core/random.ts";
import { requireColumns } from "./_columns.ts";
import { checkFractions, type Split } from "./_split.ts";

export type { Split } from "./_split.ts";

/** Options of {@linkcode randomSplit}. */
export interface RandomSplitOptions {
  /** Fractions of train, validation, test (≥ 0, sum 1). Default `[0.7, 0.15, 0.15]`. */
  readonly fractions?: readonly [number, number, number];
  /** Seed. Default {@linkcode SEED} (42). */
  readonly seed?: number;
  /** Column whose class shares are kept (nearly) equal in every part. */
  readonly stratify?: string;
}

/**
 * Splits rows at random (seeded): part sizes are round(n·f₀) and round(n·(f₀ + f₁)) − round(n·f₀),
 * the rest is test. With `stratify`, each class (nulls form one class) is split that way on its
 * own, so every part keeps the class shares. Random splits suit tables of independent rows;
 * for behaviour over time prefer {@linkcode chronologicalSplit}.
 *
 * @param df Table.
 * @param options See {@linkcode RandomSplitOptions}.
 * @returns Train, validation, test (rows in their original order within each part).
 * @throws {RangeError} When fractions are negative or do not sum to 1.
 * @throws {TypeError} When the `stratify` column is missing.
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { randomSplit } from "@shoplab/lib/prep/random_split.ts";
 * import assert from "node:assert/strict";
 * const df = pl.DataFrame({ i: Array.from({ length: 100 }, (_, i) => i) });
 * const s = randomSplit(df, { fractions: [0.6, 0.2, 0.2], seed: 1 });
 * assert.deepEqual([s.train.height, s.validation.height, s.test.height], [60, 20, 20]);
 * ```
 */
export function randomSplit(df: pl.DataFrame, options: RandomSplitOptions = {}): Split {
  const f = options.fractions ?? [0.7, 0.15, 0.15];
  checkFractions(f, "randomSplit");
  const seed = options.seed ?? SEED;
  const n = df.height;
  const part = new Uint8Array(n);
  let groups: Uint32Array[];
  if (options.stratify !== undefined) {
    requireColumns(df, [options.stratify], "randomSplit");
    // Group row indices by class with polars (classes sorted, nulls first, deterministic).
    const g = df.select(pl.col(options.stratify).cast(pl.Utf8).alias("k"))
      .withRowIndex("i")
      .groupBy("k").agg(pl.col("i"))
      .sort("k", false, false);
    groups = (g.getColumn("i").toArray() as unknown as number[][]).map((a) => Uint32Array.from(a));
  } else {
    groups = [Uint32Array.from({ length: n }, (_, i) => i)];
  }
  groups.forEach((g, gi) => {
    const perm = permutation(g.length, seed + gi * 7919);
    const nTrain = Math.round(g.length * f[0]);
    const nVal = Math.round(g.length * (f[0] + f[1])) - nTrain;
    for (let r = 0; r < g.length; r++) {
      part[g[perm[r]]] = r < nTrain ? 0 : r < nTrain + nVal ? 1 : 2;
    }
  });
  const tagged = df.withColumns(pl.Series("__part", part));
  const pick = (p: number) => tagged.filter(pl.col("__part").eq(pl.lit(p))).drop("__part");
  return { train: pick(0), validation: pick(1), test: pick(2) };
}
