/** Private: split an Interactions matrix's entries into two by a per-entry mask. */
import type { Interactions } from "./types.ts";
import { transposeCsr } from "./_csr.ts";

/**
 * Entries with `mask[q] = 1` go to the second matrix, the rest to the first.
 *
 * @example
 * ```ts
 * import { interactionsFromArrays } from "@shoplab/lib/recommend/interactions_from_arrays.ts";
 * import { partition } from "@shoplab/lib/recommend/_sub.ts";
 * import assert from "node:assert/strict";
 * const m = interactionsFromArrays({ users: [0, 0, 1], items: [0, 1, 1] });
 * const [first, second] = partition(m, Uint8Array.of(0, 1, 0));
 * assert.equal(first.nnz, 2);
 * assert.deepEqual([...second.byUser.indices], [1]); // user 0's item 1
 * assert.equal(second.byItem.nRows, 2);
 * ```
 */
export function partition(m: Interactions, mask: Uint8Array): [Interactions, Interactions] {
  const build = (keep: number): Interactions => {
    const { indptr, indices, values } = m.byUser;
    let n = 0;
    for (let q = 0; q < mask.length; q++) if (mask[q] === keep) n++;
    const ptr = new Int32Array(m.nUsers + 1);
    const ind = new Int32Array(n);
    const val = new Float32Array(n);
    const ts = m.lastTimestamp ? new Float64Array(n) : undefined;
    let out = 0;
    for (let u = 0; u < m.nUsers; u++) {
      for (let q = indptr[u]; q < indptr[u + 1]; q++) {
        if (mask[q] !== keep) continue;
        ind[out] = indices[q];
        val[out] = values[q];
        if (ts) ts[out] = m.lastTimestamp![q];
        out++;
      }
      ptr[u + 1] = out;
    }
    const byUser = { nRows: m.nUsers, nCols: m.nItems, indptr: ptr, indices: ind, values: val };
    return { ...m, nnz: n, byUser, byItem: transposeCsr(byUser), lastTimestamp: ts };
  };
  return [build(0), build(1)];
}
