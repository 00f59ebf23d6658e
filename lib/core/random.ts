/**
 * Seeded pseudo-random numbers. Every random thing in shoplab takes a seed and draws from an
 * {@linkcode Rng} made here; nothing calls `Math.random`.
 *
 * The generator is sfc32 (Chris Doty-Humphrey's Small Fast Counter), seeded through splitmix32 so
 * that nearby seeds give unrelated streams.
 *
 * @module
 */

/** A seeded source of random numbers. */
export interface Rng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Standard normal draw (Box–Muller). */
  normal(): number;
  /** Exponential draw with the given rate. */
  exponential(rate: number): number;
  /** Gamma(shape, scale = 1) draw (Marsaglia–Tsang). */
  gamma(shape: number): number;
  /** Poisson(lambda) draw. */
  poisson(lambda: number): number;
  /** Index drawn with probability proportional to `weights`. */
  categorical(weights: ArrayLike<number>): number;
  /** A new Rng whose stream is independent of this one (derived from the next draws). */
  fork(): Rng;
}

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * Creates a seeded random number generator.
 *
 * @param seed Any integer; the same seed always gives the same stream.
 * @returns An {@linkcode Rng}.
 * @example
 * ```ts
 * import { createRng } from "@shoplab/lib/core/random.ts";
 * import assert from "node:assert/strict";
 * const a = createRng(7), b = createRng(7);
 * assert.equal(a.next(), b.next());
 * const x = a.int(10);
 * assert.ok(x >= 0 && x < 10);
 * ```
 */
export function createRng(seed: number): Rng {
  const init = splitmix32(Math.trunc(seed));
  let a = init(), b = init(), c = init(), d = init();
  const u32 = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t;
  };
  for (let i = 0; i < 12; i++) u32();
  let spare: number | null = null;
  const rng: Rng = {
    next: () => u32() / 4294967296,
    int: (n) => Math.floor((u32() / 4294967296) * n),
    normal() {
      if (spare !== null) {
        const s = spare;
        spare = null;
        return s;
      }
      let u = 0;
      while (u === 0) u = rng.next();
      const v = rng.next();
      const r = Math.sqrt(-2 * Math.log(u));
      spare = r * Math.sin(2 * Math.PI * v);
      return r * Math.cos(2 * Math.PI * v);
    },
    exponential(rate) {
      let u = 0;
      while (u === 0) u = rng.next();
      return -Math.log(u) / rate;
    },
    gamma(shape) {
      if (shape < 1) {
        let u = 0;
        while (u === 0) u = rng.next();
        return rng.gamma(shape + 1) * Math.pow(u, 1 / shape);
      }
      const dd = shape - 1 / 3, cc = 1 / Math.sqrt(9 * dd);
      for (;;) {
        let x: number, v: number;
        do {
          x = rng.normal();
          v = 1 + cc * x;
        } while (v <= 0);
        v = v * v * v;
        const u = rng.next();
        if (u < 1 - 0.0331 * x * x * x * x) return dd * v;
        if (Math.log(u) < 0.5 * x * x + dd * (1 - v + Math.log(v))) return dd * v;
      }
    },
    poisson(lambda) {
      if (lambda <= 0) return 0;
      if (lambda > 30) {
        return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * rng.normal()));
      }
      const l = Math.exp(-lambda);
      let k = 0, p = 1;
      do {
        k++;
        p *= rng.next();
      } while (p > l);
      return k - 1;
    },
    categorical(weights) {
      let total = 0;
      for (let i = 0; i < weights.length; i++) total += weights[i];
      let u = rng.next() * total;
      for (let i = 0; i < weights.length; i++) {
        u -= weights[i];
        if (u < 0) return i;
      }
      return weights.length - 1;
    },
    fork: () => createRng(u32() ^ Math.imul(u32(), 0x9e3779b9)),
  };
  return rng;
}

/**
 * Returns a seeded random permutation of `0 … n-1` (Fisher–Yates).
 *
 * @param n Length of the permutation.
 * @param seed Seed of the shuffle.
 * @returns A new `Uint32Array` holding the permutation.
 * @example
 * ```ts
 * import { permutation } from "@shoplab/lib/core/random.ts";
 * import assert from "node:assert/strict";
 * const p = permutation(5, 1);
 * assert.deepEqual([...p].sort(), [0, 1, 2, 3, 4]);
 * assert.deepEqual(p, permutation(5, 1));
 * ```
 */
export function permutation(n: number, seed: number): Uint32Array {
  const rng = createRng(seed);
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = out[i];
    out[i] = out[j];
    out[j] = t;
  }
  return out;
}
