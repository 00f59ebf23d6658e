// Private: markdown → HTML with LaTeX math rendered by KaTeX at build time, TypeScript code
// highlighted, heading anchors collected for the table of contents, and raw HTML limited to a
// few harmless tags (anything else shows as text).
import katex from "katex";
import { Marked, type Token, type Tokens } from "marked";
import { escapeHtml } from "../../notebook/escape_html.ts";
import type { MimeBundle } from "../nbformat.ts";
import { highlightCode } from "./_highlight.ts";
import { compactUrl, sanitizeHtml } from "./_sanitize.ts";

/** A heading found while rendering. */
export interface Heading {
  /** Level, 1 for `#` to 6. */
  readonly depth: number;
  /** Plain text of the heading. */
  readonly text: string;
  /** Its `id` attribute (a unique slug on the page), the anchor of the table of contents. */
  readonly id: string;
}

/** State shared by all markdown rendered into one page. */
export interface MarkdownContext {
  /** Heading ids used so far (ids stay unique on the page). */
  readonly ids: Set<string>;
  /** Headings collected (when `collect` is set on a call). */
  readonly headings: Heading[];
  /** Whether any math was rendered. */
  math: boolean;
}

/** Raw HTML elements kept in markdown (attributes are still cleaned). */
const MARKDOWN_TAGS = new Set(
  ("b i em strong sub sup br kbd code u s small mark span div p details summary hr abbr " +
    "table thead tbody tr th td caption ul ol li dl dt dd blockquote figure figcaption")
    .split(" "),
);

/**
 * Renders TeX with KaTeX; invalid TeX shows as red source text instead of failing.
 *
 * @example
 * ```ts
 * import { renderTex } from "@shoplab/lib/report/render/_markdown.ts";
 * import assert from "node:assert/strict";
 * const html = renderTex("x^2", false);
 * assert.match(html, /^<span class="katex">.*<annotation encoding="application\/x-tex">x\^2</);
 * assert.match(renderTex("\\frac{", true), /class="katex-error"/);
 * ```
 */
export function renderTex(tex: string, display: boolean): string {
  return katex.renderToString(tex, {
    displayMode: display,
    throwOnError: false,
    strict: "ignore",
    trust: false,
    output: "htmlAndMathml",
    maxExpand: 1000,
  });
}

interface MathToken extends Tokens.Generic {
  text: string;
  display: boolean;
}

// Bracket delimiters are written as Jupyter writes them in markdown: `\\(x\\)`, `\\[x\\]` (two
// backslashes, since markdown turns `\(` into a plain "("). A single `\(` is an escaped
// parenthesis, as `escapeMarkdown` produces for "(the majority class)": text, never math.
const INLINE_RES: [RegExp, boolean][] = [
  [/^\$\$(?!\$)([\s\S]+?)\$\$/, true],
  [/^\\\\\[([\s\S]+?)\\\\\]/, true],
  [/^\\\\\(([\s\S]+?)\\\\\)/, false],
  // $...$: no space after the opening or before the closing $, no digit right after it.
  [/^\$(?!\s)((?:\\.|[^\\$\n]|\n(?!\n))+?)(?<!\s)\$(?!\d)/, false],
];

function mathExtensions(ctx: MarkdownContext) {
  const render = (t: Tokens.Generic) => {
    ctx.math = true;
    const m = t as MathToken;
    const html = renderTex(m.text, m.display);
    return m.display && t.type === "blockMath" ? `<div class="math-display">${html}</div>\n` : html;
  };
  return [
    {
      name: "blockMath",
      level: "block" as const,
      start: (src: string) => src.match(/^ {0,3}(\$\$|\\\\\[)/m)?.index,
      tokenizer(src: string): MathToken | undefined {
        const m = /^ {0,3}(?:\$\$([\s\S]+?)\$\$|\\\\\[([\s\S]+?)\\\\\]) *(?:\n+|$)/.exec(src);
        if (!m) return undefined;
        return { type: "blockMath", raw: m[0], text: (m[1] ?? m[2]).trim(), display: true };
      },
      renderer: render,
    },
    {
      name: "inlineMath",
      level: "inline" as const,
      start: (src: string) => src.match(/\$|\\\\[([]/)?.index,
      tokenizer(src: string): MathToken | undefined {
        for (const [re, display] of INLINE_RES) {
          const m = re.exec(src);
          if (m) return { type: "inlineMath", raw: m[0], text: m[1].trim(), display };
        }
        return undefined;
      },
      renderer: render,
    },
  ];
}

/**
 * Plain text of inline tokens (for heading ids, titles and summaries).
 *
 * @example
 * ```ts
 * import { markdownParser, plainText } from "@shoplab/lib/report/render/_markdown.ts";
 * import assert from "node:assert/strict";
 * const md = markdownParser({ ids: new Set(), headings: [], math: false });
 * // Raw HTML tags are dropped (their text stays), a hard line break becomes a space.
 * const [paragraph] = md.lexer("**Bold** _it_ `c`<b>!</b>  \nnext");
 * assert.equal(plainText("tokens" in paragraph ? paragraph.tokens : undefined), "Bold it c! next");
 * ```
 */
export function plainText(tokens: readonly Token[] | undefined): string {
  if (!tokens) return "";
  return tokens.map((t) => {
    if (t.type === "html") return "";
    if (t.type === "br") return " ";
    if ("tokens" in t && Array.isArray(t.tokens) && t.type !== "inlineMath") {
      return plainText(t.tokens);
    }
    return "text" in t && typeof t.text === "string" ? t.text : "";
  }).join("");
}

function slug(text: string, ids: Set<string>): string {
  const base = text.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-+|-+$/g, "") || "section";
  let id = base;
  for (let i = 2; ids.has(id); i++) id = `${base}-${i}`;
  ids.add(id);
  return id;
}

function safeHref(href: string): boolean {
  const u = compactUrl(href);
  return !/^[a-z][a-z0-9+.-]*:/.test(u) || /^(https?|mailto):/.test(u);
}

/**
 * A Marked instance wired to one page's context.
 *
 * @example
 * ```ts
 * import { markdownParser } from "@shoplab/lib/report/render/_markdown.ts";
 * import assert from "node:assert/strict";
 * const ctx = { ids: new Set<string>(), headings: [], math: false };
 * const md = markdownParser(ctx, { collect: true });
 * const html = md.parse("## Data\n\n![x](https://e.org/a.png)");
 * assert.equal(
 *   html,
 *   '<h2 id="data">Data</h2>\n<p><span class="missing-image">[image: x]</span></p>\n',
 * );
 * assert.deepEqual(ctx.headings, [{ depth: 2, text: "Data", id: "data" }]);
 * ```
 */
export function markdownParser(
  ctx: MarkdownContext,
  options: { attachments?: Record<string, MimeBundle>; collect?: boolean; stack?: string[] } = {},
): Marked {
  const stack = options.stack ?? [];
  const rawHtml = (text: string) =>
    sanitizeHtml(text, { allow: MARKDOWN_TAGS, escapeDisallowed: true, stack });
  return new Marked({ gfm: true, async: false }, {
    extensions: mathExtensions(ctx),
    renderer: {
      heading({ tokens, depth }) {
        const text = plainText(tokens).trim();
        const id = slug(text, ctx.ids);
        if (options.collect) ctx.headings.push({ depth, text, id });
        return `<h${depth} id="${id}">${this.parser.parseInline(tokens)}</h${depth}>\n`;
      },
      code({ text, lang }) {
        const language = (lang ?? "").trim().split(/\s+/)[0] ?? "";
        return `<pre class="code"><code class="hljs">${
          highlightCode(text, language || "typescript")
        }</code></pre>\n`;
      },
      html({ text }) {
        return rawHtml(text);
      },
      link({ href, title, tokens }) {
        const inner = this.parser.parseInline(tokens);
        if (!safeHref(href)) return inner;
        const t = title ? ` title="${escapeHtml(title)}"` : "";
        return `<a href="${escapeHtml(href)}"${t}>${inner}</a>`;
      },
      image({ href, title, text }) {
        let src = href;
        const att = /^attachment:(.+)$/.exec(href);
        if (att && options.attachments?.[att[1]]) {
          const bundle = options.attachments[att[1]];
          const mime = Object.keys(bundle).find((k) => /^image\/(png|jpeg|gif)$/.test(k));
          src = mime ? `data:${mime};base64,${String(bundle[mime]).replace(/\s+/g, "")}` : "";
        }
        if (!/^data:image\/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=]+$/.test(src)) {
          // No external or relative resources in a self-contained report: show the alt text.
          return `<span class="missing-image">[image: ${escapeHtml(text || href)}]</span>`;
        }
        const t = title ? ` title="${escapeHtml(title)}"` : "";
        return `<img src="${src}" alt="${escapeHtml(text)}"${t}>`;
      },
    },
  });
}

/**
 * Renders markdown to HTML. With `dropTitle`, a first-level heading equal to it at the very
 * start is left out (the page header shows the title).
 *
 * @example
 * ```ts
 * import { renderMarkdown } from "@shoplab/lib/report/render/_markdown.ts";
 * import assert from "node:assert/strict";
 * const ctx = { ids: new Set(["data-prep"]), headings: [], math: false };
 * const src = "# Title\n\n## Data & prep\n\nSee $x$ <script>x</script> [a](javascript:alert(1)).";
 * const html = renderMarkdown(src, ctx, { collect: true, dropTitle: "Title" });
 * assert.ok(html.startsWith('<h2 id="data-prep-2">Data &amp; prep</h2>'));
 * assert.match(html, /&lt;script&gt;x&lt;\/script&gt; a\.<\/p>\n$/);
 * assert.equal(ctx.math, true);
 * ```
 */
export function renderMarkdown(
  src: string,
  ctx: MarkdownContext,
  options: {
    attachments?: Record<string, MimeBundle>;
    collect?: boolean;
    dropTitle?: string;
  } = {},
): string {
  const stack: string[] = [];
  const md = markdownParser(ctx, { ...options, stack });
  let tokens = md.lexer(src);
  const first = tokens.findIndex((t) => t.type !== "space");
  const head = tokens[first];
  if (
    options.dropTitle !== undefined && head?.type === "heading" && head.depth === 1 &&
    plainText(head.tokens).trim() === options.dropTitle.trim()
  ) {
    const links = tokens.links;
    tokens = Object.assign(tokens.filter((_, i) => i !== first), { links });
  }
  let html = md.parser(tokens);
  while (stack.length) html += `</${stack.pop()}>`;
  return html;
}
