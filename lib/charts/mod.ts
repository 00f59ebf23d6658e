/**
 * Vega-Lite chart builders (plain specs) and an offline SVG renderer.
 *
 * @module
 */
export * from "./basic.ts";
export * from "./render_svg.ts";
