// Opens rendered reports in headless Chromium (Debian's /usr/bin/chromium, driven by
// playwright-core) from file:// and checks what a reader would get: no console errors, no
// network requests, charts drawn as SVG, math typeset, the XSS payload inert and visible as text.
import assert from "node:assert/strict";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import {
  notebookSummary,
  renderIndexHtml,
  renderNotebookHtml,
} from "@shoplab/lib/report/render/mod.ts";
import { META, sampleNotebook, XSS } from "./_render_fixture.ts";
import { runReport } from "./_cli.ts";

const CHROMIUM = "/usr/bin/chromium";
const hasChromium = (() => {
  try {
    return Deno.statSync(CHROMIUM).isFile;
  } catch {
    return false;
  }
})();

interface Visit {
  page: Page;
  offline: string[];
  errors: string[];
}

/** Opens a file and records requests that are not file: or data:, console errors and exceptions. */
async function visit(ctx: BrowserContext, path: string): Promise<Visit> {
  const page = await ctx.newPage();
  const offline: string[] = [], errors: string[] = [];
  page.on("request", (r) => {
    if (!/^(file|data):/.test(r.url())) offline.push(r.url());
  });
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto("file://" + path, { waitUntil: "load" });
  return { page, offline, errors };
}

/**
 * Runs `fn` with a new temp folder (`prefix`) and a headless Chromium on a fresh profile; closes
 * the browser and removes both folders after.
 */
async function withBrowser(
  prefix: string,
  fn: (dir: string, ctx: BrowserContext) => Promise<void>,
): Promise<void> {
  const dir = await Deno.makeTempDir({ prefix });
  const profile = await Deno.makeTempDir({ prefix: "shoplab-chromium-" });
  try {
    const ctx = await launch(profile);
    try {
      await fn(dir, ctx);
    } finally {
      await ctx.close();
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
    await Deno.remove(profile, { recursive: true });
  }
}

function launch(profile: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

Deno.test({
  name:
    "renderNotebookHtml() reports work offline in headless Chromium (analyst, stakeholder, interactive, index)",
  ignore: !hasChromium,
  sanitizeOps: false,
  sanitizeResources: false,
  async fn(t) {
    await withBrowser("shoplab-browser-", async (dir, ctx) => {
      const nb = await sampleNotebook();
      const files: Record<string, string> = {};
      for (
        const [name, audience, interactive] of [
          ["analyst", "analyst", false],
          ["stakeholder", "stakeholder", false],
          ["interactive", "analyst", true],
        ] as const
      ) {
        files[name] = join(dir, `${name}.html`);
        await Deno.writeTextFile(
          files[name],
          await renderNotebookHtml(nb, { audience, interactive, meta: META }),
        );
      }
      files.index = join(dir, "index.html");
      await Deno.writeTextFile(
        files.index,
        await renderIndexHtml([
          {
            href: "analyst.html",
            ...notebookSummary(nb),
            metrics: { auc: 0.82, best: XSS },
            status: "ok",
            durationSeconds: 2,
          },
          {
            href: "stakeholder.html",
            title: XSS,
            summary: XSS,
            metrics: {},
            status: "error",
            durationSeconds: 1,
          },
        ], { date: "2025-01-01", dataSource: XSS, gitRevision: "abc1234" }),
      );
      for (const name of ["analyst", "stakeholder", "interactive"]) {
        await t.step(name, async () => {
          const { page, offline, errors } = await visit(ctx, files[name]);
          if (name === "interactive") {
            await page.waitForFunction(
              () => document.querySelectorAll("figure.chart.live").length === 2,
              null,
              { timeout: 15_000 },
            );
          }
          const facts = await page.evaluate(() => ({
            figures: document.querySelectorAll("figure.chart").length,
            withSvg: [...document.querySelectorAll("figure.chart")].filter((f) =>
              f.querySelector("svg")
            ).length,
            visibleSvg: [...document.querySelectorAll("figure.chart svg")].filter((s) =>
              s.getBoundingClientRect().width > 100
            ).length,
            katex: document.querySelectorAll(".katex").length,
            katexFont:
              getComputedStyle(document.querySelector(".katex") ?? document.body).fontFamily,
            xss: (globalThis as unknown as { __xss?: unknown }).__xss,
            text: document.querySelector("main")?.textContent ?? "",
            code: document.querySelectorAll("details.source").length,
          }));
          assert.deepEqual(offline, [], "network requests");
          assert.deepEqual(errors, [], "console errors");
          assert.equal(facts.figures, 2);
          assert.equal(facts.withSvg, 2, "every chart is an <svg>");
          assert.equal(facts.visibleSvg, 2, "charts are laid out");
          assert.ok(facts.katex >= 4, `KaTeX rendered (${facts.katex})`);
          assert.match(facts.katexFont, /KaTeX_Main/);
          assert.equal(facts.xss, undefined, "payload did not run");
          assert.ok(facts.text.includes(XSS), "payload visible as text");
          assert.equal(facts.code > 0, name !== "stakeholder");
          await page.close();
        });
      }
      await t.step("interactive charts show tooltips", async () => {
        const { page, errors } = await visit(ctx, files.interactive);
        await page.waitForSelector("figure.chart.live .chart-live svg");
        const bar = page.locator('figure.chart.live .chart-live svg [aria-roledescription="bar"]')
          .first();
        await bar.scrollIntoViewIfNeeded();
        const box = await bar.boundingBox();
        assert.ok(box, "a bar is drawn");
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        await page.waitForSelector("#vg-tooltip-element.visible", { timeout: 5_000 });
        assert.ok((await page.textContent("#vg-tooltip-element"))?.includes("revenue"));
        assert.deepEqual(errors, []);
        await page.close();
      });
      await t.step("index links to the reports", async () => {
        const { page, offline, errors } = await visit(ctx, files.index);
        assert.equal(await page.locator("li.card").count(), 2);
        assert.equal(
          await page.evaluate(() => (globalThis as unknown as { __xss?: unknown }).__xss),
          undefined,
        );
        assert.ok((await page.textContent("main"))?.includes(XSS));
        await page.click("li.card a >> nth=0");
        await page.waitForURL(/analyst\.html$/);
        assert.equal(await page.title(), "Render sample");
        assert.deepEqual(offline, []);
        assert.deepEqual(errors, []);
        await page.close();
      });
      await t.step("print media expands folded code", async () => {
        const { page } = await visit(ctx, files.analyst);
        assert.equal(await page.isVisible("details.source pre >> nth=0"), false);
        await page.emulateMedia({ media: "print" });
        assert.equal(await page.isVisible("details.source pre >> nth=0"), true);
        await page.close();
      });
    });
  },
});

Deno.test({
  name: "deno task report output opens offline in headless Chromium, every chart as SVG",
  ignore: !hasChromium,
  sanitizeOps: false,
  sanitizeResources: false,
  async fn(t) {
    await withBrowser("shoplab-browser-cli-", async (dir, ctx) => {
      const runs = [
        ["analyst", []],
        ["stakeholder-interactive", ["--audience", "stakeholder", "--interactive"]],
      ] as const;
      for (const [name, args] of runs) {
        const r = await runReport(["--out", join(dir, name), ...args]);
        assert.equal(r.code, 0, r.stderr);
      }
      for (const [name, args] of runs) {
        const interactive = args.includes("--interactive" as never);
        const files = [...Deno.readDirSync(join(dir, name))].map((e) => e.name)
          .filter((n) => n.endsWith(".html")).sort();
        assert.deepEqual(files, ["00_alpha.html", "01_beta.html", "index.html"]);
        for (const file of files) {
          await t.step(`${name}/${file}`, async () => {
            const { page, offline, errors } = await visit(ctx, join(dir, name, file));
            const report = file !== "index.html";
            if (report && interactive) {
              await page.waitForFunction(
                () =>
                  document.querySelectorAll("figure.chart.live").length ===
                    document.querySelectorAll("figure.chart").length,
                null,
                { timeout: 15_000 },
              );
            }
            const facts = await page.evaluate(() => ({
              figures: document.querySelectorAll("figure.chart").length,
              withSvg: [...document.querySelectorAll("figure.chart")].filter((f) =>
                f.querySelector(".chart-static svg")
              ).length,
              xss: (globalThis as unknown as { __xss?: unknown }).__xss,
              text: document.body.textContent ?? "",
              code: document.querySelectorAll("details.source").length,
            }));
            assert.deepEqual(offline, [], "network requests");
            assert.deepEqual(errors, [], "console errors");
            assert.equal(facts.xss, undefined, "payload did not run");
            if (report) {
              assert.equal(facts.figures, 1, "one chart per fixture notebook");
              assert.equal(facts.withSvg, facts.figures, "every chart is an <svg>");
              assert.equal(facts.code > 0, name === "analyst");
            }
            if (file === "00_alpha.html") {
              assert.ok(facts.text.includes("<script>window.__xss=1</script>"), "shown as text");
            }
            await page.close();
          });
        }
      }
    });
  },
});
