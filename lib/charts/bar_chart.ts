/**
 * Bar chart builder (simple, grouped or stacked).
 *
 * @module
 */
import type { TopLevelSpec } from "vega-lite";
import { base, colour, requireFields } from "./_spec.ts";
import type { ChartOptions, Datum } from "./theme.ts";

/** Options of {@linkcode barChart}. */
export interface BarChartOptions extends ChartOptions {
  /** Field that splits each bar into coloured series. Default: none. */
  readonly color?: string;
  /** With `color`: `"grouped"` (side by side) or `"stacked"`. Default `"grouped"`. */
  readonly layout?: "grouped" | "stacked";
  /** Horizontal bars (categories on y). Default `false`. */
  readonly horizontal?: boolean;
}

/**
 * A bar chart of `y` per category `x`, categories in the order given.
 *
 * @param values Rows.
 * @param x Category field.
 * @param y Value field.
 * @param options See {@linkcode BarChartOptions}.
 * @returns A Vega-Lite spec with the rows inlined.
 * @throws {TypeError} When a named field is not in the rows.
 * @example
 * ```ts
 * import { barChart } from "@shoplab/lib/charts/bar_chart.ts";
 * import assert from "node:assert/strict";
 * const rows = [{ c: "a", s: "x", n: 2 }, { c: "a", s: "y", n: 1 }];
 * const grouped = barChart(rows, "c", "n", { color: "s" }) as { encoding: Record<string, unknown> };
 * assert.ok("xOffset" in grouped.encoding);
 * const stacked = barChart(rows, "c", "n", { color: "s", layout: "stacked" }) as {
 *   encoding: Record<string, unknown>;
 * };
 * assert.ok(!("xOffset" in stacked.encoding));
 * ```
 */
export function barChart(
  values: readonly Datum[],
  x: string,
  y: string,
  options: BarChartOptions = {},
): TopLevelSpec {
  requireFields("barChart", values, [x, y, ...(options.color ? [options.color] : [])]);
  const horizontal = options.horizontal ?? false;
  const stacked = options.layout === "stacked";
  const cat = { field: x, type: "nominal", title: options.xTitle ?? x, sort: null };
  const val = {
    field: y,
    type: "quantitative",
    title: options.yTitle ?? y,
    stack: stacked ? "zero" : null,
  };
  const offset = options.color && !stacked
    ? { [horizontal ? "yOffset" : "xOffset"]: { field: options.color, sort: null } }
    : {};
  return {
    ...base(values, options),
    mark: { type: "bar", tooltip: true },
    encoding: {
      ...(horizontal ? { y: cat, x: val } : { x: cat, y: val }),
      ...colour(options.color),
      ...offset,
    },
  } as TopLevelSpec;
}
