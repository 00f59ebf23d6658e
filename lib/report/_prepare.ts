// Private: select the notebooks of a report run and inject their parameters, checking every
// name and value before anything runs.
import { join } from "node:path";
import type { Notebook } from "./nbformat.ts";
import { injectParameters, type ParameterValue } from "./inject_parameters.ts";
import { parameterValues, readParameters } from "./read_parameters.ts";
import { ReportError } from "./_report_error.ts";
import type { BuildReportOptions } from "./build_report.ts";

const NOTEBOOK_RE = /^\d\d_.*\.ipynb$/;

/** A notebook ready to run. */
export interface PreparedNotebook {
  /** File name, e.g. `00_quick_start.ipynb`. */
  readonly name: string;
  /** File name without `.ipynb`. */
  readonly stem: string;
  /** The notebook with its parameters injected. */
  readonly injected: Notebook;
  /** Values of its parameters cell after injection. */
  readonly parameters: Record<string, unknown>;
  /** `--data`/`--format` given but the notebook has no `DATA_PATH`/`DATA_FORMAT` to set. */
  readonly ignores?: readonly ("DATA_PATH" | "DATA_FORMAT")[];
}

/**
 * Reads the selected notebooks (`NN_*.ipynb` in `dir`, in name order, filtered by the `only`
 * prefixes) and injects their parameters: `data`/`format` into `DATA_PATH`/`DATA_FORMAT` where
 * a notebook has them, each of `params` into the notebooks that declare it.
 *
 * @throws {ReportError} Before anything runs: an unreadable folder or notebook, an `only` prefix
 *   or a parameter that matches nothing, a value of the wrong type.
 * @example
 * ```ts
 * import { prepareNotebooks } from "@shoplab/lib/report/_prepare.ts";
 * import assert from "node:assert/strict";
 * const dir = await Deno.makeTempDir();
 * const nb = (source: string) => JSON.stringify({
 *   nbformat: 4,
 *   nbformat_minor: 5,
 *   metadata: {},
 *   cells: [{
 *     cell_type: "code",
 *     source,
 *     metadata: { tags: ["parameters"] },
 *     execution_count: null,
 *     outputs: [],
 *   }],
 * });
 * await Deno.writeTextFile(`${dir}/00_a.ipynb`, nb('const DATA_PATH = "data/x";\nconst K = 10;'));
 * await Deno.writeTextFile(`${dir}/01_b.ipynb`, nb("const K = 5;"));
 * const [a, b] = await prepareNotebooks(dir, { data: "x.csv", params: { K: 3 } });
 * assert.deepEqual([a.stem, a.parameters], ["00_a", { DATA_PATH: "x.csv", K: 3 }]);
 * assert.equal(a.ignores, undefined);
 * assert.deepEqual([b.stem, b.parameters, b.ignores], ["01_b", { K: 3 }, ["DATA_PATH"]]);
 * await assert.rejects(() => prepareNotebooks(dir, { params: { E: 1 } }), /Unknown parameter E:/);
 * await assert.rejects(() => prepareNotebooks(dir, { only: ["07"] }), /--only 07 matches no/);
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export async function prepareNotebooks(
  dir: string,
  options: Pick<BuildReportOptions, "only" | "data" | "format" | "params">,
): Promise<PreparedNotebook[]> {
  let names: string[];
  try {
    names = (await Array.fromAsync(Deno.readDir(dir)))
      .filter((e) => e.isFile && NOTEBOOK_RE.test(e.name)).map((e) => e.name).sort();
  } catch {
    throw new ReportError(`Cannot read the notebooks folder ${dir}`);
  }
  const only = options.only?.filter((p) => p !== "");
  if (only?.length) {
    const missing = only.filter((p) => !names.some((n) => n.startsWith(p)));
    if (missing.length) {
      throw new ReportError(`--only ${missing.join(",")} matches no notebook in ${dir}`);
    }
    names = names.filter((n) => only.some((p) => n.startsWith(p)));
  }
  if (names.length === 0) throw new ReportError(`No NN_*.ipynb notebooks in ${dir}`);
  const extra = options.params ?? {};
  const used = new Set<string>();
  const prepared: PreparedNotebook[] = [];
  for (const name of names) {
    let nb: Notebook;
    try {
      nb = JSON.parse(await Deno.readTextFile(join(dir, name)));
    } catch (e) {
      throw new ReportError(`Cannot read ${name}: ${e instanceof Error ? e.message : e}`);
    }
    const have = new Set((readParameters(nb)?.parameters ?? []).map((p) => p.name));
    const params: Record<string, ParameterValue> = {};
    if (options.data !== undefined && have.has("DATA_PATH")) params.DATA_PATH = options.data;
    if (options.format !== undefined && have.has("DATA_FORMAT")) {
      params.DATA_FORMAT = options.format;
    }
    for (const [k, v] of Object.entries(extra)) {
      if (have.has(k)) params[k] = v, used.add(k);
    }
    try {
      const injected = injectParameters(nb, params, { notebook: name });
      const parameters = parameterValues(injected);
      const ignores = (["DATA_PATH", "DATA_FORMAT"] as const).filter((k) =>
        (k === "DATA_PATH" ? options.data : options.format) !== undefined && !have.has(k)
      );
      prepared.push({
        name,
        stem: name.replace(/\.ipynb$/, ""),
        injected,
        parameters,
        ...(ignores.length ? { ignores } : {}),
      });
    } catch (e) {
      throw new ReportError(e instanceof Error ? e.message : String(e));
    }
  }
  const unused = Object.keys(extra).filter((k) => !used.has(k));
  if (unused.length) {
    throw new ReportError(
      `Unknown parameter ${unused.join(", ")}: no selected notebook has it in its parameters cell`,
    );
  }
  return prepared;
}
