/**
 * Display helpers for notebooks: charts, tables, notes and the metrics record. The one module in
 * `lib/` that talks to Jupyter; outside the Deno kernel every helper is a harmless no-op that
 * returns the MIME bundle it would have shown.
 *
 * @module
 */
import type pl from "nodejs-polars";
import type { TopLevelSpec } from "vega-lite";
import { vegaLiteToSvg } from "../charts/render_svg.ts";
import { METRICS_MIME, type MimeBundle, VEGALITE_MIME } from "../report/nbformat.ts";

type JupyterApi = { display(bundle: MimeBundle, options: { raw: boolean }): Promise<void> };

function jupyter(): JupyterApi | undefined {
  try {
    // `Deno.jupyter` exists only inside the kernel; outside it the getter throws.
    return (Deno as unknown as { jupyter?: JupyterApi }).jupyter;
  } catch {
    return undefined;
  }
}

/** Shows a MIME bundle in the kernel (awaited), or does nothing outside it. */
export async function displayBundle(bundle: MimeBundle): Promise<MimeBundle> {
  const j = jupyter();
  if (j) await j.display(bundle, { raw: true });
  return bundle;
}

/** Escapes text for HTML. */
export function escapeHtml(s: string): string {
  return s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll(
    '"',
    "&quot;",
  )
    .replaceAll("'", "&#39;");
}

/**
 * Displays a chart: the Vega-Lite spec (for front ends that draw it) plus the same chart
 * pre-rendered to SVG as `text/html` (shown everywhere, also by nbconvert) and a text fallback.
 *
 * @param spec Vega-Lite spec (from `lib/charts`).
 * @returns The bundle shown.
 * @example
 * ```ts
 * import { showChart } from "@shoplab/lib/notebook/display.ts";
 * import { barChart } from "@shoplab/lib/charts/basic.ts";
 * import assert from "node:assert/strict";
 * const b = await showChart(barChart([{ c: "a", n: 1 }], "c", "n"));
 * assert.ok(String(b["text/html"]).includes("<svg"));
 * ```
 */
export async function showChart(spec: TopLevelSpec): Promise<MimeBundle> {
  const svg = await vegaLiteToSvg(spec);
  const title = typeof (spec as { title?: unknown }).title === "string"
    ? (spec as { title: string }).title
    : "chart";
  return displayBundle({
    [VEGALITE_MIME]: spec,
    "text/html": `<div class="shoplab-chart">${svg}</div>`,
    "text/plain": `[chart: ${title}]`,
  });
}

/** Options of {@linkcode showTable}. */
export interface ShowTableOptions {
  /** Caption above the table. */
  readonly caption?: string;
  /** Rows shown at most. Default `20`. */
  readonly maxRows?: number;
  /** Decimals for non-integer numbers. Default `3`. */
  readonly digits?: number;
}

function fmt(v: unknown, digits: number): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return v.toISOString().replace("T", " ").replace(/(\.000)?Z$/, "");
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return String(v);
    return Number.isInteger(v) ? v.toLocaleString("en") : v.toLocaleString("en", {
      maximumFractionDigits: digits,
      minimumFractionDigits: Math.min(digits, 1),
    });
  }
  return String(v);
}

/**
 * Displays rows (or a polars DataFrame) as an HTML table, every cell escaped, plus plain text.
 *
 * @param data Records or a DataFrame.
 * @param options See {@linkcode ShowTableOptions}.
 * @returns The bundle shown.
 * @example
 * ```ts
 * import { showTable } from "@shoplab/lib/notebook/display.ts";
 * import assert from "node:assert/strict";
 * const b = await showTable([{ title: "<b>x</b>", n: 1.23456 }]);
 * assert.ok(String(b["text/html"]).includes("&lt;b&gt;x&lt;/b&gt;"));
 * assert.ok(String(b["text/html"]).includes("1.235"));
 * ```
 */
export async function showTable(
  data: readonly Record<string, unknown>[] | pl.DataFrame,
  options: ShowTableOptions = {},
): Promise<MimeBundle> {
  const max = options.maxRows ?? 20, digits = options.digits ?? 3;
  const all = Array.isArray(data)
    ? data as Record<string, unknown>[]
    : (data as pl.DataFrame).head(max).toRecords() as Record<string, unknown>[];
  const total = Array.isArray(data) ? data.length : (data as pl.DataFrame).height;
  const rows = all.slice(0, max);
  const cols = rows.length > 0
    ? Object.keys(rows[0])
    : Array.isArray(data)
    ? []
    : (data as pl.DataFrame).columns;
  const head = cols.map((c) => `<th>${escapeHtml(c)}</th>`).join("");
  const body = rows.map((r) =>
    "<tr>" + cols.map((c) =>
      `<td${typeof r[c] === "number" ? ' class="num"' : ""}>${escapeHtml(fmt(r[c], digits))}</td>`
    ).join("") + "</tr>"
  ).join("\n");
  const more = total > rows.length
    ? `<p class="more">${rows.length} of ${total.toLocaleString("en")} rows shown</p>`
    : "";
  const caption = options.caption ? `<caption>${escapeHtml(options.caption)}</caption>` : "";
  const text = [cols.join("\t"), ...rows.map((r) => cols.map((c) => fmt(r[c], digits)).join("\t"))]
    .join("\n");
  return displayBundle({
    "text/html":
      `<table class="shoplab-table">${caption}<thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>${more}`,
    "text/plain": (options.caption ? options.caption + "\n" : "") + text,
  });
}

/**
 * Displays a short note (e.g. "this data has no events table, so this section is skipped").
 *
 * @param kind `"info"` or `"warning"`.
 * @param text Markdown-free plain text.
 * @returns The bundle shown.
 * @example
 * ```ts
 * import { showNote } from "@shoplab/lib/notebook/display.ts";
 * import assert from "node:assert/strict";
 * const b = await showNote("warning", "no events");
 * assert.equal(b["text/markdown"], "**Warning:** no events");
 * ```
 */
export function showNote(kind: "info" | "warning", text: string): Promise<MimeBundle> {
  const label = kind === "warning" ? "Warning" : "Note";
  return displayBundle({
    "text/markdown": `**${label}:** ${text}`,
    "text/plain": `${label}: ${text}`,
  });
}

/**
 * Records the notebook's key numbers: a flat object of named numbers or strings, shown with the
 * `application/vnd.shoplab.metrics+json` mimetype that `deno task report` collects into
 * `metrics.json`, plus a small table for readers.
 *
 * @param metrics Flat record of finite numbers and strings.
 * @returns The bundle shown.
 * @throws {TypeError} When a value is not a finite number or a string.
 * @example
 * ```ts
 * import { recordMetrics } from "@shoplab/lib/notebook/display.ts";
 * import assert from "node:assert/strict";
 * const b = await recordMetrics({ n_customers: 10, best: "als" });
 * assert.deepEqual(b["application/vnd.shoplab.metrics+json"], { n_customers: 10, best: "als" });
 * await assert.rejects(() => recordMetrics({ x: NaN }), TypeError);
 * ```
 */
export function recordMetrics(
  metrics: Readonly<Record<string, number | string>>,
): Promise<MimeBundle> {
  for (const [k, v] of Object.entries(metrics)) {
    if (!(typeof v === "string" || (typeof v === "number" && Number.isFinite(v)))) {
      return Promise.reject(
        new TypeError(
          `recordMetrics: "${k}" must be a finite number or a string, got ${String(v)}`,
        ),
      );
    }
  }
  const rows = Object.entries(metrics).map(([k, v]) =>
    `<tr><th>${escapeHtml(k)}</th><td>${escapeHtml(fmt(v, 4))}</td></tr>`
  ).join("");
  return displayBundle({
    [METRICS_MIME]: { ...metrics },
    "text/html": `<table class="shoplab-metrics">${rows}</table>`,
    "text/plain": Object.entries(metrics).map(([k, v]) => `${k}: ${v}`).join("\n"),
  });
}
