/**
 * The Kaplan–Meier estimator of a survival function from right-censored durations, with
 * Greenwood standard errors, pointwise confidence intervals and the median survival time.
 *
 * @module
 */
import { normalQuantile } from "./_stats.ts";
import { sortedSample } from "./_sample.ts";
import type { SurvivalSample } from "./types.ts";

/**
 * How the pointwise confidence interval is formed from Greenwood's variance:
 * - `"log-log"`: on log(−log S), back-transformed (Kalbfleisch & Prentice; lifelines' default,
 *   scipy's `method="log-log"`, statsmodels' `"cloglog"`); always inside [0, 1];
 * - `"plain"`: S ± z·se, clipped to [0, 1] (scipy's `method="linear"`);
 * - `"log"`: on log S (R `survfit`'s default), upper bound clipped at 1.
 */
export type SurvivalCiMethod = "log-log" | "plain" | "log";

/** Options of {@linkcode kaplanMeier}. */
export interface KaplanMeierOptions {
  /** Confidence level of the intervals. Default `0.95`. */
  readonly confidence?: number;
  /** Interval construction, see {@linkcode SurvivalCiMethod}. Default `"log-log"`. */
  readonly ci?: SurvivalCiMethod;
}

/** A fitted Kaplan–Meier curve: one entry per distinct event time, ascending. */
export interface KaplanMeierResult {
  /** Distinct times with at least one event. */
  readonly time: number[];
  /** Subjects at risk just before each time (duration ≥ time). */
  readonly atRisk: number[];
  /** Events at each time. */
  readonly events: number[];
  /**
   * Subjects censored since the previous event time (including those censored at that time,
   * who were at risk there), so `atRisk[j] = atRisk[j-1] − events[j-1] − censored[j]`.
   */
  readonly censored: number[];
  /** Ŝ(t) from each time on (until the next event time). */
  readonly survival: number[];
  /** Greenwood standard error of Ŝ(t); `NaN` once Ŝ = 0. */
  readonly se: number[];
  /** Lower confidence bound. */
  readonly lower: number[];
  /** Upper confidence bound. */
  readonly upper: number[];
  /** Smallest event time with Ŝ(t) ≤ 0.5; `null` when the curve stays above 0.5. */
  readonly median: number | null;
  /**
   * Brookmeyer–Crowley interval of the median (test inversion on the same transform as `ci`);
   * an end is `null` when not reached.
   */
  readonly medianCi: readonly [number | null, number | null];
  /** Subjects in the sample. */
  readonly n: number;
  /** Events in the sample. */
  readonly nEvents: number;
  /** Largest duration observed (event or censoring), the end of the curve. */
  readonly maxTime: number;
  /** Confidence level and method used. */
  readonly confidence: number;
  /** Interval construction used. */
  readonly ci: SurvivalCiMethod;
}

/**
 * Kaplan–Meier estimate Ŝ(t) = ∏_{t_j ≤ t} (1 − d_j / n_j) over distinct event times t_j with
 * n_j subjects at risk and d_j events; subjects censored at t_j count as at risk at t_j.
 * Greenwood: Var Ŝ(t) = Ŝ(t)² Σ_{t_j ≤ t} d_j / (n_j (n_j − d_j)).
 *
 * The median is the smallest t with Ŝ(t) ≤ 0.5 (lifelines' and Kalbfleisch & Prentice's rule;
 * statsmodels/SAS take Ŝ(t) < 0.5, which differs only when Ŝ hits 0.5 exactly).
 *
 * @param sample Durations (≥ 0) and event flags, see {@linkcode SurvivalSample}.
 * @param options See {@linkcode KaplanMeierOptions}.
 * @returns The curve at each event time, see {@linkcode KaplanMeierResult}.
 * @throws {RangeError} Different lengths, a negative or non-finite duration, or a confidence
 *   outside (0, 1).
 * @throws {TypeError} An event flag that is not true/false/1/0, or an unknown `ci`.
 * @example
 * ```ts
 * import { kaplanMeier } from "@shoplab/lib/retention/kaplan_meier.ts";
 * import assert from "node:assert/strict";
 * // 4 customers: churned at 2 and 5, still active (censored) at 3 and 8.
 * const km = kaplanMeier({ durations: [2, 3, 5, 8], events: [1, 0, 1, 0] });
 * assert.deepEqual(km.time, [2, 5]);
 * assert.deepEqual(km.atRisk, [4, 2]);
 * assert.deepEqual(km.survival, [0.75, 0.375]); // 3/4, then 3/4 × 1/2
 * assert.equal(km.median, 5);
 * ```
 */
export function kaplanMeier(
  sample: SurvivalSample,
  options: KaplanMeierOptions = {},
): KaplanMeierResult {
  const confidence = options.confidence ?? 0.95;
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(`kaplanMeier: confidence must be in (0, 1), got ${confidence}`);
  }
  const ci = options.ci ?? "log-log";
  if (ci !== "log-log" && ci !== "plain" && ci !== "log") {
    throw new TypeError(`kaplanMeier: ci must be "log-log", "plain" or "log", got ${String(ci)}`);
  }
  const { time: t, event: e } = sortedSample(sample, "kaplanMeier");
  const n = t.length, z = normalQuantile(1 - (1 - confidence) / 2);
  const out = {
    time: [] as number[],
    atRisk: [] as number[],
    events: [] as number[],
    censored: [] as number[],
    survival: [] as number[],
    se: [] as number[],
    lower: [] as number[],
    upper: [] as number[],
  };
  let s = 1, gw = 0, i = 0, censoredSince = 0, nEvents = 0;
  while (i < n) {
    const tj = t[i];
    let d = 0, c = 0, j = i;
    for (; j < n && t[j] === tj; j++) e[j] ? d++ : c++;
    const atRisk = n - i;
    if (d > 0) {
      s *= 1 - d / atRisk;
      gw = atRisk === d ? Infinity : gw + d / (atRisk * (atRisk - d));
      const se = s === 0 ? NaN : s * Math.sqrt(gw);
      const [lo, hi] = bounds(s, gw, z, ci);
      out.time.push(tj);
      out.atRisk.push(atRisk);
      out.events.push(d);
      out.censored.push(censoredSince);
      out.survival.push(s);
      out.se.push(se);
      out.lower.push(lo);
      out.upper.push(hi);
      nEvents += d;
      censoredSince = c;
    } else censoredSince += c;
    i = j;
  }
  const medianIdx = out.survival.findIndex((v) => v <= 0.5);
  return {
    ...out,
    median: medianIdx < 0 ? null : out.time[medianIdx],
    medianCi: medianInterval(out.time, out.survival, out.se, z, ci),
    n,
    nEvents,
    maxTime: n ? t[n - 1] : 0,
    confidence,
    ci,
  };
}

function bounds(s: number, gw: number, z: number, ci: SurvivalCiMethod): [number, number] {
  if (s === 0) return [0, 0];
  const v = Math.sqrt(gw);
  if (ci === "plain") return [Math.max(0, s - z * s * v), Math.min(1, s + z * s * v)];
  if (ci === "log") return [s * Math.exp(-z * v), Math.min(1, s * Math.exp(z * v))];
  if (s === 1) return [1, 1];
  const w = z * v / Math.abs(Math.log(s));
  return [Math.pow(s, Math.exp(w)), Math.pow(s, Math.exp(-w))];
}

/** Brookmeyer–Crowley: event times whose Ŝ is not rejected as equal to 0.5 (as statsmodels). */
function medianInterval(
  time: readonly number[],
  s: readonly number[],
  se: readonly number[],
  z: number,
  ci: SurvivalCiMethod,
): [number | null, number | null] {
  const g = ci === "log-log"
    ? (x: number) => Math.log(-Math.log(x))
    : ci === "log"
    ? Math.log
    : (x: number) => x;
  const gPrime = ci === "log-log"
    ? (x: number) => -1 / (x * Math.log(x))
    : ci === "log"
    ? (x: number) => 1 / x
    : () => 1;
  let first = -1, last = -1;
  for (let j = 0; j < time.length; j++) {
    const r = (g(s[j]) - g(0.5)) / (gPrime(s[j]) * se[j]);
    if (Math.abs(r) <= z) {
      if (first < 0) first = j;
      last = j;
    }
  }
  if (first < 0) return [null, null];
  return [time[first], last === time.length - 1 ? null : time[last + 1]];
}
