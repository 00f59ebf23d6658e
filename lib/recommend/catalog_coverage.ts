/**
 * Catalogue coverage of recommendation lists.
 *
 * @module
 */

/**
 * Share of the catalogue that appears in at least one list: |∪ lists| / nItems.
 *
 * @param lists One ranked list of item indices per user.
 * @param nItems Catalogue size.
 * @returns Coverage in [0, 1] (0 for no lists).
 * @throws {RangeError} When `nItems` is not a positive integer.
 * @example
 * ```ts
 * import { catalogCoverage } from "@shoplab/lib/recommend/catalog_coverage.ts";
 * import assert from "node:assert/strict";
 * assert.equal(catalogCoverage([[0, 1], [1, 2]], 6), 0.5);
 * ```
 */
export function catalogCoverage(lists: readonly ArrayLike<number>[], nItems: number): number {
  if (!(Number.isInteger(nItems) && nItems >= 1)) {
    throw new RangeError(`catalogCoverage(): nItems must be a positive integer, got ${nItems}`);
  }
  const seen = new Uint8Array(nItems);
  let n = 0;
  for (const l of lists) {
    for (let p = 0; p < l.length; p++) {
      const i = l[p];
      if (i >= 0 && i < nItems && seen[i] === 0) (seen[i] = 1, n++);
    }
  }
  return n / nItems;
}
