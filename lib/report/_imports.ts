// Private: the lib/ files a notebook imports, followed statically through `@shoplab/lib`
// specifiers and relative imports (npm packages are pinned by deno.lock instead).
import { dirname, join, resolve } from "node:path";

const SPEC_RE =
  /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\bexport\s*\*\s*from\s*)(["'])([^"'\n]+)\1/g;

/**
 * Import specifiers in TypeScript source (static, `export … from` and literal dynamic imports).
 *
 * @example
 * ```ts
 * import { importSpecifiers } from "@shoplab/lib/report/_imports.ts";
 * import assert from "node:assert/strict";
 * const code = 'import { a } from "@shoplab/lib";\nexport * from "./b.ts";\n' +
 *   'const c = await import("npm:c");';
 * assert.deepEqual(importSpecifiers(code), ["@shoplab/lib", "./b.ts", "npm:c"]);
 * ```
 */
export function importSpecifiers(code: string): string[] {
  const found: string[] = [];
  for (const m of code.matchAll(SPEC_RE)) found.push(m[2]);
  return found;
}

/** Resolves a specifier to a local file, or `undefined` for packages and URLs. */
function resolveSpecifier(
  spec: string,
  from: string | undefined,
  root: string,
): string | undefined {
  if (spec === "@shoplab/lib") return join(root, "lib", "mod.ts");
  if (spec.startsWith("@shoplab/lib/")) {
    return join(root, "lib", spec.slice("@shoplab/lib/".length));
  }
  if ((spec.startsWith("./") || spec.startsWith("../")) && from) {
    return resolve(dirname(from), spec);
  }
  return undefined;
}

/**
 * Every local file reachable from the given code (a notebook's cells joined) by imports, with
 * the project root `root`. Files that cannot be read are listed too (their hash says so).
 *
 * @example
 * ```ts
 * import { localImports } from "@shoplab/lib/report/_imports.ts";
 * import assert from "node:assert/strict";
 * const root = await Deno.makeTempDir();
 * await Deno.mkdir(`${root}/lib/x`, { recursive: true });
 * await Deno.writeTextFile(`${root}/lib/x/mod.ts`, 'export * from "./y.ts";\nimport "npm:z";');
 * await Deno.writeTextFile(`${root}/lib/x/y.ts`, "export const y = 1;");
 * const files = await localImports('import { y } from "@shoplab/lib/x/mod.ts";', root);
 * assert.deepEqual(files, [`${root}/lib/x/mod.ts`, `${root}/lib/x/y.ts`]);
 * await Deno.remove(root, { recursive: true });
 * ```
 */
export async function localImports(code: string, root: string): Promise<string[]> {
  const seen = new Set<string>();
  const queue: string[] = [];
  const visit = (spec: string, from?: string) => {
    const f = resolveSpecifier(spec, from, root);
    if (f && !seen.has(f)) {
      seen.add(f);
      queue.push(f);
    }
  };
  for (const s of importSpecifiers(code)) visit(s, join(root, "notebooks", "_.ts"));
  while (queue.length) {
    const file = queue.pop()!;
    let text: string;
    try {
      text = await Deno.readTextFile(file);
    } catch {
      continue;
    }
    for (const s of importSpecifiers(text)) visit(s, file);
  }
  return [...seen].sort();
}
