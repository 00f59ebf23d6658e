/**
 * Generic heatmap builder (two categorical axes, a colour for a number).
 *
 * @module
 */
import type { TopLevelSpec } from "vega-lite";
import { base, requireFields } from "./_spec.ts";
import type { ChartOptions, Datum } from "./theme.ts";

/** Options of {@linkcode heatmapChart}. */
export interface HeatmapChartOptions extends ChartOptions {
  /** Field on the x axis (categories, in the order first seen). */
  readonly x: string;
  /** Field on the y axis (categories, in the order first seen). */
  readonly y: string;
  /** Numeric field that sets the colour. */
  readonly value: string;
  /** Vega colour scheme. Default `"blues"` (single hue, colour-blind safe). */
  readonly scheme?: string;
  /** Print the value in each cell. Default: `true` up to 400 cells. */
  readonly labels?: boolean;
  /** d3 number format of cell labels and tooltips. Default `",.3~g"`. */
  readonly format?: string;
  /** Legend title. Default: the value field. */
  readonly valueTitle?: string;
}

/**
 * A heatmap: one rectangle per (x, y) pair coloured by `value`, optionally labelled.
 *
 * @param values Rows, one per cell.
 * @param options See {@linkcode HeatmapChartOptions}; `x`, `y` and `value` are required.
 * @returns A Vega-Lite spec with the rows inlined.
 * @throws {TypeError} When a named field is not in the rows.
 * @example
 * ```ts
 * import { heatmapChart } from "@shoplab/lib/charts/heatmap_chart.ts";
 * import assert from "node:assert/strict";
 * const rows = [{ a: "x", b: "p", v: 1 }, { a: "y", b: "p", v: 3 }];
 * const spec = heatmapChart(rows, { x: "a", y: "b", value: "v" }) as { layer: unknown[] };
 * assert.equal(spec.layer.length, 2);
 * ```
 */
export function heatmapChart(values: readonly Datum[], options: HeatmapChartOptions): TopLevelSpec {
  const { x, y, value } = options;
  requireFields("heatmapChart", values, [x, y, value]);
  const format = options.format ?? ",.3~g";
  const labels = options.labels ?? values.length <= 400;
  const nums = values.map((d) => Number(d[value])).filter(Number.isFinite);
  const mid = nums.length ? (Math.min(...nums) + Math.max(...nums)) / 2 : 0;
  const enc = {
    x: { field: x, type: "ordinal", sort: null, title: options.xTitle ?? x },
    y: { field: y, type: "ordinal", sort: null, title: options.yTitle ?? y },
  };
  const rect = {
    mark: { type: "rect", tooltip: true },
    encoding: {
      ...enc,
      color: {
        field: value,
        type: "quantitative",
        title: options.valueTitle ?? value,
        scale: { scheme: options.scheme ?? "blues" },
      },
      tooltip: [
        { field: x, type: "ordinal" },
        { field: y, type: "ordinal" },
        { field: value, type: "quantitative", format },
      ],
    },
  };
  const text = {
    mark: { type: "text", fontSize: 10 },
    encoding: {
      ...enc,
      text: { field: value, type: "quantitative", format },
      color: {
        condition: { test: `datum[${JSON.stringify(value)}] > ${mid}`, value: "white" },
        value: "#222",
      },
    },
  };
  return {
    ...base(values, options),
    layer: labels ? [rect, text] : [rect],
  } as TopLevelSpec;
}
