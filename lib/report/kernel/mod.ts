/**
 * Runs notebooks in the real Deno Jupyter kernel, without Python or the zeromq addon:
 * {@linkcode startKernel} is the low-level client (ZMTP 3.0 + Jupyter wire protocol 5.3),
 * {@linkcode executeNotebook} / {@linkcode executeNotebookFile} run a whole notebook with a
 * barrier after each cell so that every output lands in its cell.
 *
 * @example
 * ```ts
 * import { BARRIER_MIME } from "@shoplab/lib/report/kernel/mod.ts";
 * import assert from "node:assert/strict";
 * assert.equal(BARRIER_MIME, "application/x-shoplab-barrier");
 * ```
 *
 * @module
 */
export {
  type ExecuteRequestOptions,
  type JupyterMessage,
  type KernelClient,
  type MessageHeader,
  startKernel,
  type StartKernelOptions,
  TIMED_OUT,
} from "./start_kernel.ts";
export {
  BARRIER_MIME,
  type CellFailure,
  executeNotebook,
  executeNotebookFile,
  type ExecuteNotebookFileOptions,
  type ExecuteNotebookOptions,
  type ExecutionProgress,
  type ExecutionResult,
  NotebookExecutionError,
  notebookMetrics,
} from "./execute_notebook.ts";
