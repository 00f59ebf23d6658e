/**
 * Calibration (reliability) curve builder.
 *
 * @module
 */
import type { TopLevelSpec } from "vega-lite";
import { asList, curveLayer, curveRows } from "./_curves.ts";
import { frame, referenceLine } from "./_spec.ts";
import type { ChartOptions } from "./theme.ts";

/** One model's calibration curve: per probability bin, mean predicted vs observed rate. */
export interface CalibrationCurve {
  /** Model name for the legend. Default `"model"`. */
  readonly name?: string;
  /** Mean predicted probability per bin, in [0, 1]. */
  readonly predicted: ArrayLike<number>;
  /** Observed share of positives per bin, same length. */
  readonly observed: ArrayLike<number>;
  /** Brier score or log loss to show in the legend. */
  readonly score?: number;
}

/** Options of {@linkcode calibrationChart}. */
export interface CalibrationChartOptions extends ChartOptions {
  /** Label of `score` in the legend. Default `"Brier"`. */
  readonly scoreName?: string;
}

/**
 * Calibration curves with the "perfectly calibrated" diagonal: points above it mean the model
 * under-predicts, below it over-predicts.
 *
 * @param curves One curve or a list.
 * @param options See {@linkcode CalibrationChartOptions}.
 * @returns A layered Vega-Lite spec with points on the bins, 320 × 320 by default.
 * @throws {RangeError} When `predicted` and `observed` differ in length.
 * @example
 * ```ts
 * import { calibrationChart } from "@shoplab/lib/charts/calibration_chart.ts";
 * import assert from "node:assert/strict";
 * const spec = calibrationChart({ predicted: [0.1, 0.5, 0.9], observed: [0.05, 0.5, 0.95] }) as {
 *   layer: { data: { values: unknown[] } }[];
 * };
 * assert.equal(spec.layer[0].data.values.length, 3);
 * ```
 */
export function calibrationChart(
  curves: CalibrationCurve | readonly CalibrationCurve[],
  options: CalibrationChartOptions = {},
): TopLevelSpec {
  const list = asList(curves).map((c) => ({
    name: c.name,
    x: c.predicted,
    y: c.observed,
    score: c.score,
  }));
  const { rows } = curveRows("calibrationChart", list, options.scoreName ?? "Brier", 500);
  return {
    ...frame(options, 320, 320),
    layer: [
      curveLayer(
        rows,
        options.xTitle ?? "mean predicted probability",
        options.yTitle ?? "observed share of positives",
        "model",
        { points: true, domain01: true },
      ),
      referenceLine([{ x: 0, y: 0 }, { x: 1, y: 1 }], "x", "y"),
    ],
  } as unknown as TopLevelSpec;
}
