// Private helpers shared by the chart builders.
import { CHART_CONFIG, type ChartOptions, type Datum, REFERENCE_COLOR } from "./theme.ts";

/** The Vega-Lite schema the builders target. */
export const SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json";

/** Rounds to `digits` significant digits (keeps specs small); non-finite values become null. */
export function sig(v: number, digits = 6): number | null {
  if (!Number.isFinite(v)) return null;
  return v === 0 || Number.isInteger(v) ? v : Number(v.toPrecision(digits));
}

/** Copies rows: Dates → ISO strings, non-integers rounded to 6 significant digits. */
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

/** Top-level fields of every spec: schema, title, size, theme. */
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

/** Top-level fields plus inline data. */
export function base(
  values: readonly Datum[],
  options: ChartOptions,
  width = 560,
  height = 260,
): Record<string, unknown> {
  return { ...frame(options, width, height), data: { values: cleanValues(values) } };
}

/** A colour encoding for a nominal field (empty when no field). */
export function colour(field: string | undefined, title?: string): Record<string, unknown> {
  return field ? { color: { field, type: "nominal", title: title ?? field, sort: null } } : {};
}

/** Throws a TypeError naming the builder when a field is missing from the first row. */
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

/** Indices of at most `max` points spread evenly, first and last always kept. */
export function pickIndices(n: number, max: number): number[] {
  if (n <= max || max < 2) return Array.from({ length: n }, (_, i) => i);
  const out: number[] = [];
  for (let k = 0; k < max; k++) {
    const i = Math.round((k * (n - 1)) / (max - 1));
    if (out.length === 0 || out[out.length - 1] !== i) out.push(i);
  }
  return out;
}

/** Checks that the named arrays of one curve have the same length. */
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

/** A dashed reference line through the given points (its own inline data). */
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

/** A curve's legend label: name, plus "(AUC 0.812)"-style score when given. */
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
