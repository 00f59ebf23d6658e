/**
 * Matrix factorisation for implicit feedback by alternating least squares: Hu, Koren &
 * Volinsky, "Collaborative Filtering for Implicit Feedback Datasets", ICDM 2008 (eq. 3–5),
 * with the conjugate-gradient solver of Takács, Pilászy & Tikk (RecSys 2011).
 *
 * @module
 */
import { SEED } from "../core/constants.ts";
import { createRng } from "../core/random.ts";
import type { FittedRecommender, Interactions, Recommender } from "./types.ts";
import { alsLoss, gramPlusReg, solveCg, solveCholesky } from "./_als_solve.ts";
import { label, makeFitted } from "./_fitted.ts";

/** Options of {@linkcode implicitAls}. */
export interface ImplicitAlsOptions {
  /** Latent factors f. Default `32`. */
  readonly factors?: number;
  /** L2 regularisation λ. Default `0.1`. */
  readonly regularization?: number;
  /** Confidence slope α in c_ui = 1 + α·r_ui. Default `10`. */
  readonly alpha?: number;
  /** Alternating sweeps (users then items). Default `15`. */
  readonly iterations?: number;
  /** `"cg"` (3 warm-started conjugate-gradient steps per row) or `"cholesky"` (exact). Default `"cg"`. */
  readonly solver?: "cg" | "cholesky";
  /** CG steps per row. Default `3`. */
  readonly cgSteps?: number;
  /** Record the objective after every iteration (one extra pass). Default `false`. */
  readonly computeLoss?: boolean;
  /** Seed of the N(0, 0.01²) initial factors. Default `SEED`. */
  readonly seed?: number;
  /** Name in evaluation tables. Default `"als"`. */
  readonly name?: string;
}

/** A fitted ALS model. */
export interface FittedAls extends FittedRecommender {
  /** Number of factors f. */
  readonly factors: number;
  /** User factors, row-major nUsers × f. */
  readonly userFactors: Float32Array;
  /** Item factors, row-major nItems × f. */
  readonly itemFactors: Float32Array;
  /** Objective after each iteration (empty unless `computeLoss`). */
  readonly loss: readonly number[];
}

/**
 * Implicit-feedback ALS. Preferences p_ui = 1 for stored pairs (0 otherwise), confidences
 * c_ui = 1 + α r_ui; each sweep solves every user's factors for fixed item factors, then every
 * item's, using the YᵀY + Yᵀ(C_u − I)Y trick so a row costs O(nnz_u·f + f²) per CG step.
 * Score = x_u · y_i. Users or items with no training data keep (near-)zero factors.
 *
 * @param options See {@linkcode ImplicitAlsOptions}.
 * @returns A {@linkcode Recommender}; `fit` resolves to a {@linkcode FittedAls}.
 * @throws {RangeError} When factors, iterations or cgSteps are not positive integers or
 *   regularization/alpha are negative.
 * @example
 * ```ts
 * import { interactionsFromArrays } from "@shoplab/lib/recommend/interactions_from_arrays.ts";
 * import { implicitAls } from "@shoplab/lib/recommend/implicit_als.ts";
 * import assert from "node:assert/strict";
 * const train = interactionsFromArrays({ users: [0, 0, 1, 1, 2], items: [0, 1, 0, 1, 0] });
 * const model = await implicitAls({ factors: 2, iterations: 5, computeLoss: true }).fit(train);
 * assert.equal(model.recommend([2], { k: 1 })[0].items[0].item, 1);
 * assert.ok(model.loss[4] <= model.loss[0]);
 * ```
 */
export function implicitAls(options: ImplicitAlsOptions = {}): Recommender<FittedAls> {
  const f = options.factors ?? 32;
  const reg = options.regularization ?? 0.1;
  const alpha = options.alpha ?? 10;
  const iterations = options.iterations ?? 15;
  const steps = options.cgSteps ?? 3;
  const solver = options.solver ?? "cg";
  for (const [k, v] of [["factors", f], ["iterations", iterations], ["cgSteps", steps]] as const) {
    if (!(Number.isInteger(v) && v >= 1)) {
      throw new RangeError(`implicitAls(): ${k} must be a positive integer, got ${v}`);
    }
  }
  if (!(reg >= 0 && alpha >= 0)) {
    throw new RangeError("implicitAls(): regularization and alpha must be ≥ 0");
  }
  const name = options.name ?? "als";
  return {
    name,
    fit(train: Interactions): Promise<FittedAls> {
      const rng = createRng(options.seed ?? SEED);
      const X = new Float32Array(train.nUsers * f);
      const Y = new Float32Array(train.nItems * f);
      for (let q = 0; q < X.length; q++) X[q] = 0.01 * rng.normal();
      for (let q = 0; q < Y.length; q++) Y[q] = 0.01 * rng.normal();
      const loss: number[] = [];
      for (let it = 0; it < iterations; it++) {
        const GY = gramPlusReg(Y, train.nItems, f, reg);
        if (solver === "cg") solveCg(X, Y, train.byUser, GY, f, alpha, steps);
        else solveCholesky(X, Y, train.byUser, GY, f, alpha);
        const GX = gramPlusReg(X, train.nUsers, f, reg);
        if (solver === "cg") solveCg(Y, X, train.byItem, GX, f, alpha, steps);
        else solveCholesky(Y, X, train.byItem, GX, f, alpha);
        if (options.computeLoss) loss.push(alsLoss(X, Y, train.byUser, f, alpha, reg));
      }
      function scores(u: number): Float32Array {
        const s = new Float32Array(train.nItems);
        const xo = u * f;
        for (let i = 0; i < train.nItems; i++) {
          let d = 0;
          const yo = i * f;
          for (let a = 0; a < f; a++) d += X[xo + a] * Y[yo + a];
          s[i] = d;
        }
        return s;
      }
      // explanation: the history item whose factors are closest (dot) to the recommended one
      function explain(u: number, j: number) {
        const { indptr, indices } = train.byUser;
        let best = -1, bestD = 0;
        for (let q = indptr[u]; q < indptr[u + 1]; q++) {
          const i = indices[q];
          let d = 0;
          for (let a = 0; a < f; a++) d += Y[i * f + a] * Y[j * f + a];
          if (d > bestD) (bestD = d, best = i);
        }
        return best < 0
          ? undefined
          : { text: `Similar to "${label(train, best)}", which you bought`, items: [best] };
      }
      return Promise.resolve(makeFitted(name, train, scores, explain, {
        factors: f,
        userFactors: X,
        itemFactors: Y,
        loss,
      }) as FittedAls);
    },
  };
}
