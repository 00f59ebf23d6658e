/**
 * Charts in notebooks: the Vega-Lite spec plus the same chart pre-rendered to SVG.
 *
 * @module
 */
import type { TopLevelSpec } from "vega-lite";
import { vegaLiteToSvg } from "../charts/render_svg.ts";
import { type MimeBundle, VEGALITE_MIME } from "./mime_bundle.ts";
import { type Displayable, displayable, displayBundle } from "./display_bundle.ts";
import { escapeHtml } from "./escape_html.ts";

function chartTitle(spec: TopLevelSpec): string {
  const t = (spec as { title?: unknown }).title;
  if (typeof t === "string") return t;
  if (t && typeof t === "object" && typeof (t as { text?: unknown }).text === "string") {
    return (t as { text: string }).text;
  }
  return "chart";
}

/**
 * Builds a chart's bundle: the Vega-Lite spec (front ends that draw Vega-Lite use it, and the
 * report re-renders it), the chart pre-rendered to SVG as `image/svg+xml` and inside `text/html`
 * (shown by every front end, nbconvert and the classic notebook included), and a text fallback.
 *
 * @param spec Vega-Lite spec (e.g. from `lib/charts`), data inline.
 * @returns The bundle.
 * @throws {Error} When the spec does not compile or needs data from a URL.
 * @example
 * ```ts
 * import { chartBundle } from "@shoplab/lib/notebook/show_chart.ts";
 * import { barChart } from "@shoplab/lib/charts/bar_chart.ts";
 * import assert from "node:assert/strict";
 * const b = await chartBundle(barChart([{ c: "a", n: 1 }], "c", "n", { title: "Sales" }));
 * assert.ok(String(b["text/html"]).includes("<svg"));
 * assert.equal(b["text/plain"], "[chart: Sales]");
 * assert.ok("application/vnd.vegalite.v5+json" in b);
 * ```
 */
export async function chartBundle(spec: TopLevelSpec): Promise<MimeBundle> {
  const svg = await vegaLiteToSvg(spec);
  const title = chartTitle(spec);
  return {
    [VEGALITE_MIME]: spec,
    "image/svg+xml": svg,
    "text/html": `<div class="shoplab-chart" role="img" aria-label="${
      escapeHtml(title)
    }">${svg}</div>`,
    "text/plain": `[chart: ${title}]`,
  };
}

/**
 * Displays a chart (see {@linkcode chartBundle}); a no-op outside the kernel. Await it.
 *
 * @param spec Vega-Lite spec.
 * @returns Resolves to `undefined` once displayed, so `await showChart(...)` as a cell's last
 *   line adds no extra output.
 * @throws {Error} When the spec does not compile.
 * @example
 * ```ts
 * import { showChart } from "@shoplab/lib/notebook/show_chart.ts";
 * import { barChart } from "@shoplab/lib/charts/bar_chart.ts";
 * import assert from "node:assert/strict";
 * assert.equal(await showChart(barChart([{ c: "a", n: 1 }], "c", "n")), undefined);
 * ```
 */
export async function showChart(spec: TopLevelSpec): Promise<void> {
  await displayBundle(await chartBundle(spec));
}

/**
 * Wraps a chart so that a cell can end with it (the kernel calls its
 * `Symbol.for("Jupyter.display")` method and shows {@linkcode chartBundle}).
 *
 * @param spec Vega-Lite spec.
 * @returns A displayable object; rendering happens when the kernel displays it.
 * @example
 * ```ts
 * import { chart } from "@shoplab/lib/notebook/show_chart.ts";
 * import { lineChart } from "@shoplab/lib/charts/line_chart.ts";
 * import assert from "node:assert/strict";
 * const c = chart(lineChart([{ x: 1, y: 2 }], "x", "y"));
 * const bundle = await (c as unknown as Record<symbol, () => Promise<Record<string, unknown>>>)[
 *   Symbol.for("Jupyter.display")
 * ]();
 * assert.ok(String(bundle["image/svg+xml"]).startsWith("<svg"));
 * ```
 */
export function chart(spec: TopLevelSpec): Displayable {
  return displayable(() => chartBundle(spec));
}
