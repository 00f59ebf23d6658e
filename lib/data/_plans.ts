/**
 * Private: the column plans of a canonical table under a user's column mapping.
 *
 * @module
 */
import { SCHEMA, type TableName } from "./schema.ts";
import type { ColumnPlan } from "./_parse.ts";

/** Canonical column → source column name (the public `ColumnMapping`). */
export type Mapping = Readonly<Record<string, string>>;

/**
 * Plans for every canonical column of `table`, named in the source by `mapping`.
 *
 * @example
 * ```ts
 * import { plansFor } from "@shoplab/lib/data/_plans.ts";
 * import assert from "node:assert/strict";
 * const plans = plansFor("items", { item_id: "sku" });
 * assert.deepEqual(plans[0], { name: "item_id", kind: "string", required: true, source: "sku" });
 * assert.equal(plans.find((p) => p.name === "price")?.source, "price");
 * ```
 */
export function plansFor(table: TableName, mapping: Mapping): ColumnPlan[] {
  return SCHEMA[table].map((c) => ({
    name: c.name,
    kind: c.kind,
    required: c.required,
    source: mapping[c.name] ?? c.name,
  }));
}
