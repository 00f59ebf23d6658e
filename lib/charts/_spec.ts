// Private helpers shared by the chart builders.
import type { TopLevelSpec } from "vega-lite";
import { CHART_CONFIG, type ChartOptions, type Datum, REFERENCE_COLOR } from "./theme.ts";

/** The Vega-Lite schema the builders target. */
export const SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json";

/**
 * Rounds to `digits` significant digits (keeps specs small); non-finite values become null.
 *
 * @example
 * ```ts
 * import { sig } from "@shoplab/lib/charts/_spec.ts";
 * import assert from "node:assert/strict";
 * assert.equal(sig(Math.PI), 3.14159);
 * assert.equal(sig(Math.PI, 3), 3.14);
 * assert.equal(sig(1234567), 1234567); // integers kept
 * assert.equal(sig(NaN), null);
 * ```
 */
export function sig(v: number, digits = 6): number | null {
  if (!Number.isFinite(v)) return null;
  return v === 0 || Number.isInteger(v) ? v : Number(v.toPrecision(digits));
}

/**
 * Copies rows: Dates → ISO strings, non-integers rounded to 6 significant digits.
 *
 * @example
 * ```ts
 * import { cleanValues } from "@shoplab/lib/charts/_spec.ts";
 * import assert from "node:assert/strict";
 * const rows = cleanValues([{ t: new Date(Date.UTC(2024, 0, 2)), v: 1 / 3, s: "a" }]);
 * assert.deepEqual(rows, [{ t: "2024-01-02T00:00:00.000Z", v: 0.333333, s: "a" }]);
 * ```
 */
export function cleanValues(values: readonly Datum[]): Record<string, unknown>[] {
  return values.map((d) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(d)) {
      out[k] = v instanceof Date
        ? (Number.isNaN(v.getTime()) ? null : v.toISOString())
        : typeof v === "number"
        ? sig(v)
        : v;
    }
    return out;
  });
}

/**
 * Top-level fields of every spec: schema, title, size, theme.
 *
 * @example
 * ```ts
 * import { frame } from "@shoplab/lib/charts/_spec.ts";
 * import assert from "node:assert/strict";
 * const f = frame({ title: "ROC", width: 300 }, 560, 260);
 * assert.equal(f.title, "ROC");
 * assert.equal(f.width, 300);
 * assert.equal(f.height, 260);
 * ```
 */
export function frame(
  options: ChartOptions,
  width: number,
  height: number,
): Record<string, unknown> {
  return {
    $schema: SCHEMA,
    ...(options.title ? { title: options.title } : {}),
    width: options.width ?? width,
    height: options.height ?? height,
    config: CHART_CONFIG,
  };
}

/**
 * Top-level fields plus inline data.
 *
 * @example
 * ```ts
 * import { base } from "@shoplab/lib/charts/_spec.ts";
 * import assert from "node:assert/strict";
 * const spec = base([{ x: 1 }], {});
 * assert.deepEqual(spec.data, { values: [{ x: 1 }] });
 * assert.equal(spec.width, 560);
 * ```
 */
export function base(
  values: readonly Datum[],
  options: ChartOptions,
  width = 560,
  height = 260,
): Record<string, unknown> {
  return { ...frame(options, width, height), data: { values: cleanValues(values) } };
}

/**
 * A colour encoding for a nominal field (empty when no field).
 *
 * @example
 * ```ts
 * import { colour } from "@shoplab/lib/charts/_spec.ts";
 * import assert from "node:assert/strict";
 * assert.deepEqual(colour(undefined), {});
 * assert.deepEqual(colour("model"), {
 *   color: { field: "model", type: "nominal", title: "model", sort: null },
 * });
 * ```
 */
export function colour(field: string | undefined, title?: string): Record<string, unknown> {
  return field ? { color: { field, type: "nominal", title: title ?? field, sort: null } } : {};
}

/**
 * Throws a TypeError naming the builder when a field is missing from the first row.
 *
 * @example
 * ```ts
 * import { requireFields } from "@shoplab/lib/charts/_spec.ts";
 * import assert from "node:assert/strict";
 * requireFields("barChart", [{ x: "a", y: 1 }], ["x", "y"]);
 * assert.throws(() => requireFields("barChart", [{ x: "a" }], ["y"]), /field "y" not found/);
 * ```
 */
export function requireFields(name: string, values: readonly Datum[], fields: string[]): void {
  if (values.length === 0) return;
  for (const f of fields) {
    if (!(f in values[0])) {
      throw new TypeError(
        `${name}: field "${f}" not found in the rows (fields: ${
          Object.keys(values[0]).join(", ")
        })`,
      );
    }
  }
}

/**
 * Indices of at most `max` points spread evenly, first and last always kept.
 *
 * @example
 * ```ts
 * import { pickIndices } from "@shoplab/lib/charts/_spec.ts";
 * import assert from "node:assert/strict";
 * assert.deepEqual(pickIndices(10, 4), [0, 3, 6, 9]);
 * assert.deepEqual(pickIndices(3, 5), [0, 1, 2]);
 * ```
 */
export function pickIndices(n: number, max: number): number[] {
  if (n <= max || max < 2) return Array.from({ length: n }, (_, i) => i);
  const out: number[] = [];
  for (let k = 0; k < max; k++) {
    const i = Math.round((k * (n - 1)) / (max - 1));
    if (out.length === 0 || out[out.length - 1] !== i) out.push(i);
  }
  return out;
}

/**
 * Checks that the named arrays of one curve have the same length.
 *
 * @example
 * ```ts
 * import { sameLength } from "@shoplab/lib/charts/_spec.ts";
 * import assert from "node:assert/strict";
 * assert.equal(sameLength("rocChart", { fpr: [0, 1], tpr: [0, 1], thresholds: undefined }), 2);
 * assert.throws(() => sameLength("rocChart", { fpr: [0, 1], tpr: [0] }), RangeError);
 * ```
 */
export function sameLength(
  name: string,
  arrays: Readonly<Record<string, ArrayLike<number> | undefined>>,
): number {
  let n = -1;
  for (const [k, a] of Object.entries(arrays)) {
    if (a === undefined) continue;
    if (n === -1) n = a.length;
    else if (a.length !== n) {
      throw new RangeError(
        `${name}: arrays must have the same length, "${k}" has ${a.length}, expected ${n}`,
      );
    }
  }
  return Math.max(n, 0);
}

/**
 * A dashed reference line through the given points (its own inline data).
 *
 * @example
 * ```ts
 * import { referenceLine } from "@shoplab/lib/charts/_spec.ts";
 * import assert from "node:assert/strict";
 * const layer = referenceLine([{ x: 0, y: 0 }, { x: 1, y: 1 }], "fpr", "tpr");
 * assert.deepEqual(layer.data, { values: [{ fpr: 0, tpr: 0 }, { fpr: 1, tpr: 1 }] });
 * ```
 */
export function referenceLine(
  points: readonly { x: number; y: number }[],
  xField: string,
  yField: string,
): Record<string, unknown> {
  return {
    data: { values: points.map((p) => ({ [xField]: p.x, [yField]: p.y })) },
    mark: { type: "line", strokeDash: [4, 4], color: REFERENCE_COLOR, strokeWidth: 1.5 },
    encoding: {
      x: { field: xField, type: "quantitative" },
      y: { field: yField, type: "quantitative" },
    },
  };
}

/**
 * A curve's legend label: name, plus "(AUC 0.812)"-style score when given.
 *
 * @example
 * ```ts
 * import { curveLabel } from "@shoplab/lib/charts/_spec.ts";
 * import assert from "node:assert/strict";
 * assert.equal(curveLabel("logreg", "AUC", 0.81234, 0), "logreg (AUC 0.812)");
 * assert.equal(curveLabel(undefined, "AUC", undefined, 1), "model 2");
 * ```
 */
export function curveLabel(
  name: string | undefined,
  scoreName: string,
  score: number | undefined,
  index: number,
): string {
  const label = name ?? (index === 0 ? "model" : `model ${index + 1}`);
  return score === undefined || !Number.isFinite(score)
    ? label
    : `${label} (${scoreName} ${score.toFixed(3)})`;
}

/**
 * A metric-by-panel spec: one panel when there is at most one metric, else a facet on the
 * `metric` field (at most 3 columns, independent y scales). `inner` holds the mark and encoding.
 *
 * @example
 * ```ts
 * import { metricPanels } from "@shoplab/lib/charts/_spec.ts";
 * import assert from "node:assert/strict";
 * const inner = { mark: "line", encoding: {} };
 * const one = metricPanels([], ["auc"], inner, {}, 260, 180) as unknown as {
 *   width: number;
 *   mark: string;
 * };
 * assert.equal(one.width, 260);
 * assert.equal(one.mark, "line");
 * const two = metricPanels([], ["auc", "loss"], inner, {}, 260, 180) as unknown as {
 *   columns: number;
 *   spec: unknown;
 * };
 * assert.equal(two.columns, 2);
 * assert.deepEqual(two.spec, { width: 260, height: 180, ...inner });
 * ```
 */
export function metricPanels(
  values: readonly Record<string, unknown>[],
  metrics: readonly string[],
  inner: Record<string, unknown>,
  options: ChartOptions,
  width: number,
  height: number,
): TopLevelSpec {
  const size = { width: options.width ?? width, height: options.height ?? height };
  const head = {
    $schema: SCHEMA,
    ...(options.title ? { title: options.title } : {}),
    config: CHART_CONFIG,
    data: { values },
  };
  if (metrics.length <= 1) return { ...head, ...size, ...inner } as unknown as TopLevelSpec;
  return {
    ...head,
    facet: { field: "metric", type: "nominal", sort: [...metrics], title: null },
    columns: Math.min(metrics.length, 3),
    spec: { ...size, ...inner },
    resolve: { scale: { y: "independent" } },
  } as unknown as TopLevelSpec;
}
