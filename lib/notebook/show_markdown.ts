/**
 * Markdown and short notes in notebooks (rendered by the front end, and by the report with math).
 *
 * @module
 */
import type { MimeBundle } from "./mime_bundle.ts";
import { displayBundle } from "./display_bundle.ts";

/**
 * Builds a `text/markdown` bundle (LaTeX math `$...$` is drawn by the front end or the report).
 *
 * @param text Markdown.
 * @returns The bundle, with the markdown as `text/plain` too.
 * @example
 * ```ts
 * import { markdownBundle } from "@shoplab/lib/notebook/show_markdown.ts";
 * import assert from "node:assert/strict";
 * assert.equal(markdownBundle("**hi**")["text/markdown"], "**hi**");
 * ```
 */
export function markdownBundle(text: string): MimeBundle {
  return { "text/markdown": text, "text/plain": text };
}

/**
 * Displays markdown (see {@linkcode markdownBundle}); a no-op outside the kernel. Await it.
 *
 * @param text Markdown.
 * @returns Resolves to `undefined` once displayed.
 * @example
 * ```ts
 * import { showMarkdown } from "@shoplab/lib/notebook/show_markdown.ts";
 * import assert from "node:assert/strict";
 * assert.equal(await showMarkdown("# Title"), undefined);
 * ```
 */
export async function showMarkdown(text: string): Promise<void> {
  await displayBundle(markdownBundle(text));
}

/**
 * Escapes markdown syntax so that text from data shows literally.
 *
 * @param text Plain text.
 * @returns Markdown that renders as `text`.
 * @example
 * ```ts
 * import { escapeMarkdown } from "@shoplab/lib/notebook/show_markdown.ts";
 * import assert from "node:assert/strict";
 * assert.equal(escapeMarkdown("*a* <b>"), "\\*a\\* &lt;b&gt;");
 * ```
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}\[\]()#+\-!|~$]/g, "\\$&").replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}
