/**
 * Renders a Vega-Lite spec to an SVG string, headless and offline (no browser, no network).
 *
 * @module
 */
import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";

/** Options of {@linkcode vegaLiteToSvg}. */
export interface VegaLiteToSvgOptions {
  /** Scale factor of the SVG's width and height. Default `1`. */
  readonly scale?: number;
}

/** A logger that prints nothing and keeps the errors (vega logs data errors, it does not throw). */
function quietLogger(errors: string[]): vega.LoggerInterface {
  let level = vega.Error;
  const logger = {
    level(l?: number) {
      if (l === undefined) return level;
      level = l;
      return logger;
    },
    error(...args: readonly unknown[]) {
      errors.push(args.map((a) => a instanceof Error ? a.message : String(a)).join(" "));
      return logger;
    },
    warn: () => logger,
    info: () => logger,
    debug: () => logger,
  };
  return logger as unknown as vega.LoggerInterface;
}

/** A vega loader that refuses every URL: charts must carry their data inline. */
function offlineLoader(errors: string[]): vega.Loader {
  const refuse = (uri: string): Promise<never> => {
    const message = `Charts render offline: cannot load "${uri}"; inline the data as data.values`;
    errors.push(message);
    return Promise.reject(new Error(message));
  };
  const loader = vega.loader();
  return {
    ...loader,
    load: refuse,
    http: refuse,
    file: refuse,
    sanitize: (uri: string) =>
      /^data:image\//i.test(uri) ? Promise.resolve({ href: uri }) : refuse(uri),
  };
}

/**
 * Compiles a Vega-Lite spec and renders it to SVG with vega's headless renderer. Nothing is
 * fetched: a spec that points at a data URL is rejected. Text from the data is escaped by vega.
 * Warnings of the compiler are not printed.
 *
 * @param spec A Vega-Lite spec with inline data (e.g. from `lib/charts`).
 * @param options See {@linkcode VegaLiteToSvgOptions}.
 * @returns The SVG markup (starts with `<svg`, has a `viewBox`).
 * @throws {Error} When the spec does not compile or needs data from a URL.
 * @example
 * ```ts
 * import { vegaLiteToSvg } from "@shoplab/lib/charts/render_svg.ts";
 * import { barChart } from "@shoplab/lib/charts/bar_chart.ts";
 * import assert from "node:assert/strict";
 * const svg = await vegaLiteToSvg(barChart([{ c: "a", n: 2 }], "c", "n"));
 * assert.ok(svg.startsWith("<svg") && svg.includes("viewBox"));
 * ```
 */
export async function vegaLiteToSvg(
  spec: TopLevelSpec,
  options: VegaLiteToSvgOptions = {},
): Promise<string> {
  const errors: string[] = [];
  const logger = quietLogger(errors);
  const compiled = compile(spec, { logger }).spec;
  const view = new vega.View(vega.parse(compiled), {
    renderer: "none",
    loader: offlineLoader(errors),
    logger,
  });
  try {
    const svg = await view.toSVG(options.scale ?? 1);
    if (errors.length > 0) throw new Error(errors[0]);
    return svg;
  } finally {
    view.finalize();
  }
}
