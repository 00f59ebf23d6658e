/**
 * A notebook's title and one-line summary, for the index page.
 *
 * @module
 */
import { joinSource, type Notebook } from "../nbformat.ts";
import { markdownParser, plainText } from "./_markdown.ts";

/**
 * Reads a notebook's title (the first `# ` heading of the first markdown cell) and summary (the
 * first paragraph after that heading, as plain text on one line).
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
  const summary = para?.type === "paragraph" ? oneLine(plainText(para.tokens)) : "";
  return { title, summary };
}
