/**
 * Low-level display: send a MIME bundle to the notebook, and the `Symbol.for("Jupyter.display")`
 * protocol for objects that display themselves.
 *
 * @module
 */
import type { MimeBundle } from "./mime_bundle.ts";
import { jupyterApi } from "./_jupyter.ts";

/**
 * The symbol the Deno kernel looks for: an object with a method under it is displayed through
 * that method's MIME bundle when it is a cell's last expression (or passed to `display`).
 */
export const JUPYTER_DISPLAY: unique symbol = Symbol.for("Jupyter.display");

/** An object the Deno kernel displays as a MIME bundle. */
export interface Displayable {
  /** Returns the bundle to show. */
  [JUPYTER_DISPLAY](): MimeBundle | Promise<MimeBundle>;
}

/** Options of {@linkcode displayBundle}. */
export interface DisplayBundleOptions {
  /** Display id, so that a later call with `update: true` replaces this output. Default: none. */
  readonly displayId?: string;
  /** Replace the output shown earlier with the same `displayId`. Default `false`. */
  readonly update?: boolean;
}

/**
 * Shows a MIME bundle in the Deno kernel (`display_data`, or `update_display_data` with
 * `update`), and does nothing outside it. Always `await` it: an un-awaited display leaves a
 * stray `Promise` result in the cell.
 *
 * @param bundle Mimetype → data.
 * @param options See {@linkcode DisplayBundleOptions}.
 * @returns Resolves when the kernel has sent the message (at once outside the kernel).
 * @throws {TypeError} When `update` is set without a `displayId`.
 * @example
 * ```ts
 * import { displayBundle } from "@shoplab/lib/notebook/display_bundle.ts";
 * import assert from "node:assert/strict";
 * assert.equal(await displayBundle({ "text/plain": "hi" }), undefined);
 * ```
 */
export async function displayBundle(
  bundle: MimeBundle,
  options: DisplayBundleOptions = {},
): Promise<void> {
  if (options.update && !options.displayId) {
    throw new TypeError("displayBundle: `update` needs the `displayId` of the output to replace");
  }
  const api = jupyterApi();
  if (!api) return;
  await api.display(bundle, {
    raw: true,
    ...(options.update ? { update: true } : {}),
    ...(options.displayId ? { display_id: options.displayId } : {}),
  });
}

/**
 * Wraps a bundle (or a function that builds one) as a {@linkcode Displayable}: end a cell with
 * it and the kernel shows the bundle.
 *
 * @param bundle The bundle, or a function returning it (called when the kernel displays it).
 * @returns An object with a `Symbol.for("Jupyter.display")` method.
 * @example
 * ```ts
 * import { displayable, JUPYTER_DISPLAY } from "@shoplab/lib/notebook/display_bundle.ts";
 * import assert from "node:assert/strict";
 * const d = displayable({ "text/plain": "x" });
 * assert.deepEqual(await d[Symbol.for("Jupyter.display") as typeof JUPYTER_DISPLAY](), { "text/plain": "x" });
 * ```
 */
export function displayable(
  bundle: MimeBundle | (() => MimeBundle | Promise<MimeBundle>),
): Displayable {
  return {
    [JUPYTER_DISPLAY]: typeof bundle === "function" ? bundle : () => bundle,
  };
}
