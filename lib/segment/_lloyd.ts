/**
 * Private: Lloyd's k-means iterations over a row-major Float64Array, allocation-free per point.
 *
 * @module
 */
import { sqDist } from "./_matrix.ts";

/** Result of one k-means run from given initial centres. */
export interface LloydResult {
  readonly labels: Int32Array;
  readonly centers: Float64Array;
  readonly inertia: number;
  readonly iterations: number;
  readonly converged: boolean;
}

/**
 * Assigns each row to its nearest centre; writes labels and each row's squared distance;
 * returns the number of labels that changed.
 *
 * @example
 * ```ts
 * import { assign } from "@shoplab/lib/segment/_lloyd.ts";
 * import assert from "node:assert/strict";
 * const x = Float64Array.of(0, 1, 9, 10), labels = new Int32Array(4), dist = new Float64Array(4);
 * const changed = assign(x, 4, 1, Float64Array.of(0, 10), 2, labels, dist);
 * assert.deepEqual([...labels], [0, 0, 1, 1]);
 * assert.deepEqual([...dist], [0, 1, 1, 0]);
 * assert.equal(changed, 2); // labels start at 0
 * ```
 */
export function assign(
  x: Float64Array,
  n: number,
  d: number,
  centers: Float64Array,
  k: number,
  labels: Int32Array,
  dist: Float64Array,
): number {
  let changed = 0;
  for (let i = 0; i < n; i++) {
    let best = 0, bestD = Infinity;
    for (let c = 0; c < k; c++) {
      const s = sqDist(x, i, centers, c, d);
      if (s < bestD) {
        bestD = s;
        best = c;
      }
    }
    if (labels[i] !== best) {
      labels[i] = best;
      changed++;
    }
    dist[i] = bestD;
  }
  return changed;
}

/**
 * Full nearest/second-nearest search for row `i`; writes label, upper and lower bounds
 * (plain distances). Returns the new label.
 */
function nearestTwo(
  x: Float64Array,
  i: number,
  d: number,
  centers: Float64Array,
  k: number,
  labels: Int32Array,
  upper: Float64Array,
  lower: Float64Array,
): number {
  let best = 0, bestD = Infinity, second = Infinity;
  for (let c = 0; c < k; c++) {
    const s = sqDist(x, i, centers, c, d);
    if (s < bestD) {
      second = bestD;
      bestD = s;
      best = c;
    } else if (s < second) second = s;
  }
  labels[i] = best;
  upper[i] = Math.sqrt(bestD);
  lower[i] = Math.sqrt(second);
  return best;
}

/**
 * Runs Lloyd's algorithm from `init` (k × d) with scikit-learn's stopping rules (labels stable,
 * or summed squared centre shift ≤ `tolAbs`, or `maxIter`). Assignments use Hamerly's bounds
 * (Hamerly 2010, "Making k-means even faster"): a row is re-examined only when its distance
 * bound to its centre exceeds the bound to every other centre, which gives the same labels as
 * the plain algorithm (up to exact ties) at a fraction of the distance computations.
 *
 * @example
 * ```ts
 * import { lloyd } from "@shoplab/lib/segment/_lloyd.ts";
 * import assert from "node:assert/strict";
 * const x = Float64Array.of(0, 1, 9, 10);
 * const r = lloyd(x, 4, 1, 2, Float64Array.of(0, 1), 300, 1e-8);
 * assert.ok(r.converged);
 * assert.deepEqual([...r.labels], [0, 0, 1, 1]);
 * assert.deepEqual([...r.centers], [0.5, 9.5]);
 * assert.equal(r.inertia, 1);
 * ```
 */
export function lloyd(
  x: Float64Array,
  n: number,
  d: number,
  k: number,
  init: Float64Array,
  maxIter: number,
  tolAbs: number,
): LloydResult {
  let centers = Float64Array.from(init);
  let next = new Float64Array(k * d);
  const labels = new Int32Array(n);
  const upper = new Float64Array(n), lower = new Float64Array(n);
  const dist = new Float64Array(n);
  const counts = new Float64Array(k), sums = new Float64Array(k * d);
  const half = new Float64Array(k), moved = new Float64Array(k);
  let fresh = true;
  for (let i = 0; i < n; i++) nearestTwo(x, i, d, centers, k, labels, upper, lower);

  /** Assignment step with bounds; keeps the per-cluster sums in step; returns rows moved. */
  const boundedPass = (): number => {
    for (let c = 0; c < k; c++) {
      let m = Infinity;
      for (let c2 = 0; c2 < k; c2++) {
        if (c2 === c) continue;
        const v = Math.sqrt(sqDist(centers, c, centers, c2, d));
        if (v < m) m = v;
      }
      half[c] = m / 2;
    }
    let changed = 0;
    for (let i = 0; i < n; i++) {
      const a = labels[i];
      const bound = half[a] > lower[i] ? half[a] : lower[i];
      if (upper[i] <= bound) continue;
      upper[i] = Math.sqrt(sqDist(x, i, centers, a, d));
      if (upper[i] <= bound) continue;
      const b = nearestTwo(x, i, d, centers, k, labels, upper, lower);
      if (b !== a) {
        changed++;
        counts[a]--;
        counts[b]++;
        const o = i * d, oa = a * d, ob = b * d;
        for (let t = 0; t < d; t++) {
          sums[oa + t] -= x[o + t];
          sums[ob + t] += x[o + t];
        }
      }
    }
    return changed;
  };

  let iterations = 0, converged = false, stable = false, relocated = false;
  for (let it = 0; it < maxIter; it++) {
    iterations = it + 1;
    if (it > 0 && boundedPass() === 0 && !relocated) {
      // Labels did not change: the centres are already the means of their rows. (Not so right
      // after a relocation, whose exact reassignment below changed labels without the means.)
      converged = stable = true;
      break;
    }
    relocated = false;
    // Update step: centres = means of their rows. Per-cluster sums are recomputed in full on
    // the first iteration and after a relocation, and otherwise updated by the rows that moved.
    if (fresh) {
      sums.fill(0);
      counts.fill(0);
      for (let i = 0; i < n; i++) {
        const c = labels[i], o = i * d, oc = c * d;
        counts[c]++;
        for (let t = 0; t < d; t++) sums[oc + t] += x[o + t];
      }
      fresh = false;
    }
    let empty = false;
    for (let c = 0; c < k; c++) {
      if (counts[c] === 0) {
        empty = true;
        continue;
      }
      const inv = 1 / counts[c];
      for (let t = 0; t < d; t++) next[c * d + t] = sums[c * d + t] * inv;
    }
    if (empty) {
      relocateEmpty(x, n, d, k, centers, next, labels, counts, dist);
      fresh = relocated = true;
    }
    let shift = 0, maxMove = 0;
    for (let c = 0; c < k; c++) {
      const v = sqDist(next, c, centers, c, d);
      shift += v;
      moved[c] = Math.sqrt(v);
      if (moved[c] > maxMove) maxMove = moved[c];
    }
    [centers, next] = [next, centers];
    if (empty) {
      // Bounds are stale after a relocation: recompute them exactly.
      for (let i = 0; i < n; i++) nearestTwo(x, i, d, centers, k, labels, upper, lower);
    } else {
      for (let i = 0; i < n; i++) {
        upper[i] += moved[labels[i]];
        lower[i] -= maxMove;
      }
    }
    if (shift <= tolAbs) {
      converged = true;
      break;
    }
  }
  // Labels consistent with the final centres (one more assignment unless they were stable),
  // then the inertia from each row's own centre.
  if (!stable) boundedPass();
  let inertia = 0;
  for (let i = 0; i < n; i++) inertia += sqDist(x, i, centers, labels[i], d);
  return { labels, centers, inertia, iterations, converged };
}

/** Moves each empty cluster's centre onto the row farthest from its current centre. */
function relocateEmpty(
  x: Float64Array,
  n: number,
  d: number,
  k: number,
  centers: Float64Array,
  next: Float64Array,
  labels: Int32Array,
  counts: Float64Array,
  dist: Float64Array,
): void {
  for (let i = 0; i < n; i++) dist[i] = sqDist(x, i, centers, labels[i], d);
  const taken = new Set<number>();
  for (let c = 0; c < k; c++) {
    if (counts[c] > 0) continue;
    let far = 0, farD = -1;
    for (let i = 0; i < n; i++) {
      if (dist[i] > farD && !taken.has(i)) {
        farD = dist[i];
        far = i;
      }
    }
    taken.add(far);
    next.set(x.subarray(far * d, far * d + d), c * d);
  }
}
