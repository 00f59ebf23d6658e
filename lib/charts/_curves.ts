// Private helper: turns curves given as parallel arrays into long rows for a layered spec.
import { curveLabel, pickIndices, sameLength, sig } from "./_spec.ts";

/** One curve as parallel arrays plus an optional name and score. */
export interface CurveArrays {
  readonly name?: string;
  readonly x: ArrayLike<number>;
  readonly y: ArrayLike<number>;
  readonly score?: number;
}

/**
 * Long rows `{ series, x, y, order }`, each curve downsampled to `maxPoints`.
 *
 * @example
 * ```ts
 * import { curveRows } from "@shoplab/lib/charts/_curves.ts";
 * import assert from "node:assert/strict";
 * const curve = { name: "lr", x: [0, 0.5, 1], y: [0, 0.8, 1], score: 0.8 };
 * const { rows, labels } = curveRows("rocChart", [curve], "AUC", 2);
 * assert.deepEqual(labels, ["lr (AUC 0.800)"]);
 * assert.deepEqual(rows, [ // downsampled to 2 points: first and last
 *   { series: "lr (AUC 0.800)", x: 0, y: 0, order: 0 },
 *   { series: "lr (AUC 0.800)", x: 1, y: 1, order: 1 },
 * ]);
 * ```
 */
export function curveRows(
  builder: string,
  curves: readonly CurveArrays[],
  scoreName: string,
  maxPoints: number,
): { rows: Record<string, unknown>[]; labels: string[] } {
  const rows: Record<string, unknown>[] = [];
  const labels: string[] = [];
  curves.forEach((c, ci) => {
    const n = sameLength(builder, { x: c.x, y: c.y });
    const label = curveLabel(c.name, scoreName, c.score, ci);
    labels.push(label);
    let order = 0;
    for (const i of pickIndices(n, maxPoints)) {
      const x = sig(Number(c.x[i]), 4), y = sig(Number(c.y[i]), 4);
      if (x === null || y === null) continue;
      rows.push({ series: label, x, y, order: order++ });
    }
  });
  return { rows, labels };
}

/**
 * The curve layer: one coloured line per series, drawn in the given order.
 *
 * @example
 * ```ts
 * import { curveLayer } from "@shoplab/lib/charts/_curves.ts";
 * import assert from "node:assert/strict";
 * const layer = curveLayer([], "FPR", "TPR", "Model", { domain01: true }) as {
 *   mark: { type: string };
 *   encoding: { x: { title: string; scale: unknown } };
 * };
 * assert.equal(layer.mark.type, "line");
 * assert.equal(layer.encoding.x.title, "FPR");
 * assert.deepEqual(layer.encoding.x.scale, { domain: [0, 1] });
 * ```
 */
export function curveLayer(
  rows: Record<string, unknown>[],
  xTitle: string,
  yTitle: string,
  seriesTitle: string,
  extra: { points?: boolean; domain01?: boolean } = {},
): Record<string, unknown> {
  const scale = extra.domain01 ? { domain: [0, 1] } : { zero: false };
  return {
    data: { values: rows },
    mark: {
      type: "line",
      tooltip: true,
      ...(extra.points ? { point: true } : {}),
    },
    encoding: {
      x: { field: "x", type: "quantitative", title: xTitle, scale },
      y: { field: "y", type: "quantitative", title: yTitle, scale },
      color: { field: "series", type: "nominal", title: seriesTitle, sort: null },
      order: { field: "order", type: "quantitative" },
    },
  };
}

/**
 * Normalises "one curve or many" to a list.
 *
 * @example
 * ```ts
 * import { asList } from "@shoplab/lib/charts/_curves.ts";
 * import assert from "node:assert/strict";
 * assert.deepEqual(asList({ x: 1 }), [{ x: 1 }]);
 * assert.deepEqual(asList([{ x: 1 }, { x: 2 }]).length, 2);
 * ```
 */
export function asList<T extends object>(curves: T | readonly T[]): readonly T[] {
  return Array.isArray(curves) ? curves as readonly T[] : [curves as T];
}
