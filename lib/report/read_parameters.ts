/**
 * Reads the parameters cell of a notebook: the code cell tagged `parameters`, holding lines
 * `const NAME = literal;`.
 *
 * @module
 */
import { joinSource, type Notebook } from "./nbformat.ts";
import { parseLiteral } from "./_literal.ts";

/** One parameter found in the parameters cell. */
export interface NotebookParameter {
  /** The constant's name, e.g. `"DATA_PATH"`. */
  readonly name: string;
  /** Type of its literal; `"other"` when the value is not a plain literal (e.g. an array). */
  readonly type: "number" | "string" | "boolean" | "other";
  /** The value (`"other"`: the source text). */
  readonly value: number | string | boolean;
  /** Line index in the cell's source. */
  readonly line: number;
  /** Character offsets of the value on that line. */
  readonly start: number;
  /** End offset (exclusive) of the value on that line. */
  readonly end: number;
}

/** The parameters cell of a notebook. */
export interface ParametersCell {
  /** Index of the cell in `nb.cells`. */
  readonly cellIndex: number;
  /** The parameters, in source order. */
  readonly parameters: readonly NotebookParameter[];
}

const DECL_RE =
  /^(\s*(?:export\s+)?(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::\s*[^=]+?)?\s*=\s*)(.*)$/;
const REST_RE = /^\s*(?:as\s+const\s*)?;?\s*(?:\/\/.*)?$/;

/**
 * Finds the notebook's parameters cell (the first code cell tagged `parameters`) and parses
 * its `const NAME = literal;` lines (also `let`/`var`, an optional type annotation, a trailing
 * `//` comment). Number, string and boolean literals are typed; anything else is `"other"` and
 * cannot be replaced.
 *
 * @param nb A notebook.
 * @returns The cell and its parameters, or `undefined` when no cell is tagged `parameters`.
 * @example
 * ```ts
 * import { readParameters } from "@shoplab/lib/report/read_parameters.ts";
 * import assert from "node:assert/strict";
 * const nb = { nbformat: 4 as const, nbformat_minor: 5, metadata: {}, cells: [{
 *   cell_type: "code" as const, metadata: { tags: ["parameters"] }, execution_count: null,
 *   outputs: [], source: ['const DATA_PATH = "data/synthetic"; // folder\n', "const SEED = 42;"],
 * }] };
 * const p = readParameters(nb)!;
 * assert.deepEqual(p.parameters.map((x) => [x.name, x.type, x.value]), [
 *   ["DATA_PATH", "string", "data/synthetic"],
 *   ["SEED", "number", 42],
 * ]);
 * ```
 */
export function readParameters(nb: Notebook): ParametersCell | undefined {
  const cellIndex = nb.cells.findIndex((c) =>
    c.cell_type === "code" && (c.metadata?.tags ?? []).includes("parameters")
  );
  if (cellIndex === -1) return undefined;
  const lines = joinSource(nb.cells[cellIndex].source).split("\n");
  const parameters: NotebookParameter[] = [];
  lines.forEach((text, line) => {
    const m = DECL_RE.exec(text);
    if (!m) return;
    const start = m[1].length;
    const lit = parseLiteral(m[3]);
    if (lit && REST_RE.test(m[3].slice(lit.end))) {
      parameters.push({
        name: m[2],
        type: lit.kind,
        value: lit.value,
        line,
        start,
        end: start + lit.end,
      });
    } else {
      const value = m[3].replace(/;?\s*(\/\/.*)?$/, "").trim();
      parameters.push({
        name: m[2],
        type: "other",
        value,
        line,
        start,
        end: start + m[3].length,
      });
    }
  });
  return { cellIndex, parameters };
}

/**
 * The values of the notebook's parameters cell by name (see {@linkcode readParameters}).
 *
 * @param nb A notebook.
 * @returns Name → value (`"other"` parameters: their source text); `{}` without a parameters cell.
 * @example
 * ```ts
 * import { parameterValues } from "@shoplab/lib/report/read_parameters.ts";
 * import assert from "node:assert/strict";
 * const nb = { nbformat: 4 as const, nbformat_minor: 5, metadata: {}, cells: [{
 *   cell_type: "code" as const, metadata: { tags: ["parameters"] }, execution_count: null,
 *   outputs: [], source: "const K = 10;\nconst WINDOWS = [30, 90];",
 * }] };
 * assert.deepEqual(parameterValues(nb), { K: 10, WINDOWS: "[30, 90]" });
 * ```
 */
export function parameterValues(nb: Notebook): Record<string, number | string | boolean> {
  return Object.fromEntries((readParameters(nb)?.parameters ?? []).map((p) => [p.name, p.value]));
}
