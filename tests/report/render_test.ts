import assert from "node:assert/strict";
import { lineChart } from "@shoplab/lib/charts/line_chart.ts";
import {
  METRICS_MIME,
  type Notebook,
  type Output,
  VEGALITE_MIME,
} from "@shoplab/lib/report/nbformat.ts";
import {
  notebookSummary,
  renderIndexHtml,
  renderNotebookHtml,
} from "@shoplab/lib/report/render/mod.ts";
import { externalResources, META, sampleNotebook, XSS } from "./_render_fixture.ts";

const nb = await sampleNotebook();
const analyst = await renderNotebookHtml(nb, {
  audience: "analyst",
  interactive: false,
  meta: META,
});
const stakeholder = await renderNotebookHtml(nb, {
  audience: "stakeholder",
  interactive: false,
  meta: META,
});

/** A one-cell notebook with the given outputs. */
function withOutputs(outputs: Output[], source = "x"): Notebook {
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {},
    cells: [{ cell_type: "code", execution_count: 1, metadata: {}, source, outputs }],
  };
}
const ok = { ...META, status: "ok" as const };
const render = (n: Notebook, audience: "analyst" | "stakeholder" = "analyst") =>
  renderNotebookHtml(n, { audience, interactive: false, meta: ok });
const main = (html: string) => html.slice(html.indexOf("<main>"), html.indexOf("</main>"));

Deno.test("renderNotebookHtml() writes a complete page with the header facts", () => {
  assert.ok(analyst.startsWith("<!DOCTYPE html>"));
  assert.ok(analyst.trimEnd().endsWith("</html>"));
  assert.match(analyst, /<title>Render sample<\/title>/);
  assert.equal(analyst.match(/<h1[ >]/g)?.length, 1, "the title heading is not repeated");
  for (const s of ["2025-01-01", "abc1234", "render_sample.ipynb", "1 min 15 s", "badge error"]) {
    assert.ok(analyst.includes(s), s);
  }
  assert.ok(analyst.includes("synthetic &lt;b&gt;(data/synthetic)&lt;/b&gt;"));
  assert.ok(analyst.includes("<td>[30,90]</td>"));
  assert.ok(analyst.includes("stopped with an error"));
});

Deno.test("renderNotebookHtml() builds a table of contents with anchors", () => {
  const toc = analyst.slice(analyst.indexOf('<nav class="toc"'), analyst.indexOf("</nav>"));
  for (const id of ["math", "data-and-payloads", "results"]) {
    assert.ok(toc.includes(`href="#${id}"`), id);
    assert.ok(analyst.includes(`<h2 id="${id}">`), id);
  }
});

Deno.test("renderNotebookHtml() renders math with KaTeX and only inline woff2 fonts", () => {
  const body = main(analyst);
  assert.ok((body.match(/class="katex"/g) ?? []).length >= 4);
  assert.ok(body.includes('class="katex-display"'));
  assert.ok(body.includes("a price of $5 and $10 (not math)"));
  // Jupyter's bracket delimiters are \\( \\) in markdown; \( is an escaped parenthesis.
  assert.ok(body.includes("escaped (parentheses) stay text"));
  assert.equal((body.match(/class="katex-display"/g) ?? []).length, 2, "$$…$$ and \\[…\\]");
  assert.ok(body.includes("<code>$x$</code>"));
  const urls = [...analyst.matchAll(/url\(([^)]*)\)/g)].map((m) => m[1]);
  assert.ok(urls.length >= 3);
  assert.ok(urls.every((u) => u.startsWith("data:font/woff2;base64,")), "only woff2 data URIs");
  assert.ok(!/font-family:KaTeX_Fraktur;[^}]*src:/.test(analyst), "unused fonts are left out");
  assert.ok(/font-family:KaTeX_AMS;[^}]*src:/.test(analyst), "\\mathbb needs KaTeX_AMS");
});

Deno.test("renderNotebookHtml() highlights and folds code for analysts", () => {
  assert.ok(analyst.includes('<details class="source"><summary>Code [2]</summary>'));
  assert.ok(analyst.includes('<span class="hljs-keyword">const</span>'));
  assert.ok(/\.hljs-keyword[,{]/.test(analyst), "theme CSS inlined");
});

Deno.test("renderNotebookHtml() draws every output type", () => {
  const body = main(analyst);
  assert.ok(body.includes('<pre class="stream stdout">hello\nworld\n</pre>'), "merged stdout");
  assert.ok(body.includes('<pre class="stream stderr">careful\n</pre>'), "stderr, ANSI stripped");
  assert.ok(body.includes("<th>item_id</th>"), "DataFrame table kept");
  assert.equal((body.match(/<figure class="chart"/g) ?? []).length, 2);
  assert.ok(body.includes('<img alt="figure" src="data:image/png;base64,iVBORw0KGgo'));
  assert.ok(body.includes('fill="#0072B2"'), "inline SVG output kept");
  assert.ok(body.includes("<strong>Warning:</strong>"), "markdown output rendered");
  assert.ok(body.includes('<pre class="text-output">2</pre>'));
  assert.ok(body.includes("This step failed — <strong>Error</strong>"));
  assert.ok(body.includes("Error: bad value\n    at &lt;anonymous&gt;:1:7"), "traceback, no ANSI");
  assert.ok(!body.includes("\u001b"));
  assert.ok(body.includes('<section class="key-numbers"'));
  assert.ok(body.includes("<dd>5,000</dd>") && body.includes("<dd>0.823</dd>"));
});

Deno.test("renderNotebookHtml() re-renders Vega-Lite specs instead of trusting the bundle's HTML", async () => {
  const spec = lineChart([{ x: 1, y: 2 }, { x: 2, y: 3 }], "x", "y", { title: "Fresh" });
  const html = await render(withOutputs([{
    output_type: "display_data",
    metadata: {},
    data: { [VEGALITE_MIME]: spec, "text/html": "<p>STALE</p>", "text/plain": "[chart]" },
  }]));
  assert.ok(!html.includes("STALE"));
  assert.match(main(html), /<figure class="chart" id="chart-1"><div class="chart-static"><svg/);
  assert.ok(main(html).includes(">Fresh</text>"));
});

Deno.test("renderNotebookHtml() falls back to the bundle's SVG when a spec cannot be drawn", async () => {
  const bad = { [VEGALITE_MIME]: { data: { url: "https://example.com/x.csv" }, mark: "point" } };
  const withFallback = await render(withOutputs([{
    output_type: "display_data",
    metadata: {},
    data: { ...bad, "text/html": '<svg viewBox="0 0 1 1"><title>old</title></svg>' },
  }]));
  assert.ok(main(withFallback).includes("<title>old</title>"));
  const without = await render(
    withOutputs([{ output_type: "display_data", metadata: {}, data: bad }]),
  );
  assert.ok(main(without).includes("Chart could not be drawn"));
  assert.deepEqual(externalResources(without), []);
});

Deno.test("renderNotebookHtml() survives a chart spec that is not JSON, and never embeds it", async () => {
  const data = { [VEGALITE_MIME]: "{not json", "text/html": "<svg><title>kept</title></svg>" };
  const html = await renderNotebookHtml(
    withOutputs([{ output_type: "display_data", metadata: {}, data }]),
    { audience: "analyst", interactive: true, meta: ok },
  );
  assert.ok(main(html).includes("<title>kept</title>"));
  assert.ok(!html.includes('id="chart-specs"'), "nothing for vega-embed to load");
});

Deno.test("renderNotebookHtml() shows text/latex, JSON-only and jpeg outputs", async () => {
  const html = main(
    await render(withOutputs([
      { output_type: "display_data", metadata: {}, data: { "text/latex": "$$\\alpha$$" } },
      { output_type: "display_data", metadata: {}, data: { "application/json": { a: "<b>" } } },
      { output_type: "display_data", metadata: {}, data: { "image/jpeg": "/9j/4AAQ\n" } },
      { output_type: "display_data", metadata: {}, data: { "image/png": "not base64 <script>" } },
    ])),
  );
  assert.ok(html.includes('class="katex-display"'));
  assert.ok(html.includes("&quot;a&quot;: &quot;&lt;b&gt;&quot;"));
  assert.ok(html.includes('src="data:image/jpeg;base64,/9j/4AAQ"'));
  assert.ok(!html.includes("not base64"));
});

Deno.test("renderNotebookHtml() escapes every string that comes from data", () => {
  for (const html of [analyst, stakeholder]) {
    assert.ok(!html.includes(XSS), "no live payload");
    assert.ok(!html.includes("<script>window.__xss=8"), "parameter value escaped");
    assert.ok(!/<[^>]+\son[a-z]+\s*=/i.test(html), "no event handler attributes");
    assert.ok(!/(href|src)\s*=\s*["']?\s*javascript:/i.test(html), "no javascript: URLs");
    assert.ok(!html.includes("<iframe"));
  }
  const escaped = "&lt;script&gt;window.__xss=1&lt;/script&gt;";
  const body = main(analyst);
  const where = {
    "markdown cell": "A product titled " + escaped,
    "DataFrame html": `<td>${escaped}</td>`,
    "table caption": `<caption>Top ${escaped}</caption>`,
    "chart label": `title: ${escaped}; revenue: 120`,
    "markdown output": `No events table for ${escaped}`,
    "metrics value": `<dd>${escaped}</dd>`,
    "error message": `bad value ${escaped}`,
  };
  for (const [place, text] of Object.entries(where)) assert.ok(body.includes(text), place);
  assert.ok(analyst.includes("&lt;script&gt;window.__xss=8&lt;/script&gt;"), "parameter value");
});

Deno.test("renderNotebookHtml() keeps harmless HTML and drops the rest", () => {
  const body = main(analyst);
  assert.ok(body.includes("<b>bold</b>"));
  assert.ok(body.includes('<p style="background:none;color:red">styled</p>'));
  assert.ok(body.includes('<span class="missing-image">[image: remote]</span>'));
  assert.ok(body.includes("<sub>kept</sub>"));
  assert.ok(body.includes('<a href="https://example.com/docs">good link</a>'));
  assert.ok(body.includes("bad link") && !body.includes(">bad link</a>"));
  assert.ok(body.includes('<span class="missing-image">[image: remote image]</span>'));
});

Deno.test("renderNotebookHtml() refers to no network resource", () => {
  assert.deepEqual(externalResources(analyst), []);
  assert.deepEqual(externalResources(stakeholder), []);
});

Deno.test("renderNotebookHtml() for stakeholders hides code, streams, tracebacks and parameters", () => {
  const body = main(stakeholder);
  assert.ok(!body.includes('class="source"'));
  assert.ok(!body.includes("hljs"));
  assert.ok(!/\.hljs-keyword[,{]/.test(stakeholder), "no highlight CSS needed");
  assert.ok(!body.includes("hello") && !body.includes("careful"), "no stdout/stderr");
  assert.ok(!body.includes("DATA_PATH"), "no parameters cell");
  assert.ok(!body.includes("at &lt;anonymous&gt;"), "no traceback");
  assert.ok(body.includes("This step failed — <strong>Error</strong>"));
  assert.equal((body.match(/<figure class="chart"/g) ?? []).length, 2);
  assert.ok(body.includes('<section class="key-numbers"'));
  assert.ok(!body.includes('<pre class="text-output">2</pre>'), "no echoed values");
  assert.ok(body.includes('class="katex"'));
  assert.ok(stakeholder.includes('<details class="params"><summary>Parameters</summary>'));
  assert.ok(stakeholder.length < analyst.length);
});

Deno.test("renderNotebookHtml() honours remove-cell, remove-input and remove-output tags", async () => {
  const out: Output[] = [{ output_type: "stream", name: "stdout", text: "OUT" }];
  const n: Notebook = {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {},
    cells: [
      {
        cell_type: "code",
        execution_count: 1,
        metadata: { tags: ["remove-cell"] },
        source: "GONE",
        outputs: out,
      },
      {
        cell_type: "code",
        execution_count: 2,
        metadata: { tags: ["remove-input"] },
        source: "SRC",
        outputs: out,
      },
      {
        cell_type: "code",
        execution_count: 3,
        metadata: { tags: ["remove-output"] },
        source: "KEEP",
        outputs: [{ output_type: "stream", name: "stdout", text: "HIDDEN" }],
      },
      { cell_type: "raw", metadata: {}, source: "RAW" },
    ],
  };
  const body = main(await render(n));
  assert.ok(!body.includes("GONE") && !body.includes("SRC") && !body.includes("HIDDEN"));
  assert.ok(!body.includes("RAW"));
  assert.ok(body.includes("OUT") && body.includes("KEEP"));
});

Deno.test("renderNotebookHtml() inlines markdown image attachments as data URIs", async () => {
  const png =
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
  const html = main(
    await render({
      nbformat: 4,
      nbformat_minor: 5,
      metadata: {},
      cells: [{
        cell_type: "markdown",
        metadata: {},
        source: "![dot](attachment:dot.png) ![gone](attachment:none.png) ![rel](img/x.png)",
        attachments: { "dot.png": { "image/png": png } },
      }],
    }),
  );
  assert.ok(html.includes(`<img src="data:image/png;base64,${png}" alt="dot">`));
  assert.ok(html.includes("[image: gone]") && html.includes("[image: rel]"));
});

Deno.test("renderNotebookHtml() renders an empty notebook and closes unbalanced HTML", async () => {
  const empty = await render({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [] });
  assert.ok(empty.includes("<main>\n\n</main>"));
  assert.ok(!empty.includes('<nav class="toc"'));
  const open = main(
    await render(withOutputs([
      { output_type: "display_data", metadata: {}, data: { "text/html": "<div><table><tr><td>x" } },
    ])),
  );
  assert.ok(open.includes("<div><table><tr><td>x</td></tr></table></div>"));
});

Deno.test("renderNotebookHtml() prints the metrics record as a key-numbers card only", async () => {
  const html = main(
    await render(withOutputs([{
      output_type: "display_data",
      metadata: {},
      data: {
        [METRICS_MIME]: { hit_rate_at_10: 0.123456, n_customers: 1200 },
        "text/html": "<table>TABLE</table>",
      },
    }])),
  );
  assert.ok(
    html.includes(
      '<div class="kn" title="hit_rate_at_10 = 0.123456"><dt>Hit rate@10</dt><dd>12.3 %</dd>',
    ),
    "readable name and value; the recorded name and exact value as the tooltip",
  );
  assert.ok(html.includes("<dt>Number of customers</dt><dd>1,200</dd>"));
  assert.ok(!html.includes("TABLE"));
});

Deno.test("renderNotebookHtml() interactive mode inlines vega-embed and the specs, keeping SVG", async () => {
  const html = await renderNotebookHtml(nb, { audience: "analyst", interactive: true, meta: META });
  assert.ok(html.length > analyst.length + 700_000, "vega + vega-lite + vega-embed inlined");
  assert.ok(html.includes("vegaEmbed("));
  const specs = /<script type="application\/json" id="chart-specs">([^<]*)<\/script>/.exec(html);
  assert.ok(specs, "specs as JSON, with < escaped");
  assert.deepEqual(Object.keys(JSON.parse(specs[1])), ["chart-1", "chart-2"]);
  assert.equal((main(html).match(/<div class="chart-static"><svg/g) ?? []).length, 2);
  assert.deepEqual(externalResources(html.replace(/<script>[\s\S]*?<\/script>/g, "")), []);
  // a notebook without charts does not carry the libraries
  const plain = await renderNotebookHtml(withOutputs([]), {
    audience: "analyst",
    interactive: true,
    meta: ok,
  });
  assert.ok(!plain.includes("vegaEmbed"));
});

Deno.test("notebookSummary() reads the first heading and the paragraph after it", () => {
  assert.deepEqual(notebookSummary(nb), {
    title: "Render sample",
    summary: "A small notebook with every kind of output, used to test the HTML report.",
  });
  const md = (source: string): Notebook => ({
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {},
    cells: [{ cell_type: "markdown", metadata: {}, source }],
  });
  assert.deepEqual(notebookSummary(md("Intro text only")), {
    title: "Untitled notebook",
    summary: "",
  });
  assert.deepEqual(notebookSummary(md("# Title `code` [link](x.html)\n\n- a list")), {
    title: "Title code link",
    summary: "",
  });
  assert.deepEqual(notebookSummary(md("# T\n\nCLV $= \\bar{x}$ <b>per</b>\ncustomer.")), {
    title: "T",
    summary: "CLV = \\bar{x} per customer.",
  });
});

Deno.test("renderIndexHtml() writes a card per notebook, escaped, with key numbers", async () => {
  const html = await renderIndexHtml([
    {
      href: "00_quick_start.html",
      title: `Quick ${XSS}`,
      summary: `First look ${XSS}`,
      metrics: { a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, best: XSS },
      status: "ok",
      durationSeconds: 3.25,
    },
    {
      href: "javascript:alert(1)",
      title: "Bad",
      summary: "",
      metrics: {},
      status: "error",
      durationSeconds: 4000,
    },
  ], { date: "2025-01-02", dataSource: `cdnow ${XSS}`, gitRevision: "abc1234" });
  assert.equal((html.match(/<li class="card">/g) ?? []).length, 2);
  assert.ok(html.includes('<a href="00_quick_start.html">Quick &lt;script&gt;'));
  assert.ok(html.includes("First look &lt;script&gt;"));
  assert.ok(!html.includes(XSS));
  assert.ok(html.includes('<a href="#">Bad</a>'), "scheme links neutralised");
  assert.equal((html.match(/<div class="kn"/g) ?? []).length, 6, "at most six key numbers");
  assert.ok(html.includes("+ 2 more key numbers in the report"));
  assert.ok(html.includes("3.3 s") && html.includes("1 h 06 min"));
  assert.ok(html.includes("1 of 2 notebooks failed"));
  assert.deepEqual(externalResources(html), []);
});
