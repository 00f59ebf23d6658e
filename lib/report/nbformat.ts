/**
 * Types for Jupyter notebooks (nbformat 4), as read from and written to `.ipynb` files.
 * Shared by the kernel runner (which fills in outputs) and the HTML renderer (which draws them).
 *
 * @module
 */

import type { MimeBundle } from "../notebook/mime_bundle.ts";

export { METRICS_MIME, type MimeBundle, VEGALITE_MIME } from "../notebook/mime_bundle.ts";

/** A multiline string as stored in `.ipynb`: one string or a list of lines. */
export type MultilineString = string | string[];

/** A `stream` output (stdout/stderr). */
export interface StreamOutput {
  /** Discriminator: `"stream"`. */
  output_type: "stream";
  /** Which stream the text was written to. */
  name: "stdout" | "stderr";
  /** The text written (consecutive writes may be merged). */
  text: MultilineString;
}

/** A `display_data` output. */
export interface DisplayDataOutput {
  /** Discriminator: `"display_data"`. */
  output_type: "display_data";
  /** The displayed value in one or more representations, by mimetype. */
  data: MimeBundle;
  /** Per-mimetype display metadata (e.g. image size); often `{}`. */
  metadata: Record<string, unknown>;
  /** Present when the output was created with a display id (updatable in place). */
  transient?: { display_id?: string };
}

/** An `execute_result` output (the cell's last expression). */
export interface ExecuteResultOutput {
  /** Discriminator: `"execute_result"`. */
  output_type: "execute_result";
  /** The kernel's execution counter for the cell; `null` when unknown. */
  execution_count: number | null;
  /** The value in one or more representations, by mimetype. */
  data: MimeBundle;
  /** Per-mimetype metadata; often `{}`. */
  metadata: Record<string, unknown>;
}

/** An `error` output. */
export interface ErrorOutput {
  /** Discriminator: `"error"`. */
  output_type: "error";
  /** Error class name, e.g. `"TypeError"`. */
  ename: string;
  /** Error message. */
  evalue: string;
  /** Traceback lines as the kernel sent them (may hold ANSI colour codes). */
  traceback: string[];
}

/** Any output of a code cell. */
export type Output = StreamOutput | DisplayDataOutput | ExecuteResultOutput | ErrorOutput;

/** Cell metadata; `tags` holds e.g. `"parameters"`. */
export interface CellMetadata {
  /** Cell tags, e.g. `["parameters"]`. */
  tags?: string[];
  /** Any other metadata, kept as found. */
  [key: string]: unknown;
}

/** A code cell. */
export interface CodeCell {
  /** Discriminator: `"code"`. */
  cell_type: "code";
  /** Cell id (nbformat ≥ 4.5). */
  id?: string;
  /** The code. */
  source: MultilineString;
  /** Cell metadata (tags etc.). */
  metadata: CellMetadata;
  /** The kernel's execution counter; `null` when not executed. */
  execution_count: number | null;
  /** Outputs, in the order the kernel produced them; `[]` when not executed. */
  outputs: Output[];
}

/** A markdown cell. */
export interface MarkdownCell {
  /** Discriminator: `"markdown"`. */
  cell_type: "markdown";
  /** Cell id (nbformat ≥ 4.5). */
  id?: string;
  /** The markdown text. */
  source: MultilineString;
  /** Cell metadata (tags etc.). */
  metadata: CellMetadata;
  /** Files referenced as `attachment:<name>` in the markdown, by name. */
  attachments?: Record<string, MimeBundle>;
}

/** A raw cell. */
export interface RawCell {
  /** Discriminator: `"raw"`. */
  cell_type: "raw";
  /** Cell id (nbformat ≥ 4.5). */
  id?: string;
  /** The raw text, passed through unrendered. */
  source: MultilineString;
  /** Cell metadata (tags etc.). */
  metadata: CellMetadata;
}

/** Any notebook cell. */
export type Cell = CodeCell | MarkdownCell | RawCell;

/** A whole notebook (nbformat 4). */
export interface Notebook {
  /** Major format version: always `4`. */
  nbformat: 4;
  /** Minor format version (`5` for the notebooks in this repository). */
  nbformat_minor: number;
  /** Notebook metadata (`kernelspec`, `language_info`, …), kept as found. */
  metadata: Record<string, unknown>;
  /** The cells, in order. */
  cells: Cell[];
}

/**
 * Joins a multiline string into one string.
 *
 * @param s A string or list of lines as stored in `.ipynb`.
 * @returns The joined text.
 * @example
 * ```ts
 * import { joinSource } from "@shoplab/lib/report/nbformat.ts";
 * import assert from "node:assert/strict";
 * assert.equal(joinSource(["a\n", "b"]), "a\nb");
 * assert.equal(joinSource("x"), "x");
 * ```
 */
export function joinSource(s: MultilineString): string {
  return Array.isArray(s) ? s.join("") : s;
}
