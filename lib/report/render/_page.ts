// Private: the HTML document shell and small header helpers shared by reports and the index.
import { escapeHtml } from "../../notebook/escape_html.ts";
import { PAGE_CSS, PRINT_DETAILS_CSS, PRINT_SCRIPT } from "./_styles.ts";

/**
 * A whole HTML document: the page CSS plus `css`, `body` in a `.page` div, then `scripts`.
 *
 * @example
 * ```ts
 * import { page } from "@shoplab/lib/report/render/_page.ts";
 * import assert from "node:assert/strict";
 * const html = page({ title: "A & B", body: "<p>hi</p>", bodyClass: "index" });
 * assert.ok(html.startsWith("<!DOCTYPE html>"));
 * assert.match(html, /<title>A &amp; B<\/title>/);
 * assert.match(html, /<body class="index">\n<div class="page">\n<p>hi<\/p>/);
 * ```
 */
export function page(parts: {
  title: string;
  css?: readonly string[];
  body: string;
  scripts?: string;
  bodyClass?: string;
}): string {
  const css = [PAGE_CSS, ...(parts.css ?? [])].join("\n");
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="shoplab">
<title>${escapeHtml(parts.title)}</title>
<style>${css.replace(/<\/style/gi, "<\\/style")}</style>
<style>${PRINT_DETAILS_CSS}</style>
</head>
<body${parts.bodyClass ? ` class="${escapeHtml(parts.bodyClass)}"` : ""}>
<div class="page">
${parts.body}
</div>
${parts.scripts ?? ""}
<script>${PRINT_SCRIPT}</script>
</body>
</html>
`;
}

/**
 * A duration for people: `"4.2 s"` under 10 s, `"12 s"` under a minute, `"4 min 05 s"`,
 * `"1 h 02 min"`; `"–"` for a negative or non-finite value.
 *
 * @param seconds Duration in seconds.
 * @example
 * ```ts
 * import { formatDuration } from "@shoplab/lib/report/render/_page.ts";
 * import assert from "node:assert/strict";
 * assert.deepEqual(
 *   [4.2, 12.3, 245, 3720, -1].map(formatDuration),
 *   ["4.2 s", "12 s", "4 min 05 s", "1 h 02 min", "–"],
 * );
 * ```
 */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return "–";
  if (seconds < 60) return `${seconds < 10 ? seconds.toFixed(1) : Math.round(seconds)} s`;
  const s = Math.round(seconds);
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, "0")} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, "0")} min`;
}

/**
 * The status badge: "completed" for `"ok"`, "failed" for `"error"`.
 *
 * @example
 * ```ts
 * import { statusBadge } from "@shoplab/lib/report/render/_page.ts";
 * import assert from "node:assert/strict";
 * assert.equal(statusBadge("error"), '<span class="badge error">failed</span>');
 * ```
 */
export function statusBadge(status: "ok" | "error"): string {
  return status === "ok"
    ? `<span class="badge ok">completed</span>`
    : `<span class="badge error">failed</span>`;
}

/**
 * A definition list of label → already-escaped HTML.
 *
 * @example
 * ```ts
 * import { metaList } from "@shoplab/lib/report/render/_page.ts";
 * import assert from "node:assert/strict";
 * assert.equal(
 *   metaList([["Data <path>", "<code>x</code>"]]),
 *   '<dl class="meta"><dt>Data &lt;path&gt;</dt><dd><code>x</code></dd></dl>',
 * );
 * ```
 */
export function metaList(rows: readonly [string, string][]): string {
  return `<dl class="meta">${
    rows.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${v}</dd>`).join("")
  }</dl>`;
}
