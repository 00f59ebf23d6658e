/**
 * The synthetic shop generator: a seeded, deterministic shop written to CSV.
 *
 * @module
 */
export * from "./generate_shop.ts";
export * from "./ensure_default_data.ts";
export { BEHAVIOUR, CATEGORIES, CHANNELS } from "./_model.ts";
export type { ChannelProfile } from "./_model.ts";
