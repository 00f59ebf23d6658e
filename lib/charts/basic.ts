/**
 * Vega-Lite spec builders for the everyday charts: line, bar, histogram, scatter. They return
 * plain specs (data inlined), so the same spec shows in Jupyter and becomes SVG in a report.
 *
 * @module
 */
import type { TopLevelSpec } from "vega-lite";

/** A record of chart data. */
export type Datum = Readonly<Record<string, string | number | boolean | Date | null>>;

/** Options shared by the builders. */
export interface ChartOptions {
  /** Chart title. */
  readonly title?: string;
  /** Width in pixels. Default `560`. */
  readonly width?: number;
  /** Height in pixels. Default `260`. */
  readonly height?: number;
  /** Axis title for x. Default: the field name. */
  readonly xTitle?: string;
  /** Axis title for y. Default: the field name. */
  readonly yTitle?: string;
  /** Field that colours marks (one series per value). */
  readonly color?: string;
}

/** Colour-blind-safe palette (Okabe–Ito). */
export const PALETTE = [
  "#0072B2",
  "#E69F00",
  "#009E73",
  "#CC79A7",
  "#56B4E9",
  "#D55E00",
  "#F0E442",
  "#000000",
];

const CONFIG = {
  font: "system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif",
  range: { category: PALETTE },
  axis: { labelFontSize: 11, titleFontSize: 12, grid: true, gridOpacity: 0.4 },
  title: { fontSize: 14, anchor: "start" as const },
  view: { stroke: null },
};

function clean(values: readonly Datum[]): Record<string, unknown>[] {
  return values.map((d) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(d)) {
      out[k] = v instanceof Date
        ? v.toISOString()
        : typeof v === "number" && !Number.isInteger(v)
        ? Math.round(v * 1e6) / 1e6
        : v;
    }
    return out;
  });
}

function base(values: readonly Datum[], o: ChartOptions): Record<string, unknown> {
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    ...(o.title ? { title: o.title } : {}),
    width: o.width ?? 560,
    height: o.height ?? 260,
    data: { values: clean(values) },
    config: CONFIG,
  };
}

function colour(o: ChartOptions) {
  return o.color ? { color: { field: o.color, type: "nominal" as const, title: o.color } } : {};
}

/**
 * A line chart of `y` over `x` (x temporal when values are Dates or ISO strings, else quantitative).
 *
 * @param values Rows.
 * @param x Field on the x axis.
 * @param y Field on the y axis.
 * @param options See {@linkcode ChartOptions}; `temporal` forces a time axis.
 * @returns A Vega-Lite spec.
 * @example
 * ```ts
 * import { lineChart } from "@shoplab/lib/charts/basic.ts";
 * import assert from "node:assert/strict";
 * const spec = lineChart([{ d: 1, v: 2 }, { d: 2, v: 3 }], "d", "v") as { mark: { type: string } };
 * assert.equal(spec.mark.type, "line");
 * ```
 */
export function lineChart(
  values: readonly Datum[],
  x: string,
  y: string,
  options: ChartOptions & { readonly temporal?: boolean } = {},
): TopLevelSpec {
  const temporal = options.temporal ?? values.some((d) => d[x] instanceof Date);
  return {
    ...base(values, options),
    mark: { type: "line", point: values.length <= 60, tooltip: true },
    encoding: {
      x: { field: x, type: temporal ? "temporal" : "quantitative", title: options.xTitle ?? x },
      y: { field: y, type: "quantitative", title: options.yTitle ?? y },
      ...colour(options),
    },
  } as TopLevelSpec;
}

/**
 * A bar chart of `y` per category `x` (bars sorted as given; grouped by `color` when set).
 *
 * @param values Rows.
 * @param x Category field.
 * @param y Value field.
 * @param options See {@linkcode ChartOptions}; `horizontal` swaps the axes.
 * @returns A Vega-Lite spec.
 * @example
 * ```ts
 * import { barChart } from "@shoplab/lib/charts/basic.ts";
 * import assert from "node:assert/strict";
 * const spec = barChart([{ c: "a", n: 2 }], "c", "n") as { mark: { type: string } };
 * assert.equal(spec.mark.type, "bar");
 * ```
 */
export function barChart(
  values: readonly Datum[],
  x: string,
  y: string,
  options: ChartOptions & { readonly horizontal?: boolean } = {},
): TopLevelSpec {
  const cat = { field: x, type: "nominal" as const, title: options.xTitle ?? x, sort: null };
  const val = { field: y, type: "quantitative" as const, title: options.yTitle ?? y };
  return {
    ...base(values, options),
    mark: { type: "bar", tooltip: true },
    encoding: {
      ...(options.horizontal ? { y: cat, x: val } : { x: cat, y: val }),
      ...colour(options),
      ...(options.color && !options.horizontal ? { xOffset: { field: options.color } } : {}),
    },
  } as TopLevelSpec;
}

/**
 * A histogram of a numeric field (binned counts).
 *
 * @param values Rows.
 * @param field Numeric field.
 * @param options See {@linkcode ChartOptions}; `bins` = maximum number of bins (default 40).
 * @returns A Vega-Lite spec.
 * @example
 * ```ts
 * import { histogram } from "@shoplab/lib/charts/basic.ts";
 * import assert from "node:assert/strict";
 * const spec = histogram([{ v: 1 }, { v: 2 }], "v") as { encoding: { x: { bin: unknown } } };
 * assert.ok(spec.encoding.x.bin);
 * ```
 */
export function histogram(
  values: readonly Datum[],
  field: string,
  options: ChartOptions & { readonly bins?: number } = {},
): TopLevelSpec {
  return {
    ...base(values, options),
    mark: { type: "bar", tooltip: true },
    encoding: {
      x: {
        field,
        type: "quantitative",
        bin: { maxbins: options.bins ?? 40 },
        title: options.xTitle ?? field,
      },
      y: { aggregate: "count", type: "quantitative", title: options.yTitle ?? "count" },
      ...colour(options),
    },
  } as TopLevelSpec;
}

/**
 * A scatter plot of `y` against `x`, optionally coloured by a field.
 *
 * @param values Rows (keep it to a few thousand points; sample first).
 * @param x Field on the x axis.
 * @param y Field on the y axis.
 * @param options See {@linkcode ChartOptions}.
 * @returns A Vega-Lite spec.
 * @example
 * ```ts
 * import { scatterChart } from "@shoplab/lib/charts/basic.ts";
 * import assert from "node:assert/strict";
 * const spec = scatterChart([{ a: 1, b: 2 }], "a", "b") as { mark: { type: string } };
 * assert.equal(spec.mark.type, "point");
 * ```
 */
export function scatterChart(
  values: readonly Datum[],
  x: string,
  y: string,
  options: ChartOptions = {},
): TopLevelSpec {
  return {
    ...base(values, options),
    mark: { type: "point", filled: true, opacity: 0.6, size: 18, tooltip: true },
    encoding: {
      x: { field: x, type: "quantitative", title: options.xTitle ?? x },
      y: { field: y, type: "quantitative", title: options.yTitle ?? y },
      ...colour(options),
    },
  } as TopLevelSpec;
}
