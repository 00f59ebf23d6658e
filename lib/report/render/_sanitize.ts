// Private: an allow-list HTML/SVG sanitiser for notebook outputs (no DOM in Deno). It re-emits
// only known elements with known attributes, drops scripts, styles, event handlers, `javascript:`
// and external resource URLs, escapes stray text and closes unbalanced tags.
import { escapeHtml } from "../../notebook/escape_html.ts";

const HTML_TAGS = new Set(
  ("a abbr b bdi bdo blockquote br caption cite code col colgroup dd del details dfn div dl dt em " +
    "figcaption figure h1 h2 h3 h4 h5 h6 hr i img ins kbd li mark ol p pre progress q s samp small " +
    "span strong sub summary sup table tbody td tfoot th thead time tr u ul var wbr")
    .split(" "),
);
const SVG_TAGS = new Set(
  ("svg g path rect circle ellipse line polyline polygon text tspan textPath defs clipPath mask " +
    "pattern marker linearGradient radialGradient stop title desc symbol use image a style " +
    "filter feGaussianBlur feOffset feBlend feFlood feComposite feMerge feMergeNode feColorMatrix")
    .split(" "),
);
const VOID = new Set(["br", "col", "hr", "img", "wbr"]);
/** Elements dropped together with everything inside them. */
const DROP_WITH_CONTENT = new Set([
  "script",
  "style",
  "iframe",
  "object",
  "embed",
  "template",
  "noscript",
  "textarea",
  "select",
  "frameset",
  "frame",
  "noembed",
  "xmp",
  "math",
  "foreignobject",
  "animate",
  "set",
  "animatemotion",
  "animatetransform",
  "svg:script",
]);
const HTML_ATTRS = new Set(
  ("class id title lang dir colspan rowspan scope headers align valign width height alt href src " +
    "open start reversed type value max min datetime role aria-label aria-hidden style")
    .split(" "),
);

/** Decodes the entities an attacker could use to hide `javascript:` in a URL. */
function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (m, e: string) => {
    if (e[0] === "#") {
      const code = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1));
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : "";
    }
    const named: Record<string, string> = {
      amp: "&",
      lt: "<",
      gt: ">",
      quot: '"',
      apos: "'",
      colon: ":",
      tab: "\t",
      newline: "\n",
      nbsp: "\u00a0",
    };
    return named[e.toLowerCase()] ?? m;
  });
}

/**
 * A URL without the whitespace and control characters browsers ignore, lower-cased.
 *
 * @example
 * ```ts
 * import { compactUrl } from "@shoplab/lib/report/render/_sanitize.ts";
 * import assert from "node:assert/strict";
 * assert.equal(compactUrl(" Java\tScript:alert(1)"), "javascript:alert(1)");
 * ```
 */
export function compactUrl(url: string): string {
  // deno-lint-ignore no-control-regex
  return url.replace(/[\u0000-\u0020\u007f]+/g, "").toLowerCase();
}

/** Whether a URL may stay in a link (`href` of `<a>`): no script schemes. */
function safeLink(url: string): boolean {
  const u = compactUrl(url);
  return !/^(javascript|vbscript|data|file):/.test(u);
}

/** Whether a URL may be loaded as an image: only inline `data:image/` (not SVG) or `#fragments`. */
function safeResource(url: string): boolean {
  const u = compactUrl(url);
  return /^data:image\/(png|jpe?g|gif|webp);/.test(u) || u.startsWith("#");
}

/**
 * Removes `url(...)` that is not a `#fragment` or `data:image`, `@import` and `expression(`.
 *
 * @example
 * ```ts
 * import { cleanCss } from "@shoplab/lib/report/render/_sanitize.ts";
 * import assert from "node:assert/strict";
 * assert.equal(
 *   cleanCss("a{background:url(https://e.org/x.png)} @import 'y.css'; b{fill:url(#g)}"),
 *   "a{background:none}  b{fill:url(#g)}",
 * );
 * ```
 */
export function cleanCss(css: string): string {
  return css
    .replace(/@import[^;]*;?/gi, "")
    .replace(/expression\s*\(/gi, "(")
    .replace(/url\(\s*(['"]?)(.*?)\1\s*\)/gi, (m, _q, u: string) => safeResource(u) ? m : "none");
}

const ATTR_RE = /([^\s"'>\/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

function cleanAttrs(tag: string, raw: string, svg: boolean): string {
  let out = "";
  for (const m of raw.matchAll(ATTR_RE)) {
    const name = m[1];
    const lower = name.toLowerCase();
    const value = decodeEntities(m[2] ?? m[3] ?? m[4] ?? "");
    if (lower.startsWith("on") || lower === "srcdoc" || lower === "formaction") continue;
    if (!svg && !HTML_ATTRS.has(lower) && !lower.startsWith("data-")) continue;
    if (svg && (lower === "src" || lower === "style" && /@import/i.test(value))) continue;
    let v = value;
    if (lower === "href" || lower === "xlink:href") {
      if (tag === "a" ? !safeLink(v) : !safeResource(v)) continue;
    } else if (lower === "src") {
      if (!safeResource(v)) continue;
    } else if (lower === "style") {
      v = cleanCss(v);
    } else if (!safeLink(v) && /^\s*(javascript|vbscript):/i.test(v)) continue;
    out += ` ${name}="${escapeHtml(v)}"`;
  }
  if (tag === "a" && /\bhref=/.test(out)) out += ' rel="noopener noreferrer"';
  return out;
}

const TOKEN_RE =
  /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<[!?][^>]*>?|<\/?([a-zA-Z][\w:-]*)((?:\s+[^\s"'>\/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/g;

/** Options of {@linkcode sanitizeHtml}. */
export interface SanitizeOptions {
  /** The fragment is (or may contain) SVG: allow SVG elements and their presentation attributes. */
  readonly svg?: boolean;
  /** Only these (lower-case) HTML elements are kept. Default: the built-in allow-list. */
  readonly allow?: ReadonlySet<string>;
  /**
   * Show disallowed tags as text instead of dropping them (and their content), as markdown does
   * for raw HTML it does not trust. Default `false`.
   */
  readonly escapeDisallowed?: boolean;
  /**
   * Open elements shared across calls (raw HTML spread over several markdown tokens); when
   * given, elements left open are not closed at the end — the caller closes them.
   */
  readonly stack?: string[];
}

/**
 * Sanitises an HTML (or SVG) fragment from a notebook output for inline use in a report.
 *
 * @param html Untrusted markup.
 * @param options See {@linkcode SanitizeOptions}.
 * @returns Markup with allow-listed elements and attributes only, tags balanced.
 * @example
 * ```ts
 * import { sanitizeHtml } from "@shoplab/lib/report/render/_sanitize.ts";
 * import assert from "node:assert/strict";
 * assert.equal(
 *   sanitizeHtml(
 *     '<p onclick="x()">hi<script>alert(1)</script><a href="javascript:alert(1)">x</a><b>bold',
 *   ),
 *   "<p>hi<a>x</a><b>bold</b></p>",
 * );
 * assert.equal(
 *   sanitizeHtml('<a href="https://e.org" target="_blank">e</a>'),
 *   '<a href="https://e.org" rel="noopener noreferrer">e</a>',
 * );
 * ```
 */
export function sanitizeHtml(html: string, options: SanitizeOptions = {}): string {
  const out: string[] = [];
  const stack: string[] = options.stack ?? [];
  const htmlTags = options.allow ?? HTML_TAGS;
  let svgDepth = 0;
  let last = 0;
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(html); m !== null; m = TOKEN_RE.exec(html)) {
    out.push(escapeText(html.slice(last, m.index)));
    last = TOKEN_RE.lastIndex;
    const name = m[1];
    if (!name) continue; // comment, doctype, processing instruction, CDATA
    const lower = name.toLowerCase();
    const closing = m[0][1] === "/";
    if (options.escapeDisallowed && !htmlTags.has(lower)) {
      out.push(escapeText(m[0]));
      continue;
    }
    if (DROP_WITH_CONTENT.has(lower) && !(lower === "style" && svgDepth > 0)) {
      if (!closing && m[3] !== "/") {
        const end = new RegExp(`</${lower}\\s*>`, "ig");
        end.lastIndex = last;
        const e = end.exec(html);
        last = e ? end.lastIndex : html.length;
        TOKEN_RE.lastIndex = last;
      }
      continue;
    }
    const inSvg = svgDepth > 0 || lower === "svg";
    const allowed = (options.svg || svgDepth > 0 || lower === "svg") && SVG_TAGS.has(name)
      ? "svg"
      : htmlTags.has(lower) && !(inSvg && lower !== "a")
      ? "html"
      : undefined;
    if (!allowed) continue;
    const tag = allowed === "html" ? lower : name;
    if (closing) {
      const at = stack.lastIndexOf(tag);
      if (at === -1) continue;
      while (stack.length > at) {
        const t = stack.pop()!;
        if (t === "svg") svgDepth--;
        out.push(`</${t}>`);
      }
      continue;
    }
    const attrs = cleanAttrs(lower, m[2] ?? "", allowed === "svg");
    if (tag === "img" && !/ src="/.test(attrs)) {
      // Remote or relative images are not loaded: show their alt text instead.
      const alt = / alt="([^"]*)"/.exec(attrs)?.[1] ?? "";
      out.push(`<span class="missing-image">[image${alt ? `: ${alt}` : ""}]</span>`);
      continue;
    }
    const selfClosing = m[3] === "/" || (allowed === "html" && VOID.has(tag));
    out.push(`<${tag}${attrs}${selfClosing && allowed === "svg" ? "/" : ""}>`);
    if (tag === "style") {
      // SVG <style>: keep its CSS, cleaned, as text.
      const end = /<\/style\s*>/ig;
      end.lastIndex = last;
      const e = end.exec(html);
      const css = html.slice(last, e ? e.index : html.length);
      out.push(escapeCssText(cleanCss(css)), "</style>");
      last = e ? end.lastIndex : html.length;
      TOKEN_RE.lastIndex = last;
      continue;
    }
    if (!selfClosing) {
      stack.push(tag);
      if (tag === "svg") svgDepth++;
    }
  }
  out.push(escapeText(html.slice(last)));
  if (!options.stack) { while (stack.length) out.push(`</${stack.pop()}>`); }
  return out.join("");
}

/**
 * Text between tags: keep entities, escape stray `<` and `>`.
 *
 * @example
 * ```ts
 * import { escapeText } from "@shoplab/lib/report/render/_sanitize.ts";
 * import assert from "node:assert/strict";
 * assert.equal(escapeText("a < b &amp; c > d"), "a &lt; b &amp; c &gt; d");
 * ```
 */
export function escapeText(s: string): string {
  return s.replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

function escapeCssText(s: string): string {
  return s.replaceAll("<", "\\3C ");
}
