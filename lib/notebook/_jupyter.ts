// The only place in lib/ that touches `Deno.jupyter`.
import type { MimeBundle } from "./mime_bundle.ts";

/** What we use of the kernel's `Deno.jupyter` (Deno 2.x, ext/cli/40_jupyter.js). */
export interface JupyterApi {
  display(
    bundle: MimeBundle,
    options: { raw: boolean; update?: boolean; display_id?: string },
  ): Promise<void>;
}

let replacement: JupyterApi | undefined;

/**
 * Tests only: stands in for the kernel's API (`undefined` restores the real lookup).
 *
 * @example
 * ```ts
 * import { jupyterApi, replaceJupyterApi } from "@shoplab/lib/notebook/_jupyter.ts";
 * import assert from "node:assert/strict";
 * const shown: unknown[] = [];
 * replaceJupyterApi({ display: (bundle) => Promise.resolve(void shown.push(bundle)) });
 * await jupyterApi()!.display({ "text/plain": "hi" }, { raw: true });
 * replaceJupyterApi(undefined);
 * assert.deepEqual(shown, [{ "text/plain": "hi" }]);
 * ```
 */
export function replaceJupyterApi(api: JupyterApi | undefined): void {
  replacement = api;
}

/**
 * `Deno.jupyter` inside the kernel; `undefined` elsewhere (where its getter throws).
 *
 * @example
 * ```ts
 * import { jupyterApi } from "@shoplab/lib/notebook/_jupyter.ts";
 * import assert from "node:assert/strict";
 * // outside a Jupyter kernel there is no display API
 * assert.equal(jupyterApi(), undefined);
 * ```
 */
export function jupyterApi(): JupyterApi | undefined {
  if (replacement) return replacement;
  if (!("jupyter" in Deno)) return undefined;
  try {
    const api = (Deno as unknown as { jupyter?: JupyterApi }).jupyter;
    return typeof api?.display === "function" ? api : undefined;
  } catch {
    return undefined;
  }
}
