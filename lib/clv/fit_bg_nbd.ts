/**
 * The BG/NBD model of repeat purchasing (Fader, Hardie & Lee 2005), fitted by maximum
 * likelihood.
 *
 * @module
 */
import { maximizeLikelihood } from "./_max_likelihood.ts";
import { digamma, lgamma } from "./_special.ts";
import { checkBgNbd, checkRepeat } from "./_validate.ts";

/**
 * BG/NBD parameters: while alive a customer buys at rate λ ~ Gamma(shape r, rate α) per time
 * unit; after each purchase they drop out with probability p ~ Beta(a, b).
 */
export interface BgNbdParams {
  /** r > 0: shape of the Gamma distribution of purchase rates λ. */
  readonly r: number;
  /** α > 0: rate (inverse scale) of that Gamma, in the time unit of `recency` and `T`. */
  readonly alpha: number;
  /** a > 0: first shape of the Beta distribution of the drop-out probability p. */
  readonly a: number;
  /** b > 0: second shape of that Beta (mean p = a / (a + b)). */
  readonly b: number;
}

/** The minimal input of the BG/NBD: x, t_x and T per customer (see {@linkcode RepeatArrays}). */
export interface BgNbdData {
  /** x: number of repeat purchases (integer ≥ 0). */
  readonly frequency: ArrayLike<number>;
  /** t_x: time of the last purchase after the first (0 when x = 0), 0 ≤ t_x ≤ T. */
  readonly recency: ArrayLike<number>;
  /** T: time from the first purchase to the end of the calibration period (same unit). */
  readonly T: ArrayLike<number>;
}

/** Options of {@linkcode fitBgNbd}. */
export interface FitBgNbdOptions {
  /** `"lbfgs"` (analytic gradient; default) or `"nelder-mead"` (derivative-free). */
  readonly method?: "lbfgs" | "nelder-mead";
  /**
   * Starting values. Default r = 1, α = ΣT/Σx (so that r/α is the mean observed rate),
   * a = 1, b = 1.
   */
  readonly start?: BgNbdParams;
  /** Box on every parameter, searched on the log scale. Default `[1e-8, 1e8]`. */
  readonly bounds?: readonly [number, number];
  /** Maximum optimiser iterations. Default 1,000 (L-BFGS) or 10,000 (Nelder-Mead). */
  readonly maxIterations?: number;
  /** Name of the data for error messages. Default `"the data"`. */
  readonly label?: string;
  /**
   * L2 penalty λ on the log-parameters: maximises Σᵢ ln Lᵢ − n·λ·Σⱼ (ln θⱼ)², shrinking every
   * parameter towards 1. Default 0 (plain maximum likelihood). The usual remedy when the
   * likelihood has no interior maximum (e.g. no customer seems to drop out, so a → 0, b → ∞);
   * lifetimes' `penalizer_coef` is similar but penalises the raw parameters.
   */
  readonly penalty?: number;
}

/** A fitted BG/NBD model and how the fit went. */
export interface BgNbdFit {
  /** The maximum-likelihood (or penalised) estimates of r, α, a, b. */
  readonly params: BgNbdParams;
  /** Maximised log-likelihood, Σᵢ ln L(r, α, a, b | xᵢ, t_xᵢ, Tᵢ) (FHL 2005 eq. 6). */
  readonly logLikelihood: number;
  /** Number of customers. */
  readonly n: number;
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
  /** Distinct frequencies and the index of each customer's. */
  readonly xs: Float64Array;
  readonly counts: Float64Array;
  readonly idx: Int32Array;
  readonly tx: ArrayLike<number>;
  readonly T: ArrayLike<number>;
}

function prepare(data: BgNbdData): Prepared {
  const n = data.frequency.length;
  const pos = new Map<number, number>();
  const idx = new Int32Array(n);
  const xsList: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = data.frequency[i];
    let k = pos.get(x);
    if (k === undefined) pos.set(x, k = xsList.push(x) - 1);
    idx[i] = k;
  }
  const counts = new Float64Array(xsList.length);
  for (let i = 0; i < n; i++) counts[idx[i]]++;
  return { n, xs: Float64Array.from(xsList), counts, idx, tx: data.recency, T: data.T };
}

/**
 * ln L and (when `grad` is given) ∂ ln L / ∂(r, α, a, b), with FHL (2005) eq. 6 written as
 * ln L = C(x) + r ln α + logsumexp(−(r+x) ln(α+T), [x>0](ln a − ln(b+x−1) − (r+x) ln(α+t_x)))
 * where C(x) = ln Γ(r+x) − ln Γ(r) + ln Γ(a+b) + ln Γ(b+x) − ln Γ(b) − ln Γ(a+b+x) is computed
 * once per distinct x.
 */
function logLik(p: Prepared, r: number, al: number, a: number, b: number, grad?: Float64Array) {
  const m = p.xs.length;
  const C = new Float64Array(m), K = new Float64Array(m);
  const Kb = new Float64Array(m);
  let ll = 0, gr = 0, gal = 0, ga = 0, gb = 0;
  const lgr = lgamma(r), lgab = lgamma(a + b), lgb = lgamma(b);
  const dr = grad ? digamma(r) : 0, dab = grad ? digamma(a + b) : 0, db = grad ? digamma(b) : 0;
  for (let k = 0; k < m; k++) {
    const x = p.xs[k];
    C[k] = lgamma(r + x) - lgr + lgab + lgamma(b + x) - lgb - lgamma(a + b + x);
    K[k] = x > 0 ? Math.log(a) - Math.log(b + x - 1) : -Infinity;
    Kb[k] = x > 0 ? 1 / (b + x - 1) : 0;
    ll += p.counts[k] * C[k];
    if (grad) {
      const c = p.counts[k];
      gr += c * (digamma(r + x) - dr);
      ga += c * (dab - digamma(a + b + x));
      gb += c * (dab + digamma(b + x) - db - digamma(a + b + x));
    }
  }
  const lal = Math.log(al);
  ll += p.n * r * lal;
  if (grad) {
    gr += p.n * lal;
    gal += p.n * r / al;
  }
  const { idx, tx, T } = p;
  for (let i = 0; i < p.n; i++) {
    const k = idx[i];
    const s = r + p.xs[k];
    const lT = Math.log(al + T[i]);
    const l1 = -s * lT;
    if (K[k] === -Infinity) {
      ll += l1;
      if (grad) {
        gr -= lT;
        gal -= s / (al + T[i]);
      }
      continue;
    }
    const ltx = Math.log(al + tx[i]);
    const l2 = K[k] - s * ltx;
    const hi = l1 > l2 ? l1 : l2;
    const e = Math.exp(-Math.abs(l1 - l2));
    ll += hi + Math.log1p(e);
    if (grad) {
      const w = l2 >= l1 ? 1 / (1 + e) : e / (1 + e); // weight of the second term
      gr -= (1 - w) * lT + w * ltx;
      gal -= s * ((1 - w) / (al + T[i]) + w / (al + tx[i]));
      ga += w / a;
      gb -= w * Kb[k];
    }
  }
  if (grad) grad.set([gr, gal, ga, gb]);
  return ll;
}

/**
 * The BG/NBD log-likelihood Σᵢ ln L(r, α, a, b | xᵢ, t_xᵢ, Tᵢ) (Fader, Hardie & Lee 2005,
 * eq. 6), evaluated in log space (log-gamma, log-sum-exp of the two terms).
 *
 * @param params BG/NBD parameters (all > 0).
 * @param data x, t_x, T per customer.
 * @returns The log-likelihood.
 * @throws {RangeError} For a non-positive parameter or an invalid row (named).
 * @example
 * ```ts
 * import { bgNbdLogLikelihood } from "@shoplab/lib/clv/fit_bg_nbd.ts";
 * import assert from "node:assert/strict";
 * // One customer with x = 0, T = 1: L = (α/(α+T))^r = (1/2)^1.
 * const ll = bgNbdLogLikelihood({ r: 1, alpha: 1, a: 1, b: 1 }, { frequency: [0], recency: [0], T: [1] });
 * assert.ok(Math.abs(ll - Math.log(0.5)) < 1e-12);
 * ```
 */
export function bgNbdLogLikelihood(params: BgNbdParams, data: BgNbdData): number {
  checkBgNbd("bgNbdLogLikelihood", params);
  checkRepeat("bgNbdLogLikelihood", data, "the data");
  return logLik(prepare(data), params.r, params.alpha, params.a, params.b);
}

/**
 * Fits the BG/NBD model (Fader, Hardie & Lee 2005, "Counting Your Customers the Easy Way",
 * Marketing Science 24(2)) by maximum likelihood over (x, t_x, T).
 *
 * The log-likelihood (eq. 6) is computed in log space; the four parameters are optimised on
 * the log scale inside a box, by L-BFGS with the analytic gradient (default) or Nelder-Mead.
 * The log-gamma terms are computed once per distinct frequency, so a fit costs a few
 * logarithms per customer per iteration. Time units are those of `recency` and `T`; α is in
 * the same unit (r/α is the mean purchase rate per unit).
 *
 * @param data x, t_x, T per customer (e.g. {@linkcode repeatArrays} of {@linkcode repeatSummary}).
 * @param options See {@linkcode FitBgNbdOptions}.
 * @returns The fit: parameters, log-likelihood and convergence report.
 * @throws {RangeError} For an invalid row (named) or fewer than 2 customers.
 * @throws {ConvergenceError} When the optimiser does not converge or ends on a bound.
 * @example
 * ```ts
 * import { fitBgNbd } from "@shoplab/lib/clv/fit_bg_nbd.ts";
 * import { simulateBgNbd } from "@shoplab/lib/clv/simulate_bg_nbd.ts";
 * import assert from "node:assert/strict";
 * const truth = { r: 0.5, alpha: 5, a: 0.8, b: 2.5 };
 * const data = simulateBgNbd(truth, 20_000, { T: 52, seed: 1 });
 * const fit = fitBgNbd(data, { label: "simulated" });
 * assert.ok(fit.converged && Math.abs(fit.params.r / truth.r - 1) < 0.1);
 * ```
 */
export function fitBgNbd(data: BgNbdData, options: FitBgNbdOptions = {}): BgNbdFit {
  const label = options.label ?? "the data";
  checkRepeat("fitBgNbd", data, label);
  const p = prepare(data);
  if (p.n < 2) throw new RangeError(`fitBgNbd: ${label} has ${p.n} customers, need at least 2`);
  let sx = 0, sT = 0;
  for (let i = 0; i < p.n; i++) sx += data.frequency[i], sT += data.T[i];
  const start = options.start ?? { r: 1, alpha: sx > 0 ? sT / sx : sT / p.n, a: 1, b: 1 };
  const fit = maximizeLikelihood({
    fn: "fitBgNbd",
    what: `the BG/NBD fit on ${label} (${p.n} customers)`,
    names: ["r", "alpha", "a", "b"],
    start: { ...start },
    n: p.n,
    logLik: (e, grad) => logLik(p, e[0], e[1], e[2], e[3], grad),
  }, options);
  const { params, logLikelihood, penalty, method, iterations, evaluations, gradMax } = fit;
  return {
    params,
    logLikelihood,
    n: p.n,
    converged: true,
    penalty,
    method,
    iterations,
    evaluations,
    gradMax,
  };
}
