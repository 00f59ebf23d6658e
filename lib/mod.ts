/**
 * shoplab: customer analytics for online shops. This module re-exports every area, so notebooks,
 * tests and scripts import one specifier, `@shoplab/lib`.
 *
 * @module
 */
export * from "./core/mod.ts";
export * from "./data/mod.ts";
export * from "./prep/mod.ts";
export * from "./clv/mod.ts";
export * from "./charts/mod.ts";
export * from "./notebook/mod.ts";
export * from "./recommend/mod.ts";
export * from "./text/mod.ts";
// Both prep (tables) and recommend (interaction matrices) have split functions: the prep ones keep
// the plain names, the recommend ones are re-exported with "Interaction" in their names.
export {
  chronologicalSplit,
  type ChronologicalSplitOptions,
  randomSplit,
  type RandomSplitOptions,
} from "./prep/mod.ts";
export {
  chronologicalSplit as chronologicalInteractionSplit,
  type ChronologicalSplitOptions as ChronologicalInteractionSplitOptions,
  randomSplit as randomInteractionSplit,
  type RandomSplitOptions as RandomInteractionSplitOptions,
} from "./recommend/mod.ts";
