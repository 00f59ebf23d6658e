/**
 * Splits a churn-time table into right-censored samples, one per group.
 *
 * @module
 */
import type pl from "nodejs-polars";
import type { SurvivalSample } from "./types.ts";
import { requireColumns } from "../prep/_columns.ts";

/** Options of {@linkcode survivalSamples}. */
export interface SurvivalSamplesOptions {
  /** Column to group by (e.g. `"channel"`). Default: one group `"all"`. */
  readonly by?: string;
  /** Duration column. Default `"duration_days"`. */
  readonly duration?: string;
  /** Event column (boolean or 0/1). Default `"churned"`. */
  readonly event?: string;
}

/**
 * Turns a table such as {@linkcode churnTimes}' into `{ group: { durations, events } }` for
 * {@linkcode kaplanMeier} and {@linkcode logRankTest}; groups are sorted by name.
 *
 * @param table A table with a duration and an event column.
 * @param options See {@linkcode SurvivalSamplesOptions}.
 * @returns Group name → sample (null group values become `"unknown"`).
 * @throws {TypeError} When a named column is missing.
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { survivalSamples } from "@shoplab/lib/retention/survival_samples.ts";
 * import assert from "node:assert/strict";
 * const t = pl.DataFrame({ duration_days: [1, 2, 3], churned: [true, false, true], channel: ["a", "b", "a"] });
 * const s = survivalSamples(t, { by: "channel" });
 * assert.deepEqual(Object.keys(s), ["a", "b"]);
 * assert.deepEqual(Array.from(s.a.durations), [1, 3]);
 * ```
 */
export function survivalSamples(
  table: pl.DataFrame,
  options: SurvivalSamplesOptions = {},
): Record<string, SurvivalSample> {
  const dc = options.duration ?? "duration_days", ec = options.event ?? "churned";
  requireColumns(table, options.by ? [dc, ec, options.by] : [dc, ec], "survivalSamples");
  const dur = table.getColumn(dc).toArray() as number[];
  const ev = table.getColumn(ec).toArray() as (boolean | number)[];
  const grp = options.by ? table.getColumn(options.by).toArray() as unknown[] : null;
  const acc = new Map<string, { durations: number[]; events: boolean[] }>();
  for (let i = 0; i < dur.length; i++) {
    const g = grp ? (grp[i] === null || grp[i] === undefined ? "unknown" : String(grp[i])) : "all";
    let s = acc.get(g);
    if (!s) acc.set(g, s = { durations: [], events: [] });
    s.durations.push(dur[i]);
    s.events.push(Boolean(ev[i]));
  }
  const out: Record<string, SurvivalSample> = {};
  for (const g of [...acc.keys()].sort()) out[g] = acc.get(g)!;
  return out;
}
