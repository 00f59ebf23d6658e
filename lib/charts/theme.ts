/**
 * The chart theme shared by every builder: a colour-blind-safe palette (Okabe–Ito), system
 * sans-serif fonts (no web fonts, so charts render offline) and the common options type.
 *
 * @module
 */

/** A record of chart data. Dates become ISO strings in the spec. */
export type Datum = Readonly<Record<string, string | number | boolean | Date | null>>;

/** Options shared by every builder. */
export interface ChartOptions {
  /** Chart title. Default: none. */
  readonly title?: string;
  /** Width of the plot area in pixels. Default `560` (square charts: `320`). */
  readonly width?: number;
  /** Height of the plot area in pixels. Default `260` (square charts: `320`). */
  readonly height?: number;
  /** Axis title for x. Default: the field name or the chart's usual label. */
  readonly xTitle?: string;
  /** Axis title for y. Default: the field name or the chart's usual label. */
  readonly yTitle?: string;
}

/** Colour-blind-safe categorical palette (Okabe–Ito, 2008), black last. */
export const PALETTE: readonly string[] = [
  "#0072B2",
  "#E69F00",
  "#009E73",
  "#CC79A7",
  "#56B4E9",
  "#D55E00",
  "#F0E442",
  "#000000",
];

/** Colour of reference lines (diagonals, baselines). */
export const REFERENCE_COLOR = "#8c8c8c";

/** Font stack: system fonts only, nothing is downloaded. */
export const CHART_FONT =
  "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

/**
 * The Vega-Lite `config` every builder puts in its spec.
 *
 * @example
 * ```ts
 * import { CHART_CONFIG, PALETTE } from "@shoplab/lib/charts/theme.ts";
 * import assert from "node:assert/strict";
 * assert.deepEqual(CHART_CONFIG.range.category, PALETTE);
 * ```
 */
export const CHART_CONFIG = {
  font: CHART_FONT,
  background: "white",
  range: { category: [...PALETTE] },
  axis: {
    labelFontSize: 11,
    titleFontSize: 12,
    titleFontWeight: 500,
    labelColor: "#333333",
    titleColor: "#222222",
    grid: true,
    gridOpacity: 0.45,
    domainColor: "#888888",
    tickColor: "#888888",
  },
  mark: { color: PALETTE[0] },
  legend: {
    labelFontSize: 11,
    titleFontSize: 12,
    titleFontWeight: 500,
    orient: "right",
    labelLimit: 280,
  },
  header: { labelFontSize: 12, titleFontSize: 12 },
  title: { fontSize: 14, fontWeight: 600, anchor: "start", color: "#222222", offset: 10 },
  view: { stroke: null },
  line: { strokeWidth: 2 },
} as const;
