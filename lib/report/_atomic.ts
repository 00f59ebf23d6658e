// Private: publish a finished build directory in place of the output directory, so that a
// failed or killed run never leaves a half-written report over a good one.
import { basename, dirname, join } from "node:path";

async function exists(path: string): Promise<boolean> {
  try {
    await Deno.lstat(path);
    return true;
  } catch {
    return false;
  }
}

/** Prefix of the folder holding the previous report during the swap. */
function oldPrefix(out: string): string {
  return `.${basename(out)}-old-`;
}

function buildPrefix(out: string): string {
  return `.${basename(out)}-build-`;
}

/** Whether the process that made a build folder is gone (Linux: no /proc entry). */
async function orphaned(name: string, prefix: string): Promise<boolean> {
  const pid = Number(/^(\d+)-/.exec(name.slice(prefix.length))?.[1]);
  if (!Number.isInteger(pid) || pid === Deno.pid || Deno.build.os !== "linux") return false;
  return !(await exists(`/proc/${pid}`));
}

/**
 * If a previous run was killed between its two renames (the output folder missing, the previous
 * one parked next to it), puts the previous one back. Also removes the build folders of runs
 * that were killed (their process is gone).
 *
 * @example
 * ```ts
 * import { recoverOutput } from "@shoplab/lib/report/_atomic.ts";
 * import assert from "node:assert/strict";
 * const root = await Deno.makeTempDir();
 * // A run killed between its renames: reports/ missing, the previous report parked next to it.
 * await Deno.mkdir(`${root}/.reports-old-x1`);
 * await Deno.writeTextFile(`${root}/.reports-old-x1/index.html`, "previous");
 * await recoverOutput(`${root}/reports`);
 * assert.equal(await Deno.readTextFile(`${root}/reports/index.html`), "previous");
 * await Deno.remove(root, { recursive: true });
 * ```
 */
export async function recoverOutput(out: string): Promise<void> {
  const parent = dirname(out);
  let entries: Deno.DirEntry[] = [];
  try {
    entries = await Array.fromAsync(Deno.readDir(parent));
  } catch {
    return;
  }
  const parked = entries.filter((e) => e.isDirectory && e.name.startsWith(oldPrefix(out)));
  for (const p of parked) {
    if (!(await exists(out))) await Deno.rename(join(parent, p.name), out);
    else await Deno.remove(join(parent, p.name), { recursive: true }).catch(() => {});
  }
  for (const e of entries) {
    if (
      e.isDirectory && e.name.startsWith(buildPrefix(out)) &&
      await orphaned(e.name, buildPrefix(out))
    ) {
      await Deno.remove(join(parent, e.name), { recursive: true }).catch(() => {});
    }
  }
}

/**
 * Makes the build folder next to the output folder (same file system, so renames are atomic).
 *
 * @example
 * ```ts
 * import { makeBuildDir } from "@shoplab/lib/report/_atomic.ts";
 * import assert from "node:assert/strict";
 * const root = await Deno.makeTempDir();
 * const build = await makeBuildDir(`${root}/site/reports`);
 * assert.ok(build.startsWith(`${root}/site/.reports-build-${Deno.pid}-`));
 * assert.ok((await Deno.stat(build)).isDirectory);
 * await Deno.remove(root, { recursive: true });
 * ```
 */
export async function makeBuildDir(out: string): Promise<string> {
  await Deno.mkdir(dirname(out), { recursive: true });
  const dir = await Deno.makeTempDir({
    dir: dirname(out),
    prefix: `${buildPrefix(out)}${Deno.pid}-`,
  });
  await Deno.chmod(dir, 0o755); // temporary folders are private; the report is not
  return dir;
}

async function copyTree(from: string, to: string): Promise<void> {
  const st = await Deno.lstat(from);
  if (st.isDirectory) {
    await Deno.mkdir(to, { recursive: true });
    for await (const e of Deno.readDir(from)) await copyTree(join(from, e.name), join(to, e.name));
  } else if (st.isFile) {
    await Deno.copyFile(from, to);
  }
}

/**
 * Copies into `build` every entry of `out` that the build does not replace (`keep` decides;
 * the cache folder `moveLast` is moved instead, just before the swap), then swaps: `out` →
 * parked, `build` → `out`, parked removed. Each rename is atomic; between them a kill leaves the
 * previous report parked, and {@linkcode recoverOutput} puts it back.
 *
 * @example
 * ```ts
 * import { makeBuildDir, publish } from "@shoplab/lib/report/_atomic.ts";
 * import assert from "node:assert/strict";
 * const root = await Deno.makeTempDir(), out = `${root}/reports`;
 * await Deno.mkdir(`${out}/.cache`, { recursive: true });
 * await Deno.writeTextFile(`${out}/index.html`, "old");
 * await Deno.writeTextFile(`${out}/notes.txt`, "kept");
 * await Deno.writeTextFile(`${out}/.cache/a.json`, "{}");
 * const build = await makeBuildDir(out);
 * await Deno.writeTextFile(`${build}/index.html`, "new");
 * await publish(build, out, { keep: (name) => name !== "stale.html", moveLast: ".cache" });
 * assert.equal(await Deno.readTextFile(`${out}/index.html`), "new");
 * assert.equal(await Deno.readTextFile(`${out}/notes.txt`), "kept");
 * assert.equal(await Deno.readTextFile(`${out}/.cache/a.json`), "{}");
 * assert.deepEqual((await Array.fromAsync(Deno.readDir(root))).map((e) => e.name), ["reports"]);
 * await Deno.remove(root, { recursive: true });
 * ```
 */
export async function publish(
  build: string,
  out: string,
  options: { keep: (name: string) => boolean; moveLast: string },
): Promise<void> {
  const had = await exists(out);
  if (had) {
    for await (const e of Deno.readDir(out)) {
      if (e.name === options.moveLast || !options.keep(e.name)) continue;
      if (await exists(join(build, e.name))) continue;
      await copyTree(join(out, e.name), join(build, e.name));
    }
    if (await exists(join(out, options.moveLast))) {
      await Deno.remove(join(build, options.moveLast), { recursive: true }).catch(() => {});
      await Deno.rename(join(out, options.moveLast), join(build, options.moveLast));
    }
    const parked = await Deno.makeTempDir({ dir: dirname(out), prefix: oldPrefix(out) });
    await Deno.remove(parked);
    await Deno.rename(out, parked);
    await Deno.rename(build, out);
    await Deno.remove(parked, { recursive: true });
  } else {
    await Deno.rename(build, out);
  }
}
