/**
 * Training curves builder (loss and metrics per epoch, train vs validation).
 *
 * @module
 */
import type { TopLevelSpec } from "vega-lite";
import { metricPanels, sig } from "./_spec.ts";
import type { ChartOptions } from "./theme.ts";

/**
 * A training history: either tfjs' `History.history` (`{ loss: [...], val_loss: [...] }`) or one
 * record per epoch (`[{ epoch: 1, loss: 0.6, val_loss: 0.7 }, ...]`).
 */
export type TrainingHistory =
  | Readonly<Record<string, ArrayLike<number>>>
  | readonly Readonly<Record<string, number>>[];

/** Options of {@linkcode trainingCurvesChart}. */
export interface TrainingCurvesChartOptions extends ChartOptions {
  /** Metrics to draw (without the `val_` prefix). Default: every metric in the history. */
  readonly metrics?: readonly string[];
}

/** Splits a history key into metric and split: `val_auc` / `valAuc` → (`auc`, validation). */
function parseKey(key: string): { metric: string; split: "train" | "validation" } {
  if (key.startsWith("val_")) return { metric: key.slice(4), split: "validation" };
  if (/^val[A-Z]/.test(key)) {
    return { metric: key[3].toLowerCase() + key.slice(4), split: "validation" };
  }
  return { metric: key, split: "train" };
}

function toColumns(history: TrainingHistory): Map<string, number[]> {
  const cols = new Map<string, number[]>();
  if (Array.isArray(history)) {
    (history as readonly Readonly<Record<string, number>>[]).forEach((rec, i) => {
      const epoch = rec.epoch ?? i + 1;
      (cols.get("epoch") ?? cols.set("epoch", []).get("epoch")!).push(epoch);
      for (const [k, v] of Object.entries(rec)) {
        if (k === "epoch") continue;
        const col = cols.get(k) ?? cols.set(k, []).get(k)!;
        col[i] = v;
      }
    });
  } else {
    for (const [k, v] of Object.entries(history as Record<string, ArrayLike<number>>)) {
      cols.set(k, Array.from(v, Number));
    }
  }
  return cols;
}

/**
 * Loss and metrics per epoch, training vs validation, one small panel per metric (independent
 * y scales). Validation keys are `val_<metric>` (tfjs) or `val<Metric>` (camelCase).
 *
 * @param history tfjs `History.history` or per-epoch records.
 * @param options See {@linkcode TrainingCurvesChartOptions}; width/height are per panel
 *   (default 260 × 180).
 * @returns A faceted Vega-Lite spec (or a single panel for one metric).
 * @example
 * ```ts
 * import { trainingCurvesChart } from "@shoplab/lib/charts/training_curves_chart.ts";
 * import assert from "node:assert/strict";
 * const spec = trainingCurvesChart({ loss: [0.7, 0.5], val_loss: [0.72, 0.6], acc: [0.6, 0.7] }) as {
 *   data: { values: { epoch: number; metric: string; split: string; value: number }[] };
 * };
 * assert.deepEqual(spec.data.values[2], { epoch: 1, metric: "loss", split: "validation", value: 0.72 });
 * ```
 */
export function trainingCurvesChart(
  history: TrainingHistory,
  options: TrainingCurvesChartOptions = {},
): TopLevelSpec {
  const cols = toColumns(history);
  const keys = [...cols.keys()].filter((k) => k !== "epoch");
  const metrics = options.metrics ??
    [...new Set(keys.map((k) => parseKey(k).metric))];
  const rows: Record<string, unknown>[] = [];
  const epochs = cols.get("epoch");
  for (const k of keys) {
    const { metric, split } = parseKey(k);
    if (!metrics.includes(metric)) continue;
    cols.get(k)!.forEach((v, i) => {
      const value = sig(v, 5);
      if (value !== null) rows.push({ epoch: epochs?.[i] ?? i + 1, metric, split, value });
    });
  }
  const inner = {
    mark: { type: "line", point: rows.length <= 400, tooltip: true },
    encoding: {
      x: {
        field: "epoch",
        type: "quantitative",
        title: options.xTitle ?? "epoch",
        axis: { tickMinStep: 1 },
      },
      y: {
        field: "value",
        type: "quantitative",
        title: options.yTitle ?? (metrics.length === 1 ? metrics[0] : null),
        scale: { zero: false },
      },
      color: { field: "split", type: "nominal", title: null, sort: ["train", "validation"] },
      strokeDash: { field: "split", type: "nominal", sort: ["train", "validation"], legend: null },
    },
  };
  return metricPanels(rows, metrics, inner, options, 260, 180);
}
