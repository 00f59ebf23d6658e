/**
 * The MIME bundles notebook outputs carry, and the mimetypes shoplab gives a meaning to. Defined
 * here, by the display helpers that build them; `lib/report` (which reads them back from
 * executed notebooks) re-exports them from its `nbformat.ts`.
 *
 * @example
 * ```ts
 * import { METRICS_MIME, type MimeBundle } from "@shoplab/lib/notebook/mime_bundle.ts";
 * import assert from "node:assert/strict";
 * const bundle: MimeBundle = { [METRICS_MIME]: { auc: 0.8 }, "text/plain": "auc: 0.8" };
 * assert.deepEqual(bundle["application/vnd.shoplab.metrics+json"], { auc: 0.8 });
 * ```
 *
 * @module
 */

/** A MIME bundle: mimetype → data (strings, or JSON for `+json` types). */
export type MimeBundle = Record<string, unknown>;

/** Mimetype of the metrics record each notebook's last cell displays. */
export const METRICS_MIME = "application/vnd.shoplab.metrics+json";

/** Mimetype of Vega-Lite charts (the version Jupyter front ends render). */
export const VEGALITE_MIME = "application/vnd.vegalite.v5+json";
