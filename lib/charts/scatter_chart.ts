/**
 * Scatter plot builder.
 *
 * @module
 */
import type { TopLevelSpec } from "vega-lite";
import { base, colour, requireFields } from "./_spec.ts";
import type { ChartOptions, Datum } from "./theme.ts";

/** Options of {@linkcode scatterChart}. */
export interface ScatterChartOptions extends ChartOptions {
  /** Field that colours the points (e.g. a cluster). Default: one colour. */
  readonly color?: string;
  /** Treat `color` as a number (continuous scale) instead of categories. Default `false`. */
  readonly colorQuantitative?: boolean;
  /** Point area in square pixels. Default `18`. */
  readonly size?: number;
  /** Point opacity. Default `0.6`. */
  readonly opacity?: number;
}

/**
 * A scatter plot of `y` against `x`, optionally coloured by a field.
 *
 * @param values Rows (keep it to a few thousand points; sample first).
 * @param x Field on the x axis.
 * @param y Field on the y axis.
 * @param options See {@linkcode ScatterChartOptions}.
 * @returns A Vega-Lite spec with the rows inlined.
 * @throws {TypeError} When a named field is not in the rows.
 * @example
 * ```ts
 * import { scatterChart } from "@shoplab/lib/charts/scatter_chart.ts";
 * import assert from "node:assert/strict";
 * const spec = scatterChart([{ a: 1, b: 2, k: "c1" }], "a", "b", { color: "k" }) as {
 *   mark: { type: string };
 *   encoding: { color: { field: string } };
 * };
 * assert.equal(spec.mark.type, "point");
 * assert.equal(spec.encoding.color.field, "k");
 * ```
 */
export function scatterChart(
  values: readonly Datum[],
  x: string,
  y: string,
  options: ScatterChartOptions = {},
): TopLevelSpec {
  requireFields("scatterChart", values, [x, y, ...(options.color ? [options.color] : [])]);
  const color = options.color
    ? options.colorQuantitative
      ? { color: { field: options.color, type: "quantitative", title: options.color } }
      : colour(options.color)
    : {};
  return {
    ...base(values, options),
    mark: {
      type: "point",
      filled: true,
      opacity: options.opacity ?? 0.6,
      size: options.size ?? 18,
      tooltip: true,
    },
    encoding: {
      x: { field: x, type: "quantitative", title: options.xTitle ?? x, scale: { zero: false } },
      y: { field: y, type: "quantitative", title: options.yTitle ?? y, scale: { zero: false } },
      ...color,
    },
  } as TopLevelSpec;
}
