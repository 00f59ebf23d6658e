/**
 * HTML escaping for text that comes from data.
 *
 * @module
 */

/**
 * Escapes text for HTML element content and quoted attribute values.
 *
 * @param s Any text.
 * @returns The text with `& < > " '` replaced by entities.
 * @example
 * ```ts
 * import { escapeHtml } from "@shoplab/lib/notebook/escape_html.ts";
 * import assert from "node:assert/strict";
 * assert.equal(escapeHtml(`<a href="x">'&'</a>`), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
 * ```
 */
export function escapeHtml(s: string): string {
  return s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;").replaceAll("'", "&#39;");
}
