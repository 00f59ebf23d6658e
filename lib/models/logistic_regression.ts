/**
 * Logistic regression with L2 or L1 penalties and class weights, fitted by a proximal Newton
 * method to the same objective as scikit-learn's `LogisticRegression`.
 *
 * @module
 */
import {
  attempt,
  checkMatrix,
  checkTraining,
  defaultTimer,
  featureNames,
  sigmoid,
} from "./_check.ts";
import { solveLogistic } from "./_logreg_solver.ts";
import type {
  BinaryClassifier,
  Explanation,
  FitOptions,
  FitReport,
  Labels,
  Matrix,
} from "./types.ts";

/** Options of {@linkcode logisticRegression}. */
export interface LogisticRegressionOptions {
  /** `"l2"` (½‖β‖²), `"l1"` (‖β‖₁) or `"none"`. The intercept is never penalised. Default `"l2"`. */
  readonly penalty?: "l2" | "l1" | "none";
  /** Inverse penalty strength, as scikit-learn's `C` (larger = weaker penalty). Default `1`. */
  readonly C?: number;
  /** Fit the intercept β0. Default `true`. */
  readonly fitIntercept?: boolean;
  /**
   * Stop when the largest |(sub)gradient| of the objective, divided by C · Σ weights, is at
   * most this. Default `1e-8`.
   */
  readonly tol?: number;
  /** Most Newton steps. Default `100`. */
  readonly maxIterations?: number;
  /**
   * Rows used to build the Hessian of each Newton step; above it every ⌈n / hessianRows⌉-th
   * row is used (sub-sampled Newton: the gradient, the optimum and the stopping rule stay
   * exact; only the step is approximate). Default `100_000`.
   */
  readonly hessianRows?: number;
  /** Display name. Default `"logistic regression (L2, C = 1)"` (penalty and C filled in). */
  readonly name?: string;
  /** Millisecond counter used only for `FitReport.seconds`. Default `performance.now`. */
  readonly timer?: () => number;
}

/** The fitted parameters of a logistic regression. */
export interface LogisticRegressionFit {
  /** Feature names, in column order. */
  readonly features: readonly string[];
  /** Coefficients β, one per feature. */
  readonly coefficients: Float64Array;
  /** Intercept β0 (0 when not fitted). */
  readonly intercept: number;
  /** Final value of the penalised objective. */
  readonly objective: number;
  /** Final optimality measure (compare with `tol`). */
  readonly gradientNorm: number;
}

/** A logistic regression: a {@linkcode BinaryClassifier} that also exposes its parameters. */
export interface LogisticRegressionModel extends BinaryClassifier<Matrix> {
  /** Parameters after `fit`, `undefined` before. */
  readonly fitted: LogisticRegressionFit | undefined;
}

/**
 * Logistic regression, P(y = 1 | x) = 1 / (1 + e^−(β0 + β · x)), minimising scikit-learn's
 * objective C · Σ wᵢ · logloss(yᵢ, pᵢ) + R(β) with R = ½‖β‖² (L2) or ‖β‖₁ (L1), where wᵢ is
 * the class weight of row i. Newton steps with the exact Hessian (sub-sampled above
 * `hessianRows` rows; coordinate descent on the quadratic model for L1) converge in a handful
 * of passes over the data; `FitReport.converged` is false when `maxIterations` ran out or no
 * further step could lower the objective at machine precision. Without a penalty, separable
 * data has no finite optimum: the fit stops when the gradient is below `tol`, with large
 * coefficients (use L2). `explain()` lists coefficients and odds ratios e^β (the factor on the
 * odds per +1 unit of the feature).
 *
 * @param options See {@linkcode LogisticRegressionOptions}.
 * @returns An unfitted model.
 * @throws {RangeError} When `C`, `tol` or `maxIterations` is not positive.
 * @example
 * ```ts
 * import { logisticRegression } from "@shoplab/lib/models/logistic_regression.ts";
 * import assert from "node:assert/strict";
 * const x = { x: Float64Array.from([0, 1, 2, 3, 4, 5]), rows: 6, cols: 1, columns: ["visits"] };
 * const model = logisticRegression({ C: 10 });
 * const report = await model.fit(x, [0, 0, 1, 0, 1, 1]);
 * assert.ok(report.converged);
 * const p = await model.predictProba(x);
 * assert.ok(p[5] > 0.5 && p[0] < 0.5);
 * assert.ok(model.fitted!.coefficients[0] > 0);
 * assert.equal(model.explain().table[1].feature, "visits");
 * ```
 */
export function logisticRegression(
  options: LogisticRegressionOptions = {},
): LogisticRegressionModel {
  const penalty = options.penalty ?? "l2";
  const C = options.C ?? 1;
  const tol = options.tol ?? 1e-8;
  const maxIterations = options.maxIterations ?? 100;
  const fitIntercept = options.fitIntercept ?? true;
  const hessianRows = options.hessianRows ?? 100_000;
  const timer = options.timer ?? defaultTimer;
  if (!["l2", "l1", "none"].includes(penalty)) {
    throw new RangeError(
      `logisticRegression: penalty must be "l2", "l1" or "none", got ${penalty}`,
    );
  }
  if (!(C > 0)) throw new RangeError(`logisticRegression: C must be > 0, got ${C}`);
  if (!(tol > 0)) throw new RangeError(`logisticRegression: tol must be > 0, got ${tol}`);
  if (!(hessianRows >= 1)) {
    throw new RangeError(`logisticRegression: hessianRows must be ≥ 1, got ${hessianRows}`);
  }
  if (!(maxIterations >= 1)) {
    throw new RangeError(`logisticRegression: maxIterations must be ≥ 1, got ${maxIterations}`);
  }
  const name = options.name ??
    (penalty === "none"
      ? "logistic regression (no penalty)"
      : `logistic regression (${penalty.toUpperCase()}, C = ${C})`);
  let fitted: LogisticRegressionFit | undefined;

  return {
    name,
    get fitted() {
      return fitted;
    },
    fit(x: Matrix, y: Labels, fitOptions: FitOptions<Matrix> = {}): Promise<FitReport> {
      return attempt(() => fitSync(x, y, fitOptions));
    },
    predictProba(x: Matrix): Promise<Float64Array> {
      return attempt(() => predictSync(x));
    },
    explain(): Explanation {
      if (!fitted) throw new TypeError("logisticRegression.explain: call fit first");
      return explainFit(fitted);
    },
    dispose() {},
  };

  function fitSync(x: Matrix, y: Labels, fitOptions: FitOptions<Matrix>): FitReport {
    const t0 = timer();
    const labels = checkTraining("logisticRegression.fit", x, y, fitOptions.classWeight);
    const r = solveLogistic({
      x: x.x,
      rows: x.rows,
      cols: x.cols,
      y: labels.y,
      s: labels.rowWeights,
      C: penalty === "none" ? 1 : C,
      penalty,
      fitIntercept,
      tol,
      maxIterations,
      hessianRows,
    });
    fitted = {
      features: featureNames(x),
      coefficients: r.w,
      intercept: r.b,
      objective: r.objective,
      gradientNorm: r.gradientNorm,
    };
    return {
      seconds: (timer() - t0) / 1000,
      iterations: r.iterations,
      converged: r.converged,
      history: [],
    };
  }

  function predictSync(x: Matrix): Float64Array {
    if (!fitted) throw new TypeError("logisticRegression.predictProba: call fit first");
    checkMatrix("logisticRegression.predictProba", x, fitted.coefficients.length);
    const beta = fitted.coefficients, out = new Float64Array(x.rows);
    for (let i = 0; i < x.rows; i++) {
      let z = fitted.intercept;
      for (let j = 0; j < x.cols; j++) z += x.x[i * x.cols + j] * beta[j];
      out[i] = sigmoid(z);
    }
    return out;
  }
}

function explainFit(f: LogisticRegressionFit): Explanation {
  const rows = f.features.map((feature, j) => ({
    feature,
    coefficient: f.coefficients[j],
    odds_ratio: Math.exp(f.coefficients[j]),
  }));
  const order = rows.map((_, j) => j)
    .sort((a, b) => Math.abs(f.coefficients[b]) - Math.abs(f.coefficients[a]));
  const lines = order.filter((j) => f.coefficients[j] !== 0).map((j) => {
    const r = rows[j];
    const dir = r.coefficient > 0 ? "raises" : "lowers";
    return `${r.feature}: +1 unit ${dir} the odds × ${r.odds_ratio.toFixed(3)} (β = ${
      r.coefficient.toFixed(4)
    })`;
  });
  const zeros = rows.length - lines.length;
  if (zeros > 0) lines.push(`${zeros} feature(s) with β = 0 (dropped by the L1 penalty)`);
  return {
    kind: "coefficients",
    table: [
      { feature: "(intercept)", coefficient: f.intercept, odds_ratio: Math.exp(f.intercept) },
      ...order.map((j) => rows[j]),
    ],
    lines,
  };
}
