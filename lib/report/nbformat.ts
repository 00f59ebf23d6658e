/**
 * Types for Jupyter notebooks (nbformat 4), as read from and written to `.ipynb` files.
 * Shared by the kernel runner (which fills in outputs) and the HTML renderer (which draws them).
 *
 * @module
 */

/** A multiline string as stored in `.ipynb`: one string or a list of lines. */
export type MultilineString = string | string[];

/** A MIME bundle: mimetype → data (strings, or JSON for `+json` types). */
export type MimeBundle = Record<string, unknown>;

/** A `stream` output (stdout/stderr). */
export interface StreamOutput {
  output_type: "stream";
  name: "stdout" | "stderr";
  text: MultilineString;
}

/** A `display_data` output. */
export interface DisplayDataOutput {
  output_type: "display_data";
  data: MimeBundle;
  metadata: Record<string, unknown>;
  /** Present when the output was created with a display id (updatable in place). */
  transient?: { display_id?: string };
}

/** An `execute_result` output (the cell's last expression). */
export interface ExecuteResultOutput {
  output_type: "execute_result";
  execution_count: number | null;
  data: MimeBundle;
  metadata: Record<string, unknown>;
}

/** An `error` output. */
export interface ErrorOutput {
  output_type: "error";
  ename: string;
  evalue: string;
  traceback: string[];
}

/** Any output of a code cell. */
export type Output = StreamOutput | DisplayDataOutput | ExecuteResultOutput | ErrorOutput;

/** Cell metadata; `tags` holds e.g. `"parameters"`. */
export interface CellMetadata {
  tags?: string[];
  [key: string]: unknown;
}

/** A code cell. */
export interface CodeCell {
  cell_type: "code";
  id?: string;
  source: MultilineString;
  metadata: CellMetadata;
  execution_count: number | null;
  outputs: Output[];
}

/** A markdown cell. */
export interface MarkdownCell {
  cell_type: "markdown";
  id?: string;
  source: MultilineString;
  metadata: CellMetadata;
  attachments?: Record<string, MimeBundle>;
}

/** A raw cell. */
export interface RawCell {
  cell_type: "raw";
  id?: string;
  source: MultilineString;
  metadata: CellMetadata;
}

/** Any notebook cell. */
export type Cell = CodeCell | MarkdownCell | RawCell;

/** A whole notebook (nbformat 4). */
export interface Notebook {
  nbformat: 4;
  nbformat_minor: number;
  metadata: Record<string, unknown>;
  cells: Cell[];
}

/** Mimetype of the metrics record each notebook's last cell displays. */
export const METRICS_MIME = "application/vnd.shoplab.metrics+json";

/** Mimetype of Vega-Lite charts (the version Jupyter front ends render). */
export const VEGALITE_MIME = "application/vnd.vegalite.v5+json";

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
