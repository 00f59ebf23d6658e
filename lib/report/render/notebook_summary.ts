/**
 * A notebook's title and one-line summary, for the index page.
 *
 * @module
 */
import { joinSource, type Notebook } from "../nbformat.ts";
import { markdownParser, plainText } from "./_markdown.ts";

/**
 * Reads a notebook's title (the first `# ` heading of the first markdown cell) and summary (the
 * first paragraph after that heading, as plain text on one line; a paragraph that leads into a
 * list with ":" ends with "." instead, and one longer than 220 characters is cut after its last
 * whole sentence that fits, or at a word with "…").
 *
 * @param nb A notebook.
 * @returns `{ title, summary }`; the title falls back to `metadata.title`, then
 *   `"Untitled notebook"`; the summary to `""`.
 * @example
 * ```ts
 * import { notebookSummary } from "@shoplab/lib/report/render/notebook_summary.ts";
 * import assert from "node:assert/strict";
 * const nb = {
 *   nbformat: 4 as const,
 *   nbformat_minor: 5,
 *   metadata: {},
 *   cells: [{
 *     cell_type: "markdown" as const,
 *     metadata: {},
 *     source: ["# Churn *prediction*\n", "\n", "Who will stop buying,\n", "and **why**.\n", "\n", "More."],
 *   }],
 * };
 * assert.deepEqual(notebookSummary(nb), {
 *   title: "Churn prediction",
 *   summary: "Who will stop buying, and why.",
 * });
 * ```
 */
export function notebookSummary(nb: Notebook): { title: string; summary: string } {
  const fallback = typeof nb.metadata?.title === "string" && nb.metadata.title.trim()
    ? nb.metadata.title.trim()
    : "Untitled notebook";
  const cell = nb.cells.find((c) => c.cell_type === "markdown");
  if (!cell) return { title: fallback, summary: "" };
  const md = markdownParser({ ids: new Set(), headings: [], math: false });
  const tokens = md.lexer(joinSource(cell.source));
  const h = tokens.findIndex((t) => t.type === "heading" && t.depth === 1);
  if (h === -1) return { title: fallback, summary: "" };
  const oneLine = (s: string) => s.replace(/\s+/g, " ").trim();
  const title = oneLine(plainText((tokens[h] as { tokens?: never[] }).tokens)) || fallback;
  const para = tokens.slice(h + 1).find((t) => t.type !== "space");
  const summary = para?.type === "paragraph" ? shorten(oneLine(plainText(para.tokens))) : "";
  return { title, summary };
}

/** Most characters of a summary on the index. */
const MAX_SUMMARY = 220;

/**
 * One line for a card: a paragraph that leads into a list ("…side by side:") ends with a full
 * stop; a long one is cut after its last whole sentence that fits, else at a word with "…".
 */
function shorten(text: string): string {
  const s = text.replace(/\s*:$/, ".");
  if (s.length <= MAX_SUMMARY) return s;
  const head = s.slice(0, MAX_SUMMARY);
  const end = Math.max(...[". ", "? ", "! "].map((p) => head.lastIndexOf(p)));
  if (end >= 60) return head.slice(0, end + 1);
  return head.replace(/\s+\S*$/, "").replace(/[,;:]$/, "") + "…";
}
