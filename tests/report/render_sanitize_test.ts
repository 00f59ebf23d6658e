// The report's HTML sanitiser (private module lib/report/render/_sanitize.ts) on known XSS
// vectors; the renderer tests cover it end to end.
import assert from "node:assert/strict";
import { cleanCss, sanitizeHtml } from "@shoplab/lib/report/render/_sanitize.ts";

Deno.test("sanitizeHtml() drops scripts and their content, event handlers and frames", () => {
  assert.equal(sanitizeHtml("<p>a<script>alert(1)</script>b</p>"), "<p>ab</p>");
  assert.equal(sanitizeHtml("<SCRIPT src=x></SCRIPT>ok"), "ok");
  assert.equal(sanitizeHtml('<td onclick="x()" class="n">1</td>'), '<td class="n">1</td>');
  assert.equal(sanitizeHtml("<b ONMOUSEOVER=x()>b</b>"), "<b>b</b>");
  assert.equal(sanitizeHtml('<iframe src="https://e.com"></iframe><object data="x"></object>'), "");
  assert.equal(
    sanitizeHtml("<scr<script>x</script>ipt>alert(1)</script>"),
    "&lt;script&gt;alert(1)", // re-joined, but as text
  );
  assert.equal(sanitizeHtml("<!-- <script>x</script> -->t"), "t");
});

Deno.test("sanitizeHtml() removes javascript: URLs, also entity-encoded or split by spaces", () => {
  for (
    const href of [
      "javascript:x()",
      "JaVaScRiPt:x()",
      " java\tscript:x()",
      "jav&#x61;script:x()",
      "jav&#97;script:x()",
      "data:text/html,<script>x</script>",
    ]
  ) {
    const out = sanitizeHtml(`<a href="${href}">l</a>`);
    assert.equal(out, "<a>l</a>", href);
  }
  assert.equal(
    sanitizeHtml('<a href="https://e.com/a?b=1&amp;c=2">l</a>'),
    '<a href="https://e.com/a?b=1&amp;c=2" rel="noopener noreferrer">l</a>',
  );
});

Deno.test("sanitizeHtml() loads no remote resource: images become their alt text", () => {
  assert.equal(
    sanitizeHtml('<img src="https://e.com/p.png" alt="logo">'),
    '<span class="missing-image">[image: logo]</span>',
  );
  assert.equal(
    sanitizeHtml("<img src=//e.com/p.png>"),
    '<span class="missing-image">[image]</span>',
  );
  const data = "data:image/png;base64,iVBORw0KGgo=";
  assert.equal(sanitizeHtml(`<img src="${data}" alt="x">`), `<img src="${data}" alt="x">`);
  assert.equal(
    sanitizeHtml('<img src="data:image/svg+xml;base64,PHN2Zz4=">'),
    '<span class="missing-image">[image]</span>',
  );
  assert.equal(
    sanitizeHtml("<style>@import url(https://e.com/a.css)</style><link rel=stylesheet href=x>t"),
    "t",
  );
  assert.equal(
    sanitizeHtml('<p style="background:url(https://e.com/b.png);color:red">p</p>'),
    '<p style="background:none;color:red">p</p>',
  );
});

Deno.test("sanitizeHtml() keeps SVG, without scripts, handlers, foreignObject or remote hrefs", () => {
  const svg =
    '<svg viewBox="0 0 10 10" onload="x()"><script>x()</script><clipPath id="c"><rect width="1"/></clipPath>' +
    '<g clip-path="url(#c)"><path d="M0,0L1,1"/></g><image href="https://e.com/i.png"/><use xlink:href="#c"/>' +
    '<foreignObject><div>html</div></foreignObject><a href="javascript:x()"><text>t</text></a>' +
    '<animate attributeName="href" to="javascript:x()"/></svg>';
  assert.equal(
    sanitizeHtml(svg, { svg: true }),
    '<svg viewBox="0 0 10 10"><clipPath id="c"><rect width="1"/></clipPath><g clip-path="url(#c)"><path d="M0,0L1,1"/></g>' +
      '<image/><use xlink:href="#c"/><a><text>t</text></a></svg>',
  );
});

Deno.test("sanitizeHtml() escapes stray text and balances tags", () => {
  assert.equal(sanitizeHtml("a < b > c &amp; d"), "a &lt; b &gt; c &amp; d");
  assert.equal(sanitizeHtml("<table><tr><td>1"), "<table><tr><td>1</td></tr></table>");
  assert.equal(sanitizeHtml("</div>x</b>"), "x");
  assert.equal(
    sanitizeHtml("<td title=\"a&quot;b\" data-x='1'>v</td>"),
    '<td title="a&quot;b" data-x="1">v</td>',
  );
});

Deno.test("sanitizeHtml() in markdown mode shows disallowed tags as text", () => {
  const allow = new Set(["b", "br"]);
  assert.equal(
    sanitizeHtml("<b>x</b><script>alert(1)</script><br>", { allow, escapeDisallowed: true }),
    "<b>x</b>&lt;script&gt;alert(1)&lt;/script&gt;<br>",
  );
  const stack: string[] = [];
  assert.equal(sanitizeHtml("<b>", { allow, escapeDisallowed: true, stack }), "<b>");
  assert.deepEqual(stack, ["b"]);
});

Deno.test("cleanCss() keeps fragment and data-image URLs only", () => {
  assert.equal(
    cleanCss("a{fill:url(#g)}b{background:url('https://e.com/x.png')}"),
    "a{fill:url(#g)}b{background:none}",
  );
  assert.equal(cleanCss("@import 'x.css';p{width:expression(alert(1))}"), "p{width:(alert(1))}");
});
