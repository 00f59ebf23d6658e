/**
 * Confusion matrix builder.
 *
 * @module
 */
import type { TopLevelSpec } from "vega-lite";
import { frame } from "./_spec.ts";
import type { ChartOptions } from "./theme.ts";

/** Counts of a binary classifier at one threshold. */
export interface BinaryConfusion {
  /** True positives. */
  readonly tp: number;
  /** False positives. */
  readonly fp: number;
  /** True negatives. */
  readonly tn: number;
  /** False negatives. */
  readonly fn: number;
}

/** A square matrix of counts: `matrix[actual][predicted]`. */
export interface ConfusionMatrix {
  /** Class names, in row/column order. */
  readonly labels: readonly string[];
  /** Counts, rows = actual class, columns = predicted class. */
  readonly matrix: readonly (readonly number[])[];
}

/** Options of {@linkcode confusionMatrixChart}. */
export interface ConfusionMatrixChartOptions extends ChartOptions {
  /** Class names for a binary input. Default `["negative", "positive"]`. */
  readonly labels?: readonly [string, string];
  /**
   * Percentages per actual class (`"row"`, i.e. recall per class) or of all rows (`"all"`).
   * The colour follows the same share. Default `"row"`.
   */
  readonly normalize?: "row" | "all";
}

function toMatrix(input: BinaryConfusion | ConfusionMatrix, o: ConfusionMatrixChartOptions) {
  if ("matrix" in input) {
    const n = input.labels.length;
    if (input.matrix.length !== n || input.matrix.some((r) => r.length !== n)) {
      throw new RangeError(`confusionMatrixChart: matrix must be ${n} × ${n} (one per label)`);
    }
    return input;
  }
  const { tp, fp, tn, fn } = input;
  return { labels: o.labels ?? ["negative", "positive"], matrix: [[tn, fp], [fn, tp]] };
}

/**
 * A confusion matrix: actual class down, predicted class across; each cell shows the count and
 * its share, coloured by the share.
 *
 * @param input Binary counts `{ tp, fp, tn, fn }` or `{ labels, matrix }`.
 * @param options See {@linkcode ConfusionMatrixChartOptions}.
 * @returns A layered Vega-Lite spec (rectangles + labels).
 * @throws {RangeError} When the matrix is not square or a count is negative or not finite.
 * @example
 * ```ts
 * import { confusionMatrixChart } from "@shoplab/lib/charts/confusion_matrix_chart.ts";
 * import assert from "node:assert/strict";
 * const spec = confusionMatrixChart({ tp: 30, fp: 10, tn: 50, fn: 10 }) as {
 *   data: { values: { actual: string; predicted: string; label: string }[] };
 * };
 * const tp = spec.data.values.find((c) => c.actual === "positive" && c.predicted === "positive");
 * assert.equal(tp?.label, "30 (75.0%)");
 * ```
 */
export function confusionMatrixChart(
  input: BinaryConfusion | ConfusionMatrix,
  options: ConfusionMatrixChartOptions = {},
): TopLevelSpec {
  const { labels, matrix } = toMatrix(input, options);
  const all = matrix.flat().reduce((s, v) => s + v, 0);
  const cells: Record<string, unknown>[] = [];
  matrix.forEach((row, i) => {
    const rowSum = row.reduce((s, v) => s + v, 0);
    row.forEach((count, j) => {
      if (!(Number.isFinite(count) && count >= 0)) {
        throw new RangeError(`confusionMatrixChart: counts must be finite and >= 0, got ${count}`);
      }
      const denom = options.normalize === "all" ? all : rowSum;
      const share = denom > 0 ? count / denom : 0;
      cells.push({
        actual: labels[i],
        predicted: labels[j],
        count,
        share: Math.round(share * 10000) / 10000,
        label: `${count.toLocaleString("en")} (${(share * 100).toFixed(1)}%)`,
      });
    });
  });
  const side = Math.max(240, 120 * labels.length);
  const enc = {
    x: {
      field: "predicted",
      type: "nominal",
      sort: [...labels],
      title: options.xTitle ?? "predicted",
      axis: { labelAngle: 0, grid: false },
    },
    y: {
      field: "actual",
      type: "nominal",
      sort: [...labels],
      title: options.yTitle ?? "actual",
      axis: { grid: false },
    },
  };
  return {
    ...frame(options, side, side),
    data: { values: cells },
    layer: [
      {
        mark: { type: "rect", tooltip: true },
        encoding: {
          ...enc,
          color: {
            field: "share",
            type: "quantitative",
            scale: { scheme: "blues", domain: [0, 1] },
            title: options.normalize === "all" ? "share of all" : "share of actual",
            legend: null,
          },
        },
      },
      {
        mark: { type: "text", fontSize: 12 },
        encoding: {
          ...enc,
          text: { field: "label", type: "nominal" },
          color: { condition: { test: "datum.share > 0.5", value: "white" }, value: "#222" },
        },
      },
    ],
  } as TopLevelSpec;
}
