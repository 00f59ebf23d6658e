/**
 * Executes the notebooks top to bottom in the real Deno Jupyter kernel (through Debian's
 * Jupyter, `jupyter nbconvert --execute`) and checks that no cell fails.
 *
 * nbconvert can drop a late output of the Deno kernel (see ../shared/docs/kernel-notes.md), but
 * an error reply is never lost, so "no error" is a sound assertion. The metrics record is
 * checked when it arrived.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { PROJECT_ROOT } from "@shoplab/lib/core/paths.ts";
import { ensureDefaultData } from "@shoplab/lib/data/generate/ensure_default_data.ts";
import { METRICS_MIME, type Notebook } from "@shoplab/lib/report/nbformat.ts";

const JUPYTER = ["/usr/bin/jupyter", "jupyter"].find((p) => {
  try {
    return new Deno.Command(p, { args: ["--version"], stdout: "null", stderr: "null" }).outputSync()
      .success;
  } catch {
    return false;
  }
});

async function execute(name: string): Promise<Notebook> {
  const out = await Deno.makeTempDir();
  try {
    const { success, stderr } = await new Deno.Command(JUPYTER!, {
      args: [
        "nbconvert",
        "--to",
        "notebook",
        "--execute",
        "--ExecutePreprocessor.kernel_name=deno",
        "--ExecutePreprocessor.timeout=600",
        "--output-dir",
        out,
        join(PROJECT_ROOT, "notebooks", `${name}.ipynb`),
      ],
      cwd: join(PROJECT_ROOT, "notebooks"),
      stdout: "piped",
      stderr: "piped",
    }).output();
    const log = new TextDecoder().decode(stderr);
    assert.ok(success, `${name} failed in the Deno kernel:\n${log.slice(-3000)}`);
    return JSON.parse(await Deno.readTextFile(join(out, `${name}.ipynb`)));
  } finally {
    await Deno.remove(out, { recursive: true });
  }
}

function metrics(nb: Notebook): Record<string, unknown> | undefined {
  for (const cell of nb.cells) {
    if (cell.cell_type !== "code") continue;
    for (const o of cell.outputs) {
      if (
        (o.output_type === "display_data" || o.output_type === "execute_result") &&
        METRICS_MIME in o.data
      ) {
        return o.data[METRICS_MIME] as Record<string, unknown>;
      }
    }
  }
  return undefined;
}

function errors(nb: Notebook): string[] {
  return nb.cells.flatMap((c) =>
    c.cell_type === "code"
      ? c.outputs.filter((o) => o.output_type === "error").map((o) =>
        JSON.stringify(o).slice(0, 500)
      )
      : []
  );
}

Deno.test({
  name: "notebooks/00_quick_start runs top to bottom in the Deno kernel",
  ignore: JUPYTER === undefined,
  async fn() {
    await ensureDefaultData();
    const nb = await execute("00_quick_start");
    assert.deepEqual(errors(nb), []);
    const m = metrics(nb);
    if (m) {
      const n = Number(m.n_customers);
      assert.ok(n > 2500 && n <= 5000, `buying customers of the default shop: ${n}`);
      assert.ok(Number(m.revenue) > 0);
    }
  },
});

Deno.test({
  name: "notebooks/01_data_preparation runs top to bottom in the Deno kernel",
  ignore: JUPYTER === undefined,
  async fn() {
    await ensureDefaultData();
    const nb = await execute("01_data_preparation");
    assert.deepEqual(errors(nb), []);
    const m = metrics(nb);
    if (m) {
      assert.ok(Number(m.duplicates_removed) > 0, "the synthetic shop has duplicates on purpose");
      assert.ok(Number(m.n_customers_features) > 1000);
    }
  },
});
