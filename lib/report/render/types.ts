/**
 * Types of the HTML report renderer's contract with `deno task report`.
 *
 * @module
 */

/** What the runner knows about one executed notebook, shown in the report's header. */
export interface ReportMeta {
  /** Report title (usually the notebook's first heading). */
  title: string;
  /** Notebook file name, e.g. `"04_churn_prediction.ipynb"`. */
  notebook: string;
  /** Date of the run as text (the caller formats it; no clock is read here). */
  date: string;
  /** Where the data came from, e.g. `"synthetic (data/synthetic)"`. */
  dataSource: string;
  /** Values of the notebook's parameters cell. */
  parameters: Record<string, unknown>;
  /** Git revision of the code that ran. */
  gitRevision: string;
  /** Whether every cell ran. */
  status: "ok" | "error";
  /** Wall time of the run in seconds. */
  durationSeconds: number;
}

/** Options of `renderNotebookHtml`. */
export interface RenderOptions {
  /**
   * `"analyst"`: code folded under each cell, streams and tracebacks shown.
   * `"stakeholder"`: narrative and results only (no code, no stdout/stderr, no parameters cell).
   */
  audience: "analyst" | "stakeholder";
  /** Also inline vega + vega-lite + vega-embed so charts get tooltips (static SVG stays). */
  interactive: boolean;
  /** Header facts. */
  meta: ReportMeta;
}

/** One notebook's card on the index page. */
export interface IndexEntry {
  /** Link to the report, relative to the index. */
  href: string;
  /** The notebook's title (see `notebookSummary`). */
  title: string;
  /** One line (see `notebookSummary`). */
  summary: string;
  /** Key numbers from the notebook's metrics record. */
  metrics: Record<string, number | string>;
  /** Whether every cell ran. */
  status: "ok" | "error";
  /** Wall time of the run in seconds. */
  durationSeconds: number;
}

/** Options of `renderIndexHtml`. */
export interface IndexOptions {
  /** Date of the run as text. */
  date: string;
  /** Where the data came from. */
  dataSource: string;
  /** Git revision of the code that ran. */
  gitRevision: string;
}
