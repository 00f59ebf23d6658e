// Private: turns IOPub messages into nbformat outputs (streams merged, display updates applied).
import type { JupyterMessage } from "./_wire.ts";
import type { MimeBundle, Output } from "../nbformat.ts";

/** Where each display id was shown, across the whole notebook. */
export type DisplayIndex = Map<string, { outputs: Output[]; index: number }[]>;

/** Outputs of one cell while it runs. */
export interface CellCollector {
  /** The cell's outputs so far (appended to in place). */
  readonly outputs: Output[];
  /** `clear_output(wait=True)` pending: clear before the next output arrives. */
  clearPending: boolean;
}

function bundle(v: unknown): MimeBundle {
  return v && typeof v === "object" ? { ...(v as MimeBundle) } : {};
}

function meta(v: unknown): Record<string, unknown> {
  return v && typeof v === "object" ? { ...(v as Record<string, unknown>) } : {};
}

function displayId(content: Record<string, unknown>): string | undefined {
  const t = content.transient as { display_id?: unknown } | undefined;
  return typeof t?.display_id === "string" ? t.display_id : undefined;
}

function clear(c: CellCollector, displays: DisplayIndex): void {
  c.outputs.length = 0;
  c.clearPending = false;
  for (const [id, list] of displays) {
    const kept = list.filter((at) => at.outputs !== c.outputs);
    if (kept.length) displays.set(id, kept);
    else displays.delete(id);
  }
}

function add(c: CellCollector, o: Output, displays: DisplayIndex, id?: string): void {
  if (c.clearPending) clear(c, displays);
  if (o.output_type === "stream") {
    const prev = c.outputs[c.outputs.length - 1];
    if (prev?.output_type === "stream" && prev.name === o.name) {
      prev.text = String(prev.text) + String(o.text);
      return;
    }
  }
  c.outputs.push(o);
  if (id !== undefined) {
    const list = displays.get(id) ?? [];
    list.push({ outputs: c.outputs, index: c.outputs.length - 1 });
    displays.set(id, list);
  }
}

/**
 * Applies one IOPub message to the running cell: appends an output (consecutive writes to one
 * stream merged), updates earlier displays with the same display id anywhere in the notebook
 * (`update_display_data`), or clears the cell (`clear_output`, deferred when `wait`). Mutates
 * `c` and `displays`, which the runner owns.
 *
 * @returns `true` when it was an output message (else it is left to the caller).
 * @example
 * ```ts
 * import { collect, type DisplayIndex } from "@shoplab/lib/report/kernel/_collect.ts";
 * import type { JupyterMessage } from "@shoplab/lib/report/kernel/_wire.ts";
 * import assert from "node:assert/strict";
 * const msg = (msg_type: string, content: Record<string, unknown>): JupyterMessage => ({
 *   header: { msg_id: "", session: "", username: "", date: "", msg_type, version: "5.3" },
 *   parent_header: {},
 *   metadata: {},
 *   content,
 * });
 * const cell = { outputs: [], clearPending: false }, displays: DisplayIndex = new Map();
 * collect(cell, msg("stream", { name: "stdout", text: "a" }), displays);
 * collect(cell, msg("stream", { name: "stdout", text: "b\n" }), displays);
 * const shown = { data: { "text/plain": "0%" }, transient: { display_id: "p" } };
 * collect(cell, msg("display_data", shown), displays);
 * const update = { data: { "text/plain": "100%" }, transient: { display_id: "p" } };
 * collect(cell, msg("update_display_data", update), displays);
 * assert.equal(collect(cell, msg("status", { execution_state: "idle" }), displays), false);
 * assert.deepEqual(cell.outputs, [
 *   { output_type: "stream", name: "stdout", text: "ab\n" },
 *   { output_type: "display_data", data: { "text/plain": "100%" }, metadata: {} },
 * ]);
 * ```
 */
export function collect(c: CellCollector, msg: JupyterMessage, displays: DisplayIndex): boolean {
  const content = msg.content;
  switch (msg.header.msg_type) {
    case "stream": {
      const name = content.name === "stderr" ? "stderr" : "stdout";
      add(c, { output_type: "stream", name, text: String(content.text ?? "") }, displays);
      return true;
    }
    case "display_data":
      add(
        c,
        {
          output_type: "display_data",
          data: bundle(content.data),
          metadata: meta(content.metadata),
        },
        displays,
        displayId(content),
      );
      return true;
    case "execute_result":
      add(
        c,
        {
          output_type: "execute_result",
          execution_count: typeof content.execution_count === "number"
            ? content.execution_count
            : null,
          data: bundle(content.data),
          metadata: meta(content.metadata),
        },
        displays,
        displayId(content),
      );
      return true;
    case "error":
      add(c, {
        output_type: "error",
        ename: String(content.ename ?? "Error"),
        evalue: String(content.evalue ?? ""),
        traceback: Array.isArray(content.traceback) ? content.traceback.map(String) : [],
      }, displays);
      return true;
    case "update_display_data": {
      const id = displayId(content);
      for (const at of (id !== undefined ? displays.get(id) : undefined) ?? []) {
        const o = at.outputs[at.index];
        if (o && (o.output_type === "display_data" || o.output_type === "execute_result")) {
          o.data = bundle(content.data);
          o.metadata = meta(content.metadata);
        }
      }
      return true;
    }
    case "clear_output":
      if (content.wait) c.clearPending = true;
      else clear(c, displays);
      return true;
    default:
      return false;
  }
}
