/**
 * Ranking metrics at k (precision@k, recall@k, NDCG@k…) by model.
 *
 * @module
 */
import type { TopLevelSpec } from "vega-lite";
import { metricPanels, sig } from "./_spec.ts";
import type { ChartOptions } from "./theme.ts";

/** One value of one metric at one cut-off for one model. */
export interface MetricAtK {
  /** The cut-off k. */
  readonly k: number;
  /** The metric's value. */
  readonly value: number;
  /** Model (recommender) name. Default `"model"`. */
  readonly model?: string;
  /** Metric name (e.g. `"precision"`). Default `"value"`. */
  readonly metric?: string;
}

/** Options of {@linkcode metricAtKChart}. */
export interface MetricAtKChartOptions extends ChartOptions {}

/**
 * Metric-at-k curves: x = k, one coloured line per model, one panel per metric (independent y).
 *
 * @param rows Values `{ k, value, model?, metric? }`.
 * @param options See {@linkcode MetricAtKChartOptions}; width/height are per panel
 *   (default 260 × 200).
 * @returns A Vega-Lite spec (faceted when there is more than one metric).
 * @example
 * ```ts
 * import { metricAtKChart } from "@shoplab/lib/charts/metric_at_k_chart.ts";
 * import assert from "node:assert/strict";
 * const spec = metricAtKChart([
 *   { k: 5, value: 0.1, model: "als", metric: "precision" },
 *   { k: 10, value: 0.08, model: "als", metric: "precision" },
 *   { k: 5, value: 0.2, model: "als", metric: "recall" },
 * ]) as { facet?: unknown };
 * assert.ok(spec.facet);
 * ```
 */
export function metricAtKChart(
  rows: readonly MetricAtK[],
  options: MetricAtKChartOptions = {},
): TopLevelSpec {
  const values = rows.map((r) => ({
    k: r.k,
    value: sig(r.value, 5),
    model: r.model ?? "model",
    metric: `${r.metric ?? "value"}@k`,
  }));
  const metrics = [...new Set(values.map((r) => r.metric))];
  const ks = [...new Set(values.map((r) => r.k))].sort((a, b) => a - b);
  const inner = {
    mark: { type: "line", point: true, tooltip: true },
    encoding: {
      x: {
        field: "k",
        type: "quantitative",
        title: options.xTitle ?? "k",
        ...(ks.length <= 12 ? { axis: { values: ks } } : {}),
      },
      y: {
        field: "value",
        type: "quantitative",
        title: options.yTitle ?? (metrics.length === 1 ? metrics[0] : null),
      },
      color: { field: "model", type: "nominal", title: "model", sort: null },
    },
  };
  return metricPanels(values, metrics, inner, options, 260, 200);
}
