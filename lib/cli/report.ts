/**
 * `deno task report`: executes every notebook in the real Deno kernel and writes self-contained
 * HTML reports, `index.html` and `metrics.json` (see `--help`).
 *
 * ```sh
 * deno task report                                   # all notebooks → reports/
 * deno task report --only 00,01 --audience stakeholder
 * deno task report --data exports/orders.csv --format transactions --param AS_OF=2025-06-01
 * ```
 *
 * @module
 */
import { parseArgs } from "node:util";
import { isAbsolute, relative, resolve } from "node:path";
import { PROJECT_ROOT } from "../core/paths.ts";
import { buildReport, ReportError, type ReportEvent } from "../report/build_report.ts";

const HELP = `Usage: deno task report [options]

Executes each notebooks/NN_*.ipynb in order in the Deno Jupyter kernel and writes, into the
output folder: <name>.html (one self-contained report per notebook, opens offline), <name>.ipynb
(the executed notebook), index.html (links, summaries, key numbers) and metrics.json
({ "<name>": { metric: value } }). The previous report is replaced only when the run succeeds.

Options:
  --data PATH          data file or folder: sets DATA_PATH in the notebooks that have it
                       (relative paths from the current folder; a note names the others)
  --format NAME        data format: sets DATA_FORMAT (synthetic, online-retail, cdnow,
                       cdnow-sample, transactions, events)
  --param NAME=VALUE   sets another constant of the parameters cells (repeatable); the value
                       is converted to the constant's type (number, string, boolean); a name
                       no selected notebook has is an error
  --only 01,03         run only notebooks whose file name starts with one of these prefixes
                       (the reports of the others are kept)
  --out DIR            output folder (default reports/)
  --audience WHO       analyst (default: code folded under each cell, logs and tracebacks)
                       or stakeholder (narrative and results only)
  --interactive        also inline vega-embed so charts get tooltips (still no network)
  --force              re-execute notebooks whose inputs are unchanged (default: reuse the
                       cached run in <out>/.cache)
  --allow-errors       record a failing cell and go on; publish the report with the error shown
                       (default: a failure stops that notebook and the run keeps the previous
                       report)
  --timeout SECONDS    per-cell time limit (default 600)
  --help               show this help

Exit status: 0 on success, 1 when a notebook failed or the run could not be built (one line on
stderr says why), 2 for a wrong flag, 130 when interrupted.`;

function fail(message: string, code = 1): never {
  console.error(`report: ${message}`);
  Deno.exit(code);
}

function fromCwd(path: string): string {
  const base = Deno.env.get("INIT_CWD") ?? Deno.cwd();
  const abs = isAbsolute(path) ? path : resolve(base, path);
  const rel = relative(PROJECT_ROOT, abs);
  return rel.startsWith("..") || isAbsolute(rel) ? abs : rel || ".";
}

let values;
try {
  values = parseArgs({
    args: Deno.args,
    strict: true,
    allowPositionals: false,
    options: {
      data: { type: "string" },
      format: { type: "string" },
      param: { type: "string", multiple: true },
      only: { type: "string" },
      out: { type: "string" },
      audience: { type: "string" },
      interactive: { type: "boolean" },
      force: { type: "boolean" },
      "allow-errors": { type: "boolean" },
      timeout: { type: "string" },
      notebooks: { type: "string" }, // for tests: another notebooks folder
      help: { type: "boolean" },
    },
  }).values;
} catch (e) {
  fail(`${(e as Error).message} (see --help)`, 2);
}
if (values.help) {
  console.log(HELP);
  Deno.exit(0);
}
const audience = values.audience ?? "analyst";
if (audience !== "analyst" && audience !== "stakeholder") {
  fail(`--audience must be analyst or stakeholder, got "${audience}"`, 2);
}
const params: Record<string, string> = {};
for (const p of values.param ?? []) {
  const at = p.indexOf("=");
  if (at <= 0) fail(`--param expects NAME=VALUE, got "${p}"`, 2);
  params[p.slice(0, at).trim()] = p.slice(at + 1);
}
let timeoutMs: number | undefined;
if (values.timeout !== undefined) {
  const s = Number(values.timeout);
  if (!Number.isFinite(s) || s <= 0) fail(`--timeout must be a positive number of seconds`, 2);
  timeoutMs = s * 1000;
}

const controller = new AbortController();
let firstSignal = 0;
const onSignal = () => {
  // Ctrl-C reaches this process twice: from the terminal (whole process group) and forwarded
  // by `deno task`. Only a second press, a moment later, skips the cleanup.
  const now = performance.now();
  if (firstSignal && now - firstSignal > 1500) Deno.exit(130);
  if (!firstSignal) firstSignal = now;
  controller.abort(new Error("interrupted"));
};
Deno.addSignalListener("SIGINT", onSignal);
Deno.addSignalListener("SIGTERM", onSignal);

const tty = Deno.stderr.isTerminal();
const enc = new TextEncoder();
const write = (s: string) => Deno.stderr.writeSync(enc.encode(s));
let status = "";
let statusSince = performance.now();
const showStatus = () => {
  if (!status) return;
  const secs = ((performance.now() - statusSince) / 1000).toFixed(0);
  write(`\r\x1b[2K${status} · ${secs} s`);
};
const ticker = tty ? setInterval(showStatus, 1000) : undefined;
const onEvent = (e: ReportEvent) => {
  if (e.type === "warning") write(`note: ${e.message}\n`);
  else if (e.type === "notebook") {
    const head = `[${e.index + 1}/${e.total}] ${e.notebook}`;
    statusSince = performance.now();
    if (!e.cached && !tty) write(`${head}: running\n`);
    status = e.cached ? "" : head;
  } else if (e.type === "progress") {
    const p = e.progress;
    const head = `[${e.index + 1}/${e.total}] ${p.notebook}`;
    if (p.phase === "start") status = `${head}: starting the kernel`;
    else if (p.phase === "cell") {
      status = `${head}: cell ${p.cell}/${p.cells}`;
      if (!tty) write(`  cell ${p.cell}/${p.cells} (${(p.elapsedMs / 1000).toFixed(1)} s)\n`);
    } else if (p.phase === "output" && p.text) {
      // the running cell's live display (e.g. "LSTM training — 3 / 8: epoch 3, loss 0.23")
      status = `${head}: cell ${p.cell}/${p.cells} · ${p.text.replace(/\s+/g, " ").slice(0, 90)}`;
    }
    if (tty) showStatus();
  } else {
    if (tty) write("\r\x1b[2K");
    status = "";
    const how = e.cached ? "cached" : `${e.seconds.toFixed(1)} s`;
    write(
      `${e.status === "ok" ? "ok  " : "FAIL"} ${e.notebook} (${how})${
        e.failure ? ` — ${e.failure}` : ""
      }\n`,
    );
  }
};

try {
  const result = await buildReport({
    date: new Date().toISOString().replace("T", " ").replace(/\.\d+Z$/, " UTC"),
    notebooksDir: values.notebooks ? resolve(PROJECT_ROOT, fromCwd(values.notebooks)) : undefined,
    out: resolve(PROJECT_ROOT, fromCwd(values.out ?? resolve(PROJECT_ROOT, "reports"))),
    only: values.only?.split(",").map((s) => s.trim()),
    data: values.data === undefined ? undefined : fromCwd(values.data),
    format: values.format,
    params,
    audience,
    interactive: values.interactive ?? false,
    force: values.force ?? false,
    allowErrors: values["allow-errors"] ?? false,
    timeoutMs,
    signal: controller.signal,
    // By name, so that `--allow-run=deno` covers it (Deno.execPath() may be a symlink target).
    deno: "deno",
    onEvent,
  });
  clearInterval(ticker);
  const failed = result.notebooks.filter((n) => n.status === "error").length;
  const index = `${result.out}/index.html`;
  const near = relative(Deno.env.get("INIT_CWD") ?? Deno.cwd(), index);
  const where = near.startsWith("../..") ? index : near;
  const n = result.notebooks.length;
  write(`${n} notebook${n === 1 ? "" : "s"}, ${failed} with errors → ${where}\n`);
  Deno.exit(0);
} catch (e) {
  clearInterval(ticker);
  if (tty) write("\r\x1b[2K");
  if (controller.signal.aborted) fail("interrupted; the previous report is unchanged", 130);
  if (e instanceof ReportError) fail(e.message);
  fail(e instanceof Error ? `${e.name}: ${e.message.split("\n")[0]}` : String(e));
}
