// Private: one notebook output → HTML, choosing the richest mimetype we can show safely.
import type { TopLevelSpec } from "vega-lite";
import { vegaLiteToSvg } from "../../charts/render_svg.ts";
import { escapeHtml } from "../../notebook/escape_html.ts";
import { formatValue } from "../../notebook/format_value.ts";
import { joinSource, METRICS_MIME, type MimeBundle, type Output } from "../nbformat.ts";
import { type MarkdownContext, renderMarkdown, renderTex } from "./_markdown.ts";
import { sanitizeHtml } from "./_sanitize.ts";
import { formatMetric, metricLabel } from "./metric_label.ts";

/** A chart found in the outputs (for interactive embedding). */
export interface ChartRef {
  /** Id of the chart's `<figure>` on the page, e.g. `"chart-1"`. */
  readonly id: string;
  /** The Vega-Lite spec (parsed JSON). */
  readonly spec: unknown;
}

/** Page-wide state while rendering outputs. */
export interface OutputContext {
  /** Markdown state of the page (heading ids, whether math was rendered). */
  readonly markdown: MarkdownContext;
  /** Charts rendered so far; each chart appends itself. */
  readonly charts: ChartRef[];
  /** Show stream outputs (stdout/stderr). */
  readonly streams: boolean;
  /** Show error tracebacks (else only the error's name and message). */
  readonly tracebacks: boolean;
  /** Milliseconds spent rendering charts. */
  chartMs: number;
}

const ANSI_RE =
  // deno-lint-ignore no-control-regex
  /\u001b\[[0-9;?]*[ -\/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-Z\\-_]/g;

/**
 * Removes ANSI colour/cursor codes and resolves carriage-return overwrites line by line.
 *
 * @example
 * ```ts
 * import { stripAnsi } from "@shoplab/lib/report/render/_outputs.ts";
 * import assert from "node:assert/strict";
 * assert.equal(stripAnsi("\u001b[31mred\u001b[0m plain"), "red plain");
 * assert.equal(stripAnsi("10%\r50%\r100%\ndone"), "100%\ndone");
 * ```
 */
export function stripAnsi(s: string): string {
  return s.replace(ANSI_RE, "").split("\n").map((line) => {
    const parts = line.split("\r").filter((p, i, a) => p !== "" || i === a.length - 1);
    return parts.length ? parts[parts.length - 1] : "";
  }).join("\n");
}

function text(v: unknown): string {
  return typeof v === "string" || Array.isArray(v) ? joinSource(v as string | string[]) : "";
}

/**
 * The "key numbers" card of a metrics record: readable labels and values (see
 * `metricLabel`/`formatMetric`); the recorded name and exact value are the tooltip.
 *
 * @example
 * ```ts
 * import { metricsCard } from "@shoplab/lib/report/render/_outputs.ts";
 * import assert from "node:assert/strict";
 * const html = metricsCard({ auc: 0.8123 });
 * assert.match(html, /<div class="kn" title="auc = 0.8123"><dt>AUC<\/dt><dd>0.812<\/dd><\/div>/);
 * ```
 */
export function metricsCard(metrics: Readonly<Record<string, unknown>>): string {
  const items = Object.entries(metrics).map(([k, v]) =>
    `<div class="kn" title="${escapeHtml(`${k} = ${formatValue(v, { digits: 12 })}`)}"><dt>${
      escapeHtml(metricLabel(k))
    }</dt><dd>${escapeHtml(formatMetric(k, v))}</dd></div>`
  ).join("");
  return `<section class="key-numbers" aria-label="Key numbers"><h3>Key numbers</h3><dl>${items}</dl></section>`;
}

async function chartHtml(spec: unknown, bundle: MimeBundle, ctx: OutputContext): Promise<string> {
  const id = `chart-${ctx.charts.length + 1}`;
  let svg: string;
  let parsed: unknown = spec;
  const t0 = performance.now();
  try {
    parsed = typeof spec === "string" ? JSON.parse(spec) : spec;
    svg = sanitizeHtml(await vegaLiteToSvg(parsed as TopLevelSpec), { svg: true });
  } catch (e) {
    const fallback = text(bundle["image/svg+xml"]) || text(bundle["text/html"]);
    if (!fallback) {
      return `<div class="note warning">Chart could not be drawn: ${
        escapeHtml(e instanceof Error ? e.message : String(e))
      }</div>`;
    }
    svg = sanitizeHtml(fallback, { svg: true });
  } finally {
    ctx.chartMs += performance.now() - t0;
  }
  // Only a parsed spec is embedded live (a string would make vega-embed fetch it as a URL).
  const live = parsed !== null && typeof parsed === "object";
  if (live) ctx.charts.push({ id, spec: parsed });
  return `<figure class="chart" id="${
    live ? id : `${id}-static`
  }"><div class="chart-static">${svg}</div><div class="chart-live"></div></figure>`;
}

function imageHtml(mime: string, data: unknown): string {
  const b64 = text(data).replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]+=*$/.test(b64)) return "";
  return `<figure class="image"><img alt="figure" src="data:${mime};base64,${b64}"></figure>`;
}

/**
 * HTML for a display_data / execute_result bundle.
 *
 * @example
 * ```ts
 * import { bundleHtml } from "@shoplab/lib/report/render/_outputs.ts";
 * import assert from "node:assert/strict";
 * const ctx = {
 *   markdown: { ids: new Set<string>(), headings: [], math: false },
 *   charts: [],
 *   streams: true,
 *   tracebacks: false,
 *   chartMs: 0,
 * };
 * const text = await bundleHtml({ "text/plain": "<1>" }, ctx);
 * assert.equal(text, '<pre class="text-output">&lt;1&gt;</pre>');
 * assert.equal(
 *   await bundleHtml({ "text/html": "<b onclick='x()'>hi</b>", "text/plain": "hi" }, ctx),
 *   '<div class="html-output"><b>hi</b></div>',
 * );
 * ```
 */
export async function bundleHtml(bundle: MimeBundle, ctx: OutputContext): Promise<string> {
  if (bundle[METRICS_MIME] && typeof bundle[METRICS_MIME] === "object") {
    return metricsCard(bundle[METRICS_MIME] as Record<string, unknown>);
  }
  const vl = Object.keys(bundle).find((k) => /^application\/vnd\.vegalite\.v\d+\+json$/.test(k));
  if (vl) return await chartHtml(bundle[vl], bundle, ctx);
  if (bundle["text/html"] !== undefined) {
    return `<div class="html-output">${
      sanitizeHtml(text(bundle["text/html"]), { svg: true })
    }</div>`;
  }
  if (bundle["image/svg+xml"] !== undefined) {
    return `<figure class="image">${
      sanitizeHtml(text(bundle["image/svg+xml"]), { svg: true })
    }</figure>`;
  }
  for (const mime of ["image/png", "image/jpeg", "image/gif"]) {
    if (bundle[mime] !== undefined) {
      const html = imageHtml(mime, bundle[mime]);
      if (html) return html;
    }
  }
  if (bundle["text/markdown"] !== undefined) {
    return `<div class="markdown-output">${
      renderMarkdown(text(bundle["text/markdown"]), ctx.markdown)
    }</div>`;
  }
  if (bundle["text/latex"] !== undefined) {
    ctx.markdown.math = true;
    const tex = text(bundle["text/latex"]).trim().replace(/^\$\$?|\$\$?$/g, "");
    return `<div class="math-display">${renderTex(tex, true)}</div>`;
  }
  const json = Object.keys(bundle).find((k) => k === "application/json" || /\+json$/.test(k));
  if (bundle["text/plain"] !== undefined || json === undefined) {
    return `<pre class="text-output">${escapeHtml(stripAnsi(text(bundle["text/plain"])))}</pre>`;
  }
  return `<pre class="text-output">${escapeHtml(JSON.stringify(bundle[json], null, 2))}</pre>`;
}

/**
 * HTML for all outputs of one code cell (consecutive streams of one name merged).
 *
 * @example
 * ```ts
 * import { outputsHtml } from "@shoplab/lib/report/render/_outputs.ts";
 * import assert from "node:assert/strict";
 * const ctx = {
 *   markdown: { ids: new Set<string>(), headings: [], math: false },
 *   charts: [],
 *   streams: true,
 *   tracebacks: false,
 *   chartMs: 0,
 * };
 * const html = await outputsHtml([
 *   { output_type: "stream", name: "stdout", text: "\u001b[1mhi\u001b[0m" },
 *   { output_type: "error", ename: "TypeError", evalue: "bad", traceback: ["at cell 3"] },
 * ], ctx);
 * assert.match(html, /^<pre class="stream stdout">hi<\/pre>/);
 * assert.match(html, /This step failed — <strong>TypeError<\/strong>: bad/);
 * assert.doesNotMatch(html, /at cell 3/); // tracebacks: false
 * ```
 */
export async function outputsHtml(outputs: readonly Output[], ctx: OutputContext): Promise<string> {
  const parts: string[] = [];
  for (let i = 0; i < outputs.length; i++) {
    const o = outputs[i];
    if (o.output_type === "stream") {
      let s = text(o.text);
      while (
        outputs[i + 1]?.output_type === "stream" && (outputs[i + 1] as typeof o).name === o.name
      ) {
        s += text((outputs[++i] as typeof o).text);
      }
      if (ctx.streams && s.trim() !== "") {
        parts.push(
          `<pre class="stream ${o.name === "stderr" ? "stderr" : "stdout"}">${
            escapeHtml(stripAnsi(s))
          }</pre>`,
        );
      }
    } else if (o.output_type === "error") {
      const head = `<strong>${escapeHtml(stripAnsi(o.ename))}</strong>: ${
        escapeHtml(stripAnsi(o.evalue))
      }`;
      const tb = ctx.tracebacks && o.traceback?.length
        ? `<pre class="traceback">${escapeHtml(stripAnsi(o.traceback.join("\n")))}</pre>`
        : "";
      parts.push(
        `<div class="error-output" role="alert"><p>This step failed — ${head}</p>${tb}</div>`,
      );
    } else if (o.output_type === "display_data" || o.output_type === "execute_result") {
      parts.push(await bundleHtml(o.data ?? {}, ctx));
    }
  }
  return parts.join("\n");
}
