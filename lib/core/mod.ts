/**
 * Core helpers shared by every area: seeded randomness, project paths, constants.
 *
 * @module
 */
export * from "./constants.ts";
export * from "./random.ts";
export * from "./paths.ts";
