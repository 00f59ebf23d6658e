/**
 * Stacks labelled sequence sets (rows of several cut-offs) into one.
 *
 * @module
 */
import type { LabelledSequences } from "./sequence_dataset.ts";

/**
 * Stacks labelled sequence sets with the same steps and features (e.g. several cut-offs).
 *
 * @param parts Sets to stack, in order.
 * @returns One set with every row of every part.
 * @throws {RangeError} When there is nothing to stack or the parts differ in steps or features.
 * @example
 * ```ts
 * import { stackSequences } from "@shoplab/lib/sequences/stack_sequences.ts";
 * import assert from "node:assert/strict";
 * const part = (id: string, y: number) => ({
 *   batch: { x: new Float32Array([1, 2]), n: 1, steps: 2, features: 1, mask: new Uint8Array([1, 1]), featureNames: ["v"] },
 *   y: new Uint8Array([y]), customerIds: [id], asOf: new Float64Array([0]),
 * });
 * const s = stackSequences([part("a", 0), part("b", 1)]);
 * assert.deepEqual([s.batch.n, [...s.y], s.customerIds], [2, [0, 1], ["a", "b"]]);
 * ```
 */
export function stackSequences(parts: readonly LabelledSequences[]): LabelledSequences {
  if (parts.length === 0) throw new RangeError("stackSequences: nothing to stack");
  const { steps, features, featureNames } = parts[0].batch;
  for (const p of parts) {
    if (p.batch.steps !== steps || p.batch.featureNames.join() !== featureNames.join()) {
      throw new RangeError("stackSequences: parts differ in steps or features");
    }
  }
  const n = parts.reduce((s, p) => s + p.batch.n, 0);
  const x = new Float32Array(n * steps * features), mask = new Uint8Array(n * steps);
  const y = new Uint8Array(n), asOf = new Float64Array(n);
  const ids: string[] = [];
  let o = 0;
  for (const p of parts) {
    x.set(p.batch.x, o * steps * features);
    mask.set(p.batch.mask, o * steps);
    y.set(p.y, o);
    asOf.set(p.asOf, o);
    ids.push(...p.customerIds);
    o += p.batch.n;
  }
  return { batch: { x, n, steps, features, mask, featureNames }, y, customerIds: ids, asOf };
}
