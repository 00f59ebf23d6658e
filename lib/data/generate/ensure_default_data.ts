/**
 * Makes sure the default synthetic shop exists in `data/synthetic/`, generating it when missing
 * or stale. Used by `deno task report`, notebooks and tests.
 *
 * @module
 */
import { dirname, join } from "node:path";
import { SEED } from "../../core/constants.ts";
import { DEFAULT_DATA_DIR } from "../../core/paths.ts";
import { generateShop, GENERATOR_VERSION, type ShopManifest } from "./generate_shop.ts";

/** Options of {@linkcode ensureDefaultData}. */
export interface EnsureDefaultDataOptions {
  /** Folder. Default `data/synthetic` under the project root. */
  readonly dir?: string;
  /** Seed. Default {@linkcode SEED}. */
  readonly seed?: number;
}

async function readManifest(dir: string): Promise<ShopManifest | undefined> {
  try {
    return JSON.parse(await Deno.readTextFile(join(dir, "manifest.json")));
  } catch {
    return undefined;
  }
}

/**
 * Returns the default data folder, generating it first when its manifest is missing or was
 * written with another seed, size or generator version. Safe when two processes call it at once:
 * each generates into its own temporary folder and renames it into place; the first one wins.
 *
 * @param options See {@linkcode EnsureDefaultDataOptions}.
 * @returns The absolute folder path.
 * @example
 * ```ts
 * import { ensureDefaultData } from "@shoplab/lib/data/generate/ensure_default_data.ts";
 * import assert from "node:assert/strict";
 * const dir = await Deno.makeTempDir();
 * const out = await ensureDefaultData({ dir: dir + "/shop", seed: 1 });
 * assert.ok((await Deno.stat(out + "/manifest.json")).isFile);
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export async function ensureDefaultData(options: EnsureDefaultDataOptions = {}): Promise<string> {
  const dir = options.dir ?? DEFAULT_DATA_DIR;
  const seed = options.seed ?? SEED;
  const ok = (m: ShopManifest | undefined) =>
    m !== undefined && m.version === GENERATOR_VERSION && m.seed === seed &&
    m.customers === 5000 && m.items === 1000 && m.months === 12;
  if (ok(await readManifest(dir))) return dir;
  await Deno.mkdir(dirname(dir), { recursive: true });
  const tmp = await Deno.makeTempDir({ dir: dirname(dir), prefix: ".synthetic-tmp-" });
  try {
    await generateShop(tmp, { seed });
    if (ok(await readManifest(dir))) return dir; // another process finished first
    await Deno.remove(dir, { recursive: true }).catch(() => {});
    await Deno.rename(tmp, dir);
  } finally {
    await Deno.remove(tmp, { recursive: true }).catch(() => {});
  }
  return dir;
}
