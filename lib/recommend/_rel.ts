/** Private: relevance-set input and the shared k option of the ranking metrics. */
import { DEFAULT_K } from "../core/constants.ts";

/** Options shared by the ranking metrics. */
export interface AtKOptions {
  /** Cut-off: only the first k recommendations count. Default `DEFAULT_K` (10). */
  readonly k?: number;
}

/** Relevant items: a set or an array of item indices. */
export type Relevant = ReadonlySet<number> | ArrayLike<number>;

export function asSet(r: Relevant): ReadonlySet<number> {
  if (r instanceof Set) return r;
  return new Set(Array.from(r as ArrayLike<number>));
}

export function cutoff(o: AtKOptions): number {
  const k = o.k ?? DEFAULT_K;
  if (!(Number.isInteger(k) && k >= 1)) {
    throw new RangeError(`k must be a positive integer, got ${k}`);
  }
  return k;
}

/** Hits (0/1) of the first min(k, |list|) recommendations. */
export function hits(rec: ArrayLike<number>, rel: ReadonlySet<number>, k: number): number[] {
  const n = Math.min(k, rec.length);
  const out: number[] = [];
  for (let p = 0; p < n; p++) out.push(rel.has(rec[p]) ? 1 : 0);
  return out;
}
