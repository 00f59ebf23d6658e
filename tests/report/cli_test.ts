// `deno task report` end to end, with the task's own permissions, on the fixture notebooks.
import assert from "node:assert/strict";
import { join } from "node:path";
import { PROJECT_ROOT } from "@shoplab/lib/core/paths.ts";
import type { Notebook } from "@shoplab/lib/report/nbformat.ts";
import { runReport, snapshot, spawnReport } from "./_cli.ts";

const DATA = join(PROJECT_ROOT, "tests/report/fixtures/data/values.csv");

/** Runs `fn` with `out` = `<a new temp folder>/rep`, and removes the temp folder after. */
async function inTmp(fn: (out: string, dir: string) => Promise<void>): Promise<void> {
  const dir = await Deno.makeTempDir({ prefix: "shoplab-report-cli-" });
  try {
    await fn(join(dir, "rep"), dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

/** Builds a first report into `out` and returns its files, to compare with a later run's. */
async function firstReport(out: string): Promise<Map<string, Uint8Array>> {
  assert.equal((await runReport(["--out", out])).code, 0);
  return await snapshot(out);
}

function statusLines(stderr: string): string[] {
  return stderr.split("\n").filter((l) => /^(ok {2}|FAIL) /.test(l));
}

Deno.test("report CLI --help documents every flag", async () => {
  const r = await runReport(["--help"]);
  assert.equal(r.code, 0);
  for (
    const flag of [
      "--data",
      "--format",
      "--param",
      "--only",
      "--out",
      "--audience",
      "--interactive",
      "--force",
      "--allow-errors",
      "--timeout",
    ]
  ) {
    assert.ok(r.stdout.includes(flag), flag);
  }
});

Deno.test({
  name: "report CLI writes reports, executed notebooks, index.html and metrics.json",
  sanitizeResources: false,
  async fn() {
    await inTmp(async (out) => {
      const r = await runReport(["--out", out]);
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(statusLines(r.stderr).map((l) => l.split(" (")[0]), [
        "ok   00_alpha.ipynb",
        "ok   01_beta.ipynb",
      ]);
      assert.deepEqual(JSON.parse(await Deno.readTextFile(join(out, "metrics.json"))), {
        "00_alpha": { n_rows: 3, total: 10, label: "alpha" },
        "01_beta": { k: 3, slept_ms: 0 },
      });
      const names = [...(await snapshot(out)).keys()].sort();
      assert.deepEqual(names, [
        "00_alpha.html",
        "00_alpha.ipynb",
        "01_beta.html",
        "01_beta.ipynb",
        "index.html",
        "metrics.json",
      ]);
      const executed: Notebook = JSON.parse(await Deno.readTextFile(join(out, "00_alpha.ipynb")));
      const first = executed.cells[2];
      assert.ok(first.cell_type === "code" && first.execution_count === 2);
      assert.deepEqual(first.outputs, [
        { output_type: "stream", name: "stdout", text: "read 3 rows for alpha\n" },
      ]);
      const html = await Deno.readTextFile(join(out, "00_alpha.html"));
      assert.match(html, /<h1>Alpha report<\/h1>/);
      assert.match(html, /csv \(tests\/report\/fixtures\/data\/values\.csv\)/);
      assert.match(html, /<code>LABEL<\/code><\/td><td>alpha</);
      assert.match(html, /Git revision<\/dt><dd><code>([0-9a-f]{4,}|unknown)<\/code>/);
      assert.match(html, /<figure class="chart" id="chart-1"><div class="chart-static"><svg/);
      // The payload from the data file shows as text and never as markup.
      assert.ok(!html.includes("<script>window.__xss"), "payload escaped");
      assert.ok(html.includes("&lt;script&gt;window.__xss=1&lt;/script&gt;"));
      const index = await Deno.readTextFile(join(out, "index.html"));
      assert.match(index, /href="00_alpha\.html"/);
      assert.match(index, /href="01_beta\.html"/);
      assert.match(index, /A second notebook: it can be made slow with SLEEP_MS\./);
      const mode = (await Deno.stat(out)).mode! & 0o777;
      assert.equal(mode, 0o755, "the output folder is readable like any other");
    });
  },
});

Deno.test({
  name: "report CLI reuses the cache until an input changes; --force re-executes",
  sanitizeResources: false,
  async fn() {
    await inTmp(async (out, dir) => {
      const data = join(dir, "values.csv");
      await Deno.copyFile(DATA, data);
      let stderr = "";
      const run = async (...args: string[]) => {
        const r = await runReport(["--out", out, "--data", data, ...args]);
        assert.equal(r.code, 0, r.stderr);
        stderr = r.stderr;
        return statusLines(r.stderr).map((l) => l.includes("(cached)") ? "hit" : "miss");
      };
      assert.deepEqual(await run(), ["miss", "miss"]);
      assert.ok(
        stderr.includes(
          "note: 01_beta.ipynb has no DATA_PATH parameter: --data does not apply to it " +
            "(it runs on its own data)\n",
        ),
        "a notebook that --data cannot reach is named",
      );
      assert.ok(!stderr.includes("note: 00_alpha"), stderr);
      assert.deepEqual(await run(), ["hit", "hit"]);
      assert.deepEqual(await run("--param", "K=4"), ["hit", "miss"], "K is only in 01_beta");
      assert.deepEqual(await run("--param", "K=4"), ["hit", "hit"]);
      await Deno.writeTextFile(data, "name,value\na,1\n");
      assert.deepEqual(await run("--param", "K=4"), ["miss", "hit"], "the data file changed");
      assert.deepEqual(await run("--param", "K=4", "--force"), ["miss", "miss"]);
      assert.deepEqual(
        JSON.parse(await Deno.readTextFile(join(out, "metrics.json")))["00_alpha"].n_rows,
        1,
      );
      const html = await Deno.readTextFile(join(out, "01_beta.html"));
      assert.ok(!html.includes("(cached)"));
      const alpha = await Deno.readTextFile(join(out, "00_alpha.html"));
      const source = /<dt>Data source<\/dt><dd>([^<]*)<\/dd>/.exec(alpha)?.[1];
      const folder = dir.split("/").pop();
      assert.equal(source, `csv (…/${folder}/values.csv)`, "a path outside the project, shortened");
      assert.ok(alpha.includes(`<td>${data}</td>`), "the full path in the parameters table");
      await run("--param", "K=4");
      assert.ok((await Deno.readTextFile(join(out, "01_beta.html"))).includes("(cached)"));
    });
  },
});

Deno.test({
  name: "report CLI --only re-runs the selected notebooks and keeps the others' reports",
  sanitizeResources: false,
  async fn() {
    await inTmp(async (out) => {
      const before = await firstReport(out);
      const r = await runReport(["--out", out, "--only", "01", "--param", "K=5"]);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(statusLines(r.stderr).length, 1);
      const after = await snapshot(out);
      assert.deepEqual(after.get("00_alpha.html"), before.get("00_alpha.html"));
      assert.deepEqual(after.get("00_alpha.ipynb"), before.get("00_alpha.ipynb"));
      const metrics = JSON.parse(await Deno.readTextFile(join(out, "metrics.json")));
      assert.deepEqual(Object.keys(metrics), ["00_alpha", "01_beta"]);
      assert.equal(metrics["01_beta"].k, 5);
      assert.match(await Deno.readTextFile(join(out, "index.html")), /href="00_alpha\.html"/);
    });
  },
});

Deno.test("report CLI rejects bad input with one line before running anything", async () => {
  await inTmp(async (out) => {
    const cases: [string[], number, RegExp][] = [
      [["--param", "NOPE=1"], 1, /^report: Unknown parameter NOPE: no selected notebook has it/],
      [
        ["--param", "K=three"],
        1,
        /^report: Cannot set parameter K of 01_beta\.ipynb to "three": expected a number/,
      ],
      [["--param", "FAIL=maybe"], 1, /expected true or false/],
      [["--param", "K"], 2, /^report: --param expects NAME=VALUE/],
      [["--only", "7"], 1, /^report: --only 7 matches no notebook/],
      [["--audience", "boss"], 2, /^report: --audience must be analyst or stakeholder/],
      [["--frobnicate"], 2, /^report: Unknown option '--frobnicate'/],
    ];
    for (const [args, code, re] of cases) {
      const r = await runReport(["--out", out, ...args]);
      assert.equal(r.code, code, `${args.join(" ")}: ${r.stderr}`);
      const lines = r.stderr.trim().split("\n");
      assert.equal(lines.length, 1, r.stderr);
      assert.match(lines[0], re);
      assert.ok(!r.stderr.includes("running"), "nothing ran");
    }
    await assert.rejects(() => Deno.stat(out), "no output folder was created");
  });
});

Deno.test({
  name: "report CLI: a failing notebook keeps the previous report; --allow-errors publishes it",
  sanitizeResources: false,
  async fn() {
    await inTmp(async (out) => {
      const before = await firstReport(out);
      const r = await runReport(["--out", out, "--param", "FAIL=true"]);
      assert.equal(r.code, 1);
      const last = r.stderr.trim().split("\n").at(-1)!;
      assert.match(
        last,
        /^report: 1 of 2 notebooks failed \(previous report kept\): 00_alpha cell 5: Error: asked to fail$/,
      );
      assert.deepEqual(await snapshot(out), before, "previous report byte-identical");
      const allowed = await runReport(["--out", out, "--param", "FAIL=true", "--allow-errors"]);
      assert.equal(allowed.code, 0, allowed.stderr);
      const html = await Deno.readTextFile(join(out, "00_alpha.html"));
      assert.match(html, /This step failed — <strong>Error<\/strong>: asked to fail/);
      assert.match(html, /<span class="badge error">failed<\/span>/);
      const metrics = JSON.parse(await Deno.readTextFile(join(out, "metrics.json")));
      assert.deepEqual(metrics["00_alpha"], {});
    });
  },
});

async function killMidway(signal: Deno.Signal, times = 1): Promise<void> {
  await inTmp(async (out, dir) => {
    const before = await firstReport(out);
    const child = spawnReport(["--out", out, "--force", "--param", "SLEEP_MS=30000"]);
    const reader = child.stderr.pipeThrough(new TextDecoderStream()).getReader();
    let seen = "";
    while (!/01_beta\.ipynb: running\n(?: {2}cell [12]\/4[^\n]*\n)* {2}cell 3\/4/.test(seen)) {
      const { value, done } = await reader.read();
      if (done) break;
      seen += value;
    }
    assert.match(seen, /cell 3\/4/, "the slow cell is running");
    // The first notebook finished and was rendered into the build folder; kill now.
    for (let i = 0; i < times; i++) {
      // 5 ms apart, as the terminal's and the task's copies arrive (signals that are still
      // pending at once would merge into one)
      if (i > 0) await new Promise((r) => setTimeout(r, 5));
      try {
        child.kill(signal);
      } catch {
        // already exited
      }
    }
    const status = await child.status;
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      seen += value;
    }
    await child.stdout.cancel();
    if (signal !== "SIGKILL") {
      assert.equal(status.code, 130);
      assert.match(seen, /report: interrupted; the previous report is unchanged\n$/);
      const left = [...Deno.readDirSync(dir)].map((e) => e.name);
      assert.deepEqual(left, ["rep"], "no build folder left behind");
    }
    assert.deepEqual(await snapshot(out), before, "previous report byte-identical");
    const again = await runReport(["--out", out]);
    assert.equal(again.code, 0, again.stderr);
    const left = [...Deno.readDirSync(dir)].map((e) => e.name);
    assert.deepEqual(left, ["rep"], "the next run removed what the killed run left behind");
  });
}

Deno.test({
  name: "report CLI killed with SIGTERM midway leaves the previous report byte-identical",
  sanitizeResources: false,
  fn: () => killMidway("SIGTERM"),
});

Deno.test({
  // Ctrl-C under `deno task`: the terminal signals the process group and the task forwards it.
  name: "report CLI interrupted by Ctrl-C (SIGINT twice at once) cleans up and keeps the report",
  sanitizeResources: false,
  fn: () => killMidway("SIGINT", 2),
});

Deno.test({
  name: "report CLI killed with SIGKILL midway leaves the previous report byte-identical",
  sanitizeResources: false,
  fn: () => killMidway("SIGKILL"),
});
