/**
 * The error a maximum-likelihood fit throws when its optimiser does not converge.
 *
 * @module
 */

/** Where the optimiser stopped, attached to a {@linkcode ConvergenceError}. */
export interface ConvergenceReport {
  /** Optimiser used. */
  readonly method: "lbfgs" | "nelder-mead";
  /** Iterations run. */
  readonly iterations: number;
  /** Objective evaluations. */
  readonly evaluations: number;
  /** Log-likelihood at the last point. */
  readonly logLikelihood: number;
  /** Largest absolute gradient of −LL over the log-parameters (NaN for Nelder-Mead). */
  readonly gradMax: number;
  /** Why it stopped. */
  readonly message: string;
  /** A parameter ended at its bound (the likelihood has no interior maximum in the box). */
  readonly atBound: boolean;
  /** False when the likelihood is flat in some direction at the end point (Hessian check). */
  readonly identified: boolean;
}

/**
 * Thrown by {@linkcode fitBgNbd} and {@linkcode fitGammaGamma} when the likelihood maximisation
 * does not converge (or ends on a bound), instead of returning parameters silently: the message
 * names the data, the optimiser's reason and the last parameters.
 *
 * @example
 * ```ts
 * import { ConvergenceError } from "@shoplab/lib/clv/convergence_error.ts";
 * import assert from "node:assert/strict";
 * const e = new ConvergenceError("fitBgNbd on \"shop\" did not converge", { r: 1 }, {
 *   method: "lbfgs", iterations: 3, evaluations: 5, logLikelihood: -10, gradMax: 2,
 *   message: "no convergence in 3 iterations", atBound: false, identified: true });
 * assert.ok(e instanceof Error && e.name === "ConvergenceError");
 * assert.equal(e.params.r, 1);
 * ```
 */
export class ConvergenceError extends Error {
  /** The last parameters. */
  readonly params: Readonly<Record<string, number>>;
  /** Where the optimiser stopped. */
  readonly report: ConvergenceReport;
  /**
   * Creates the error; `name` is `"ConvergenceError"`.
   *
   * @param message What failed, naming the data.
   * @param params The last parameters.
   * @param report Where the optimiser stopped.
   */
  constructor(
    message: string,
    params: Readonly<Record<string, number>>,
    report: ConvergenceReport,
  ) {
    super(message);
    this.name = "ConvergenceError";
    this.params = params;
    this.report = report;
  }
}
