// Private: inline vega, vega-lite and vega-embed and embed each chart's spec (tooltips), with
// the static SVG kept as the no-JS fallback. Nothing is fetched.
import type { ChartRef } from "./_outputs.ts";
import { readPackageText } from "./_assets.ts";

/**
 * JSON that is safe inside a <script> element.
 *
 * @example
 * ```ts
 * import { scriptJson } from "@shoplab/lib/report/render/_interactive.ts";
 * import assert from "node:assert/strict";
 * const json = scriptJson({ a: "</script><b>" });
 * assert.equal(json, '{"a":"\\u003c/script>\\u003cb>"}');
 * assert.deepEqual(JSON.parse(json), { a: "</script><b>" });
 * ```
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

function inlineScript(js: string): string {
  return `<script>${js.replace(/<\/script/gi, "<\\/script")}</script>`;
}

const EMBED = `(function(){
var specs=JSON.parse(document.getElementById("chart-specs").textContent);
Object.keys(specs).forEach(function(id){
var fig=document.getElementById(id);if(!fig||typeof vegaEmbed!=="function")return;
vegaEmbed(fig.querySelector(".chart-live"),specs[id],{renderer:"svg",actions:false})
.then(function(){fig.classList.add("live")}).catch(function(){});
});})();`;

/**
 * Scripts that make the charts interactive (≈ 0.8 MB of libraries): the specs as JSON, vega,
 * vega-lite and vega-embed inlined, and a loader that embeds each chart into its figure. `""`
 * when there are no charts.
 *
 * @example
 * ```ts
 * import { interactiveScripts } from "@shoplab/lib/report/render/_interactive.ts";
 * import assert from "node:assert/strict";
 * assert.equal(await interactiveScripts([]), "");
 * const html = await interactiveScripts([{ id: "chart-1", spec: { mark: "bar" } }]);
 * assert.ok(html.startsWith(
 *   '<script type="application/json" id="chart-specs">{"chart-1":{"mark":"bar"}}</script>',
 * ));
 * assert.match(html, /vegaEmbed\(fig\.querySelector\("\.chart-live"\)/);
 * ```
 */
export async function interactiveScripts(charts: readonly ChartRef[]): Promise<string> {
  if (charts.length === 0) return "";
  const [vega, vegaLite, embed] = await Promise.all([
    readPackageText("vega", "build/vega.min.js"),
    readPackageText("vega-lite", "build/vega-lite.min.js"),
    readPackageText("vega-embed", "build/vega-embed.min.js"),
  ]);
  const specs = Object.fromEntries(charts.map((c) => [c.id, c.spec]));
  return [
    `<script type="application/json" id="chart-specs">${scriptJson(specs)}</script>`,
    inlineScript(vega),
    inlineScript(vegaLite),
    inlineScript(embed),
    inlineScript(EMBED),
  ].join("\n");
}
