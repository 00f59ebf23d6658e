/**
 * Diagnostic: expected purchases and P(alive) over a frequency × recency grid.
 *
 * @module
 */
import { conditionalPurchases, probabilityAlive } from "./_bg_nbd_core.ts";
import { checkBgNbd } from "./_validate.ts";
import type { BgNbdParams } from "./fit_bg_nbd.ts";

/** Options of {@linkcode frequencyRecencyGrid}. */
export interface FrequencyRecencyGridOptions {
  /** Age T of the hypothetical customers, in the fit's unit (required). */
  readonly T: number;
  /** Horizon of the expected purchases, in the fit's unit (required). */
  readonly t: number;
  /** Largest frequency on the grid. Default 20. */
  readonly maxFrequency?: number;
  /** Number of recency values, evenly spaced over [0, T]. Default 20. */
  readonly recencySteps?: number;
}

/** One cell of {@linkcode frequencyRecencyGrid}. */
export interface FrequencyRecencyCell {
  /** Repeat purchases x of the hypothetical customer (0…`maxFrequency`). */
  readonly frequency: number;
  /** Recency t_x in the fit's unit (0 ≤ t_x ≤ T; 0 when x = 0). */
  readonly recency: number;
  /** E[Y(t) | x, t_x, T]. */
  readonly expected: number;
  /** P(alive | x, t_x, T). */
  readonly pAlive: number;
}

/**
 * Evaluates the BG/NBD's conditional expectation and P(alive) for a customer of age T over a
 * grid of frequency x = 0…maxFrequency and recency t_x ∈ [0, T] (x = 0 only with t_x = 0):
 * the frequency/recency matrices of lifetimes (`plot_frequency_recency_matrix`,
 * `plot_probability_alive_matrix`).
 *
 * @param params Fitted BG/NBD parameters.
 * @param options See {@linkcode FrequencyRecencyGridOptions}.
 * @returns The cells, frequency-major.
 * @throws {RangeError} For invalid parameters or options.
 * @example
 * ```ts
 * import { frequencyRecencyGrid } from "@shoplab/lib/clv/frequency_recency_grid.ts";
 * import assert from "node:assert/strict";
 * const g = frequencyRecencyGrid({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, { T: 39, t: 39, maxFrequency: 5, recencySteps: 4 });
 * const at = (x: number, i: number) => g.find((c) => c.frequency === x && c.recency === (39 * i) / 3)!;
 * assert.ok(at(5, 3).expected > at(5, 0).expected); // a recent buyer is more likely alive
 * assert.ok(at(5, 0).pAlive < at(1, 0).pAlive); // many purchases long ago: probably gone
 * ```
 */
export function frequencyRecencyGrid(
  params: BgNbdParams,
  options: FrequencyRecencyGridOptions,
): FrequencyRecencyCell[] {
  checkBgNbd("frequencyRecencyGrid", params);
  const { T, t } = options ?? {};
  const maxX = options.maxFrequency ?? 20, steps = options.recencySteps ?? 20;
  if (!(T > 0) || !Number.isFinite(T)) {
    throw new RangeError(`frequencyRecencyGrid: T must be > 0, got ${T}`);
  }
  if (!(t >= 0) || !Number.isFinite(t)) {
    throw new RangeError(`frequencyRecencyGrid: t must be ≥ 0, got ${t}`);
  }
  if (!Number.isInteger(maxX) || maxX < 0) {
    throw new RangeError(
      `frequencyRecencyGrid: maxFrequency must be a whole number ≥ 0, got ${maxX}`,
    );
  }
  if (!Number.isInteger(steps) || steps < 2) {
    throw new RangeError(
      `frequencyRecencyGrid: recencySteps must be a whole number ≥ 2, got ${steps}`,
    );
  }
  const cells: FrequencyRecencyCell[] = [];
  for (let x = 0; x <= maxX; x++) {
    for (let j = 0; j < steps; j++) {
      const tx = (T * j) / (steps - 1);
      if (x === 0 && j > 0) break;
      cells.push({
        frequency: x,
        recency: tx,
        expected: conditionalPurchases(params, t, x, tx, T),
        pAlive: probabilityAlive(params, x, tx, T),
      });
    }
  }
  return cells;
}
