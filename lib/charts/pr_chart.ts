/**
 * Precision-recall curve builder.
 *
 * @module
 */
import type { TopLevelSpec } from "vega-lite";
import { asList, curveLayer, curveRows } from "./_curves.ts";
import { frame, referenceLine } from "./_spec.ts";
import type { ChartOptions } from "./theme.ts";

/** One model's precision-recall curve. */
export interface PrCurve {
  /** Model name for the legend. Default `"model"`. */
  readonly name?: string;
  /** Recall values in [0, 1]. */
  readonly recall: ArrayLike<number>;
  /** Precision values in [0, 1], same length as `recall`. */
  readonly precision: ArrayLike<number>;
  /** Average precision, shown in the legend when given. */
  readonly averagePrecision?: number;
}

/** Options of {@linkcode prChart}. */
export interface PrChartOptions extends ChartOptions {
  /**
   * Share of positives in the data: the precision of a random ranking, drawn as a dashed
   * horizontal baseline. Default: no baseline.
   */
  readonly positiveRate?: number;
  /** Points kept per curve (evenly spread, endpoints kept). Default `500`. */
  readonly maxPoints?: number;
}

/**
 * Precision-recall curves of one or more models, with the random-ranking baseline
 * (precision = share of positives) when `positiveRate` is given.
 *
 * @param curves One curve or a list.
 * @param options See {@linkcode PrChartOptions}.
 * @returns A layered Vega-Lite spec, 320 × 320 by default.
 * @throws {RangeError} When arrays differ in length or `positiveRate` is outside [0, 1].
 * @example
 * ```ts
 * import { prChart } from "@shoplab/lib/charts/pr_chart.ts";
 * import assert from "node:assert/strict";
 * const spec = prChart({ recall: [0, 0.5, 1], precision: [1, 0.8, 0.3] }, { positiveRate: 0.3 }) as {
 *   layer: { data: { values: { y: number }[] } }[];
 * };
 * assert.equal(spec.layer[1].data.values[0].y, 0.3);
 * ```
 */
export function prChart(
  curves: PrCurve | readonly PrCurve[],
  options: PrChartOptions = {},
): TopLevelSpec {
  const list = asList(curves).map((c) => ({
    name: c.name,
    x: c.recall,
    y: c.precision,
    score: c.averagePrecision,
  }));
  const { rows } = curveRows("prChart", list, "AP", options.maxPoints ?? 500);
  const p = options.positiveRate;
  if (p !== undefined && !(p >= 0 && p <= 1)) {
    throw new RangeError(`prChart: positiveRate must be in [0, 1], got ${p}`);
  }
  const layer: unknown[] = [
    curveLayer(rows, options.xTitle ?? "recall", options.yTitle ?? "precision", "model", {
      domain01: true,
    }),
  ];
  if (p !== undefined) layer.push(referenceLine([{ x: 0, y: p }, { x: 1, y: p }], "x", "y"));
  return { ...frame(options, 320, 320), layer } as TopLevelSpec;
}
