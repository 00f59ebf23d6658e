// Shared by the renderer tests: the sample executed notebook and report metadata.
import { join } from "node:path";
import { PROJECT_ROOT } from "@shoplab/lib/core/paths.ts";
import type { Notebook } from "@shoplab/lib/report/nbformat.ts";
import type { ReportMeta } from "@shoplab/lib/report/render/mod.ts";

/** The payload planted in data all over the sample notebook. */
export const XSS = "<script>window.__xss=1</script>";

/** Reads tests/report/fixtures/render_sample.ipynb. */
export async function sampleNotebook(): Promise<Notebook> {
  return JSON.parse(
    await Deno.readTextFile(join(PROJECT_ROOT, "tests/report/fixtures/render_sample.ipynb")),
  );
}

/** Header facts with hostile values. */
export const META: ReportMeta = {
  title: "Render sample",
  notebook: "render_sample.ipynb",
  date: "2025-01-01",
  dataSource: "synthetic <b>(data/synthetic)</b>",
  parameters: { SEED: 42, NAME: "<script>window.__xss=8</script>", WINDOWS: [30, 90] },
  gitRevision: "abc1234",
  status: "error",
  durationSeconds: 75.2,
};

/** External resource references: src/href to http(s) or protocol-relative, url(), @import, <link>. */
export function externalResources(html: string): string[] {
  const found: string[] = [];
  for (
    const m of html.matchAll(
      /<(\w+)\b[^>]*?\s(src|href|xlink:href|poster|data)\s*=\s*["']?\s*((?:https?:)?\/\/[^"'\s>]*)/gi,
    )
  ) {
    // Plain links in the narrative are not loaded: only <a href> is allowed to point outside.
    if (m[1].toLowerCase() === "a" && m[2].toLowerCase() === "href") continue;
    found.push(m[0]);
  }
  for (const m of html.matchAll(/url\(\s*['"]?(?!data:|#)[^)]*\)/gi)) found.push(m[0]);
  for (const m of html.matchAll(/@import|<link\b|<iframe\b|<object\b|<embed\b/gi)) found.push(m[0]);
  return found;
}
