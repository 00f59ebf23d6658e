/**
 * Private: the column plans of a canonical table under a user's column mapping.
 *
 * @module
 */
import { SCHEMA, type TableName } from "./schema.ts";
import type { ColumnPlan } from "./_parse.ts";

/** Canonical column → source column name (the public `ColumnMapping`). */
export type Mapping = Readonly<Record<string, string>>;

/** Plans for every canonical column of `table`, named in the source by `mapping`. */
export function plansFor(table: TableName, mapping: Mapping): ColumnPlan[] {
  return SCHEMA[table].map((c) => ({
    name: c.name,
    kind: c.kind,
    required: c.required,
    source: mapping[c.name] ?? c.name,
  }));
}
