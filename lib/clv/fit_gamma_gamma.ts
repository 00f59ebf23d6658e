/**
 * The Gamma-Gamma model of spend per transaction (Fader & Hardie 2013; Colombo & Jiang 1999),
 * fitted by maximum likelihood.
 *
 * @module
 */
import { maximizeLikelihood } from "./_max_likelihood.ts";
import { digamma, lgamma } from "./_special.ts";
import { checkPositive } from "./_validate.ts";

/**
 * Gamma-Gamma parameters: a customer's spends are Gamma(p, ν) (mean p/ν), ν ~ Gamma(q, γ)
 * across customers; the population mean spend is pγ/(q − 1).
 */
export interface GammaGammaParams {
  /** p > 0: shape of the Gamma distribution of one customer's spends. */
  readonly p: number;
  /** q > 0: shape of the Gamma distribution of ν across customers (mean finite when q > 1). */
  readonly q: number;
  /** γ > 0: rate of that Gamma; pγ/(q − 1) is in currency units. */
  readonly gamma: number;
}

/** Input of the Gamma-Gamma model: repeat count x and mean repeat spend z̄ per customer. */
export interface GammaGammaData {
  /** x: number of repeat purchases; customers with x = 0 are left out of the fit. */
  readonly frequency: ArrayLike<number>;
  /** z̄: mean spend per repeat purchase, in currency (must be > 0 when x > 0). */
  readonly monetaryValue: ArrayLike<number>;
}

/** Options of {@linkcode fitGammaGamma}. */
export interface FitGammaGammaOptions {
  /** `"lbfgs"` (analytic gradient; default) or `"nelder-mead"`. */
  readonly method?: "lbfgs" | "nelder-mead";
  /** Starting values. Default p = 1, q = 2, γ = mean z̄ (so pγ/(q−1) = mean z̄). */
  readonly start?: GammaGammaParams;
  /** Box on every parameter, searched on the log scale. Default `[1e-8, 1e8]`. */
  readonly bounds?: readonly [number, number];
  /** Maximum optimiser iterations. Default 1,000 (L-BFGS) or 10,000 (Nelder-Mead). */
  readonly maxIterations?: number;
  /** Name of the data for error messages. Default `"the data"`. */
  readonly label?: string;
  /**
   * L2 penalty λ on the log-parameters: maximises Σᵢ ln Lᵢ − n·λ·Σⱼ (ln θⱼ)², shrinking every
   * parameter towards 1. Default 0 (plain maximum likelihood). The usual remedy when the
   * likelihood has no interior maximum (e.g. spend barely varies between customers, so
   * q → ∞, γ → ∞); lifetimes' `penalizer_coef` is similar but penalises the raw parameters.
   */
  readonly penalty?: number;
  /**
   * Rows with x > 0 but z̄ = 0 (only free purchases, e.g. CDNOW's $0 rows): `"error"` (default)
   * throws naming the row; `"skip"` leaves them out of the fit and counts them in `skipped`.
   */
  readonly zeroSpend?: "error" | "skip";
}

/** A fitted Gamma-Gamma model and how the fit went. */
export interface GammaGammaFit {
  /** The maximum-likelihood (or penalised) estimates of p, q, γ. */
  readonly params: GammaGammaParams;
  /** Maximised log-likelihood over the customers with x > 0. */
  readonly logLikelihood: number;
  /** Customers used (those with x > 0). */
  readonly n: number;
  /** Customers with x > 0 and z̄ = 0 left out (`zeroSpend: "skip"`). */
  readonly skipped: number;
  /** Always true on return (a fit that does not converge throws). */
  readonly converged: true;
  /** The L2 penalty used (0 = plain maximum likelihood). */
  readonly penalty: number;
  /** Optimiser used (the `method` option). */
  readonly method: "lbfgs" | "nelder-mead";
  /** Optimiser iterations run. */
  readonly iterations: number;
  /** Objective (log-likelihood) evaluations. */
  readonly evaluations: number;
  /** Largest |∂(−LL)/∂ ln θ| at the optimum, per customer (NaN for Nelder-Mead). */
  readonly gradMax: number;
}

interface Prepared {
  readonly n: number;
  readonly xs: Float64Array;
  readonly counts: Float64Array;
  readonly idx: Int32Array;
  /** x z̄ per customer. */
  readonly xz: Float64Array;
  /** Σ over customers of (x ln z̄ + x ln x), and of ln z̄. */
  readonly sumXLogZX: number;
  readonly sumLogZ: number;
  /** Rows with x > 0 and z̄ = 0 left out (`zeroSpend: "skip"`). */
  readonly skipped: number;
}

function prepare(fn: string, data: GammaGammaData, label: string, skip = false): Prepared {
  const { frequency: x, monetaryValue: z } = data;
  if (x.length !== z.length) {
    throw new RangeError(
      `${fn}: ${label} has ${x.length} frequencies and ${z.length} monetary values`,
    );
  }
  const pos = new Map<number, number>();
  const xsList: number[] = [];
  const idx: number[] = [];
  const xz: number[] = [];
  let sumXLogZX = 0, sumLogZ = 0, skipped = 0;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i], zi = z[i];
    if (!(xi >= 0) || !Number.isFinite(xi)) {
      throw new RangeError(`${fn}: ${label} row ${i} has frequency ${xi}, expected a number ≥ 0`);
    }
    if (xi === 0) continue;
    if (skip && zi === 0) {
      skipped++;
      continue;
    }
    if (!(zi > 0) || !Number.isFinite(zi)) {
      throw new RangeError(
        `${fn}: ${label} row ${i} has monetary value ${zi} with frequency ${xi}, expected a number > 0`,
      );
    }
    let k = pos.get(xi);
    if (k === undefined) pos.set(xi, k = xsList.push(xi) - 1);
    idx.push(k);
    xz.push(xi * zi);
    sumXLogZX += xi * (Math.log(zi) + Math.log(xi));
    sumLogZ += Math.log(zi);
  }
  const counts = new Float64Array(xsList.length);
  for (const k of idx) counts[k]++;
  return {
    n: idx.length,
    xs: Float64Array.from(xsList),
    counts,
    idx: Int32Array.from(idx),
    xz: Float64Array.from(xz),
    sumXLogZX,
    sumLogZ,
    skipped,
  };
}

/**
 * Σᵢ ln f(z̄ᵢ | p, q, γ, xᵢ) with (Fader & Hardie 2013, eq. 4)
 * f = Γ(px+q)/(Γ(px)Γ(q)) · γ^q z̄^(px−1) x^(px) / (γ + x z̄)^(px+q); gradient into `grad`.
 */
function logLik(d: Prepared, p: number, q: number, g: number, grad?: Float64Array): number {
  let ll = 0, gp = 0, gq = 0, gg = 0;
  const lgq = lgamma(q), dq = grad ? digamma(q) : 0;
  const m = d.xs.length;
  const A = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    const x = d.xs[k], c = d.counts[k];
    ll += c * (lgamma(p * x + q) - lgamma(p * x) - lgq);
    if (grad) {
      const dpq = digamma(p * x + q);
      gp += c * x * (dpq - digamma(p * x));
      gq += c * (dpq - dq);
    }
    A[k] = p * x + q;
  }
  const lg = Math.log(g);
  ll += d.n * q * lg + p * d.sumXLogZX - d.sumLogZ;
  if (grad) {
    gp += d.sumXLogZX;
    gq += d.n * lg;
    gg += d.n * q / g;
  }
  for (let i = 0; i < d.n; i++) {
    const k = d.idx[i];
    const l = Math.log(g + d.xz[i]);
    ll -= A[k] * l;
    if (grad) {
      gp -= d.xs[k] * l;
      gq -= l;
      gg -= A[k] / (g + d.xz[i]);
    }
  }
  if (grad) grad.set([gp, gq, gg]);
  return ll;
}

/**
 * The Gamma-Gamma log-likelihood over the customers with x > 0 (Fader & Hardie 2013, eq. 4).
 *
 * @param params p, q, γ (all > 0).
 * @param data x and z̄ per customer; rows with x = 0 are skipped.
 * @returns The log-likelihood.
 * @throws {RangeError} For a non-positive parameter, or a row with x > 0 and z̄ ≤ 0 (named).
 * @example
 * ```ts
 * import { gammaGammaLogLikelihood } from "@shoplab/lib/clv/fit_gamma_gamma.ts";
 * import assert from "node:assert/strict";
 * // x = 1: z̄ has density Γ(p+q)/(Γ(p)Γ(q)) γ^q z^(p−1) / (γ+z)^(p+q); p = q = γ = 1 → 1/(1+z)².
 * const ll = gammaGammaLogLikelihood({ p: 1, q: 1, gamma: 1 }, { frequency: [1, 0], monetaryValue: [3, 0] });
 * assert.ok(Math.abs(ll - Math.log(1 / 16)) < 1e-12);
 * ```
 */
export function gammaGammaLogLikelihood(params: GammaGammaParams, data: GammaGammaData): number {
  checkPositive("gammaGammaLogLikelihood", { p: params.p, q: params.q, gamma: params.gamma });
  return logLik(
    prepare("gammaGammaLogLikelihood", data, "the data"),
    params.p,
    params.q,
    params.gamma,
  );
}

/**
 * Fits the Gamma-Gamma spend model (Fader & Hardie 2013, "The Gamma-Gamma Model of Monetary
 * Value") by maximum likelihood on the customers with at least one repeat purchase: the
 * parameters are optimised on the log scale inside a box, by L-BFGS with the analytic gradient
 * (default) or Nelder-Mead. The model assumes spend is independent of purchase frequency;
 * check the correlation of x and z̄ before using it.
 *
 * @param data x and z̄ per customer (x = 0 rows are skipped).
 * @param options See {@linkcode FitGammaGammaOptions}.
 * @returns The fit.
 * @throws {RangeError} For an invalid row (named) or fewer than 2 customers with x > 0.
 * @throws {ConvergenceError} When the optimiser does not converge or ends on a bound.
 * @example
 * ```ts
 * import { fitGammaGamma } from "@shoplab/lib/clv/fit_gamma_gamma.ts";
 * import assert from "node:assert/strict";
 * const z = [10, 12, 30, 22, 18, 45, 9, 14, 25, 33, 16, 20];
 * const fit = fitGammaGamma({ frequency: z.map((_, i) => 1 + (i % 3)), monetaryValue: z });
 * const { p, q, gamma } = fit.params;
 * assert.ok(fit.converged && q > 1);
 * assert.ok(Math.abs(p * gamma / (q - 1) - 22) < 8); // population mean spend near the sample's
 * ```
 */
export function fitGammaGamma(
  data: GammaGammaData,
  options: FitGammaGammaOptions = {},
): GammaGammaFit {
  const label = options.label ?? "the data";
  const d = prepare("fitGammaGamma", data, label, options.zeroSpend === "skip");
  if (d.n < 2) {
    throw new RangeError(
      `fitGammaGamma: ${label} has ${d.n} customers with x > 0, need at least 2`,
    );
  }
  let sz = 0;
  for (let i = 0; i < d.n; i++) sz += d.xz[i] / d.xs[d.idx[i]];
  const start = options.start ?? { p: 1, q: 2, gamma: sz / d.n };
  const fit = maximizeLikelihood({
    fn: "fitGammaGamma",
    what: `the Gamma-Gamma fit on ${label} (${d.n} customers with x > 0)`,
    names: ["p", "q", "gamma"],
    start: { p: start.p, q: start.q, gamma: start.gamma },
    n: d.n,
    logLik: (e, grad) => logLik(d, e[0], e[1], e[2], grad),
  }, options);
  const { params, logLikelihood, penalty, method, iterations, evaluations, gradMax } = fit;
  return {
    params,
    logLikelihood,
    n: d.n,
    skipped: d.skipped,
    converged: true,
    penalty,
    method,
    iterations,
    evaluations,
    gradMax,
  };
}
