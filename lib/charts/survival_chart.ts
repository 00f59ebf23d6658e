/**
 * Survival (Kaplan–Meier style) curve builder.
 *
 * @module
 */
import type { TopLevelSpec } from "vega-lite";
import { asList } from "./_curves.ts";
import { frame, pickIndices, sameLength, sig } from "./_spec.ts";
import type { ChartOptions } from "./theme.ts";

/** One group's survival curve, optionally with a confidence band. */
export interface SurvivalCurve {
  /** Group name for the legend (e.g. a channel). Default `"all"`. */
  readonly group?: string;
  /** Times at which the survival estimate changes (ascending). */
  readonly time: ArrayLike<number>;
  /** Survival probability from each time on, in [0, 1]. */
  readonly survival: ArrayLike<number>;
  /** Lower bound of the confidence band. */
  readonly lower?: ArrayLike<number>;
  /** Upper bound of the confidence band. */
  readonly upper?: ArrayLike<number>;
}

/** Options of {@linkcode survivalChart}. */
export interface SurvivalChartOptions extends ChartOptions {
  /** Points kept per group (evenly spread, endpoints kept). Default `500`. */
  readonly maxPoints?: number;
  /** Legend title for the groups. Default `"group"`. */
  readonly legendTitle?: string;
}

/**
 * Step survival curves by group with shaded confidence bands. A curve that does not start at
 * time 0 gets the point (0, 1) prepended, as survival is 1 before the first event.
 *
 * @param curves One curve or a list (one per group).
 * @param options See {@linkcode SurvivalChartOptions}; `xTitle` defaults to `"time"`.
 * @returns A layered Vega-Lite spec (bands + step lines, `step-after` interpolation).
 * @throws {RangeError} When a group's arrays differ in length.
 * @example
 * ```ts
 * import { survivalChart } from "@shoplab/lib/charts/survival_chart.ts";
 * import assert from "node:assert/strict";
 * const spec = survivalChart({ time: [3, 7], survival: [0.8, 0.5], lower: [0.7, 0.4], upper: [0.9, 0.6] }) as {
 *   data: { values: { time: number; survival: number }[] };
 *   layer: { mark: { interpolate: string } }[];
 * };
 * assert.deepEqual(spec.data.values[0], { group: "all", time: 0, survival: 1, lower: 1, upper: 1, order: 0 });
 * assert.equal(spec.layer[1].mark.interpolate, "step-after");
 * ```
 */
export function survivalChart(
  curves: SurvivalCurve | readonly SurvivalCurve[],
  options: SurvivalChartOptions = {},
): TopLevelSpec {
  const rows: Record<string, unknown>[] = [];
  let band = false;
  for (const c of asList(curves)) {
    const n = sameLength("survivalChart", {
      time: c.time,
      survival: c.survival,
      lower: c.lower,
      upper: c.upper,
    });
    const group = c.group ?? "all";
    band ||= c.lower !== undefined && c.upper !== undefined;
    let order = 0;
    if (n === 0 || Number(c.time[0]) > 0) {
      rows.push({ group, time: 0, survival: 1, lower: 1, upper: 1, order: order++ });
    }
    for (const i of pickIndices(n, options.maxPoints ?? 500)) {
      const row: Record<string, unknown> = {
        group,
        time: sig(Number(c.time[i])),
        survival: sig(Number(c.survival[i]), 4),
      };
      if (c.lower && c.upper) {
        row.lower = sig(Number(c.lower[i]), 4);
        row.upper = sig(Number(c.upper[i]), 4);
      }
      row.order = order++;
      rows.push(row);
    }
  }
  const x = { field: "time", type: "quantitative", title: options.xTitle ?? "time" };
  const color = {
    field: "group",
    type: "nominal",
    title: options.legendTitle ?? "group",
    sort: null,
  };
  const layer: unknown[] = [];
  if (band) {
    layer.push({
      mark: { type: "area", interpolate: "step-after", opacity: 0.18 },
      encoding: {
        x,
        y: { field: "lower", type: "quantitative" },
        y2: { field: "upper" },
        color,
        order: { field: "order", type: "quantitative" },
      },
    });
  }
  layer.push({
    mark: { type: "line", interpolate: "step-after", tooltip: true },
    encoding: {
      x,
      y: {
        field: "survival",
        type: "quantitative",
        title: options.yTitle ?? "survival probability",
        scale: { domain: [0, 1] },
      },
      color,
      order: { field: "order", type: "quantitative" },
    },
  });
  return { ...frame(options, 480, 280), data: { values: rows }, layer } as TopLevelSpec;
}
