/**
 * Self-contained HTML reports from executed notebooks (no CDN, no network, open from
 * `file://`): {@linkcode renderNotebookHtml} for one notebook (audience `"analyst"` or
 * `"stakeholder"`, optionally interactive charts), {@linkcode renderIndexHtml} for the index
 * page, {@linkcode notebookSummary} for a notebook's title and one-line summary, and
 * {@linkcode metricLabel} / {@linkcode formatMetric} for key numbers people can read.
 *
 * @example
 * ```ts
 * import { notebookSummary } from "@shoplab/lib/report/render/mod.ts";
 * import assert from "node:assert/strict";
 * const nb = { nbformat: 4 as const, nbformat_minor: 5, metadata: {}, cells: [] };
 * assert.equal(notebookSummary(nb).title, "Untitled notebook");
 * ```
 *
 * @module
 */
export type { IndexEntry, IndexOptions, RenderOptions, ReportMeta } from "./types.ts";
export { renderNotebookHtml } from "./render_notebook_html.ts";
export { renderIndexHtml } from "./render_index_html.ts";
export { notebookSummary } from "./notebook_summary.ts";
export { formatMetric, metricLabel } from "./metric_label.ts";
