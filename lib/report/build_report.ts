/**
 * `deno task report` without the command line: executes the notebooks, renders the HTML
 * reports, `index.html` and `metrics.json`, and publishes them atomically.
 *
 * @module
 */
import { isAbsolute, join, relative, resolve } from "node:path";
import { PROJECT_ROOT } from "../core/paths.ts";
import type { Notebook } from "./nbformat.ts";
import type { ParameterValue } from "./inject_parameters.ts";
import { prepareNotebooks } from "./_prepare.ts";
import { ReportError } from "./_report_error.ts";

export { ReportError };
import { notebookInputs } from "./notebook_inputs.ts";
import {
  executeNotebook,
  type ExecutionProgress,
  type ExecutionResult,
  NotebookExecutionError,
  notebookMetrics,
} from "./kernel/execute_notebook.ts";
import { notebookSummary, renderIndexHtml, renderNotebookHtml } from "./render/mod.ts";
import type { IndexEntry } from "./render/types.ts";
import { makeBuildDir, publish, recoverOutput } from "./_atomic.ts";

/** Options of {@linkcode buildReport}. */
export interface BuildReportOptions {
  /** Date of the run as text, shown in the headers (the caller reads the clock). */
  readonly date: string;
  /** Folder of the `NN_*.ipynb` notebooks. Default `notebooks/` of the project. */
  readonly notebooksDir?: string;
  /** Output folder. Default `reports/` of the project. */
  readonly out?: string;
  /** Run only notebooks whose file name starts with one of these (e.g. `["01", "03"]`). Default all. */
  readonly only?: readonly string[];
  /** Sets `DATA_PATH` in the notebooks that have it. Default: their own value. */
  readonly data?: string;
  /** Sets `DATA_FORMAT` in the notebooks that have it. Default: their own value. */
  readonly format?: string;
  /** Other parameters (`--param k=v`); each must exist in at least one selected notebook. */
  readonly params?: Readonly<Record<string, ParameterValue>>;
  /** `"analyst"` (code folded) or `"stakeholder"` (narrative and results only). Default analyst. */
  readonly audience?: "analyst" | "stakeholder";
  /** Inline vega-embed for tooltips. Default `false`. */
  readonly interactive?: boolean;
  /** Re-execute even when the cache has the same inputs. Default `false`. */
  readonly force?: boolean;
  /** Record cell errors and go on; the report is published with the errors shown. Default `false`. */
  readonly allowErrors?: boolean;
  /** Per-cell timeout in ms. Default 600,000. */
  readonly timeoutMs?: number;
  /** Git revision for the headers. Default `git rev-parse --short HEAD`, `"unknown"` without git. */
  readonly gitRevision?: string;
  /** The `deno` that runs the kernel. Default `Deno.execPath()`. */
  readonly deno?: string;
  /** Aborts the run: the kernel is killed, nothing is published. */
  readonly signal?: AbortSignal;
  /** Live progress (the CLI prints it). */
  readonly onEvent?: (event: ReportEvent) => void;
}

/** Progress of a report run. */
export type ReportEvent =
  | {
    /** Something the user should know before the run (e.g. `--data` cannot apply somewhere). */
    readonly type: "warning";
    /** The warning, one line. */
    readonly message: string;
  }
  | {
    /** A notebook is about to run (or be taken from the cache). */
    readonly type: "notebook";
    /** File name, e.g. `"00_quick_start.ipynb"`. */
    readonly notebook: string;
    /** 0-based position in the run. */
    readonly index: number;
    /** Number of notebooks in the run. */
    readonly total: number;
    /** Whether its inputs match the cache, so it will not be executed. */
    readonly cached: boolean;
  }
  | {
    /** A cell of the current notebook started or finished. */
    readonly type: "progress";
    /** The kernel runner's progress report. */
    readonly progress: ExecutionProgress;
    /** 0-based position of the notebook in the run. */
    readonly index: number;
    /** Number of notebooks in the run. */
    readonly total: number;
  }
  | {
    /** A notebook finished and its HTML was written. */
    readonly type: "notebook-done";
    /** File name, e.g. `"00_quick_start.ipynb"`. */
    readonly notebook: string;
    /** `"error"` when a cell failed. */
    readonly status: "ok" | "error";
    /** Taken from the cache instead of executed. */
    readonly cached: boolean;
    /** Run time in seconds (of the cached run when `cached`). */
    readonly seconds: number;
    /** First failure as one line, when `status` is `"error"`. */
    readonly failure?: string;
  };

/** One notebook of a finished run. */
export interface NotebookReport {
  /** File stem, e.g. `"00_quick_start"`. */
  readonly stem: string;
  /** `"error"` when a cell failed (or the kernel died or a cell timed out). */
  readonly status: "ok" | "error";
  /** Taken from the cache instead of executed. */
  readonly cached: boolean;
  /** Wall time of the run in seconds, kernel start included (of the cached run when `cached`). */
  readonly durationSeconds: number;
  /** The notebook's recorded metrics (its last `recordMetrics` record); `{}` when none. */
  readonly metrics: Readonly<Record<string, number | string>>;
  /** First failure as one line, when `status` is `"error"`. */
  readonly failure?: string;
}

/** What {@linkcode buildReport} returns. */
export interface BuildReportResult {
  /** The output folder. */
  readonly out: string;
  /** The notebooks of this run, in order. */
  readonly notebooks: readonly NotebookReport[];
}

const CACHE_DIR = ".cache";
const ENTRIES_FILE = "entries.json";

interface CacheEntry {
  key: string;
  date: string;
  durationSeconds: number;
  notebook: Notebook;
  parameters: Record<string, unknown>;
}

type StoredEntry = IndexEntry & { stem: string };

async function readJson<T>(path: string): Promise<T | undefined> {
  try {
    return JSON.parse(await Deno.readTextFile(path)) as T;
  } catch {
    return undefined;
  }
}

async function writeAtomic(path: string, text: string): Promise<void> {
  const tmp = `${path}.${crypto.randomUUID()}.tmp`;
  await Deno.writeTextFile(tmp, text);
  await Deno.rename(tmp, path);
}

async function gitRevision(): Promise<string> {
  try {
    const { success, stdout } = await new Deno.Command("git", {
      args: ["rev-parse", "--short", "HEAD"],
      cwd: PROJECT_ROOT,
      stdout: "piped",
      stderr: "null",
    }).output();
    const rev = new TextDecoder().decode(stdout).trim();
    return success && rev ? rev : "unknown";
  } catch {
    return "unknown";
  }
}

function dataSource(parameters: Readonly<Record<string, unknown>>): string {
  const path = parameters.DATA_PATH, format = parameters.DATA_FORMAT;
  if (typeof path !== "string" && typeof format !== "string") return "—";
  if (typeof path !== "string") return String(format);
  // Inside the project: relative to it. Elsewhere: the last two parts only — a report is read
  // on other machines, and the full path is in the parameters table.
  const rel = isAbsolute(path) ? relative(PROJECT_ROOT, path) : path;
  const shown = !rel.startsWith("..") && !isAbsolute(rel)
    ? rel
    : `…/${path.split(/[\\/]/).filter(Boolean).slice(-2).join("/")}`;
  return typeof format === "string" ? `${format} (${shown})` : shown;
}

/**
 * Builds the report: runs every `NN_*.ipynb` of the notebooks folder in order (or those
 * matching `only`) in the real kernel — or takes a notebook from the cache when its inputs
 * (see `notebookInputs`) are unchanged — and writes `<stem>.html`, `<stem>.ipynb` (executed),
 * `index.html` and `metrics.json` (`{ "<stem>": { metric: value } }`). Everything is built in a
 * temporary folder next to the output folder and swapped in only when the run succeeded;
 * reports of notebooks not selected by `only` are kept. The cache lives in `<out>/.cache`.
 *
 * @param options See {@linkcode BuildReportOptions}.
 * @returns The run's notebooks.
 * @throws {ReportError} With a one-line reason (bad flag, unknown parameter, failed notebook).
 * @example
 * ```ts
 * import { buildReport } from "@shoplab/lib/report/build_report.ts";
 * import assert from "node:assert/strict";
 * const dir = await Deno.makeTempDir();
 * await Deno.mkdir(`${dir}/notebooks`);
 * await Deno.writeTextFile(`${dir}/notebooks/00_demo.ipynb`, JSON.stringify({ nbformat: 4,
 *   nbformat_minor: 5, metadata: {}, cells: [
 *     { cell_type: "markdown", metadata: {}, source: "# Demo\n\nOne number." },
 *     { cell_type: "code", metadata: { tags: ["parameters"] }, execution_count: null,
 *       outputs: [], source: "const K = 1;" },
 *     { cell_type: "code", metadata: {}, execution_count: null, outputs: [], source:
 *       'await Deno.jupyter.display({ "application/vnd.shoplab.metrics+json": { k: K } }, { raw: true });' },
 *   ] }));
 * const run = await buildReport({
 *   date: "2025-01-01", notebooksDir: `${dir}/notebooks`, out: `${dir}/reports`, params: { K: "7" },
 * });
 * assert.deepEqual(run.notebooks.map((n) => [n.stem, n.status]), [["00_demo", "ok"]]);
 * const metrics = JSON.parse(await Deno.readTextFile(`${dir}/reports/metrics.json`));
 * assert.deepEqual(metrics, { "00_demo": { k: 7 } });
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export async function buildReport(options: BuildReportOptions): Promise<BuildReportResult> {
  const dir = resolve(options.notebooksDir ?? join(PROJECT_ROOT, "notebooks"));
  const out = resolve(options.out ?? join(PROJECT_ROOT, "reports"));
  const prepared = await prepareNotebooks(dir, options);
  for (const p of prepared) {
    if (!p.ignores) continue;
    const flags = p.ignores.map((k) => k === "DATA_PATH" ? "--data" : "--format").join(" and ");
    options.onEvent?.({
      type: "warning",
      message: `${p.name} has no ${p.ignores.join(" or ")} parameter: ${flags} ${
        p.ignores.length > 1 ? "do" : "does"
      } not apply to it (it runs on its own data)`,
    });
  }
  await recoverOutput(out);
  const cacheDir = join(out, CACHE_DIR);
  await Deno.mkdir(cacheDir, { recursive: true });
  const revision = options.gitRevision ?? await gitRevision();
  const build = await makeBuildDir(out);
  const audience = options.audience ?? "analyst";
  const reports: NotebookReport[] = [];
  const entries: StoredEntry[] = [];
  try {
    for (const [index, p] of prepared.entries()) {
      options.signal?.throwIfAborted();
      const cacheFile = join(cacheDir, `${p.stem}.json`);
      const inputs = await notebookInputs({ notebook: p.injected, parameters: p.parameters });
      const hit = options.force ? undefined : await readJson<CacheEntry>(cacheFile);
      const cached = hit?.key === inputs.key;
      const total = prepared.length;
      options.onEvent?.({ type: "notebook", notebook: p.name, index, total, cached });
      let result: ExecutionResult;
      let date = options.date;
      if (cached && hit) {
        result = {
          notebook: hit.notebook,
          status: "ok",
          failures: [],
          metrics: notebookMetrics(hit.notebook),
          parameters: hit.parameters,
          durationSeconds: hit.durationSeconds,
        };
        date = hit.date;
      } else {
        try {
          result = await executeNotebook(p.injected, {
            name: p.name,
            cwd: dir,
            allowErrors: options.allowErrors,
            timeoutMs: options.timeoutMs,
            signal: options.signal,
            // Connection files live in the build folder: a killed run leaves nothing in /tmp.
            kernel: { deno: options.deno, connectionDir: build },
            onProgress: (progress) =>
              options.onEvent?.({ type: "progress", progress, index, total }),
          });
        } catch (e) {
          if (!(e instanceof NotebookExecutionError)) throw e;
          result = e.result;
        }
        if (result.status === "ok") {
          // Re-hash: the run may have generated its data (the default synthetic shop).
          const after = await notebookInputs({ notebook: p.injected, parameters: p.parameters });
          const entry: CacheEntry = {
            key: after.key,
            date,
            durationSeconds: result.durationSeconds,
            notebook: result.notebook,
            parameters: result.parameters as Record<string, unknown>,
          };
          await writeAtomic(cacheFile, JSON.stringify(entry));
        }
      }
      const nb = result.notebook;
      const { title, summary } = notebookSummary(nb);
      const metrics = result.metrics ?? {};
      const f = result.failures[0];
      const failure = f ? `cell ${f.cell}: ${f.ename}: ${f.evalue.split("\n")[0]}` : undefined;
      const html = await renderNotebookHtml(nb, {
        audience,
        interactive: options.interactive ?? false,
        meta: {
          title,
          notebook: p.name,
          date: cached ? `${date} (cached)` : date,
          dataSource: dataSource(p.parameters),
          parameters: p.parameters,
          gitRevision: revision,
          status: result.status,
          durationSeconds: result.durationSeconds,
        },
      });
      await Deno.writeTextFile(join(build, `${p.stem}.html`), html);
      await Deno.writeTextFile(join(build, `${p.stem}.ipynb`), JSON.stringify(nb, null, 1) + "\n");
      reports.push({
        stem: p.stem,
        status: result.status,
        cached,
        durationSeconds: result.durationSeconds,
        metrics,
        failure,
      });
      entries.push({
        stem: p.stem,
        href: `${p.stem}.html`,
        title,
        summary,
        metrics,
        status: result.status,
        durationSeconds: result.durationSeconds,
      });
      options.onEvent?.({
        type: "notebook-done",
        notebook: p.name,
        status: result.status,
        cached,
        seconds: result.durationSeconds,
        failure,
      });
    }
    const failed = reports.filter((r) => r.status === "error");
    if (failed.length && !options.allowErrors) {
      throw new ReportError(
        `${failed.length} of ${reports.length} notebooks failed (previous report kept): ${
          failed[0].stem
        } ${failed[0].failure}`,
      );
    }
    options.signal?.throwIfAborted();
    // Notebooks not run this time keep their previous report and index card.
    const stems = new Set(reports.map((r) => r.stem));
    const present = new Set(
      (await Array.fromAsync(Deno.readDir(dir))).map((e) => e.name.replace(/\.ipynb$/, "")),
    );
    const previous = (await readJson<StoredEntry[]>(join(cacheDir, ENTRIES_FILE))) ?? [];
    for (const e of previous) {
      if (stems.has(e.stem) || !present.has(e.stem)) continue;
      try {
        await Deno.stat(join(out, `${e.stem}.html`));
        entries.push(e);
      } catch {
        // its report is gone: no card
      }
    }
    entries.sort((a, b) => a.stem < b.stem ? -1 : a.stem > b.stem ? 1 : 0);
    const metricsJson = Object.fromEntries(entries.map((e) => [e.stem, e.metrics]));
    await Deno.writeTextFile(
      join(build, "metrics.json"),
      JSON.stringify(metricsJson, null, 2) + "\n",
    );
    await Deno.writeTextFile(
      join(build, "index.html"),
      await renderIndexHtml(entries, {
        date: options.date,
        dataSource: dataSource(prepared[0].parameters),
        gitRevision: revision,
      }),
    );
    await writeAtomic(join(cacheDir, ENTRIES_FILE), JSON.stringify(entries));
    const kept = new Set(entries.map((e) => e.stem));
    options.signal?.throwIfAborted();
    await publish(build, out, {
      moveLast: CACHE_DIR,
      keep: (name) => {
        if (name === "index.html" || name === "metrics.json") return false;
        const m = /^(.*)\.(html|ipynb)$/.exec(name);
        return !m || (kept.has(m[1]) && !stems.has(m[1])) || !/^\d\d_/.test(m[1]);
      },
    });
    return { out, notebooks: reports };
  } finally {
    await Deno.remove(build, { recursive: true }).catch(() => {});
  }
}
