/**
 * The maximum-likelihood driver shared by {@linkcode fitBgNbd} and {@linkcode fitGammaGamma}
 * (private): checks the start, bounds and penalty, optimises the mean penalised −LL over the
 * log-parameters, and throws a {@linkcode ConvergenceError} when the optimiser fails, ends on
 * a bound or stops where the likelihood is flat.
 *
 * @module
 */
import { curvature, lbfgs, type MinimizeResult, nelderMead } from "./_optimize.ts";
import { checkPositive } from "./_validate.ts";
import { ConvergenceError } from "./convergence_error.ts";

/** Options of {@linkcode maximizeLikelihood}, as the public fit options spell them. */
export interface MaximizeLikelihoodOptions {
  /** `"lbfgs"` (analytic gradient; default) or `"nelder-mead"`. */
  readonly method?: "lbfgs" | "nelder-mead";
  /** Box on every parameter, searched on the log scale. Default `[1e-8, 1e8]`. */
  readonly bounds?: readonly [number, number];
  /** Maximum optimiser iterations. Default 1,000 (L-BFGS) or 10,000 (Nelder-Mead). */
  readonly maxIterations?: number;
  /** L2 penalty λ on the log-parameters (objective −LL/n + λ·Σⱼ (ln θⱼ)²). Default 0. */
  readonly penalty?: number;
}

/** The model a fit maximises: its parameter names, start and log-likelihood. */
export interface LikelihoodProblem<K extends string> {
  /** The public function's name, prefixed to every message. */
  readonly fn: string;
  /** What is being fitted, for the convergence message, e.g. `the BG/NBD fit on "shop" (…)`. */
  readonly what: string;
  /** Parameter names, in the order `logLik` takes them. */
  readonly names: readonly K[];
  /** Starting values, checked positive (every key named in a message). */
  readonly start: Readonly<Record<string, number>>;
  /** Number of observations: the objective is the mean −LL, so tolerances do not depend on n. */
  readonly n: number;
  /** ln L at the parameters θ; writes ∂ ln L / ∂θ into `grad` when it is given. */
  logLik(theta: readonly number[], grad?: Float64Array): number;
}

/** Where {@linkcode maximizeLikelihood} ended (it throws unless converged). */
export interface MaximizeLikelihoodResult<K extends string> {
  /** The estimates, by name. */
  readonly params: Record<K, number>;
  /** ln L at the estimates (without the penalty). */
  readonly logLikelihood: number;
  /** The L2 penalty used. */
  readonly penalty: number;
  /** Optimiser used. */
  readonly method: "lbfgs" | "nelder-mead";
  /** Optimiser iterations run. */
  readonly iterations: number;
  /** Objective evaluations. */
  readonly evaluations: number;
  /** Largest |∂(−LL)/∂ ln θ| at the optimum, per observation. */
  readonly gradMax: number;
}

/**
 * Maximises `problem.logLik` over the log-parameters inside the box `bounds`.
 *
 * @example
 * ```ts
 * import { maximizeLikelihood } from "@shoplab/lib/clv/_max_likelihood.ts";
 * import assert from "node:assert/strict";
 * // Exponential sample with mean 2: the MLE of the rate is 1/2.
 * const y = [1, 2, 3];
 * const fit = maximizeLikelihood({
 *   fn: "demo", what: "the exponential fit", names: ["rate"], start: { rate: 1 }, n: y.length,
 *   logLik: ([l], g) => {
 *     if (g) g[0] = y.length / l - 6;
 *     return y.length * Math.log(l) - l * 6;
 *   },
 * }, {});
 * assert.ok(Math.abs(fit.params.rate - 0.5) < 1e-6);
 * ```
 */
export function maximizeLikelihood<K extends string>(
  problem: LikelihoodProblem<K>,
  options: MaximizeLikelihoodOptions,
): MaximizeLikelihoodResult<K> {
  const { fn, names } = problem;
  checkPositive(fn, problem.start);
  const [lo, hi] = options.bounds ?? [1e-8, 1e8];
  if (!(lo > 0 && hi > lo)) {
    throw new RangeError(`${fn}: bounds must be 0 < lo < hi, got [${lo}, ${hi}]`);
  }
  const method = options.method ?? "lbfgs";
  const settings = {
    lower: Math.log(lo),
    upper: Math.log(hi),
    maxIterations: options.maxIterations ?? (method === "lbfgs" ? 1000 : 10_000),
    gtol: 1e-8,
  };
  const x0 = names.map((k) => Math.log(problem.start[k]));
  const k = names.length;
  const g = new Float64Array(k);
  const penalty = options.penalty ?? 0;
  if (!(penalty >= 0) || !Number.isFinite(penalty)) {
    throw new RangeError(`${fn}: penalty must be a finite number ≥ 0, got ${penalty}`);
  }
  const pen = (th: ArrayLike<number>) => {
    let s = 0;
    for (let j = 0; j < th.length; j++) s += th[j] * th[j];
    return penalty * s;
  };
  const scale = 1 / problem.n;
  const fg = (th: Float64Array, out: Float64Array): number => {
    const e = Array.from(th, Math.exp);
    const ll = problem.logLik(e, g);
    for (let j = 0; j < k; j++) out[j] = -g[j] * e[j] * scale;
    for (let j = 0; j < th.length; j++) out[j] += 2 * penalty * th[j];
    return -ll * scale + pen(th);
  };
  const res: MinimizeResult = method === "lbfgs"
    ? lbfgs(fg, x0, settings)
    : nelderMead((th) => -problem.logLik(Array.from(th, Math.exp)) * scale + pen(th), x0, settings);
  const values = Array.from(res.x, Math.exp);
  const params = Object.fromEntries(names.map((name, j) => [name, values[j]])) as Record<
    K,
    number
  >;
  const logLikelihood = -(res.f - pen(res.x)) / scale;
  const gradMax = res.gradMax / scale;
  const flat = res.converged && !res.atBound && curvature(fg, res.x).minPivot < 1e-9;
  if (!res.converged || res.atBound || flat) {
    const why = res.atBound
      ? `a parameter reached its bound [${lo}, ${hi}]`
      : flat
      ? "the likelihood is flat in some direction: the data do not identify the parameters"
      : res.message;
    const last = names.map((name, j) => `${name}=${values[j].toPrecision(6)}`).join(", ");
    throw new ConvergenceError(
      `${fn}: ${problem.what} did not converge (${method}: ${why}); ` +
        `last ${last}, log-likelihood ${logLikelihood.toFixed(3)}`,
      params,
      { ...res, identified: !flat, method, logLikelihood, gradMax },
    );
  }
  const { iterations, evaluations } = res;
  return { params, logLikelihood, penalty, method, iterations, evaluations, gradMax };
}
