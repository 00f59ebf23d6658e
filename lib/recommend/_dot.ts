/** Private: dot product / cosine of two rows of a CSR matrix by merging. */
import type { CsrMatrix } from "./types.ts";

export function rowDotCsr(m: CsrMatrix, a: number, b: number, cosine: boolean): number {
  let i = m.indptr[a], j = m.indptr[b];
  const ie = m.indptr[a + 1], je = m.indptr[b + 1];
  let dot = 0, na = 0, nb = 0;
  if (cosine) {
    for (let q = i; q < ie; q++) na += m.values[q] * m.values[q];
    for (let q = j; q < je; q++) nb += m.values[q] * m.values[q];
  }
  while (i < ie && j < je) {
    const x = m.indices[i], y = m.indices[j];
    if (x === y) dot += m.values[i++] * m.values[j++];
    else if (x < y) i++;
    else j++;
  }
  if (!cosine) return dot;
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}
