/**
 * `deno task report`: run notebooks in the real Deno kernel ({@linkcode executeNotebook}),
 * set their parameters ({@linkcode injectParameters}), cache runs by their inputs
 * ({@linkcode notebookInputs}), render self-contained HTML ({@linkcode renderNotebookHtml},
 * {@linkcode renderIndexHtml}) and publish it all atomically ({@linkcode buildReport}).
 *
 * @example
 * ```ts
 * import { METRICS_MIME } from "@shoplab/lib/report/mod.ts";
 * import assert from "node:assert/strict";
 * assert.equal(METRICS_MIME, "application/vnd.shoplab.metrics+json");
 * ```
 *
 * @module
 */
export * from "./nbformat.ts";
export * from "./render/mod.ts";
export * from "./kernel/mod.ts";
export { type NotebookParameter, type ParametersCell, readParameters } from "./read_parameters.ts";
export {
  coerceParameter,
  injectParameters,
  type InjectParametersOptions,
  type ParameterValue,
} from "./inject_parameters.ts";
export {
  type InputFile,
  type NotebookInputs,
  notebookInputs,
  type NotebookInputsOptions,
  RUNNER_VERSION,
} from "./notebook_inputs.ts";
export {
  buildReport,
  type BuildReportOptions,
  type BuildReportResult,
  type NotebookReport,
  ReportError,
  type ReportEvent,
} from "./build_report.ts";
