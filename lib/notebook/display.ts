/**
 * Display helpers for notebooks: charts, tables, notes and the metrics record. The one module in
 * `lib/` that talks to Jupyter. Each `xBundle` function builds a MIME bundle (pure, testable);
 * each `showX` displays it in the Deno kernel and is a no-op outside it. `showX` resolves to
 * `undefined`, so `await showX(...)` as a cell's last line adds no extra output.
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

/**
 * Shows a MIME bundle in the kernel, or does nothing outside it.
 *
 * @param bundle Mimetype → data.
 * @example
 * ```ts
 * import { displayBundle } from "@shoplab/lib/notebook/display.ts";
 * import assert from "node:assert/strict";
 * assert.equal(await displayBundle({ "text/plain": "hi" }), undefined);
 * ```
 */
export async function displayBundle(bundle: MimeBundle): Promise<void> {
  const j = jupyter();
  if (j) await j.display(bundle, { raw: true });
}

/**
 * Escapes text for HTML.
 *
 * @param s Any text.
 * @returns Text safe to put in HTML element content or attribute values.
 * @example
 * ```ts
 * import { escapeHtml } from "@shoplab/lib/notebook/display.ts";
 * import assert from "node:assert/strict";
 * assert.equal(escapeHtml("<script>"), "&lt;script&gt;");
 * ```
 */
export function escapeHtml(s: string): string {
  return s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;").replaceAll("'", "&#39;");
}

/**
 * Builds a chart's bundle: the Vega-Lite spec (for front ends that draw it), the same chart
 * pre-rendered to SVG as `text/html` (shown everywhere, also by nbconvert) and a text fallback.
 *
 * @param spec Vega-Lite spec (from `lib/charts`).
 * @returns The bundle.
 * @example
 * ```ts
 * import { chartBundle } from "@shoplab/lib/notebook/display.ts";
 * import { barChart } from "@shoplab/lib/charts/basic.ts";
 * import assert from "node:assert/strict";
 * const b = await chartBundle(barChart([{ c: "a", n: 1 }], "c", "n"));
 * assert.ok(String(b["text/html"]).includes("<svg"));
 * ```
 */
export async function chartBundle(spec: TopLevelSpec): Promise<MimeBundle> {
  const svg = await vegaLiteToSvg(spec);
  const t = (spec as { title?: unknown }).title;
  return {
    [VEGALITE_MIME]: spec,
    "text/html": `<div class="shoplab-chart">${svg}</div>`,
    "text/plain": `[chart: ${typeof t === "string" ? t : "chart"}]`,
  };
}

/**
 * Displays a chart (see {@linkcode chartBundle}).
 *
 * @param spec Vega-Lite spec.
 * @example
 * ```ts
 * import { showChart } from "@shoplab/lib/notebook/display.ts";
 * import { barChart } from "@shoplab/lib/charts/basic.ts";
 * import assert from "node:assert/strict";
 * assert.equal(await showChart(barChart([{ c: "a", n: 1 }], "c", "n")), undefined);
 * ```
 */
export async function showChart(spec: TopLevelSpec): Promise<void> {
  await displayBundle(await chartBundle(spec));
}

/** Options of {@linkcode tableBundle}. */
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
 * Builds an HTML table of rows (or a polars DataFrame), every cell escaped, plus plain text.
 *
 * @param data Records or a DataFrame.
 * @param options See {@linkcode ShowTableOptions}.
 * @returns The bundle.
 * @example
 * ```ts
 * import { tableBundle } from "@shoplab/lib/notebook/display.ts";
 * import assert from "node:assert/strict";
 * const b = tableBundle([{ title: "<b>x</b>", n: 1.23456 }]);
 * assert.ok(String(b["text/html"]).includes("&lt;b&gt;x&lt;/b&gt;"));
 * assert.ok(String(b["text/html"]).includes("1.235"));
 * ```
 */
export function tableBundle(
  data: readonly Record<string, unknown>[] | pl.DataFrame,
  options: ShowTableOptions = {},
): MimeBundle {
  const max = options.maxRows ?? 20, digits = options.digits ?? 3;
  const isArray = Array.isArray(data);
  const df = data as pl.DataFrame;
  const rows = isArray
    ? (data as Record<string, unknown>[]).slice(0, max)
    : df.head(max).toRecords() as Record<string, unknown>[];
  const total = isArray ? (data as unknown[]).length : df.height;
  const cols = rows.length > 0 ? Object.keys(rows[0]) : isArray ? [] : df.columns;
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
  return {
    "text/html":
      `<table class="shoplab-table">${caption}<thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>${more}`,
    "text/plain": (options.caption ? options.caption + "\n" : "") + text,
  };
}

/**
 * Displays rows or a DataFrame as a table (see {@linkcode tableBundle}).
 *
 * @param data Records or a DataFrame.
 * @param options See {@linkcode ShowTableOptions}.
 * @example
 * ```ts
 * import { showTable } from "@shoplab/lib/notebook/display.ts";
 * import assert from "node:assert/strict";
 * assert.equal(await showTable([{ a: 1 }]), undefined);
 * ```
 */
export async function showTable(
  data: readonly Record<string, unknown>[] | pl.DataFrame,
  options: ShowTableOptions = {},
): Promise<void> {
  await displayBundle(tableBundle(data, options));
}

/**
 * Builds a short note (e.g. "this data has no events table, so this section is skipped").
 *
 * @param kind `"info"` or `"warning"`.
 * @param text Plain text.
 * @returns The bundle.
 * @example
 * ```ts
 * import { noteBundle } from "@shoplab/lib/notebook/display.ts";
 * import assert from "node:assert/strict";
 * assert.equal(noteBundle("warning", "no events")["text/markdown"], "**Warning:** no events");
 * ```
 */
export function noteBundle(kind: "info" | "warning", text: string): MimeBundle {
  const label = kind === "warning" ? "Warning" : "Note";
  return { "text/markdown": `**${label}:** ${text}`, "text/plain": `${label}: ${text}` };
}

/**
 * Displays a short note (see {@linkcode noteBundle}).
 *
 * @param kind `"info"` or `"warning"`.
 * @param text Plain text.
 * @example
 * ```ts
 * import { showNote } from "@shoplab/lib/notebook/display.ts";
 * import assert from "node:assert/strict";
 * assert.equal(await showNote("info", "x"), undefined);
 * ```
 */
export async function showNote(kind: "info" | "warning", text: string): Promise<void> {
  await displayBundle(noteBundle(kind, text));
}

/**
 * Builds the metrics record: a flat object of named numbers or strings with the
 * `application/vnd.shoplab.metrics+json` mimetype that `deno task report` collects into
 * `metrics.json`, plus a small table for readers.
 *
 * @param metrics Flat record of finite numbers and strings.
 * @returns The bundle.
 * @throws {TypeError} When a value is not a finite number or a string.
 * @example
 * ```ts
 * import { metricsBundle } from "@shoplab/lib/notebook/display.ts";
 * import assert from "node:assert/strict";
 * const b = metricsBundle({ n_customers: 10, best: "als" });
 * assert.deepEqual(b["application/vnd.shoplab.metrics+json"], { n_customers: 10, best: "als" });
 * assert.throws(() => metricsBundle({ x: NaN }), TypeError);
 * ```
 */
export function metricsBundle(metrics: Readonly<Record<string, number | string>>): MimeBundle {
  for (const [k, v] of Object.entries(metrics)) {
    if (!(typeof v === "string" || (typeof v === "number" && Number.isFinite(v)))) {
      throw new TypeError(
        `recordMetrics: "${k}" must be a finite number or a string, got ${String(v)}`,
      );
    }
  }
  const rows = Object.entries(metrics)
    .map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${escapeHtml(fmt(v, 4))}</td></tr>`).join(
      "",
    );
  return {
    [METRICS_MIME]: { ...metrics },
    "text/html": `<table class="shoplab-metrics">${rows}</table>`,
    "text/plain": Object.entries(metrics).map(([k, v]) => `${k}: ${v}`).join("\n"),
  };
}

/**
 * Records the notebook's key numbers (see {@linkcode metricsBundle}). Call it in the last cell.
 *
 * @param metrics Flat record of finite numbers and strings.
 * @throws {TypeError} When a value is not a finite number or a string.
 * @example
 * ```ts
 * import { recordMetrics } from "@shoplab/lib/notebook/display.ts";
 * import assert from "node:assert/strict";
 * assert.equal(await recordMetrics({ n: 1 }), undefined);
 * await assert.rejects(() => recordMetrics({ x: NaN }), TypeError);
 * ```
 */
export async function recordMetrics(
  metrics: Readonly<Record<string, number | string>>,
): Promise<void> {
  await displayBundle(metricsBundle(metrics));
}
