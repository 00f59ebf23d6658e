// Private: KaTeX's stylesheet with only the fonts a page uses, embedded as woff2 data URIs.
import { readPackageBase64, readPackageText } from "./_assets.ts";

/** `family|style|weight` of a font face or of what a rule asks for. */
function faceKey(decls: string, defaultFamily: string): string {
  const family = /font-family:\s*"?(KaTeX_\w+)/.exec(decls)?.[1] ?? defaultFamily;
  const style = /font-style:\s*italic/.test(decls) ? "italic" : "normal";
  const weight = /font-weight:\s*(700|bold)/.test(decls) ? "700" : "400";
  return `${family}|${style}|${weight}`;
}

/** Faces the rules that apply to the given class names ask for (Main regular always). */
function usedFaces(css: string, classes: ReadonlySet<string>): Set<string> {
  const used = new Set(["KaTeX_Main|normal|400"]);
  for (const m of css.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const [, selectors, decls] = m;
    if (selectors.includes("@font-face") || !/font-(family|style|weight)/.test(decls)) continue;
    const applies = selectors.split(",").some((sel) =>
      [...sel.matchAll(/\.([\w-]+)/g)].every((c) => classes.has(c[1]))
    );
    if (applies) used.add(faceKey(decls, "KaTeX_Main"));
  }
  return used;
}

/**
 * KaTeX CSS for a page whose math HTML uses `classes`: the @font-face rules of faces no rule for
 * those classes asks for are dropped (a missing bold/italic face would only be synthesised) and
 * the rest point at woff2 data URIs only (no woff/ttf, no file references).
 *
 * @param classes Class names used on the page (see {@linkcode classNames}).
 * @example
 * ```ts
 * import { katexCss } from "@shoplab/lib/report/render/_katex_css.ts";
 * import assert from "node:assert/strict";
 * const css = await katexCss(new Set(["katex", "mord", "mathnormal"]));
 * const faces = [...css.matchAll(/@font-face\{[^}]*font-family:(KaTeX_\w+);font-style:(\w+)/g)];
 * // Main regular always; `.mathnormal` asks for Math italic; nothing else is embedded.
 * assert.deepEqual(faces.map((m) => `${m[1]} ${m[2]}`), [
 *   "KaTeX_Main normal",
 *   "KaTeX_Math italic",
 * ]);
 * assert.match(css, /src:url\(data:font\/woff2;base64,/);
 * assert.doesNotMatch(css, /\.woff\)|\.ttf\)|url\(fonts\//);
 * ```
 */
export async function katexCss(classes: ReadonlySet<string>): Promise<string> {
  const css = await readPackageText("katex", "dist/katex.min.css");
  const used = usedFaces(css, classes);
  const faces = [...css.matchAll(/@font-face\{[^}]*\}/g)].map((m) => m[0]);
  let rest = css;
  for (const f of faces) rest = rest.replace(f, "");
  const kept: string[] = [];
  for (const face of faces) {
    const woff2 = /url\(([^)]+\.woff2)\)/.exec(face)?.[1];
    if (!woff2 || !used.has(faceKey(face, ""))) continue;
    const data = await readPackageBase64("katex", `dist/${woff2.replace(/^["']|["']$/g, "")}`);
    kept.push(
      face.replace(/src:[^;}]*/, `src:url(data:font/woff2;base64,${data}) format("woff2")`),
    );
  }
  return kept.join("") + rest;
}

/**
 * The class names used in an HTML string.
 *
 * @example
 * ```ts
 * import { classNames } from "@shoplab/lib/report/render/_katex_css.ts";
 * import assert from "node:assert/strict";
 * const html = '<span class="katex mord"><i class=" mord  x ">1</i></span>';
 * assert.deepEqual([...classNames(html)], ["katex", "mord", "x"]);
 * ```
 */
export function classNames(html: string): Set<string> {
  const out = new Set<string>();
  for (const m of html.matchAll(/class="([^"]*)"/g)) {
    for (const c of m[1].split(/\s+/)) if (c) out.add(c);
  }
  return out;
}
