/**
 * ROC curve builder.
 *
 * @module
 */
import type { TopLevelSpec } from "vega-lite";
import { asList, curveLayer, curveRows } from "./_curves.ts";
import { frame, referenceLine } from "./_spec.ts";
import type { ChartOptions } from "./theme.ts";

/** One model's ROC curve: false/true positive rates at decreasing thresholds. */
export interface RocCurve {
  /** Model name for the legend. Default `"model"`. */
  readonly name?: string;
  /** False positive rates in [0, 1]. */
  readonly fpr: ArrayLike<number>;
  /** True positive rates in [0, 1], same length as `fpr`. */
  readonly tpr: ArrayLike<number>;
  /** Area under the curve, shown in the legend when given. */
  readonly auc?: number;
}

/** Options of {@linkcode rocChart}. */
export interface RocChartOptions extends ChartOptions {
  /** Points kept per curve (evenly spread, endpoints kept). Default `500`. */
  readonly maxPoints?: number;
}

/**
 * ROC curves of one or more models with the chance diagonal. Points keep their order (vertical
 * steps stay vertical) and each curve is downsampled to `maxPoints`.
 *
 * @param curves One curve or a list (e.g. one per model).
 * @param options See {@linkcode RocChartOptions}.
 * @returns A layered Vega-Lite spec (curves + dashed diagonal), 320 × 320 by default.
 * @throws {RangeError} When `fpr` and `tpr` differ in length.
 * @example
 * ```ts
 * import { rocChart } from "@shoplab/lib/charts/roc_chart.ts";
 * import assert from "node:assert/strict";
 * const spec = rocChart({ name: "lr", fpr: [0, 0, 1], tpr: [0, 1, 1], auc: 1 }) as {
 *   layer: { data: { values: { series: string }[] } }[];
 * };
 * assert.equal(spec.layer.length, 2);
 * assert.equal(spec.layer[0].data.values[0].series, "lr (AUC 1.000)");
 * ```
 */
export function rocChart(
  curves: RocCurve | readonly RocCurve[],
  options: RocChartOptions = {},
): TopLevelSpec {
  const list = asList(curves).map((c) => ({ name: c.name, x: c.fpr, y: c.tpr, score: c.auc }));
  const { rows } = curveRows("rocChart", list, "AUC", options.maxPoints ?? 500);
  return {
    ...frame(options, 320, 320),
    layer: [
      curveLayer(
        rows,
        options.xTitle ?? "false positive rate",
        options.yTitle ?? "true positive rate",
        "model",
        { domain01: true },
      ),
      referenceLine([{ x: 0, y: 0 }, { x: 1, y: 1 }], "x", "y"),
    ],
  } as unknown as TopLevelSpec;
}
