/**
 * Replaces values in a notebook's parameters cell (what `--param`, `--data` and `--format` do).
 *
 * @module
 */
import { joinSource, type Notebook } from "./nbformat.ts";
import { printLiteral } from "./_literal.ts";
import { type NotebookParameter, readParameters } from "./read_parameters.ts";

/** A parameter value: text from the command line (converted to the parameter's type) or typed. */
export type ParameterValue = string | number | boolean;

/** Options of {@linkcode injectParameters}. */
export interface InjectParametersOptions {
  /** Name of the notebook for error messages. Default `"notebook"`. */
  readonly notebook?: string;
  /** Skip names the notebook does not have instead of throwing. Default `false`. */
  readonly ignoreUnknown?: boolean;
}

const NUMBER_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Converts a value to a parameter's type: command-line text becomes a number (`"0.5"`, `"1e3"`),
 * a boolean (`"true"`/`"false"`) or stays a string, as the parameter's current literal dictates;
 * a typed value must already have that type.
 *
 * @param p The parameter (see `readParameters`).
 * @param value The new value.
 * @param notebook Notebook name for the error message.
 * @returns The typed value.
 * @throws {TypeError} When the value does not fit the parameter's type, or the parameter is not a
 *   plain literal.
 * @example
 * ```ts
 * import { coerceParameter } from "@shoplab/lib/report/inject_parameters.ts";
 * import assert from "node:assert/strict";
 * const seed = { name: "SEED", type: "number" as const, value: 42, line: 0, start: 0, end: 2 };
 * assert.equal(coerceParameter(seed, "7", "nb"), 7);
 * assert.throws(() => coerceParameter(seed, "seven", "nb"), TypeError);
 * ```
 */
export function coerceParameter(
  p: NotebookParameter,
  value: ParameterValue,
  notebook: string,
): number | string | boolean {
  const where = `parameter ${p.name} of ${notebook}`;
  if (p.type === "other") {
    throw new TypeError(
      `Cannot set ${where}: its value ${p.value} is not a number, string or boolean literal`,
    );
  }
  if (typeof value !== "string") {
    if (typeof value !== p.type || (typeof value === "number" && !Number.isFinite(value))) {
      throw new TypeError(`Cannot set ${where} to ${String(value)}: expected a ${p.type}`);
    }
    return value;
  }
  if (p.type === "string") return value;
  if (p.type === "number") {
    const t = value.trim();
    const n = Number(t);
    if (!NUMBER_TEXT.test(t) || !Number.isFinite(n)) {
      throw new TypeError(`Cannot set ${where} to "${value}": expected a number, e.g. ${p.value}`);
    }
    return n;
  }
  if (value === "true" || value === "false") return value === "true";
  throw new TypeError(`Cannot set ${where} to "${value}": expected true or false`);
}

/**
 * Returns a copy of the notebook whose parameters cell has the given values, each printed as a
 * correctly typed TypeScript literal (strings through `JSON.stringify`), the rest of each line
 * (semicolon, comment) kept. The input is not modified. All names and values are checked before
 * anything is changed.
 *
 * @param nb The notebook.
 * @param params Name → value (see {@linkcode coerceParameter}).
 * @param options See {@linkcode InjectParametersOptions}.
 * @returns The notebook with the values replaced.
 * @throws {RangeError} When a name is not in the parameters cell (or there is none) and
 *   `ignoreUnknown` is off.
 * @throws {TypeError} When a value does not fit its parameter's type.
 * @example
 * ```ts
 * import { injectParameters } from "@shoplab/lib/report/inject_parameters.ts";
 * import assert from "node:assert/strict";
 * const nb = { nbformat: 4 as const, nbformat_minor: 5, metadata: {}, cells: [{
 *   cell_type: "code" as const, metadata: { tags: ["parameters"] }, execution_count: null,
 *   outputs: [], source: 'const PATH = "a"; // where\nconst K = 5;\n',
 * }] };
 * const out = injectParameters(nb, { PATH: 'b "c"', K: "10" });
 * assert.equal(out.cells[0].source, 'const PATH = "b \\"c\\""; // where\nconst K = 10;\n');
 * assert.throws(() => injectParameters(nb, { NOPE: "1" }), RangeError);
 * assert.throws(() => injectParameters(nb, { K: "ten" }), TypeError);
 * ```
 */
export function injectParameters(
  nb: Notebook,
  params: Readonly<Record<string, ParameterValue>>,
  options: InjectParametersOptions = {},
): Notebook {
  const name = options.notebook ?? "notebook";
  const cell = readParameters(nb);
  const names = Object.keys(params);
  const known = new Map((cell?.parameters ?? []).map((p) => [p.name, p]));
  const unknown = names.filter((n) => !known.has(n));
  if (unknown.length && !options.ignoreUnknown) {
    throw new RangeError(
      cell
        ? `Unknown parameter${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")} for ${name}: ` +
          `its parameters cell has ${[...known.keys()].join(", ") || "no constants"}`
        : `Cannot set ${unknown.join(", ")}: ${name} has no cell tagged "parameters"`,
    );
  }
  const edits = names.filter((n) => known.has(n)).map((n) => {
    const p = known.get(n)!;
    return { p, text: printLiteral(coerceParameter(p, params[n], name)) };
  });
  if (!cell || edits.length === 0) return structuredClone(nb);
  const lines = joinSource(nb.cells[cell.cellIndex].source).split("\n");
  for (const { p, text } of edits) {
    const l = lines[p.line];
    lines[p.line] = l.slice(0, p.start) + text + l.slice(p.end);
  }
  const out = structuredClone(nb);
  out.cells[cell.cellIndex].source = lines.join("\n");
  return out;
}
