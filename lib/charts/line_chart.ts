/**
 * Line chart builder.
 *
 * @module
 */
import type { TopLevelSpec } from "vega-lite";
import { base, colour, requireFields } from "./_spec.ts";
import type { ChartOptions, Datum } from "./theme.ts";

/** Options of {@linkcode lineChart}. */
export interface LineChartOptions extends ChartOptions {
  /** Field that splits the rows into one coloured line per value. Default: one line. */
  readonly color?: string;
  /** Treat x as time. Default: `true` when any x value is a Date. */
  readonly temporal?: boolean;
  /** Draw a point on each value. Default: `true` up to 60 rows. */
  readonly points?: boolean;
}

/**
 * A line chart of `y` over `x` (x temporal for Dates, else quantitative).
 *
 * @param values Rows.
 * @param x Field on the x axis.
 * @param y Field on the y axis.
 * @param options See {@linkcode LineChartOptions}.
 * @returns A Vega-Lite spec with the rows inlined.
 * @throws {TypeError} When `x` or `y` is not a field of the rows.
 * @example
 * ```ts
 * import { lineChart } from "@shoplab/lib/charts/line_chart.ts";
 * import assert from "node:assert/strict";
 * const spec = lineChart([{ d: 1, v: 2 }, { d: 2, v: 3 }], "d", "v") as { mark: { type: string } };
 * assert.equal(spec.mark.type, "line");
 * ```
 */
export function lineChart(
  values: readonly Datum[],
  x: string,
  y: string,
  options: LineChartOptions = {},
): TopLevelSpec {
  requireFields("lineChart", values, [x, y, ...(options.color ? [options.color] : [])]);
  const temporal = options.temporal ?? values.some((d) => d[x] instanceof Date);
  return {
    ...base(values, options),
    mark: { type: "line", point: options.points ?? values.length <= 60, tooltip: true },
    encoding: {
      x: { field: x, type: temporal ? "temporal" : "quantitative", title: options.xTitle ?? x },
      y: { field: y, type: "quantitative", title: options.yTitle ?? y },
      ...colour(options.color),
    },
  } as TopLevelSpec;
}
