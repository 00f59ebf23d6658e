// Private: syntax highlighting of TypeScript (highlight.js core + one language).
import hljs from "highlight.js/lib/core";
import typescript from "highlight.js/lib/languages/typescript";
import { escapeHtml } from "../../notebook/escape_html.ts";
import { readPackageText } from "./_assets.ts";

hljs.registerLanguage("typescript", typescript);

const TS = new Set(["", "ts", "typescript", "tsx", "js", "javascript", "jsx", "deno"]);

/**
 * Highlighted HTML for code (TypeScript/JavaScript); other languages are only escaped.
 *
 * @example
 * ```ts
 * import { highlightCode } from "@shoplab/lib/report/render/_highlight.ts";
 * import assert from "node:assert/strict";
 * assert.equal(
 *   highlightCode("const x = 1;"),
 *   '<span class="hljs-keyword">const</span> x = <span class="hljs-number">1</span>;',
 * );
 * ```
 */
export function highlightCode(code: string, lang = "typescript"): string {
  if (!TS.has(lang.toLowerCase())) return escapeHtml(code);
  return hljs.highlight(code, { language: "typescript", ignoreIllegals: true }).value;
}

/**
 * The highlight.js theme (GitHub light) as CSS.
 *
 * @example
 * ```ts
 * import { highlightCss } from "@shoplab/lib/report/render/_highlight.ts";
 * import assert from "node:assert/strict";
 * const css = await highlightCss();
 * assert.match(css, /\.hljs-keyword/);
 * assert.ok(!css.includes("/" + "*"), "comments are stripped");
 * ```
 */
export async function highlightCss(): Promise<string> {
  const css = await readPackageText("highlight.js", "styles/github.min.css");
  return css.replace(/\/\*[\s\S]*?\*\//g, "") +
    "pre.code code.hljs{padding:0;background:transparent;display:inline}";
}
