/** Private: relevance-set input and the shared k option of the ranking metrics. */
import { DEFAULT_K } from "../core/constants.ts";

/** Options shared by the ranking metrics. */
export interface AtKOptions {
  /** Cut-off: only the first k recommendations count. Default `DEFAULT_K` (10). */
  readonly k?: number;
}

/** Relevant items: a set or an array of item indices. */
export type Relevant = ReadonlySet<number> | ArrayLike<number>;

/**
 * The relevant items as a set (a given set is returned as is).
 *
 * @param r A set or an array of item indices.
 * @returns The set.
 * @example
 * ```ts
 * import { asSet } from "@shoplab/lib/recommend/_rel.ts";
 * import assert from "node:assert/strict";
 * assert.deepEqual([...asSet([3, 1, 3])], [3, 1]);
 * ```
 */
export function asSet(r: Relevant): ReadonlySet<number> {
  if (r instanceof Set) return r;
  return new Set(Array.from(r as ArrayLike<number>));
}

/**
 * The cut-off k of a ranking metric, defaulting to `DEFAULT_K`.
 *
 * @param o The metric's options.
 * @returns k, a positive integer.
 * @throws {RangeError} When k is not a positive integer.
 * @example
 * ```ts
 * import { cutoff } from "@shoplab/lib/recommend/_rel.ts";
 * import assert from "node:assert/strict";
 * assert.equal(cutoff({}), 10);
 * assert.throws(() => cutoff({ k: 0 }), RangeError);
 * ```
 */
export function cutoff(o: AtKOptions): number {
  const k = o.k ?? DEFAULT_K;
  if (!(Number.isInteger(k) && k >= 1)) {
    throw new RangeError(`k must be a positive integer, got ${k}`);
  }
  return k;
}

/**
 * Hits (0/1) of the first min(k, |list|) recommendations.
 *
 * @example
 * ```ts
 * import { hits } from "@shoplab/lib/recommend/_rel.ts";
 * import assert from "node:assert/strict";
 * assert.deepEqual(hits([4, 2, 9], new Set([2, 9]), 2), [0, 1]);
 * assert.deepEqual(hits([4], new Set([4]), 10), [1]);
 * ```
 */
export function hits(rec: ArrayLike<number>, rel: ReadonlySet<number>, k: number): number[] {
  const n = Math.min(k, rec.length);
  const out: number[] = [];
  for (let p = 0; p < n; p++) out.push(rel.has(rec[p]) ? 1 : 0);
  return out;
}
