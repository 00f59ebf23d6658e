/**
 * Paths that resolve the same whatever the working directory (the Deno Jupyter kernel runs in
 * `notebooks/`, tests and tasks at the project root).
 *
 * @module
 */
import { isAbsolute, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** Absolute path of the project root (the folder holding `deno.json`). */
export const PROJECT_ROOT: string = resolve(fileURLToPath(new URL("../../", import.meta.url)));

/** Absolute path of the default synthetic data folder, `data/synthetic`. */
export const DEFAULT_DATA_DIR: string = join(PROJECT_ROOT, "data", "synthetic");

/**
 * Resolves a path given by a user or a notebook parameter: absolute paths are kept, relative
 * ones are taken from the project root, so `data/synthetic` means the same in a notebook
 * (working directory `notebooks/`) and in a test.
 *
 * @param path A file or folder path.
 * @returns The absolute path.
 * @example
 * ```ts
 * import { projectPath, PROJECT_ROOT } from "@shoplab/lib/core/paths.ts";
 * import assert from "node:assert/strict";
 * assert.equal(projectPath("/tmp/x.csv"), "/tmp/x.csv");
 * assert.equal(projectPath("data/x.csv"), PROJECT_ROOT + "/data/x.csv");
 * ```
 */
export function projectPath(path: string): string {
  return isAbsolute(path) ? resolve(path) : resolve(PROJECT_ROOT, path);
}
