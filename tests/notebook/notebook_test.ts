import assert from "node:assert/strict";
import pl from "nodejs-polars";
import { barChart } from "@shoplab/lib/charts/bar_chart.ts";
import { type JupyterApi, replaceJupyterApi } from "@shoplab/lib/notebook/_jupyter.ts";
import {
  chart,
  chartBundle,
  displayable,
  displayBundle,
  formatValue,
  JUPYTER_DISPLAY,
  markdownBundle,
  metricsBundle,
  noteBundle,
  progressBundle,
  progressDisplay,
  recordMetrics,
  showChart,
  showMarkdown,
  showNote,
  showTable,
  tableBundle,
} from "@shoplab/lib/notebook/mod.ts";
import { METRICS_MIME, type MimeBundle, VEGALITE_MIME } from "@shoplab/lib/report/nbformat.ts";

type Sent = { bundle: MimeBundle; options: Parameters<JupyterApi["display"]>[1] };

/** Runs `fn` with a fake kernel that records what would be displayed. */
async function inFakeKernel(fn: () => Promise<void>): Promise<Sent[]> {
  const sent: Sent[] = [];
  replaceJupyterApi({
    display: (bundle, options) => {
      sent.push({ bundle, options });
      return Promise.resolve();
    },
  });
  try {
    await fn();
  } finally {
    replaceJupyterApi(undefined);
  }
  return sent;
}

const spec = barChart([{ c: "<b>a</b>", n: 2 }, { c: "b", n: 3 }], "c", "n", { title: "Sales" });

Deno.test("showX() helpers are no-ops outside the kernel and resolve to undefined", async () => {
  assert.equal(await displayBundle({ "text/plain": "x" }), undefined);
  assert.equal(await showChart(spec), undefined);
  assert.equal(await showTable([{ a: 1 }]), undefined);
  assert.equal(await showMarkdown("x"), undefined);
  assert.equal(await showNote("info", "x"), undefined);
  assert.equal(await recordMetrics({ a: 1 }), undefined);
  const p = await progressDisplay("t");
  await p.update({ epoch: 1 });
  await p.done();
  assert.deepEqual(p.latest, { epoch: 1 });
});

Deno.test("showChart() sends the spec, the SVG and an HTML fallback as one raw bundle", async () => {
  const sent = await inFakeKernel(() => showChart(spec));
  assert.equal(sent.length, 1);
  const { bundle, options } = sent[0];
  assert.deepEqual(options, { raw: true });
  assert.deepEqual(bundle[VEGALITE_MIME], spec);
  assert.match(String(bundle["image/svg+xml"]), /^<svg/);
  assert.ok(String(bundle["text/html"]).includes(String(bundle["image/svg+xml"])));
  assert.ok(String(bundle["text/html"]).includes('aria-label="Sales"'));
  assert.equal(bundle["text/plain"], "[chart: Sales]");
  assert.ok(!String(bundle["text/html"]).includes("<b>a</b>"), "labels escaped in the SVG");
});

Deno.test("chart() returns a displayable the kernel renders through Symbol.for('Jupyter.display')", async () => {
  const d = chart(spec);
  assert.equal(JUPYTER_DISPLAY, Symbol.for("Jupyter.display"));
  assert.equal(
    typeof (d as unknown as Record<symbol, unknown>)[Symbol.for("Jupyter.display")],
    "function",
  );
  assert.deepEqual(await d[JUPYTER_DISPLAY](), await chartBundle(spec));
  assert.deepEqual(await displayable({ "text/plain": "p" })[JUPYTER_DISPLAY](), {
    "text/plain": "p",
  });
});

Deno.test("progressDisplay() shows once, then updates the same display id in place", async () => {
  const sent = await inFakeKernel(async () => {
    const p = await progressDisplay("LSTM", { total: 2, displayId: "fixed" });
    await p.update({ epoch: 1, loss: 0.5, valAuc: 0.7 });
    await p.update({ epoch: 2, loss: 0.25, valAuc: 0.75 });
    await p.done();
  });
  assert.deepEqual(sent.map((s) => s.options), [
    { raw: true, display_id: "fixed" },
    { raw: true, update: true, display_id: "fixed" },
    { raw: true, update: true, display_id: "fixed" },
    { raw: true, update: true, display_id: "fixed" },
  ]);
  assert.equal(sent[0].bundle["text/plain"], "LSTM");
  assert.equal(sent[2].bundle["text/plain"], "LSTM — 2 / 2: epoch 2, loss 0.25, valAuc 0.75");
  assert.equal(
    sent[3].bundle["text/plain"],
    "LSTM — 2 / 2 (done): epoch 2, loss 0.25, valAuc 0.75",
  );
  assert.ok(String(sent[2].bundle["text/html"]).includes('<progress max="2" value="2">'));
  // fresh ids differ between displays
  const ids: string[] = [];
  await inFakeKernel(async () => {
    ids.push((await progressDisplay("a")).displayId, (await progressDisplay("b")).displayId);
  });
  assert.notEqual(ids[0], ids[1]);
});

Deno.test("displayBundle() refuses an update without a display id", async () => {
  await assert.rejects(() => displayBundle({}, { update: true }), TypeError);
});

Deno.test("progressBundle() escapes the title and values", () => {
  const b = progressBundle("<i>t</i>", { note: "<b>" });
  assert.ok(!String(b["text/html"]).includes("<i>") && !String(b["text/html"]).includes("<b>"));
  assert.equal(b["text/plain"], "<i>t</i>: note <b>");
});

Deno.test("tableBundle() escapes cells, formats numbers and reports hidden rows", () => {
  const rows = Array.from({ length: 25 }, (_, i) => ({ id: `<i>${i}</i>`, v: i + 0.123456 }));
  const b = tableBundle(rows, { caption: "<caption>", digits: 2 });
  const html = String(b["text/html"]);
  assert.equal((html.match(/<tr>/g) ?? []).length, 21, "header + 20 rows by default");
  assert.ok(html.includes("<td>&lt;i&gt;0&lt;/i&gt;</td>"));
  assert.ok(html.includes('<td class="num">0.12</td>'));
  assert.ok(html.includes("<caption>&lt;caption&gt;</caption>"));
  assert.ok(html.includes("20 of 25 rows shown"));
  assert.ok(String(b["text/plain"]).startsWith("<caption>\nid\tv\n<i>0</i>\t0.12"));
  // columns are the union of keys; missing cells are empty
  const mixed = String(tableBundle([{ a: 1 }, { b: 2 }])["text/html"]);
  assert.ok(mixed.includes("<th>a</th><th>b</th>") && mixed.includes("<td></td>"));
  assert.ok(String(tableBundle([])["text/html"]).includes("<thead><tr></tr></thead>"));
  assert.throws(() => tableBundle([], { maxRows: -1 }), RangeError);
});

Deno.test("tableBundle() shows a polars DataFrame with dates, nulls and its height", () => {
  const df = pl.DataFrame({
    title: ["<script>x</script>", "mug", null],
    price: [9.5, 4, 1234.5678],
    day: [
      new Date("2024-01-02T00:00:00Z"),
      new Date("2024-01-03T12:30:00Z"),
      new Date("2024-01-04T00:00:00Z"),
    ],
  });
  const b = tableBundle(df, { maxRows: 2 });
  const html = String(b["text/html"]);
  assert.ok(html.includes("<th>title</th><th>price</th><th>day</th>"));
  assert.ok(html.includes("&lt;script&gt;x&lt;/script&gt;"));
  assert.ok(html.includes("<td>2024-01-02</td>") && html.includes("<td>2024-01-03 12:30:00</td>"));
  assert.ok(html.includes("2 of 3 rows shown"));
  assert.ok(!html.includes("1,234.568"), "third row hidden");
  const empty = String(tableBundle(df.head(0))["text/html"]);
  assert.ok(empty.includes("<th>title</th>"), "columns of an empty frame");
});

Deno.test("metricsBundle() keeps the flat record and rejects non-finite or nested values", () => {
  const b = metricsBundle({ auc: 0.81234567, n: 5000, best: "<als>" });
  assert.deepEqual(b[METRICS_MIME], { auc: 0.81234567, n: 5000, best: "<als>" });
  assert.ok(String(b["text/html"]).includes('<th>auc</th><td class="num">0.8123</td>'));
  assert.ok(String(b["text/html"]).includes("&lt;als&gt;"));
  assert.equal(b["text/plain"], "auc: 0.81234567\nn: 5000\nbest: <als>");
  for (
    const bad of [{ x: NaN }, { x: Infinity }, { x: null }, { x: { y: 1 } }, { x: true }, { "": 1 }]
  ) {
    assert.throws(
      () => metricsBundle(bad as unknown as Record<string, number>),
      TypeError,
      JSON.stringify(bad),
    );
  }
  assert.throws(() => metricsBundle([] as unknown as Record<string, number>), TypeError);
  assert.throws(
    () => metricsBundle({ churn_auc: NaN }),
    /"churn_auc" must be a finite number or a string, got NaN/,
  );
});

Deno.test("noteBundle() shows data text literally; markdownBundle() passes markdown through", () => {
  assert.deepEqual(noteBundle("warning", "no *events* <b>"), {
    "text/markdown": "**Warning:** no \\*events\\* &lt;b&gt;",
    "text/plain": "Warning: no *events* <b>",
  });
  assert.equal(noteBundle("info", "x")["text/markdown"], "**Note:** x");
  assert.throws(() => noteBundle("error" as "info", "x"), TypeError);
  assert.deepEqual(markdownBundle("$x$"), { "text/markdown": "$x$", "text/plain": "$x$" });
});

Deno.test("formatValue() formats integers, decimals, dates, bigints and limits", () => {
  assert.equal(formatValue(-1234), "-1,234");
  assert.equal(formatValue(2.5), "2.5");
  assert.equal(formatValue(1 / 3, { digits: 5 }), "0.33333");
  assert.equal(formatValue(0.0000123), "0.0000123");
  assert.equal(formatValue(-Infinity), "-Infinity");
  assert.equal(formatValue(12345678901234567890n), "12,345,678,901,234,567,890");
  assert.equal(formatValue(new Date("2024-05-06T07:08:09.123Z")), "2024-05-06 07:08:09.123");
  assert.equal(formatValue(new Date("x")), "Invalid Date");
  assert.equal(formatValue(undefined), "");
  assert.equal(formatValue([1, "a"]), '[1,"a"]');
  assert.equal(formatValue(true), "true");
});
