/**
 * shoplab: customer analytics for online shops. This module re-exports every area, so notebooks,
 * tests and scripts import one specifier, `@shoplab/lib`.
 *
 * @module
 */
export * from "./core/mod.ts";
export * from "./data/mod.ts";
export * from "./prep/mod.ts";
export * from "./recommend/mod.ts";
export * from "./text/mod.ts";
