/**
 * Executes a notebook in the real Deno kernel with a sound completion rule: after each cell, a
 * silent barrier request displays a unique token through the kernel's own output queue, and
 * every IOPub output that arrives before the token belongs to the cell — whatever its
 * `parent_header` says (the Deno kernel can publish a cell's outputs after its `idle` status).
 *
 * @module
 */
import { basename, dirname, resolve } from "node:path";
import { PROJECT_ROOT } from "../../core/paths.ts";
import { type CodeCell, joinSource, METRICS_MIME, type Notebook } from "../nbformat.ts";
import { injectParameters, type ParameterValue } from "../inject_parameters.ts";
import { parameterValues } from "../read_parameters.ts";
import { type CellCollector, collect, type DisplayIndex } from "./_collect.ts";
import {
  type KernelClient,
  startKernel,
  type StartKernelOptions,
  TIMED_OUT,
} from "./start_kernel.ts";
import { within } from "./_queue.ts";

/** Mimetype of the barrier display that ends each cell. */
export const BARRIER_MIME = "application/x-shoplab-barrier";

/** Progress of a run, for a live display in the terminal. */
export interface ExecutionProgress {
  /** Notebook name. */
  readonly notebook: string;
  /**
   * `"start"` (kernel starting), `"cell"` (cell `cell` of `cells` starts), `"output"` (the
   * running cell showed or updated a live display, e.g. `progressDisplay`: see `text`), `"done"`.
   */
  readonly phase: "start" | "cell" | "output" | "done";
  /** 1-based number of the code cell running (0 before the first). */
  readonly cell: number;
  /** Number of code cells. */
  readonly cells: number;
  /** Milliseconds since the run started. */
  readonly elapsedMs: number;
  /** With `"output"`: the `text/plain` of the running cell's latest live display. */
  readonly text?: string;
}

/** Options of {@linkcode executeNotebook}. */
export interface ExecuteNotebookOptions {
  /** Values for the parameters cell (see `injectParameters`). Default none. */
  readonly params?: Readonly<Record<string, ParameterValue>>;
  /** Per-cell timeout in ms: the cell is interrupted, then the kernel killed. Default 600,000. */
  readonly timeoutMs?: number;
  /** Record cell errors and go on with the next cell instead of stopping. Default `false`. */
  readonly allowErrors?: boolean;
  /** Working directory of the kernel. Default `notebooks/` of the project. */
  readonly cwd?: string;
  /** Name shown in progress and errors. Default `"notebook"`. */
  readonly name?: string;
  /** Stops the run (kernel killed); the promise rejects with the signal's reason. */
  readonly signal?: AbortSignal;
  /** Called when the kernel starts, before each code cell, and at the end. */
  readonly onProgress?: (p: ExecutionProgress) => void;
  /** Kernel options other than `cwd`. Default none. */
  readonly kernel?: Omit<StartKernelOptions, "cwd">;
}

/** A cell that failed. */
export interface CellFailure {
  /** Index of the cell in `notebook.cells`. */
  readonly cellIndex: number;
  /** 1-based number among the code cells. */
  readonly cell: number;
  /** Error name: the kernel's `ename`, or `"CellTimeoutError"` / `"KernelDiedError"`. */
  readonly ename: string;
  /** Error message (may span several lines). */
  readonly evalue: string;
}

/** What {@linkcode executeNotebook} returns. */
export interface ExecutionResult {
  /** The executed notebook: outputs and `execution_count` filled in. */
  readonly notebook: Notebook;
  /** `"ok"` when every code cell ran without error. */
  readonly status: "ok" | "error";
  /** Failed cells (an error, a timeout, the kernel dying). */
  readonly failures: readonly CellFailure[];
  /** The last metrics record (`application/vnd.shoplab.metrics+json`), if any. */
  readonly metrics: Readonly<Record<string, number | string>> | undefined;
  /** Values of the parameters cell after injection. */
  readonly parameters: Readonly<Record<string, unknown>>;
  /** Wall time in seconds, kernel start and shutdown included. */
  readonly durationSeconds: number;
}

/**
 * Thrown when a cell fails and `allowErrors` is off; `result` holds the partial run.
 *
 * @example
 * ```ts
 * import { NotebookExecutionError } from "@shoplab/lib/report/kernel/mod.ts";
 * import assert from "node:assert/strict";
 * const result = {
 *   notebook: { nbformat: 4 as const, nbformat_minor: 5, metadata: {}, cells: [] },
 *   status: "error" as const,
 *   failures: [{ cellIndex: 2, cell: 1, ename: "TypeError", evalue: "x is undefined" }],
 *   metrics: undefined,
 *   parameters: {},
 *   durationSeconds: 1.5,
 * };
 * const e = new NotebookExecutionError("00_demo.ipynb: cell 1 failed", result);
 * assert.ok(e instanceof Error);
 * assert.equal(e.name, "NotebookExecutionError");
 * assert.equal(e.result.failures[0].ename, "TypeError");
 * ```
 */
export class NotebookExecutionError extends Error {
  /** The run up to and including the failing cell. */
  readonly result: ExecutionResult;
  /** Builds the error from the result of the failed run. */
  constructor(message: string, result: ExecutionResult) {
    super(message);
    this.name = "NotebookExecutionError";
    this.result = result;
  }
}

/**
 * The last metrics record a notebook displayed.
 *
 * @param nb An executed notebook.
 * @returns The record, or `undefined` when none was displayed.
 * @example
 * ```ts
 * import { notebookMetrics } from "@shoplab/lib/report/kernel/execute_notebook.ts";
 * import assert from "node:assert/strict";
 * const out = (n: number) => ({ output_type: "display_data" as const, metadata: {},
 *   data: { "application/vnd.shoplab.metrics+json": { n } } });
 * const nb = { nbformat: 4 as const, nbformat_minor: 5, metadata: {}, cells: [{
 *   cell_type: "code" as const, metadata: {}, source: "", execution_count: 1,
 *   outputs: [out(1), out(2)] }] };
 * assert.deepEqual(notebookMetrics(nb), { n: 2 });
 * ```
 */
export function notebookMetrics(nb: Notebook): Record<string, number | string> | undefined {
  let found: Record<string, number | string> | undefined;
  for (const cell of nb.cells) {
    if (cell.cell_type !== "code") continue;
    for (const o of cell.outputs ?? []) {
      if (
        (o.output_type === "display_data" || o.output_type === "execute_result") &&
        o.data?.[METRICS_MIME] && typeof o.data[METRICS_MIME] === "object"
      ) {
        found = o.data[METRICS_MIME] as Record<string, number | string>;
      }
    }
  }
  return found;
}

type CellEnd = "ok" | "error" | "timeout" | "dead";

async function runCell(
  kernel: KernelClient,
  cell: CodeCell,
  displays: DisplayIndex,
  timeoutMs: number,
  onLive?: (text: string) => void,
): Promise<{ end: CellEnd; ename?: string; evalue?: string }> {
  const c: CellCollector = { outputs: [], clearPending: false };
  cell.outputs = c.outputs;
  cell.execution_count = null;
  const started = performance.now();
  const { reply } = kernel.execute(joinSource(cell.source));
  let content: Record<string, unknown> | undefined;
  let end: CellEnd = "ok";
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<"timeout">((
    r,
  ) => (timer = setTimeout(() => r("timeout"), timeoutMs)));
  try {
    let settled = false;
    const raced = Promise.race([reply, timedOut]).catch(() => "dead" as const)
      .finally(() => (settled = true));
    // With a live listener, outputs are collected while the cell runs (same order as after), and
    // the text of each live display (one with a display id) is passed on.
    while (onLive && !settled) {
      const m = await kernel.nextIopub(100);
      if (m === undefined) break;
      if (m === TIMED_OUT) continue;
      const data = m.content.data as Record<string, unknown> | undefined;
      if (data && BARRIER_MIME in data) continue;
      collect(c, m, displays);
      const live = (m.content.transient as { display_id?: unknown } | undefined)?.display_id;
      if (live !== undefined && typeof data?.["text/plain"] === "string") {
        onLive(data["text/plain"]);
      }
    }
    const first = await raced;
    if (first === "timeout") {
      end = "timeout";
      const interrupted = await kernel.interrupt(2000);
      const late = interrupted ? await within(reply.catch(() => undefined), 3000) : undefined;
      if (late === undefined || late === TIMED_OUT) {
        // Keep what the cell printed before it hung, then give up on this kernel.
        for (;;) {
          const m = await kernel.nextIopub(200);
          if (m === undefined || m === TIMED_OUT) break;
          collect(c, m, displays);
        }
        kernel.kill();
        await kernel.exited;
      } else content = late;
    } else if (first === "dead") end = "dead";
    else content = first;
  } finally {
    clearTimeout(timer);
  }
  if (content && typeof content.execution_count === "number") {
    cell.execution_count = content.execution_count;
  }
  if (content?.status === "error" && end === "ok") end = "error";
  if (kernel.alive) {
    // The barrier: first let pending timers (setTimeout 0) fire, then broadcast the token.
    const token = crypto.randomUUID();
    kernel.execute(
      `await new Promise((r) => setTimeout(r, 0)); await Deno.jupyter.display(${
        JSON.stringify({ [BARRIER_MIME]: token })
      }, { raw: true });`,
      { silent: true },
    );
    const deadline = started + timeoutMs + 30_000;
    for (;;) {
      const m = await kernel.nextIopub(Math.max(1000, deadline - performance.now()));
      if (m === undefined) {
        end = end === "ok" || end === "error" ? "dead" : end;
        break;
      }
      if (m === TIMED_OUT) {
        if (performance.now() >= deadline) {
          end = "timeout";
          kernel.kill();
          await kernel.exited;
          break;
        }
        continue;
      }
      const data = m.content.data as Record<string, unknown> | undefined;
      if (m.header.msg_type === "display_data" && data && BARRIER_MIME in data) {
        if (data[BARRIER_MIME] === token) break;
        continue;
      }
      collect(c, m, displays);
    }
  } else if (end === "ok" || end === "error") end = "dead";
  const hasError = c.outputs.some((o) => o.output_type === "error");
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (end === "timeout") {
    const o = {
      output_type: "error" as const,
      ename: "CellTimeoutError",
      evalue: `the cell did not finish within ${timeoutMs / 1000} s (stopped after ${seconds} s)`,
      traceback: [],
    };
    c.outputs.push(o);
    return { end, ename: o.ename, evalue: o.evalue };
  }
  if (end === "dead") {
    const o = {
      output_type: "error" as const,
      ename: "KernelDiedError",
      evalue: `the Deno kernel exited while the cell ran: ${kernel.log().trim().slice(-400)}`,
      traceback: [],
    };
    c.outputs.push(o);
    return { end, ename: o.ename, evalue: o.evalue };
  }
  if (end === "error") {
    const err = c.outputs.find((o) => o.output_type === "error");
    if (err?.output_type === "error") return { end, ename: err.ename, evalue: err.evalue };
    // An error reply without an error message on IOPub: keep what the reply says.
    const o = {
      output_type: "error" as const,
      ename: String(content?.ename ?? "Error"),
      evalue: String(content?.evalue ?? "Execution failed"),
      traceback: Array.isArray(content?.traceback) ? content.traceback.map(String) : [],
    };
    c.outputs.push(o);
    return { end, ename: o.ename, evalue: o.evalue };
  }
  if (hasError) {
    const err = c.outputs.find((o) => o.output_type === "error");
    if (err?.output_type === "error") return { end: "error", ename: err.ename, evalue: err.evalue };
  }
  return { end };
}

/**
 * Executes a notebook top to bottom in a fresh Deno kernel and returns it with outputs: stream
 * text (consecutive chunks of one stream merged), `display_data` (with `update_display_data`
 * applied in place to the display with that id — live training progress ends as its last
 * state), `execute_result` and `error`, plus each cell's `execution_count`. Empty code cells
 * are skipped. The kernel is always shut down: on success, on failure, on timeout and on abort.
 *
 * @param nb The notebook (not modified).
 * @param options See {@linkcode ExecuteNotebookOptions}.
 * @returns The executed notebook and what happened.
 * @throws {RangeError | TypeError} Before any cell runs, for an unknown parameter or a value of
 *   the wrong type.
 * @throws {NotebookExecutionError} When a cell fails and `allowErrors` is off (`result` holds the
 *   partial run), or the kernel died or hung.
 * @example
 * ```ts
 * import { executeNotebook } from "@shoplab/lib/report/kernel/execute_notebook.ts";
 * import assert from "node:assert/strict";
 * const cell = (source: string, tags: string[] = []) =>
 *   ({ cell_type: "code" as const, metadata: { tags }, execution_count: null, outputs: [], source });
 * const nb = { nbformat: 4 as const, nbformat_minor: 5, metadata: {},
 *   cells: [cell("const N = 1;", ["parameters"]), cell("console.log(N + 1)")] };
 * const { notebook, status } = await executeNotebook(nb, { params: { N: "41" } });
 * assert.equal(status, "ok");
 * const out = notebook.cells[1].cell_type === "code" ? notebook.cells[1].outputs : [];
 * assert.deepEqual(out, [{ output_type: "stream", name: "stdout", text: "42\n" }]);
 * ```
 */
export async function executeNotebook(
  nb: Notebook,
  options: ExecuteNotebookOptions = {},
): Promise<ExecutionResult> {
  const name = options.name ?? "notebook";
  const out = injectParameters(nb, options.params ?? {}, { notebook: name });
  const timeoutMs = options.timeoutMs ?? 600_000;
  const t0 = performance.now();
  const codeCells = out.cells.map((c, i) => [c, i] as const).filter(([c]) =>
    c.cell_type === "code"
  );
  const progress = (phase: ExecutionProgress["phase"], cell: number, text?: string) =>
    options.onProgress?.({
      notebook: name,
      phase,
      cell,
      cells: codeCells.length,
      elapsedMs: performance.now() - t0,
      ...(text === undefined ? {} : { text }),
    });
  const signal = options.signal;
  signal?.throwIfAborted();
  progress("start", 0);
  const kernel = await startKernel({ ...options.kernel, cwd: options.cwd });
  const onAbort = () => kernel.kill();
  signal?.addEventListener("abort", onAbort, { once: true });
  const failures: CellFailure[] = [];
  let fatal = false;
  try {
    const displays: DisplayIndex = new Map();
    for (let k = 0; k < codeCells.length; k++) {
      const [cell, cellIndex] = codeCells[k] as [CodeCell, number];
      if (fatal || (failures.length && !options.allowErrors)) {
        cell.outputs = [];
        cell.execution_count = null;
        continue;
      }
      if (joinSource(cell.source).trim() === "") {
        cell.outputs = [];
        cell.execution_count = null;
        continue;
      }
      progress("cell", k + 1);
      const onLive = options.onProgress
        ? (text: string) => progress("output", k + 1, text)
        : undefined;
      const r = await runCell(kernel, cell, displays, timeoutMs, onLive);
      signal?.throwIfAborted();
      if (r.end !== "ok") {
        failures.push({
          cellIndex,
          cell: k + 1,
          ename: r.ename ?? "Error",
          evalue: r.evalue ?? "",
        });
      }
      if (!kernel.alive) fatal = true;
    }
  } finally {
    signal?.removeEventListener("abort", onAbort);
    await kernel.shutdown();
  }
  signal?.throwIfAborted();
  progress("done", codeCells.length);
  const result: ExecutionResult = {
    notebook: out,
    status: failures.length ? "error" : "ok",
    failures,
    metrics: notebookMetrics(out),
    parameters: parameterValues(out),
    durationSeconds: (performance.now() - t0) / 1000,
  };
  if (failures.length && (!options.allowErrors || fatal)) {
    const f = failures[0];
    throw new NotebookExecutionError(
      `${name}: cell ${f.cell} of ${codeCells.length} failed: ${f.ename}: ${
        f.evalue.split("\n")[0]
      }`,
      result,
    );
  }
  return result;
}

/** Options of {@linkcode executeNotebookFile}. */
export type ExecuteNotebookFileOptions = Omit<ExecuteNotebookOptions, "name">;

/**
 * Reads an `.ipynb` file and executes it (see {@linkcode executeNotebook}) with the kernel's
 * working directory set to the notebook's folder, as Jupyter does.
 *
 * @param path Path of the notebook (relative paths from the project root).
 * @param options See {@linkcode ExecuteNotebookOptions}: `params`, `timeoutMs`, `allowErrors`, …
 * @returns The executed notebook and what happened.
 * @throws {NotebookExecutionError} When a cell fails and `allowErrors` is off.
 * @example
 * ```ts
 * import { executeNotebookFile } from "@shoplab/lib/report/kernel/execute_notebook.ts";
 * import assert from "node:assert/strict";
 * const dir = await Deno.makeTempDir();
 * await Deno.writeTextFile(`${dir}/n.ipynb`, JSON.stringify({ nbformat: 4, nbformat_minor: 5,
 *   metadata: {}, cells: [{ cell_type: "code", metadata: {}, execution_count: null, outputs: [],
 *   source: 'await Deno.jupyter.display({ "application/vnd.shoplab.metrics+json": { n: 1 } }, { raw: true });' }] }));
 * const { status, metrics } = await executeNotebookFile(`${dir}/n.ipynb`, { timeoutMs: 60_000 });
 * assert.equal(status, "ok");
 * assert.deepEqual(metrics, { n: 1 });
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export async function executeNotebookFile(
  path: string,
  options: ExecuteNotebookFileOptions = {},
): Promise<ExecutionResult> {
  const file = resolve(PROJECT_ROOT, path);
  const nb = JSON.parse(await Deno.readTextFile(file)) as Notebook;
  return await executeNotebook(nb, {
    ...options,
    cwd: options.cwd ?? dirname(file),
    name: basename(file),
  });
}
