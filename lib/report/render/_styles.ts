// Private: the report stylesheet (system fonts, readable measure, print rules).

/** CSS shared by report pages and the index. */
export const PAGE_CSS = `
:root{--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--bg:#fff;--soft:#f6f8fa;--accent:#0072B2;
--ok:#1a7f37;--err:#cf222e;--warn:#9a6700;
font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;
font-size:16px;line-height:1.55;color:var(--fg);background:var(--bg)}
*{box-sizing:border-box}
body{margin:0}
.page{max-width:62rem;margin:0 auto;padding:1.5rem 1.25rem 3rem}
a{color:var(--accent)}
h1,h2,h3,h4{line-height:1.25;margin:1.6em 0 .5em}
h1{font-size:2rem;margin-top:.2em}h2{font-size:1.45rem;border-bottom:1px solid var(--line);padding-bottom:.2em}
h3{font-size:1.15rem}
p,ul,ol{margin:.6em 0}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;font-size:.88em}
:not(pre)>code{background:var(--soft);padding:.1em .3em;border-radius:4px}
pre{overflow-x:auto;background:var(--soft);border:1px solid var(--line);border-radius:6px;
padding:.7rem .9rem;font-size:.85rem;line-height:1.45;white-space:pre}
table{border-collapse:collapse;margin:.6rem 0;font-size:.9rem;font-variant-numeric:tabular-nums}
th,td{border-bottom:1px solid var(--line);padding:.3rem .6rem;text-align:left;vertical-align:top}
thead th{border-bottom:2px solid var(--line);background:var(--soft)}
td.num,th.num{text-align:right}
caption{caption-side:top;text-align:left;font-weight:600;padding:.2rem 0;color:var(--muted)}
.html-output,.markdown-output{overflow-x:auto;max-width:100%}
.report-header{border-bottom:1px solid var(--line);padding-bottom:1rem;margin-bottom:1rem}
.kicker{color:var(--muted);text-transform:uppercase;letter-spacing:.06em;font-size:.75rem;margin:0}
.meta{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;margin:.6rem 0;font-size:.92rem}
.meta dt{color:var(--muted)}.meta dd{margin:0;overflow-wrap:anywhere}
.badge{display:inline-block;border-radius:999px;padding:.05rem .6rem;font-size:.8rem;font-weight:600;color:#fff}
.badge.ok{background:var(--ok)}.badge.error{background:var(--err)}
.params summary,.source summary{cursor:pointer;color:var(--muted);font-size:.9rem}
.params table{font-size:.85rem}
.toc{background:var(--soft);border:1px solid var(--line);border-radius:6px;padding:.6rem 1rem;margin:1rem 0 1.5rem}
.toc h2{font-size:1rem;border:0;margin:.2rem 0}
.toc ol{margin:.2rem 0;padding-left:0;list-style:none}.toc ol ol{padding-left:1.1rem}
.cell{margin:.8rem 0}
.source{margin:.4rem 0}
.source pre{margin:.3rem 0}
.outputs>*{margin:.5rem 0}
.stream.stderr{background:#fff8f2;border-color:#f0c8a0;color:#7a3e00}
.error-output{border:1px solid var(--err);border-left-width:4px;border-radius:6px;padding:.5rem .8rem;background:#fff5f5}
.error-output p{margin:.2rem 0}
.traceback{background:#fff;font-size:.8rem}
.note{border-left:4px solid var(--accent);background:var(--soft);padding:.5rem .8rem;border-radius:4px}
.note.warning,.status-note{border-left:4px solid var(--warn);background:#fff8c5;padding:.5rem .8rem;border-radius:4px}
figure{margin:.8rem 0}
figure.chart svg,figure.image svg,figure.image img,.html-output svg{max-width:100%;height:auto}
.chart-live{display:none}
figure.live .chart-live{display:block}figure.live .chart-static{display:none}
.key-numbers{border:1px solid var(--line);border-radius:8px;padding:.6rem 1rem;background:var(--soft)}
.key-numbers h3{margin:.2rem 0 .5rem;font-size:1rem}
.key-numbers dl{display:grid;grid-template-columns:repeat(auto-fill,minmax(10rem,1fr));gap:.6rem;margin:0}
.kn{background:#fff;border:1px solid var(--line);border-radius:6px;padding:.4rem .6rem}
.kn dt{color:var(--muted);font-size:.8rem;overflow-wrap:anywhere}
.kn dd{margin:0;font-size:1.25rem;font-weight:600;font-variant-numeric:tabular-nums;overflow-wrap:anywhere}
.params .empty{color:var(--muted);font-style:italic}
.math-display{overflow-x:auto;overflow-y:hidden;margin:.6rem 0}
.missing-image{color:var(--muted);font-style:italic}
.index .page{max-width:80rem}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(22rem,1fr));gap:1rem;padding:0;list-style:none}
.card{border:1px solid var(--line);border-radius:8px;padding:.8rem 1rem;display:flex;flex-direction:column;gap:.4rem}
.card h2{font-size:1.1rem;border:0;margin:0;padding:0}
.card p{margin:0;color:var(--muted);font-size:.92rem}
.card .key-numbers{padding:.4rem .6rem}.card .key-numbers dl{grid-template-columns:repeat(auto-fill,minmax(7.5rem,1fr))}
.card .kn dd{font-size:1rem}
.card .more{font-size:.8rem;margin:-.2rem 0 0}
.card-foot{display:flex;gap:.6rem;align-items:center;font-size:.85rem;color:var(--muted);margin-top:auto}
footer{margin-top:2.5rem;border-top:1px solid var(--line);padding-top:.6rem;color:var(--muted);font-size:.85rem}
@media (max-width:40rem){:root{font-size:15px}.page{padding:1rem .75rem}h1{font-size:1.6rem}}
@page{margin:1.6cm 1.4cm}
@media print{
:root{font-size:11pt}
.page{max-width:none;padding:0}
a{color:inherit;text-decoration:none}
.toc{break-after:avoid}
details>summary{list-style:none}
figure,.key-numbers,table,pre,.error-output,.math-display{break-inside:avoid}
h1,h2,h3{break-after:avoid}
pre{white-space:pre-wrap}
.html-output,.markdown-output{overflow:visible}
.html-output table{font-size:8pt}
.html-output th,.html-output td{padding:.15rem .3rem}
.chart-live{display:none!important}.chart-static{display:block!important}
}
`;

/** Extra print rule for browsers that support it (kept apart: unknown selectors drop a rule). */
export const PRINT_DETAILS_CSS =
  `@media print{details::details-content{content-visibility:visible;display:block}}`;

/** Opens every <details> before printing (the print CSS above covers browsers without JS). */
export const PRINT_SCRIPT =
  `addEventListener("beforeprint",()=>{for(const d of document.querySelectorAll("details"))d.open=true});`;
