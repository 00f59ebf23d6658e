/**
 * A live, updatable display for long loops (training epochs): one output that is replaced in
 * place on each update (Jupyter `display_data` with a display id, then `update_display_data`).
 *
 * @module
 */
import type { MimeBundle } from "./mime_bundle.ts";
import { jupyterApi } from "./_jupyter.ts";
import { displayBundle } from "./display_bundle.ts";
import { escapeHtml } from "./escape_html.ts";
import { formatValue } from "./format_value.ts";

/** Values shown by a progress display, e.g. `{ epoch: 3, loss: 0.41, valAuc: 0.78 }`. */
export type ProgressValues = Readonly<Record<string, number | string>>;

/** Options of {@linkcode progressDisplay}. */
export interface ProgressDisplayOptions {
  /** Expected number of steps; with it, a progress bar shows `step / total`. Default: none. */
  readonly total?: number;
  /** Which value counts the steps. Default `"epoch"`. */
  readonly stepKey?: string;
  /** Display id; give one to make outputs repeatable. Default: a fresh unique id. */
  readonly displayId?: string;
}

/** A live display; every method resolves at once outside the kernel. */
export interface ProgressDisplay {
  /** The Jupyter display id of the output. */
  readonly displayId: string;
  /** The values of the latest update (empty before the first). */
  readonly latest: ProgressValues;
  /** Replaces the shown values. Await it. */
  update(values: ProgressValues): Promise<void>;
  /** Marks the display finished (keeps the last values). Await it. */
  done(): Promise<void>;
}

let counter = 0;

/**
 * Builds the bundle a progress display shows: title, optional bar, and the latest values.
 *
 * @param title Heading of the display.
 * @param values Latest values.
 * @param options See {@linkcode ProgressDisplayOptions}; plus `finished`.
 * @returns The bundle (`text/html` + `text/plain`).
 * @example
 * ```ts
 * import { progressBundle } from "@shoplab/lib/notebook/progress_display.ts";
 * import assert from "node:assert/strict";
 * const b = progressBundle("LSTM", { epoch: 2, loss: 0.51234 }, { total: 10 });
 * assert.equal(b["text/plain"], "LSTM — 2 / 10: epoch 2, loss 0.5123");
 * assert.ok(String(b["text/html"]).includes('<progress max="10" value="2">'));
 * ```
 */
export function progressBundle(
  title: string,
  values: ProgressValues,
  options: ProgressDisplayOptions & { readonly finished?: boolean } = {},
): MimeBundle {
  const step = values[options.stepKey ?? "epoch"];
  const total = options.total;
  const stepText = typeof step === "number" && total !== undefined ? ` — ${step} / ${total}` : "";
  const state = options.finished ? " (done)" : "";
  const fmt = (v: number | string) => formatValue(v, { digits: 4 });
  const pairs = Object.entries(values).map(([k, v]) => `${k} ${fmt(v)}`).join(", ");
  const bar = typeof step === "number" && total !== undefined && total > 0
    ? `<progress max="${total}" value="${Math.min(step, total)}"></progress> `
    : "";
  const cells = Object.entries(values).map(([k, v]) =>
    `<th>${escapeHtml(k)}</th><td class="num">${escapeHtml(fmt(v))}</td>`
  ).join("");
  return {
    "text/html": `<div class="shoplab-progress"><strong>${escapeHtml(title)}</strong>${
      escapeHtml(stepText + state)
    }<br>${bar}<table class="shoplab-metrics"><tr>${cells}</tr></table></div>`,
    "text/plain": `${title}${stepText}${state}${pairs ? ": " + pairs : ""}`,
  };
}

/**
 * Opens a live display for a training loop: shows `title` now, then `update()` replaces the
 * shown values in place (kernel message `update_display_data`, supported by Deno's
 * `Deno.jupyter.display(bundle, { display_id, update: true })`), and `done()` marks it finished.
 * Outside the kernel nothing is shown and the calls only remember the latest values.
 *
 * @param title Heading, e.g. `"LSTM training"`.
 * @param options See {@linkcode ProgressDisplayOptions}.
 * @returns The display, once its first output is shown.
 * @example
 * ```ts
 * import { progressDisplay } from "@shoplab/lib/notebook/progress_display.ts";
 * import assert from "node:assert/strict";
 * const p = await progressDisplay("training", { total: 2 });
 * await p.update({ epoch: 1, loss: 0.7 });
 * await p.done();
 * assert.deepEqual(p.latest, { epoch: 1, loss: 0.7 });
 * ```
 */
export async function progressDisplay(
  title: string,
  options: ProgressDisplayOptions = {},
): Promise<ProgressDisplay> {
  const displayId = options.displayId ??
    (jupyterApi() ? `shoplab-progress-${crypto.randomUUID()}` : `shoplab-progress-${++counter}`);
  let latest: ProgressValues = {};
  const show = (finished: boolean, update: boolean) =>
    displayBundle(progressBundle(title, latest, { ...options, finished }), { displayId, update });
  await show(false, false);
  return {
    displayId,
    get latest() {
      return latest;
    },
    async update(values: ProgressValues) {
      latest = { ...values };
      await show(false, true);
    },
    async done() {
      await show(true, true);
    },
  };
}
