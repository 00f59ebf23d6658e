/**
 * Cohort retention heatmap builder (cohort × period, percent).
 *
 * @module
 */
import type { TopLevelSpec } from "vega-lite";
import { frame, requireFields, sig } from "./_spec.ts";
import type { ChartOptions, Datum } from "./theme.ts";

/** Options of {@linkcode cohortHeatmap}. */
export interface CohortHeatmapOptions extends ChartOptions {
  /** Field naming the cohort (string or Date; Dates show as `YYYY-MM`). Default `"cohort"`. */
  readonly cohort?: string;
  /** Field with the period index (0 = the cohort's first period). Default `"period"`. */
  readonly period?: string;
  /** Field with the share in [0, 1] (e.g. retention). Default `"retention"`. */
  readonly value?: string;
  /** Print the percentage in each cell. Default: `true` up to 400 cells. */
  readonly labels?: boolean;
  /** Legend title. Default `"retention"`. */
  readonly valueTitle?: string;
}

function cohortName(v: unknown): string {
  return v instanceof Date ? v.toISOString().slice(0, 7) : String(v);
}

/**
 * A cohort heatmap: one row per cohort (in the order first seen), one column per period since
 * the cohort started, each cell the share (shown as a percentage, colour on a fixed 0–100 %
 * scale so cohorts compare).
 *
 * @param values Rows `{ cohort, period, retention }` (field names configurable).
 * @param options See {@linkcode CohortHeatmapOptions}.
 * @returns A layered Vega-Lite spec (cells + percentage labels).
 * @throws {TypeError} When a named field is not in the rows.
 * @example
 * ```ts
 * import { cohortHeatmap } from "@shoplab/lib/charts/cohort_heatmap.ts";
 * import assert from "node:assert/strict";
 * const rows = [
 *   { cohort: new Date("2024-01-01"), period: 0, retention: 1 },
 *   { cohort: new Date("2024-01-01"), period: 1, retention: 0.4 },
 * ];
 * const spec = cohortHeatmap(rows) as { data: { values: { cohort: string }[] } };
 * assert.equal(spec.data.values[0].cohort, "2024-01");
 * ```
 */
export function cohortHeatmap(
  values: readonly Datum[],
  options: CohortHeatmapOptions = {},
): TopLevelSpec {
  const cohort = options.cohort ?? "cohort", period = options.period ?? "period";
  const value = options.value ?? "retention";
  requireFields("cohortHeatmap", values, [cohort, period, value]);
  const rows = values.map((d) => ({
    cohort: cohortName(d[cohort]),
    period: Number(d[period]),
    value: d[value] === null ? null : sig(Number(d[value]), 4),
  }));
  const cohorts = [...new Set(rows.map((r) => r.cohort))];
  const periods = [...new Set(rows.map((r) => r.period))].sort((a, b) => a - b);
  const enc = {
    x: {
      field: "period",
      type: "ordinal",
      sort: periods,
      title: options.xTitle ?? period,
      axis: { labelAngle: 0 },
    },
    y: { field: "cohort", type: "ordinal", sort: cohorts, title: options.yTitle ?? cohort },
  };
  const cell = Math.max(18, Math.min(44, Math.floor(620 / Math.max(periods.length, 1))));
  const layer: unknown[] = [{
    mark: { type: "rect", tooltip: true },
    encoding: {
      ...enc,
      color: {
        field: "value",
        type: "quantitative",
        title: options.valueTitle ?? value,
        scale: { scheme: "blues", domain: [0, 1] },
        legend: { format: ".0%" },
      },
      tooltip: [
        { field: "cohort", type: "ordinal", title: cohort },
        { field: "period", type: "ordinal", title: period },
        { field: "value", type: "quantitative", format: ".1%", title: options.valueTitle ?? value },
      ],
    },
  }];
  if (options.labels ?? rows.length <= 400) {
    layer.push({
      mark: { type: "text", fontSize: cell < 30 ? 8 : 10 },
      encoding: {
        ...enc,
        text: { field: "value", type: "quantitative", format: ".0%" },
        color: { condition: { test: "datum.value > 0.5", value: "white" }, value: "#222" },
      },
    });
  }
  return {
    ...frame(options, cell * periods.length, Math.max(18, Math.min(28, cell)) * cohorts.length),
    data: { values: rows },
    layer,
  } as TopLevelSpec;
}
