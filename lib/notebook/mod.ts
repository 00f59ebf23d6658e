/**
 * Notebook display helpers — the one module of `lib/` that talks to Jupyter. Each `xBundle`
 * builds a MIME bundle (pure, testable); each `showX` displays it in the Deno kernel and is a
 * no-op outside it (always `await` it); {@linkcode chart} returns an object a cell can end with
 * (`Symbol.for("Jupyter.display")` protocol).
 *
 * - charts: {@linkcode showChart}, {@linkcode chart}, {@linkcode chartBundle}
 * - tables: {@linkcode showTable}, {@linkcode tableBundle}
 * - key numbers: {@linkcode recordMetrics}, {@linkcode metricsBundle}
 * - text: {@linkcode showMarkdown}, {@linkcode showNote}
 * - live progress: {@linkcode progressDisplay}
 * - low level: {@linkcode displayBundle}, {@linkcode displayable}, {@linkcode escapeHtml},
 *   {@linkcode formatValue}, {@linkcode MimeBundle}, {@linkcode METRICS_MIME}
 *
 * @example
 * ```ts
 * import { metricsBundle, tableBundle } from "@shoplab/lib/notebook/mod.ts";
 * import assert from "node:assert/strict";
 * assert.ok(String(tableBundle([{ a: 1 }])["text/html"]).startsWith("<table"));
 * assert.equal(metricsBundle({ auc: 0.8 })["text/plain"], "auc: 0.8");
 * ```
 *
 * @module
 */
export * from "./mime_bundle.ts";
export * from "./display_bundle.ts";
export * from "./escape_html.ts";
export * from "./format_value.ts";
export * from "./show_chart.ts";
export * from "./show_table.ts";
export * from "./record_metrics.ts";
export * from "./show_markdown.ts";
export * from "./show_note.ts";
export * from "./progress_display.ts";
