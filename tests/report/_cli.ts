// Shared by the CLI and browser tests: runs `deno task report` exactly as deno.json defines it
// (same permissions) on the fixture notebooks.
import { join } from "node:path";
import { PROJECT_ROOT } from "@shoplab/lib/core/paths.ts";

/** Fixture notebooks folder (00_alpha, 01_beta). */
export const FIXTURE_NOTEBOOKS = join(PROJECT_ROOT, "tests/report/fixtures/notebooks");

/** The `deno run …` arguments of the `report` task in deno.json. */
export function reportTaskArgs(): string[] {
  const config = JSON.parse(Deno.readTextFileSync(join(PROJECT_ROOT, "deno.json")));
  const task: string = config.tasks.report;
  const parts = task.split(/\s+/);
  if (parts[0] !== "deno") throw new Error(`unexpected report task: ${task}`);
  return parts.slice(1);
}

/** Starts the report CLI with the fixture notebooks unless `--notebooks` is given. */
export function spawnReport(args: readonly string[]): Deno.ChildProcess {
  const all = args.includes("--notebooks")
    ? [...args]
    : ["--notebooks", FIXTURE_NOTEBOOKS, ...args];
  return new Deno.Command(Deno.execPath(), {
    args: [...reportTaskArgs(), ...all],
    cwd: PROJECT_ROOT,
    env: { NO_COLOR: "1" },
    stdout: "piped",
    stderr: "piped",
  }).spawn();
}

/** Runs the report CLI to the end. */
export async function runReport(
  args: readonly string[],
): Promise<{ code: number; stderr: string; stdout: string }> {
  const out = await spawnReport(args).output();
  const dec = new TextDecoder();
  return { code: out.code, stderr: dec.decode(out.stderr), stdout: dec.decode(out.stdout) };
}

/** Every file under `dir` (except `skip` folders) → its bytes, by relative path. */
export async function snapshot(
  dir: string,
  skip: readonly string[] = [".cache"],
): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  const walk = async (rel: string) => {
    for await (const e of Deno.readDir(join(dir, rel))) {
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (skip.includes(p)) continue;
      if (e.isDirectory) await walk(p);
      else out.set(p, await Deno.readFile(join(dir, p)));
    }
  };
  await walk("");
  return out;
}
