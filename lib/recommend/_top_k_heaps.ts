/** Private: one bounded "keep the k best" heap per row, for top-k neighbour lists. */

/**
 * `n` min-heaps of capacity `k` over (score, index), where a pair is *worse* when its score is
 * lower or, at equal score, its index is higher. The root is the worst kept pair, so a new
 * pair enters a full heap only when it beats the root.
 */
export class TopKHeaps {
  readonly #k: number;
  readonly #idx: Int32Array;
  readonly #val: Float64Array;
  readonly #size: Int32Array;

  constructor(n: number, k: number) {
    this.#k = k;
    this.#idx = new Int32Array(n * k);
    this.#val = new Float64Array(n * k);
    this.#size = new Int32Array(n);
  }

  /** Number of pairs kept over all heaps. */
  total(): number {
    let t = 0;
    for (let r = 0; r < this.#size.length; r++) t += this.#size[r];
    return t;
  }

  /** Offers (index j, score s) to heap `row`. */
  offer(row: number, j: number, s: number): void {
    const k = this.#k;
    if (k === 0) return;
    const base = row * k, idx = this.#idx, val = this.#val;
    const worse = (a: number, b: number) =>
      val[a] < val[b] || (val[a] === val[b] && idx[a] > idx[b]);
    let n = this.#size[row];
    if (n < k) {
      // sift up
      let c = n++;
      this.#size[row] = n;
      idx[base + c] = j;
      val[base + c] = s;
      while (c > 0) {
        const p = (c - 1) >> 1;
        if (!worse(base + c, base + p)) break;
        swap(idx, val, base + c, base + p);
        c = p;
      }
      return;
    }
    // full: replace the root when the new pair is better
    if (!(s > val[base] || (s === val[base] && j < idx[base]))) return;
    idx[base] = j;
    val[base] = s;
    let c = 0;
    for (;;) {
      const l = 2 * c + 1, r = l + 1;
      let m = c;
      if (l < n && worse(base + l, base + m)) m = l;
      if (r < n && worse(base + r, base + m)) m = r;
      if (m === c) break;
      swap(idx, val, base + c, base + m);
      c = m;
    }
  }

  /** Writes heap `row` best first into `outI`/`outS` from `at`; returns the next position. */
  drainSorted(row: number, outI: Int32Array, outS: Float32Array, at: number): number {
    const k = this.#k, n = this.#size[row], base = row * k;
    const order = Array.from({ length: n }, (_, t) => base + t);
    const idx = this.#idx, val = this.#val;
    order.sort((a, b) => val[b] - val[a] || idx[a] - idx[b]);
    for (const q of order) {
      outI[at] = idx[q];
      outS[at++] = val[q];
    }
    return at;
  }
}

function swap(idx: Int32Array, val: Float64Array, a: number, b: number): void {
  const ti = idx[a], tv = val[a];
  idx[a] = idx[b];
  val[a] = val[b];
  idx[b] = ti;
  val[b] = tv;
}
