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
export * from "./metrics/mod.ts";
export * from "./segment/mod.ts";
export * from "./models/mod.ts";
export * from "./sequences/mod.ts";
export * from "./retention/mod.ts";
export * from "./acquisition/mod.ts";
export * from "./report/mod.ts";
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
// Both models (a fitted classifier's explanation) and recommend (why an item was recommended)
// have an `Explanation` type: the models one keeps the plain name.
export type { Explanation } from "./models/mod.ts";
export type { Explanation as RecommendationExplanation } from "./recommend/mod.ts";
