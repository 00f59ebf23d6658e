/**
 * Vega-Lite chart builders and an offline SVG renderer. Builders return plain specs with the
 * data inlined and rounded, one theme for all (system fonts, Okabe–Ito palette), so the same
 * spec shows in Jupyter (`lib/notebook`) and becomes inline SVG in a report (`lib/report`).
 *
 * - everyday: {@linkcode lineChart}, {@linkcode barChart} (grouped/stacked),
 *   {@linkcode histogram}, {@linkcode scatterChart}, {@linkcode heatmapChart}
 * - models: {@linkcode rocChart}, {@linkcode prChart}, {@linkcode calibrationChart},
 *   {@linkcode confusionMatrixChart}, {@linkcode liftChart}, {@linkcode trainingCurvesChart}
 * - customers: {@linkcode cohortHeatmap}, {@linkcode survivalChart}
 * - recommenders: {@linkcode metricAtKChart}
 * - rendering: {@linkcode vegaLiteToSvg}
 *
 * @example
 * ```ts
 * import { rocChart, vegaLiteToSvg } from "@shoplab/lib/charts/mod.ts";
 * import assert from "node:assert/strict";
 * const svg = await vegaLiteToSvg(rocChart({ fpr: [0, 0.2, 1], tpr: [0, 0.7, 1], auc: 0.75 }));
 * assert.ok(svg.includes("AUC 0.750"));
 * ```
 *
 * @module
 */
export * from "./theme.ts";
export * from "./line_chart.ts";
export * from "./bar_chart.ts";
export * from "./histogram.ts";
export * from "./scatter_chart.ts";
export * from "./heatmap_chart.ts";
export * from "./roc_chart.ts";
export * from "./pr_chart.ts";
export * from "./calibration_chart.ts";
export * from "./confusion_matrix_chart.ts";
export * from "./lift_chart.ts";
export * from "./cohort_heatmap.ts";
export * from "./survival_chart.ts";
export * from "./training_curves_chart.ts";
export * from "./metric_at_k_chart.ts";
export * from "./render_svg.ts";
