/**
 * Draws a repeat-purchase summary from the BG/NBD generative process, for tests, benchmarks
 * and teaching.
 *
 * @module
 */
import { SEED } from "../core/constants.ts";
import { createRng } from "../core/random.ts";
import type { BgNbdParams } from "./fit_bg_nbd.ts";
import type { RepeatArrays } from "./repeat_arrays.ts";
import { checkBgNbd } from "./_validate.ts";

/** Options of {@linkcode simulateBgNbd}. */
export interface SimulateBgNbdOptions {
  /**
   * Age T of each customer at the end of calibration, in the unit of α: one number for all, or
   * `[min, max]` for ages drawn uniformly (staggered first purchases). Default 52.
   */
  readonly T?: number | readonly [number, number];
  /** Seed. Default {@linkcode SEED}. */
  readonly seed?: number;
}

/**
 * Simulates n customers of the BG/NBD model (Fader, Hardie & Lee 2005, §2): λ ~ Gamma(r, α),
 * p ~ Beta(a, b); from the first purchase at time 0, purchases follow a Poisson process with
 * rate λ, and after each repeat purchase the customer drops out with probability p.
 *
 * @param params The true parameters.
 * @param n Number of customers.
 * @param options See {@linkcode SimulateBgNbdOptions}.
 * @returns x, t_x and T per customer (ids `"0"…`).
 * @throws {RangeError} For a non-positive parameter, n or T.
 * @example
 * ```ts
 * import { simulateBgNbd } from "@shoplab/lib/clv/simulate_bg_nbd.ts";
 * import assert from "node:assert/strict";
 * const s = simulateBgNbd({ r: 0.25, alpha: 4, a: 0.8, b: 2.4 }, 1000, { T: [20, 40], seed: 3 });
 * assert.equal(s.frequency.length, 1000);
 * assert.ok(s.recency.every((t, i) => t <= s.T[i]));
 * assert.deepEqual(simulateBgNbd({ r: 0.25, alpha: 4, a: 0.8, b: 2.4 }, 1000, { T: [20, 40], seed: 3 }).recency, s.recency);
 * ```
 */
export function simulateBgNbd(
  params: BgNbdParams,
  n: number,
  options: SimulateBgNbdOptions = {},
): RepeatArrays {
  checkBgNbd("simulateBgNbd", params);
  if (!Number.isInteger(n) || n < 1) {
    throw new RangeError(`simulateBgNbd: n must be a positive integer, got ${n}`);
  }
  const ages = options.T ?? 52;
  const [tMin, tMax] = typeof ages === "number" ? [ages, ages] : ages;
  if (!(tMin > 0 && tMax >= tMin)) {
    throw new RangeError(`simulateBgNbd: T must be > 0 (and min ≤ max), got ${String(ages)}`);
  }
  const rng = createRng(options.seed ?? SEED);
  const { r, alpha, a, b } = params;
  const frequency = new Float64Array(n), recency = new Float64Array(n), T = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const Ti = tMin + (tMax - tMin) * rng.next();
    const lambda = rng.gamma(r) / alpha;
    const g1 = rng.gamma(a);
    const p = g1 / (g1 + rng.gamma(b));
    let t = 0, x = 0, tx = 0;
    while (lambda > 0) {
      t += rng.exponential(lambda);
      if (t > Ti) break;
      x++;
      tx = t;
      if (rng.next() < p) break;
    }
    frequency[i] = x;
    recency[i] = tx;
    T[i] = Ti;
  }
  return { frequency, recency, T, ids: Array.from({ length: n }, (_, i) => String(i)) };
}
