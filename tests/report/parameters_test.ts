import assert from "node:assert/strict";
import type { Notebook } from "@shoplab/lib/report/nbformat.ts";
import { coerceParameter, injectParameters, readParameters } from "@shoplab/lib/report/mod.ts";

function nb(source: string, tags = ["parameters"]): Notebook {
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {},
    cells: [
      { cell_type: "markdown", metadata: {}, source: "# T" },
      { cell_type: "code", metadata: { tags }, execution_count: null, outputs: [], source },
    ],
  };
}

const CELL = [
  "// Parameters: deno task report --param NAME=value",
  'const DATA_PATH = "data/synthetic"; // a folder',
  "const SEED = 42;",
  "const RATE: number = 0.5;",
  "let VERBOSE = false",
  "const NAME = 'it\\'s';",
  'const URL = "http://x//y"; // the // inside the string stays',
  "const WINDOWS = [30, 90];",
].join("\n");

Deno.test("readParameters() reads typed literals, annotations, comments and quotes", () => {
  const p = readParameters(nb(CELL))!;
  assert.equal(p.cellIndex, 1);
  assert.deepEqual(p.parameters.map((x) => [x.name, x.type, x.value]), [
    ["DATA_PATH", "string", "data/synthetic"],
    ["SEED", "number", 42],
    ["RATE", "number", 0.5],
    ["VERBOSE", "boolean", false],
    ["NAME", "string", "it's"],
    ["URL", "string", "http://x//y"],
    ["WINDOWS", "other", "[30, 90]"],
  ]);
});

Deno.test("readParameters() returns undefined without a parameters cell", () => {
  assert.equal(readParameters(nb("const A = 1;", [])), undefined);
});

Deno.test("injectParameters() replaces values with typed literals and keeps the rest", () => {
  const input = nb(CELL);
  const before = JSON.stringify(input);
  const out = injectParameters(input, {
    DATA_PATH: '/tmp/my "shop"\\data',
    SEED: "7",
    RATE: "1e-3",
    VERBOSE: "true",
    NAME: "x",
  });
  assert.equal(JSON.stringify(input), before, "input not mutated");
  const lines = String(out.cells[1].source).split("\n");
  assert.equal(lines[1], 'const DATA_PATH = "/tmp/my \\"shop\\"\\\\data"; // a folder');
  assert.equal(lines[2], "const SEED = 7;");
  assert.equal(lines[3], "const RATE: number = 0.001;");
  assert.equal(lines[4], "let VERBOSE = true");
  assert.equal(lines[5], 'const NAME = "x";');
  assert.equal(lines[6], 'const URL = "http://x//y"; // the // inside the string stays');
  const again = readParameters(out)!.parameters;
  assert.equal(again.find((p) => p.name === "DATA_PATH")!.value, '/tmp/my "shop"\\data');
});

Deno.test("injectParameters() accepts typed values of the right type", () => {
  const out = injectParameters(nb(CELL), { SEED: 3, VERBOSE: true, DATA_PATH: "d" });
  assert.deepEqual(
    readParameters(out)!.parameters.slice(0, 4).map((p) => p.value),
    ["d", 3, 0.5, true],
  );
});

Deno.test("injectParameters() names the unknown parameter and the known ones", () => {
  assert.throws(
    () => injectParameters(nb(CELL), { SEDE: "1" }, { notebook: "04_churn.ipynb" }),
    (e: unknown) =>
      e instanceof RangeError && /Unknown parameter SEDE for 04_churn\.ipynb/.test(e.message) &&
      /DATA_PATH, SEED, RATE/.test(e.message),
  );
  assert.throws(
    () => injectParameters(nb("const A = 1;", []), { A: "2" }, { notebook: "x.ipynb" }),
    /x\.ipynb has no cell tagged "parameters"/,
  );
  const same = injectParameters(nb(CELL), { SEDE: "1" }, { ignoreUnknown: true });
  assert.equal(same.cells[1].source, CELL);
});

Deno.test("injectParameters() rejects values of the wrong type before changing anything", () => {
  const cases: [Record<string, string | number | boolean>, RegExp][] = [
    [{ SEED: "forty" }, /SEED .* "forty": expected a number/],
    [{ SEED: "" }, /expected a number/],
    [{ SEED: "1e999" }, /expected a number/],
    [{ VERBOSE: "yes" }, /expected true or false/],
    [{ SEED: true }, /expected a number/],
    [{ DATA_PATH: 3 }, /expected a string/],
    [{ SEED: NaN }, /expected a number/],
    [{ WINDOWS: "[1]" }, /not a number, string or boolean literal/],
  ];
  for (const [params, re] of cases) {
    assert.throws(
      () => injectParameters(nb(CELL), params),
      (e: unknown) => e instanceof TypeError && re.test(e.message),
      JSON.stringify(params),
    );
  }
});

Deno.test("coerceParameter() converts command-line text to the parameter's type", () => {
  const p = readParameters(nb(CELL))!.parameters;
  const by = (n: string) => p.find((x) => x.name === n)!;
  assert.equal(coerceParameter(by("SEED"), " -12.5 ", "nb"), -12.5);
  assert.equal(coerceParameter(by("DATA_PATH"), "42", "nb"), "42");
  assert.equal(coerceParameter(by("VERBOSE"), "false", "nb"), false);
});
