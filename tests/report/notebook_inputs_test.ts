import assert from "node:assert/strict";
import { join } from "node:path";
import type { Notebook } from "@shoplab/lib/report/nbformat.ts";
import { notebookInputs } from "@shoplab/lib/report/notebook_inputs.ts";

/** A throw-away project: lib/mod.ts → lib/a/mod.ts → lib/a/x.ts; lib/b.ts is not imported. */
async function project(): Promise<string> {
  const root = await Deno.makeTempDir({ prefix: "shoplab-inputs-" });
  const files: Record<string, string> = {
    "deno.json": "{}",
    "deno.lock": '{"version":"4"}',
    "lib/mod.ts": 'export * from "./a/mod.ts";\n',
    "lib/a/mod.ts": 'export { x } from "./x.ts";\nimport type { Y } from "../types.ts";\n',
    "lib/a/x.ts": "export const x = 1;\n",
    "lib/types.ts": "export type Y = number;\n",
    "lib/b.ts": "export const b = 2;\n",
    "data/shop/t.csv": "a,b\n1,2\n",
    "data/shop/c.csv": "c\n3\n",
  };
  for (const [p, text] of Object.entries(files)) {
    await Deno.mkdir(join(root, p, ".."), { recursive: true });
    await Deno.writeTextFile(join(root, p), text);
  }
  return root;
}

function nb(code: string): Notebook {
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {},
    cells: [{ cell_type: "code", metadata: {}, execution_count: null, outputs: [], source: code }],
  };
}

const CODE = 'import { x } from "@shoplab/lib";\nimport pl from "nodejs-polars";';

Deno.test("notebookInputs() follows @shoplab/lib imports transitively, not the whole of lib/", async () => {
  const root = await project();
  try {
    const r = await notebookInputs({ notebook: nb(CODE), parameters: {}, root });
    assert.deepEqual(r.files.map((f) => f.path), [
      "lib/a/mod.ts",
      "lib/a/x.ts",
      "lib/mod.ts",
      "lib/types.ts",
      "deno.json",
      "deno.lock",
    ]);
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});

Deno.test("notebookInputs() key changes exactly when an input changes", async () => {
  const root = await project();
  try {
    const parameters = { DATA_PATH: "data/shop", K: 5 };
    const key = async (p: Record<string, unknown> = parameters, code = CODE) =>
      (await notebookInputs({ notebook: nb(code), parameters: p, root })).key;
    const base = await key();
    assert.equal(await key(), base, "same inputs, same key");
    await Deno.writeTextFile(join(root, "lib/b.ts"), "export const b = 3;\n");
    assert.equal(await key(), base, "a lib file the notebook does not import");
    const changes: [string, () => Promise<void>][] = [
      [
        "imported lib file",
        () => Deno.writeTextFile(join(root, "lib/a/x.ts"), "export const x = 2;\n"),
      ],
      ["deno.lock", () => Deno.writeTextFile(join(root, "deno.lock"), '{"version":"5"}')],
      ["deno.json", () => Deno.writeTextFile(join(root, "deno.json"), '{"imports":{}}')],
      [
        "data file in the folder",
        () => Deno.writeTextFile(join(root, "data/shop/c.csv"), "c\n4\n"),
      ],
      ["new data file", () => Deno.writeTextFile(join(root, "data/shop/z.csv"), "z\n")],
    ];
    let previous = base;
    for (const [what, change] of changes) {
      await change();
      const next = await key();
      assert.notEqual(next, previous, what);
      previous = next;
    }
    assert.notEqual(await key({ ...parameters, K: 6 }), previous, "a parameter");
    assert.notEqual(await key(parameters, CODE + "\n// edited"), previous, "the notebook");
    await Deno.remove(join(root, "data/shop"), { recursive: true });
    const missing = await notebookInputs({ notebook: nb(CODE), parameters, root });
    assert.ok(missing.files.some((f) => f.path === "data/shop" && f.sha256 === "missing"));
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});
