/**
 * Cumulative gains and lift chart builder.
 *
 * @module
 */
import type { TopLevelSpec } from "vega-lite";
import { asList, curveLayer, curveRows } from "./_curves.ts";
import { frame, referenceLine, sameLength } from "./_spec.ts";
import { type ChartOptions, REFERENCE_COLOR } from "./theme.ts";

/** One model's cumulative gains: targeting the top `fraction` finds `gains` of the positives. */
export interface GainsCurve {
  /** Model name for the legend. Default `"model"`. */
  readonly name?: string;
  /** Share of the population targeted (ranked by score), in (0, 1]. */
  readonly fraction: ArrayLike<number>;
  /** Share of all positives found in that top fraction, same length. */
  readonly gains: ArrayLike<number>;
}

/** Options of {@linkcode liftChart}. */
export interface LiftChartOptions extends ChartOptions {
  /** `"gains"` (cumulative share of positives) or `"lift"` (gains ÷ fraction). Default `"gains"`. */
  readonly kind?: "gains" | "lift";
  /** Share of positives; when given, the gains chart also draws the perfect model. */
  readonly positiveRate?: number;
}

/**
 * Cumulative gains (with the random-targeting diagonal) or lift (with the baseline at 1) of one
 * or more models: how many buyers/churners the top x% of scores captures.
 *
 * @param curves One curve or a list.
 * @param options See {@linkcode LiftChartOptions}.
 * @returns A layered Vega-Lite spec.
 * @throws {RangeError} When arrays differ in length.
 * @example
 * ```ts
 * import { liftChart } from "@shoplab/lib/charts/lift_chart.ts";
 * import assert from "node:assert/strict";
 * const curve = { fraction: [0.1, 0.5, 1], gains: [0.3, 0.8, 1] };
 * const spec = liftChart(curve, { kind: "lift" }) as { layer: { data: { values: { y: number }[] } }[] };
 * assert.deepEqual(spec.layer[0].data.values.map((r) => r.y), [3, 1.6, 1]);
 * ```
 */
export function liftChart(
  curves: GainsCurve | readonly GainsCurve[],
  options: LiftChartOptions = {},
): TopLevelSpec {
  const lift = options.kind === "lift";
  const list = asList(curves).map((c) => {
    const n = sameLength("liftChart", { fraction: c.fraction, gains: c.gains });
    const x: number[] = [], y: number[] = [];
    if (!lift && (n === 0 || Number(c.fraction[0]) > 0)) x.push(0), y.push(0);
    for (let i = 0; i < n; i++) {
      const f = Number(c.fraction[i]), g = Number(c.gains[i]);
      if (lift && !(f > 0)) continue;
      x.push(f), y.push(lift ? g / f : g);
    }
    return { name: c.name, x, y };
  });
  const { rows } = curveRows("liftChart", list, "", 500);
  const xTitle = options.xTitle ?? "share of customers targeted (by score)";
  const layer: unknown[] = [
    curveLayer(
      rows,
      xTitle,
      options.yTitle ?? (lift ? "lift over random" : "share of positives found"),
      "model",
      { domain01: !lift },
    ),
  ];
  if (lift) {
    layer.push({
      data: { values: [{ y: 1 }] },
      mark: { type: "rule", strokeDash: [4, 4], color: REFERENCE_COLOR },
      encoding: { y: { field: "y", type: "quantitative" } },
    });
  } else {
    layer.push(referenceLine([{ x: 0, y: 0 }, { x: 1, y: 1 }], "x", "y"));
    const p = options.positiveRate;
    if (p !== undefined && p > 0 && p <= 1) {
      const perfect = [{ x: 0, y: 0 }, { x: p, y: 1 }, { x: 1, y: 1 }];
      const line = referenceLine(perfect, "x", "y") as { mark: Record<string, unknown> };
      line.mark = { ...line.mark, strokeDash: [2, 2] };
      layer.push(line);
    }
  }
  return { ...frame(options, 420, 300), layer } as TopLevelSpec;
}
