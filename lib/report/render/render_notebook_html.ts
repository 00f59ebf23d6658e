/**
 * Renders an executed notebook as one self-contained HTML page (no CDN, no network, opens from
 * `file://`).
 *
 * @module
 */
import { escapeHtml } from "../../notebook/escape_html.ts";
import { joinSource, type Notebook, type Output } from "../nbformat.ts";
import type { Heading, MarkdownContext } from "./_markdown.ts";
import { renderMarkdown } from "./_markdown.ts";
import { highlightCode, highlightCss } from "./_highlight.ts";
import { interactiveScripts } from "./_interactive.ts";
import { classNames, katexCss } from "./_katex_css.ts";
import { type OutputContext, outputsHtml } from "./_outputs.ts";
import { formatDuration, metaList, page, statusBadge } from "./_page.ts";
import type { RenderOptions, ReportMeta } from "./types.ts";

function paramValue(v: unknown): string {
  if (typeof v === "string") return v;
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

function header(meta: ReportMeta, audience: RenderOptions["audience"]): string {
  const params = Object.entries(meta.parameters ?? {});
  const table = params.length
    ? `<details class="params"${
      audience === "analyst" ? " open" : ""
    }><summary>Parameters</summary>` +
      `<table><thead><tr><th>name</th><th>value</th></tr></thead><tbody>${
        params.map(([k, v]) =>
          `<tr><td><code>${escapeHtml(k)}</code></td><td>${
            v === "" ? `<span class="empty">(empty)</span>` : escapeHtml(paramValue(v))
          }</td></tr>`
        ).join("")
      }</tbody></table></details>`
    : "";
  const note = meta.status === "error"
    ? `<p class="status-note" role="status">This notebook stopped with an error: the results below are incomplete.</p>`
    : "";
  return `<header class="report-header"><p class="kicker">shoplab report</p><h1>${
    escapeHtml(meta.title)
  }</h1>${
    metaList([
      ["Date", escapeHtml(meta.date)],
      ["Data source", escapeHtml(meta.dataSource)],
      ["Notebook", `<code>${escapeHtml(meta.notebook)}</code>`],
      ["Git revision", `<code>${escapeHtml(meta.gitRevision)}</code>`],
      ["Status", statusBadge(meta.status)],
      ["Duration", escapeHtml(formatDuration(meta.durationSeconds))],
    ])
  }${table}${note}</header>`;
}

function toc(headings: readonly Heading[]): string {
  const items = headings.filter((h) => h.depth >= 2 && h.depth <= 3);
  if (items.length < 2) return "";
  const top = Math.min(...items.map((h) => h.depth));
  let html = "<ol>", nested = false, item = false;
  for (const h of items) {
    const link = `<a href="#${h.id}">${escapeHtml(h.text)}</a>`;
    if (h.depth > top) {
      if (!item) html += "<li>", item = true;
      if (!nested) html += "<ol>", nested = true;
      html += `<li>${link}</li>`;
    } else {
      if (nested) html += "</ol>", nested = false;
      if (item) html += "</li>";
      html += `<li>${link}`;
      item = true;
    }
  }
  html += (nested ? "</ol>" : "") + (item ? "</li>" : "") + "</ol>";
  return `<nav class="toc" aria-label="Contents"><h2>Contents</h2>${html}</nav>`;
}

const HIDE_CELL = ["remove-cell"];

/** A bare text/plain `execute_result` (a value echoed by the cell's last line). */
function isEcho(o: Output): boolean {
  return o.output_type === "execute_result" &&
    Object.keys(o.data ?? {}).every((k) => k === "text/plain");
}
const HIDE_INPUT = ["remove-input", "hide-input"];

/**
 * Renders an executed notebook to a self-contained HTML report: a header (title, date, data
 * source, parameters, git revision, status, duration), a table of contents from the markdown
 * headings, markdown with LaTeX math rendered by KaTeX at build time (fonts inlined), code
 * highlighted and folded (analyst) or left out (stakeholder), and every output drawn inline:
 * charts re-rendered from their Vega-Lite spec to SVG, images as data URIs, HTML and SVG
 * sanitised, text escaped, errors with ANSI codes stripped, the metrics record as a "key
 * numbers" card. Nothing on the page refers to a network resource.
 *
 * Stakeholders also do not see bare text values echoed by a cell's last line (`execute_result`
 * with only `text/plain`). Cell tags honoured: `parameters` (hidden for stakeholders), `remove-cell`, `remove-input`,
 * `hide-input`, `remove-output`.
 *
 * @param nb The executed notebook.
 * @param options See {@linkcode RenderOptions}.
 * @returns The HTML document.
 * @example
 * ```ts
 * import { renderNotebookHtml } from "@shoplab/lib/report/render/render_notebook_html.ts";
 * import assert from "node:assert/strict";
 * const html = await renderNotebookHtml({
 *   nbformat: 4, nbformat_minor: 5, metadata: {},
 *   cells: [{ cell_type: "markdown", metadata: {}, source: "# Demo\n\nArea $\\pi r^2$." }],
 * }, {
 *   audience: "stakeholder", interactive: false,
 *   meta: { title: "Demo", notebook: "demo.ipynb", date: "2025-01-01", dataSource: "synthetic",
 *     parameters: { SEED: 42 }, gitRevision: "abc123", status: "ok", durationSeconds: 1.5 },
 * });
 * assert.ok(html.includes('class="katex"'));
 * assert.ok(!/<link|src="http/.test(html));
 * ```
 */
export async function renderNotebookHtml(nb: Notebook, options: RenderOptions): Promise<string> {
  const { audience, meta } = options;
  const analyst = audience === "analyst";
  const md: MarkdownContext = { ids: new Set(["contents"]), headings: [], math: false };
  const ctx: OutputContext = {
    markdown: md,
    charts: [],
    streams: analyst,
    tracebacks: analyst,
    chartMs: 0,
  };
  const cells: string[] = [];
  let firstMarkdown = true;
  for (const cell of nb.cells) {
    const tags = cell.metadata?.tags ?? [];
    if (tags.some((t) => HIDE_CELL.includes(t))) continue;
    if (cell.cell_type === "markdown") {
      const html = renderMarkdown(joinSource(cell.source), md, {
        attachments: cell.attachments,
        collect: true,
        dropTitle: firstMarkdown ? meta.title : undefined,
      });
      firstMarkdown = false;
      if (html.trim()) cells.push(`<section class="cell markdown">${html}</section>`);
      continue;
    }
    if (cell.cell_type !== "code") continue;
    const isParams = tags.includes("parameters") || tags.includes("injected-parameters");
    if (isParams && !analyst) continue;
    const code = joinSource(cell.source);
    const input = analyst && code.trim() && !tags.some((t) => HIDE_INPUT.includes(t))
      ? `<details class="source"><summary>${isParams ? "Parameters cell" : "Code"}${
        cell.execution_count ? ` [${cell.execution_count}]` : ""
      }</summary><pre class="code"><code class="hljs language-typescript">${
        highlightCode(code)
      }</code></pre></details>`
      : "";
    const outputs = (cell.outputs ?? []).filter((o) => analyst || !isEcho(o));
    const out = tags.includes("remove-output") ? "" : await outputsHtml(outputs, ctx);
    if (input || out.trim()) {
      cells.push(
        `<section class="cell code">${input}${
          out ? `<div class="outputs">${out}</div>` : ""
        }</section>`,
      );
    }
  }
  const body = cells.join("\n");
  const css: string[] = [];
  if (analyst) css.push(await highlightCss());
  if (md.math) css.push(await katexCss(classNames(body)));
  const footer = `<footer>Generated by shoplab from <code>${escapeHtml(meta.notebook)}</code> at ${
    escapeHtml(meta.gitRevision)
  } · ${escapeHtml(meta.date)}</footer>`;
  return page({
    title: meta.title,
    css,
    bodyClass: `audience-${audience}`,
    body: `${header(meta, audience)}\n${toc(md.headings)}\n<main>\n${body}\n</main>\n${footer}`,
    scripts: options.interactive ? await interactiveScripts(ctx.charts) : "",
  });
}
