/**
 * The inputs of one notebook run, hashed into a cache key: `deno task report` skips a notebook
 * whose key is unchanged.
 *
 * @module
 */
import { isAbsolute, join, relative } from "node:path";
import { PROJECT_ROOT } from "../core/paths.ts";
import { joinSource, type Notebook } from "./nbformat.ts";
import { localImports } from "./_imports.ts";

/** Version of the runner's output format; part of every key. */
export const RUNNER_VERSION = "1";

/** Options of {@linkcode notebookInputs}. */
export interface NotebookInputsOptions {
  /** The notebook as it will run (parameters injected); its code decides the imports. */
  readonly notebook: Notebook;
  /** Values of the parameters after injection (part of the key). */
  readonly parameters: Readonly<Record<string, unknown>>;
  /** Project root for `@shoplab/lib`, `deno.json` and `deno.lock`. Default the project root. */
  readonly root?: string;
  /**
   * Data files or folders the run reads (folders are hashed file by file, recursively). Default:
   * the `DATA_PATH` parameter, resolved from the project root, if the notebook has one.
   */
  readonly data?: readonly string[];
  /** Anything else that should change the key (e.g. the per-cell timeout). Default none. */
  readonly extra?: Readonly<Record<string, unknown>>;
}

/** One input and a fingerprint of its content (see {@linkcode InputFile.sha256}). */
export interface InputFile {
  /** Path relative to the root when inside it, else absolute. */
  readonly path: string;
  /**
   * Lowercase hex SHA-256 of the file's bytes; `"size:<bytes>;mtime:<ms>"` for files over
   * 256 MiB (not hashed); `"missing"` when the file does not exist.
   */
  readonly sha256: string;
}

/** What a run depends on. */
export interface NotebookInputs {
  /** SHA-256 (hex) over everything below. */
  readonly key: string;
  /** Notebook file(s), imported lib/ files, deno.json, deno.lock and data files. */
  readonly files: readonly InputFile[];
}

/** Files larger than this are identified by size and modification time instead of content. */
const CONTENT_LIMIT = 256 * 1024 * 1024;

async function sha256(bytes: Uint8Array | string): Promise<string> {
  const data = typeof bytes === "string" ? new TextEncoder().encode(bytes) : bytes;
  const d = new Uint8Array(await crypto.subtle.digest("SHA-256", data as BufferSource));
  return Array.from(d, (b) => b.toString(16).padStart(2, "0")).join("");
}

async function fileHash(path: string): Promise<string> {
  try {
    const st = await Deno.stat(path);
    if (st.size > CONTENT_LIMIT) return `size:${st.size};mtime:${st.mtime?.getTime() ?? 0}`;
    return await sha256(await Deno.readFile(path));
  } catch {
    return "missing";
  }
}

async function expand(path: string): Promise<string[]> {
  let st: Deno.FileInfo;
  try {
    st = await Deno.stat(path);
  } catch {
    return [path];
  }
  if (!st.isDirectory) return [path];
  const out: string[] = [];
  for await (const e of Deno.readDir(path)) {
    if (e.name.startsWith(".")) continue; // e.g. temporary folders of the data generator
    out.push(...await expand(join(path, e.name)));
  }
  return out.sort();
}

/**
 * Lists and hashes what a notebook run depends on: the notebook's cells (source and metadata),
 * every `lib/` file it
 * imports (followed statically from `@shoplab/lib…` specifiers through relative imports),
 * `deno.json` (the import map), `deno.lock` (npm versions), the data files, the parameter
 * values and the runner version.
 *
 * @param options See {@linkcode NotebookInputsOptions}.
 * @returns The key and the hashed files.
 * @example
 * ```ts
 * import { notebookInputs } from "@shoplab/lib/report/notebook_inputs.ts";
 * import assert from "node:assert/strict";
 * const notebook = { nbformat: 4 as const, nbformat_minor: 5, metadata: {}, cells: [{
 *   cell_type: "code" as const, metadata: {}, execution_count: null, outputs: [],
 *   source: 'import { SEED } from "@shoplab/lib/core/constants.ts";' }] };
 * const a = await notebookInputs({ notebook, parameters: { K: 1 } });
 * const b = await notebookInputs({ notebook, parameters: { K: 2 } });
 * assert.ok(a.files.some((f) => f.path === "lib/core/constants.ts"));
 * assert.notEqual(a.key, b.key);
 * ```
 */
export async function notebookInputs(options: NotebookInputsOptions): Promise<NotebookInputs> {
  const root = options.root ?? PROJECT_ROOT;
  const code = options.notebook.cells.filter((c) => c.cell_type === "code")
    .map((c) => joinSource(c.source)).join("\n");
  const dataPath = options.parameters.DATA_PATH;
  const data = options.data ??
    (typeof dataPath === "string" && dataPath !== ""
      ? [isAbsolute(dataPath) ? dataPath : join(root, dataPath)]
      : []);
  const paths = [
    ...await localImports(code, root),
    join(root, "deno.json"),
    join(root, "deno.lock"),
  ];
  for (const d of data) paths.push(...await expand(d));
  const rel = (p: string) => {
    const r = relative(root, p);
    return r.startsWith("..") || isAbsolute(r) ? p : r;
  };
  const files: InputFile[] = [];
  for (const p of [...new Set(paths)]) files.push({ path: rel(p), sha256: await fileHash(p) });
  const cells = options.notebook.cells.map((c) => [c.cell_type, joinSource(c.source), c.metadata]);
  const key = await sha256(JSON.stringify({
    runner: RUNNER_VERSION,
    cells,
    parameters: options.parameters,
    extra: options.extra ?? {},
    files: files.map((f) => [f.path, f.sha256]),
  }));
  return { key, files };
}
