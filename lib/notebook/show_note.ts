/**
 * Short info/warning notes (e.g. "this data has no events table, so this section is skipped").
 *
 * @module
 */
import type { MimeBundle } from "./mime_bundle.ts";
import { displayBundle } from "./display_bundle.ts";
import { escapeMarkdown } from "./show_markdown.ts";

/**
 * Builds a short note: bold label and the text (shown literally: markdown syntax in it is
 * escaped) as `text/markdown`, plus `text/plain`.
 *
 * @param kind `"info"` or `"warning"`.
 * @param text Plain text.
 * @returns The bundle.
 * @throws {TypeError} When `kind` is neither.
 * @example
 * ```ts
 * import { noteBundle } from "@shoplab/lib/notebook/show_note.ts";
 * import assert from "node:assert/strict";
 * assert.equal(noteBundle("warning", "no events")["text/markdown"], "**Warning:** no events");
 * assert.equal(noteBundle("info", "a_b")["text/plain"], "Note: a_b");
 * ```
 */
export function noteBundle(kind: "info" | "warning", text: string): MimeBundle {
  if (kind !== "info" && kind !== "warning") {
    throw new TypeError(`showNote: kind must be "info" or "warning", got ${String(kind)}`);
  }
  const label = kind === "warning" ? "Warning" : "Note";
  return {
    "text/markdown": `**${label}:** ${escapeMarkdown(text)}`,
    "text/plain": `${label}: ${text}`,
  };
}

/**
 * Displays a short note (see {@linkcode noteBundle}); a no-op outside the kernel. Await it.
 *
 * @param kind `"info"` or `"warning"`.
 * @param text Plain text.
 * @returns Resolves to `undefined` once displayed.
 * @throws {TypeError} When `kind` is neither.
 * @example
 * ```ts
 * import { showNote } from "@shoplab/lib/notebook/show_note.ts";
 * import assert from "node:assert/strict";
 * assert.equal(await showNote("info", "x"), undefined);
 * ```
 */
export async function showNote(kind: "info" | "warning", text: string): Promise<void> {
  await displayBundle(noteBundle(kind, text));
}
