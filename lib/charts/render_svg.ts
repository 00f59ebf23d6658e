/**
 * Renders a Vega-Lite spec to an SVG string, headless and offline (no network, no browser).
 *
 * @module
 */
import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";

/**
 * Compiles a Vega-Lite spec and renders it to SVG with vega's headless renderer.
 *
 * @param spec A Vega-Lite spec with inline data.
 * @returns The SVG markup.
 * @throws {Error} When the spec does not compile.
 * @example
 * ```ts
 * import { vegaLiteToSvg } from "@shoplab/lib/charts/render_svg.ts";
 * import { barChart } from "@shoplab/lib/charts/basic.ts";
 * import assert from "node:assert/strict";
 * const svg = await vegaLiteToSvg(barChart([{ c: "a", n: 2 }], "c", "n"));
 * assert.ok(svg.startsWith("<svg"));
 * ```
 */
export async function vegaLiteToSvg(spec: TopLevelSpec): Promise<string> {
  const compiled = compile(spec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
