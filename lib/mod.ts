/**
 * shoplab: customer analytics for online shops. This module re-exports every area, so notebooks,
 * tests and scripts import one specifier, `@shoplab/lib`.
 *
 * @module
 */
export * from "./core/mod.ts";
export * from "./data/schema.ts";
export * from "./data/errors.ts";
export type * from "./data/types.ts";
