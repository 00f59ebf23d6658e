// The notebook runner against the real Deno kernel (`deno jupyter --kernel`), no Jupyter needed.
import assert from "node:assert/strict";
import { join } from "node:path";
import { PROJECT_ROOT } from "@shoplab/lib/core/paths.ts";
import { joinSource, type Notebook, type Output } from "@shoplab/lib/report/nbformat.ts";
import {
  executeNotebook,
  executeNotebookFile,
  NotebookExecutionError,
  startKernel,
} from "@shoplab/lib/report/kernel/mod.ts";

const FIXTURE = "tests/report/fixtures/runner_outputs.ipynb";

/** A compact, comparable view of one output. */
function view(o: Output): unknown {
  switch (o.output_type) {
    case "stream":
      return ["stream", o.name, joinSource(o.text)];
    case "error":
      return ["error", o.ename, o.evalue];
    default:
      return [
        o.output_type,
        Object.keys(o.data).sort().join(" "),
        String(o.data["text/plain"] ?? ""),
      ];
  }
}

/**
 * The late cell ends with `setTimeout(() => console.log("late timer"), 0); "result…"`: whether
 * the kernel publishes the timer's output or the cell's result first is the kernel's own race
 * (under load either happens). Both must land in that cell; we put the timer's output last.
 */
function canonical(nb: Notebook): Notebook {
  const copy = structuredClone(nb);
  for (const c of copy.cells) {
    if (c.cell_type !== "code" || !joinSource(c.source).includes('"late timer"')) continue;
    const late = (o: Output) => o.output_type === "stream" && joinSource(o.text) === "late timer\n";
    c.outputs = [...c.outputs.filter((o) => !late(o)), ...c.outputs.filter(late)];
  }
  return copy;
}

function outputs(nb: Notebook): unknown[][] {
  return nb.cells.filter((c) => c.cell_type === "code").map((c) =>
    c.cell_type === "code" ? c.outputs.map(view) : []
  );
}

const EXPECTED = [
  [],
  [
    ["stream", "stdout", "hello\nline 2\n"],
    ["stream", "stderr", "to stderr\n"],
    ["stream", "stdout", "flag true\n"],
  ],
  [
    ["display_data", "text/plain", "first"],
    ["stream", "stdout", "between\n"],
    ["display_data", "text/plain", "second"],
    ["display_data", "text/markdown", ""],
  ],
  [
    ["stream", "stdout", "timer fired\n"],
    ["display_data", "text/plain", "after a short await"],
    ["execute_result", "text/plain", '"result of the late cell"'],
    ["stream", "stdout", "late timer\n"],
  ],
  [["execute_result", "application/vnd.dataresource+json text/html", ""]],
  [[
    "display_data",
    "application/vnd.vegalite.v5+json image/svg+xml text/html text/plain",
    "[chart: Two bars]",
  ]],
  [["execute_result", "text/plain", "42"]],
  [["display_data", "text/html text/plain", "training — 3 / 3 (done): epoch 3, loss 0.3333"]],
  [["error", "Error", "boom <b>bold</b>"]],
  [
    ["stream", "stdout", "after the error\n"],
    [
      "display_data",
      "application/vnd.shoplab.metrics+json text/html text/plain",
      "n: 3\ngreeting: hello\nanswer: 21",
    ],
  ],
];

Deno.test({
  name: "executeNotebookFile() captures every output in order, in 20 consecutive runs",
  sanitizeResources: false,
  async fn() {
    let first: string | undefined;
    for (let run = 0; run < 20; run++) {
      const r = await executeNotebookFile(FIXTURE, { allowErrors: true });
      const nb = canonical(r.notebook);
      const seen = outputs(nb);
      // The chart's plain-text fallback is whatever showChart writes: compare its presence only.
      const chart = seen[5][0] as string[];
      assert.match(chart[2], /Two bars/);
      chart[2] = "[chart: Two bars]";
      assert.deepEqual(seen, EXPECTED, `run ${run + 1}`);
      const full = JSON.stringify(nb.cells.map((c) => c.cell_type === "code" ? c.outputs : []));
      first ??= full;
      assert.equal(full, first, `run ${run + 1} differs from run 1 in detail`);
      assert.equal(r.status, "error");
      assert.deepEqual(r.failures.map((f) => [f.cell, f.ename]), [[9, "Error"]]);
      assert.deepEqual(r.metrics, { n: 3, greeting: "hello", answer: 21 });
      const counts = r.notebook.cells.flatMap((c) =>
        c.cell_type === "code" ? [c.execution_count] : []
      );
      assert.deepEqual(counts, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    }
  },
});

Deno.test({
  name: "executeNotebookFile() keeps the DataFrame, chart and error payloads intact",
  sanitizeResources: false,
  async fn() {
    const r = await executeNotebookFile(FIXTURE, { allowErrors: true });
    const cells = r.notebook.cells.filter((c) => c.cell_type === "code");
    const df = cells[4].cell_type === "code" ? cells[4].outputs[0] : undefined;
    assert.ok(df && df.output_type === "execute_result");
    assert.match(String(df.data["text/html"]), /&lt;script&gt;window.__xss=1/);
    const chart = cells[5].cell_type === "code" ? cells[5].outputs[0] : undefined;
    assert.ok(chart && chart.output_type === "display_data");
    const spec = chart.data["application/vnd.vegalite.v5+json"] as { title: string };
    assert.equal(spec.title, "Two bars");
    const err = cells[8].cell_type === "code" ? cells[8].outputs[0] : undefined;
    assert.ok(err && err.output_type === "error" && err.traceback.length > 0);
    // nbformat: no transient fields in saved outputs.
    assert.ok(!JSON.stringify(r.notebook).includes('"transient"'));
  },
});

Deno.test({
  name: "executeNotebookFile() stops at the first error unless allowErrors",
  sanitizeResources: false,
  async fn() {
    const e = await executeNotebookFile(FIXTURE).then(
      () => assert.fail("should throw"),
      (e) => e,
    );
    assert.ok(e instanceof NotebookExecutionError);
    assert.match(e.message, /cell 9 of 10 failed: Error: boom/);
    const cells = (e.result.notebook as Notebook).cells.flatMap((c) =>
      c.cell_type === "code" ? [c] : []
    );
    assert.deepEqual(cells[9].outputs, []);
    assert.equal(cells[9].execution_count, null);
    assert.equal(e.result.metrics, undefined);
  },
});

Deno.test({
  name: "executeNotebookFile() injects parameters as typed literals",
  sanitizeResources: false,
  async fn() {
    const r = await executeNotebookFile(FIXTURE, {
      allowErrors: true,
      params: { GREETING: 'hi "there" <b>', N: "2", FLAG: "false" },
    });
    const cells = r.notebook.cells.filter((c) => c.cell_type === "code");
    assert.deepEqual(cells[1].cell_type === "code" && cells[1].outputs.map(view), [
      ["stream", "stdout", 'hi "there" <b>\nline 2\n'],
      ["stream", "stderr", "to stderr\n"],
      ["stream", "stdout", "flag false\n"],
    ]);
    assert.deepEqual(r.metrics, { n: 2, greeting: 'hi "there" <b>', answer: 21 });
    assert.deepEqual(r.parameters, { GREETING: 'hi "there" <b>', N: 2, FLAG: false });
  },
});

Deno.test("executeNotebookFile() rejects a bad parameter before starting a kernel", async () => {
  await assert.rejects(() => executeNotebookFile(FIXTURE, { params: { NOPE: "1" } }), RangeError);
  await assert.rejects(() => executeNotebookFile(FIXTURE, { params: { N: "three" } }), TypeError);
});

/** A notebook of code cells with these sources. */
function codeNotebook(...sources: string[]): Notebook {
  const cells = sources.map((source) => ({
    cell_type: "code" as const,
    metadata: {},
    execution_count: null,
    outputs: [],
    source,
  }));
  return { nbformat: 4, nbformat_minor: 5, metadata: {}, cells };
}

Deno.test({
  name: "executeNotebook() interrupts a cell past its timeout and, with allowErrors, goes on",
  sanitizeResources: false,
  async fn() {
    const nb = codeNotebook('console.log("before"); while (true) {}', 'console.log("next")');
    const r = await executeNotebook(nb, { timeoutMs: 800, allowErrors: true });
    assert.deepEqual(outputs(r.notebook), [
      [["stream", "stdout", "before\n"], ["error", "CellTimeoutError", r.failures[0].evalue]],
      [["stream", "stdout", "next\n"]],
    ]);
    assert.match(r.failures[0].evalue, /did not finish within 0.8 s/);
  },
});

Deno.test({
  name: "executeNotebook() kills a kernel that cannot be interrupted and reports the timeout",
  sanitizeResources: false,
  async fn() {
    const nb = codeNotebook('console.log("waiting"); await new Promise(() => {});', "1");
    const e = await executeNotebook(nb, { timeoutMs: 500 }).catch((e) => e);
    assert.ok(e instanceof NotebookExecutionError);
    assert.match(e.message, /CellTimeoutError/);
    assert.deepEqual(outputs(e.result.notebook)[0][0], ["stream", "stdout", "waiting\n"]);
  },
});

Deno.test({
  name: "executeNotebook() stops on abort and shuts the kernel down",
  sanitizeResources: false,
  async fn() {
    const nb = codeNotebook("await new Promise((r) => setTimeout(r, 60_000));");
    const controller = new AbortController();
    const t0 = performance.now();
    const run = executeNotebook(nb, {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.phase === "cell") setTimeout(() => controller.abort(new Error("stop")), 200);
      },
    });
    await assert.rejects(() => run, /stop/);
    assert.ok(performance.now() - t0 < 20_000);
  },
});

function processAlive(pid: number): boolean {
  try {
    const stat = Deno.readTextFileSync(`/proc/${pid}/stat`);
    return !/^\d+ \(.*\) [ZX] /.test(stat); // a zombie has exited
  } catch {
    return false;
  }
}

Deno.test({
  name: "startKernel() watchdog: the kernel exits when its client is killed with SIGKILL",
  ignore: Deno.build.os !== "linux",
  sanitizeResources: false,
  async fn() {
    const script = join(PROJECT_ROOT, "tests/report/fixtures/start_kernel_and_wait.ts");
    const connections = await Deno.makeTempDir({ prefix: "shoplab-watchdog-" });
    const child = new Deno.Command(Deno.execPath(), {
      args: ["run", "-A", script, connections],
      stdout: "piped",
      stderr: "inherit",
    }).spawn();
    const reader = child.stdout.getReader();
    let text = "";
    while (!text.includes("\n")) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    const pid = Number(text.trim());
    assert.ok(pid > 0 && processAlive(pid), `kernel pid ${text}`);
    child.kill("SIGKILL");
    await child.status;
    reader.releaseLock();
    await child.stdout.cancel().catch(() => {});
    let alive = true;
    for (let i = 0; i < 100 && alive; i++) {
      await new Promise((r) => setTimeout(r, 100));
      alive = processAlive(pid);
    }
    await Deno.remove(connections, { recursive: true });
    assert.equal(alive, false, "the orphaned kernel exited");
  },
});

Deno.test({
  name: "startKernel() answers kernel_info and shuts down cleanly",
  sanitizeResources: false,
  async fn() {
    const k = await startKernel({ cwd: join(PROJECT_ROOT, "notebooks") });
    try {
      assert.equal(k.info.protocol_version, "5.3");
      assert.equal((k.info.language_info as { name: string }).name, "typescript");
      const reply = await k.execute("1 + 1").reply;
      assert.equal(reply.status, "ok");
    } finally {
      await k.shutdown();
    }
    assert.equal(k.alive, false);
  },
});
