// Private: turns IOPub messages into nbformat outputs (streams merged, display updates applied).
import type { JupyterMessage } from "./_wire.ts";
import type { MimeBundle, Output } from "../nbformat.ts";

/** Where each display id was shown, across the whole notebook. */
export type DisplayIndex = Map<string, { outputs: Output[]; index: number }[]>;

/** Outputs of one cell while it runs. */
export interface CellCollector {
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
 * Applies one IOPub message to the running cell. Returns `true` when it was an output message.
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
