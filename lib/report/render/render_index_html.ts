/**
 * Renders the index page of a report run: one card per notebook.
 *
 * @module
 */
import { escapeHtml } from "../../notebook/escape_html.ts";
import { metricsCard } from "./_outputs.ts";
import { formatDuration, metaList, page, statusBadge } from "./_page.ts";
import type { IndexEntry, IndexOptions } from "./types.ts";

/** Key numbers shown per card at most. */
const MAX_METRICS = 6;

/**
 * Renders `index.html`: a header (date, data source, git revision, overall status) and a card
 * per notebook with its link, title, one-line summary, up to six key numbers (readable names
 * and values, see `metricLabel` and `formatMetric`; "+ N more" when there are more), status and
 * duration. Self-contained like the reports.
 *
 * @param entries One entry per rendered notebook, in display order.
 * @param options See {@linkcode IndexOptions}.
 * @returns The HTML document.
 * @example
 * ```ts
 * import { renderIndexHtml } from "@shoplab/lib/report/render/render_index_html.ts";
 * import assert from "node:assert/strict";
 * const html = await renderIndexHtml([{
 *   href: "00_quick_start.html", title: "Quick start", summary: "A first look.",
 *   metrics: { n_customers: 5000 }, status: "ok", durationSeconds: 3.2,
 * }], { date: "2025-01-01", dataSource: "synthetic", gitRevision: "abc123" });
 * assert.ok(html.includes('href="00_quick_start.html"'));
 * assert.ok(html.includes("5,000"));
 * ```
 */
export function renderIndexHtml(
  entries: readonly IndexEntry[],
  options: IndexOptions,
): Promise<string> {
  const failed = entries.filter((e) => e.status === "error").length;
  const total = entries.reduce((s, e) => s + (e.durationSeconds || 0), 0);
  const cards = entries.map((e) => {
    const all = Object.entries(e.metrics ?? {});
    const metrics = Object.fromEntries(all.slice(0, MAX_METRICS));
    const more = all.length - MAX_METRICS;
    const numbers = (all.length ? metricsCard(metrics) : "") +
      (more > 0
        ? `<p class="more">+ ${more} more key number${more === 1 ? "" : "s"} in the report</p>`
        : "");
    return `<li class="card"><h2><a href="${escapeHtml(safeHref(e.href))}">${
      escapeHtml(e.title)
    }</a></h2>${
      e.summary ? `<p>${escapeHtml(e.summary)}</p>` : ""
    }${numbers}<div class="card-foot">${statusBadge(e.status)}<span>${
      escapeHtml(formatDuration(e.durationSeconds))
    }</span></div></li>`;
  }).join("\n");
  const status = failed === 0
    ? statusBadge("ok")
    : `${statusBadge("error")} ${failed} of ${entries.length} notebooks failed`;
  const body =
    `<header class="report-header"><p class="kicker">shoplab</p><h1>Customer analytics reports</h1>${
      metaList([
        ["Date", escapeHtml(options.date)],
        ["Data source", escapeHtml(options.dataSource)],
        ["Git revision", `<code>${escapeHtml(options.gitRevision)}</code>`],
        ["Notebooks", String(entries.length)],
        ["Status", status],
        ["Total time", escapeHtml(formatDuration(total))],
      ])
    }</header>\n<main><ul class="cards">\n${cards}\n</ul></main>`;
  return Promise.resolve(page({ title: "shoplab reports", body, bodyClass: "index" }));
}

/** Links on the index are relative report files: anything with a scheme is neutralised. */
function safeHref(href: string): string {
  return /^[a-z][a-z0-9+.-]*:/i.test(href.trim()) ? "#" : href;
}
