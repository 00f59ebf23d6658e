/**
 * The fitted recency × frequency propensity table as labelled rows, for display.
 *
 * @module
 */
import type { RfPropensity } from "./rf_propensity.ts";

function label(name: string, edges: readonly number[], k: number): string {
  if (edges.length === 1) return `any ${name}`;
  return k === edges.length - 1 ? `${name} > ${edges[k - 1]}` : `${name} ≤ ${edges[k]}`;
}

/**
 * One row per recency class, one column per frequency class, each cell the smoothed buy rate
 * (class labels like `recency ≤ 11.2` and `frequency > 8`, edges rounded to 3 significant
 * digits only in the labels).
 *
 * @param model From {@linkcode fitRfPropensity}.
 * @returns Rows `{ recency, "<frequency class>": rate, … }`.
 * @example
 * ```ts
 * import { fitRfPropensity, rfPropensityRows } from "@shoplab/lib/acquisition/mod.ts";
 * import assert from "node:assert/strict";
 * const m = fitRfPropensity({ recencyDays: [1, 9], frequency: [1, 1], outcome: [1, 0] },
 *   { recencyBins: 2, frequencyBins: 1, smoothing: 0 });
 * assert.deepEqual(rfPropensityRows(m), [
 *   { recency: "recency ≤ 1", "any frequency": 1 },
 *   { recency: "recency > 1", "any frequency": 0 },
 * ]);
 * ```
 */
export function rfPropensityRows(model: RfPropensity): Record<string, string | number>[] {
  const r = model.recencyEdges.map((e) => Number(e.toPrecision(3)));
  const f = model.frequencyEdges.map((e) => Number(e.toPrecision(3)));
  return model.rates.map((row, a) => {
    const out: Record<string, string | number> = { recency: label("recency", r, a) };
    row.forEach((rate, b) => out[label("frequency", f, b)] = rate);
    return out;
  });
}
