/**
 * Histogram builder.
 *
 * @module
 */
import type { TopLevelSpec } from "vega-lite";
import { base, colour, requireFields } from "./_spec.ts";
import type { ChartOptions, Datum } from "./theme.ts";

/** Options of {@linkcode histogram}. */
export interface HistogramOptions extends ChartOptions {
  /** Maximum number of bins. Default `40`. */
  readonly bins?: number;
  /** Field that splits counts into stacked coloured series. Default: none. */
  readonly color?: string;
}

/**
 * A histogram of a numeric field (binned counts). Rows where the field is null are not counted.
 *
 * @param values Rows.
 * @param field Numeric field.
 * @param options See {@linkcode HistogramOptions}.
 * @returns A Vega-Lite spec with the rows inlined.
 * @throws {TypeError} When `field` is not in the rows.
 * @example
 * ```ts
 * import { histogram } from "@shoplab/lib/charts/histogram.ts";
 * import assert from "node:assert/strict";
 * const spec = histogram([{ v: 1 }, { v: 2 }], "v") as { encoding: { x: { bin: unknown } } };
 * assert.deepEqual(spec.encoding.x.bin, { maxbins: 40 });
 * ```
 */
export function histogram(
  values: readonly Datum[],
  field: string,
  options: HistogramOptions = {},
): TopLevelSpec {
  requireFields("histogram", values, [field]);
  return {
    ...base(
      values.map((d) => ({
        [field]: d[field],
        ...(options.color ? { [options.color]: d[options.color] } : {}),
      })),
      options,
    ),
    mark: { type: "bar", tooltip: true },
    encoding: {
      x: {
        field,
        type: "quantitative",
        bin: { maxbins: options.bins ?? 40 },
        title: options.xTitle ?? field,
      },
      y: { aggregate: "count", type: "quantitative", title: options.yTitle ?? "count" },
      ...colour(options.color),
    },
  } as TopLevelSpec;
}
