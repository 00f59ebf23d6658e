/**
 * Tables in notebooks: rows or a polars DataFrame as an escaped HTML table plus plain text.
 *
 * @module
 */
import type pl from "nodejs-polars";
import type { MimeBundle } from "./mime_bundle.ts";
import { displayBundle } from "./display_bundle.ts";
import { escapeHtml } from "./escape_html.ts";
import { formatValue } from "./format_value.ts";

/** Options of {@linkcode tableBundle} and {@linkcode showTable}. */
export interface ShowTableOptions {
  /** Caption above the table. Default: none. */
  readonly caption?: string;
  /** Rows shown at most. Default `20`. */
  readonly maxRows?: number;
  /** Most decimals of non-integer numbers. Default `3`. */
  readonly digits?: number;
}

function isNumeric(v: unknown): boolean {
  return typeof v === "number" || typeof v === "bigint";
}

/**
 * Builds an HTML table of rows (or a polars DataFrame), every header and cell escaped, numbers
 * right-aligned and formatted, plus a tab-separated `text/plain`. Columns are the union of the
 * shown rows' keys in first-seen order.
 *
 * @param data Records or a DataFrame.
 * @param options See {@linkcode ShowTableOptions}.
 * @returns The bundle.
 * @throws {RangeError} When `maxRows` is negative.
 * @example
 * ```ts
 * import { tableBundle } from "@shoplab/lib/notebook/show_table.ts";
 * import assert from "node:assert/strict";
 * const b = tableBundle([{ title: "<b>x</b>", n: 1.23456 }]);
 * assert.ok(String(b["text/html"]).includes("&lt;b&gt;x&lt;/b&gt;"));
 * assert.ok(String(b["text/html"]).includes('<td class="num">1.235</td>'));
 * assert.equal(b["text/plain"], "title\tn\n<b>x</b>\t1.235");
 * ```
 */
export function tableBundle(
  data: readonly Readonly<Record<string, unknown>>[] | pl.DataFrame,
  options: ShowTableOptions = {},
): MimeBundle {
  const max = options.maxRows ?? 20;
  if (!(max >= 0)) throw new RangeError(`showTable: maxRows must be >= 0, got ${max}`);
  const fmt = (v: unknown) => formatValue(v, { digits: options.digits ?? 3 });
  let rows: Readonly<Record<string, unknown>>[], total: number, cols: string[];
  if (Array.isArray(data)) {
    rows = data.slice(0, max);
    total = data.length;
    cols = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  } else {
    const df = data as pl.DataFrame;
    rows = df.head(max).toRecords() as Record<string, unknown>[];
    total = df.height;
    cols = df.columns;
  }
  const head = cols.map((c) => `<th>${escapeHtml(c)}</th>`).join("");
  const body = rows.map((r) =>
    "<tr>" +
    cols.map((c) => `<td${isNumeric(r[c]) ? ' class="num"' : ""}>${escapeHtml(fmt(r[c]))}</td>`)
      .join("") +
    "</tr>"
  ).join("\n");
  const more = total > rows.length
    ? `<p class="shoplab-more">${rows.length.toLocaleString("en")} of ${
      total.toLocaleString("en")
    } rows shown</p>`
    : "";
  const caption = options.caption ? `<caption>${escapeHtml(options.caption)}</caption>` : "";
  const text = [cols.join("\t"), ...rows.map((r) => cols.map((c) => fmt(r[c])).join("\t"))];
  if (more) text.push(`(${rows.length} of ${total} rows shown)`);
  return {
    "text/html":
      `<table class="shoplab-table">${caption}<thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>${more}`,
    "text/plain": (options.caption ? options.caption + "\n" : "") + text.join("\n"),
  };
}

/**
 * Displays rows or a DataFrame as a table (see {@linkcode tableBundle}); a no-op outside the
 * kernel. Await it.
 *
 * @param data Records or a DataFrame.
 * @param options See {@linkcode ShowTableOptions}.
 * @returns Resolves to `undefined` once displayed.
 * @throws {RangeError} When `maxRows` is negative.
 * @example
 * ```ts
 * import { showTable } from "@shoplab/lib/notebook/show_table.ts";
 * import assert from "node:assert/strict";
 * assert.equal(await showTable([{ a: 1 }]), undefined);
 * ```
 */
export async function showTable(
  data: readonly Readonly<Record<string, unknown>>[] | pl.DataFrame,
  options: ShowTableOptions = {},
): Promise<void> {
  await displayBundle(tableBundle(data, options));
}
