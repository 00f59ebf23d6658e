// Private: reads files shipped in npm packages (CSS, fonts, browser bundles) from node_modules,
// resolved the way Node would from this file (works with Deno's `nodeModulesDir`).
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);
const dirs = new Map<string, string>();
const texts = new Map<string, Promise<string>>();

/**
 * The folder of an installed npm package (found from its main entry, walking up).
 *
 * @example
 * ```ts
 * import { packageDir } from "@shoplab/lib/report/render/_assets.ts";
 * import assert from "node:assert/strict";
 * const dir = packageDir("katex");
 * assert.equal(JSON.parse(Deno.readTextFileSync(`${dir}/package.json`)).name, "katex");
 * ```
 */
export function packageDir(pkg: string): string {
  const known = dirs.get(pkg);
  if (known) return known;
  let dir = dirname(require.resolve(pkg));
  for (;;) {
    try {
      const meta = JSON.parse(Deno.readTextFileSync(join(dir, "package.json")));
      if (meta.name === pkg) break;
    } catch {
      // no package.json here: keep walking up
    }
    const up = dirname(dir);
    if (up === dir) throw new Error(`Cannot find the folder of npm package "${pkg}"`);
    dir = up;
  }
  dirs.set(pkg, dir);
  return dir;
}

/**
 * A text file of a package, read once per process.
 *
 * @example
 * ```ts
 * import { readPackageText } from "@shoplab/lib/report/render/_assets.ts";
 * import assert from "node:assert/strict";
 * const pkg = JSON.parse(await readPackageText("katex", "package.json"));
 * assert.equal(pkg.name, "katex");
 * ```
 */
export function readPackageText(pkg: string, path: string): Promise<string> {
  const key = `${pkg}/${path}`;
  let p = texts.get(key);
  if (!p) {
    p = Deno.readTextFile(join(packageDir(pkg), path));
    texts.set(key, p);
    p.catch(() => texts.delete(key));
  }
  return p;
}

/**
 * A binary file of a package as base64.
 *
 * @example
 * ```ts
 * import { readPackageBase64, readPackageText } from "@shoplab/lib/report/render/_assets.ts";
 * import assert from "node:assert/strict";
 * const b64 = await readPackageBase64("katex", "package.json");
 * assert.equal(new TextDecoder().decode(Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0))),
 *   await readPackageText("katex", "package.json"));
 * ```
 */
export async function readPackageBase64(pkg: string, path: string): Promise<string> {
  const bytes = await Deno.readFile(join(packageDir(pkg), path));
  let bin = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(bin);
}
