/**
 * The metrics record: the key numbers a notebook reports, read back by `deno task report` and
 * by the notebook tests.
 *
 * @module
 */
import { METRICS_MIME, type MimeBundle } from "./mime_bundle.ts";
import { displayBundle } from "./display_bundle.ts";
import { escapeHtml } from "./escape_html.ts";
import { formatValue } from "./format_value.ts";

/**
 * Builds the metrics record: the flat object under `application/vnd.shoplab.metrics+json`, a
 * small HTML table of the key numbers for readers, and plain text.
 *
 * @param metrics Flat record of finite numbers and strings.
 * @returns The bundle.
 * @throws {TypeError} When a value is not a finite number or a string, or a key is empty.
 * @example
 * ```ts
 * import { metricsBundle } from "@shoplab/lib/notebook/record_metrics.ts";
 * import assert from "node:assert/strict";
 * const b = metricsBundle({ n_customers: 10, best: "als" });
 * assert.deepEqual(b["application/vnd.shoplab.metrics+json"], { n_customers: 10, best: "als" });
 * assert.throws(() => metricsBundle({ x: NaN }), TypeError);
 * ```
 */
export function metricsBundle(metrics: Readonly<Record<string, number | string>>): MimeBundle {
  if (metrics === null || typeof metrics !== "object" || Array.isArray(metrics)) {
    throw new TypeError("recordMetrics: expected a flat object of numbers and strings");
  }
  for (const [k, v] of Object.entries(metrics)) {
    if (k === "") throw new TypeError("recordMetrics: metric names must not be empty");
    if (!(typeof v === "string" || (typeof v === "number" && Number.isFinite(v)))) {
      throw new TypeError(
        `recordMetrics: "${k}" must be a finite number or a string, got ${
          typeof v === "number" ? String(v) : typeof v
        }`,
      );
    }
  }
  const entries = Object.entries(metrics);
  const rows = entries.map(([k, v]) =>
    `<tr><th>${escapeHtml(k)}</th><td${typeof v === "number" ? ' class="num"' : ""}>${
      escapeHtml(formatValue(v, { digits: 4 }))
    }</td></tr>`
  ).join("");
  return {
    [METRICS_MIME]: { ...metrics },
    "text/html":
      `<table class="shoplab-metrics"><caption>Key numbers</caption><tbody>${rows}</tbody></table>`,
    "text/plain": entries.map(([k, v]) => `${k}: ${v}`).join("\n"),
  };
}

/**
 * Records the notebook's key numbers (see {@linkcode metricsBundle}); call it in the last cell.
 * A no-op outside the kernel, but it still validates. Await it.
 *
 * @param metrics Flat record of finite numbers and strings.
 * @returns Resolves to `undefined` once displayed.
 * @throws {TypeError} When a value is not a finite number or a string.
 * @example
 * ```ts
 * import { recordMetrics } from "@shoplab/lib/notebook/record_metrics.ts";
 * import assert from "node:assert/strict";
 * assert.equal(await recordMetrics({ n: 1 }), undefined);
 * await assert.rejects(() => recordMetrics({ x: Infinity }), TypeError);
 * ```
 */
export async function recordMetrics(
  metrics: Readonly<Record<string, number | string>>,
): Promise<void> {
  await displayBundle(metricsBundle(metrics));
}
