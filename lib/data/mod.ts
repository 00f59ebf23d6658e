/**
 * Loading and validating shop data: canonical tables, readers for the synthetic shop, UCI Online
 * Retail, CDNOW and any CSV/Parquet with a column mapping, and the synthetic shop generator.
 *
 * @module
 */
export * from "./schema.ts";
export * from "./errors.ts";
export type * from "./types.ts";
export type { ReadContext } from "./_file_checks.ts";
export * from "./load_shop.ts";
export * from "./read_synthetic.ts";
export * from "./read_online_retail.ts";
export * from "./read_cdnow.ts";
export * from "./read_table_file.ts";
export * from "./describe_cleaning.ts";
export * from "./generate/mod.ts";
export * from "./scan_table_file.ts";
export * from "./scan_synthetic.ts";
export * from "./scan_shop.ts";
