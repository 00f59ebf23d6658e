/**
 * The log-rank (Mantel–Cox) test that k ≥ 2 survival curves are equal.
 *
 * @module
 */
import { chiSquareSf, solveSpd } from "./_stats.ts";
import { sortedSample } from "./_sample.ts";
import type { SurvivalSample } from "./types.ts";

/** One group's part of a {@linkcode LogRankResult}. */
export interface LogRankGroup {
  /** Group name (the key of the input record). */
  readonly group: string;
  /** Subjects. */
  readonly n: number;
  /** Observed events O. */
  readonly observed: number;
  /** Expected events E under equal survival. */
  readonly expected: number;
}

/** Result of {@linkcode logRankTest}. */
export interface LogRankResult {
  /** Chi-square statistic (O − E)ᵀ V⁻¹ (O − E) over the first k − 1 groups. */
  readonly statistic: number;
  /** Degrees of freedom, k − 1. */
  readonly df: number;
  /** Upper tail of the chi-square distribution at `statistic`. */
  readonly pValue: number;
  /** Per-group observed and expected events, in input order. */
  readonly groups: readonly LogRankGroup[];
}

/**
 * Log-rank test of equal survival across k ≥ 2 groups. At each distinct event time t with n
 * at risk and d events overall (n_g, d_g in group g), E_g += d·n_g/n and the hypergeometric
 * covariance V_gh += d·(n_g/n)(δ_gh − n_h/n)(n − d)/(n − 1). The statistic is
 * (O − E)ᵀ V⁻¹ (O − E) on k − 1 groups, chi-square with k − 1 degrees of freedom (as R's
 * `survdiff` and statsmodels' `survdiff`).
 *
 * @param groups Group name → right-censored sample (at least two groups, each non-empty).
 * @returns Statistic, df, p-value and per-group O and E.
 * @throws {RangeError} Fewer than two groups, an empty group, no events at all, or invalid
 *   durations (see {@linkcode SurvivalSample}).
 * @example
 * ```ts
 * import { logRankTest } from "@shoplab/lib/retention/log_rank_test.ts";
 * import assert from "node:assert/strict";
 * const r = logRankTest({
 *   a: { durations: [1, 2], events: [1, 1] },
 *   b: { durations: [3, 4], events: [1, 1] },
 * });
 * // At t=1: 4 at risk, E_a = 2/4; at t=2: 3 at risk, E_a = 1/3 … O_a − E_a = 2 − 5/6
 * assert.equal(r.groups[0].observed, 2);
 * assert.ok(Math.abs(r.groups[0].expected - (0.5 + 1 / 3)) < 1e-12);
 * assert.equal(r.df, 1);
 * ```
 */
export function logRankTest(
  groups: Readonly<Record<string, SurvivalSample>>,
): LogRankResult {
  const names = Object.keys(groups ?? {});
  const k = names.length;
  if (k < 2) throw new RangeError(`logRankTest: needs at least 2 groups, got ${k}`);
  // Pool: time, event, group index.
  const parts = names.map((g) => sortedSample(groups[g], `logRankTest (group "${g}")`));
  parts.forEach((p, g) => {
    if (p.time.length === 0) throw new RangeError(`logRankTest: group "${names[g]}" is empty`);
  });
  const total = parts.reduce((s, p) => s + p.time.length, 0);
  const time = new Float64Array(total), event = new Uint8Array(total);
  const group = new Uint16Array(total), order = new Uint32Array(total);
  let o = 0;
  parts.forEach((p, g) => {
    for (let i = 0; i < p.time.length; i++, o++) {
      time[o] = p.time[i], event[o] = p.event[i], group[o] = g, order[o] = o;
    }
  });
  order.sort((a, b) => time[a] - time[b]);
  const atRisk = new Float64Array(k);
  parts.forEach((p, g) => atRisk[g] = p.time.length);
  const observed = new Float64Array(k), expected = new Float64Array(k);
  const v = new Float64Array(k * k), dg = new Float64Array(k), leaving = new Float64Array(k);
  let i = 0, nAll = total;
  while (i < total) {
    const t = time[order[i]];
    dg.fill(0), leaving.fill(0);
    let d = 0, j = i;
    for (; j < total && time[order[j]] === t; j++) {
      const r = order[j];
      leaving[group[r]]++;
      if (event[r]) dg[group[r]]++, d++;
    }
    if (d > 0) {
      const f = nAll > 1 ? d * (nAll - d) / (nAll - 1) : 0;
      for (let g = 0; g < k; g++) {
        const pg = atRisk[g] / nAll;
        observed[g] += dg[g];
        expected[g] += d * pg;
        for (let h = 0; h < k; h++) v[g * k + h] += f * pg * ((g === h ? 1 : 0) - atRisk[h] / nAll);
      }
    }
    for (let g = 0; g < k; g++) atRisk[g] -= leaving[g];
    nAll -= j - i;
    i = j;
  }
  if (observed.reduce((s, x) => s + x, 0) === 0) {
    throw new RangeError("logRankTest: no events in any group, the test is undefined");
  }
  const m = k - 1, vm = new Float64Array(m * m), u = new Float64Array(m);
  for (let g = 0; g < m; g++) {
    u[g] = observed[g] - expected[g];
    for (let h = 0; h < m; h++) vm[g * m + h] = v[g * k + h];
  }
  const x = solveSpd(vm, u, m);
  let statistic = 0;
  for (let g = 0; g < m; g++) statistic += u[g] * x[g];
  return {
    statistic,
    df: m,
    pValue: chiSquareSf(statistic, m),
    groups: names.map((name, g) => ({
      group: name,
      n: parts[g].time.length,
      observed: observed[g],
      expected: expected[g],
    })),
  };
}
