/** Input checks shared by the CLV models (private). */

/**
 * Checks x ≥ 0, 0 ≤ t_x ≤ T and T ≥ 0 (T = 0: first purchase on the calibration end day);
 * names the row and value.
 *
 * @example
 * ```ts
 * import { checkRepeat } from "@shoplab/lib/clv/_validate.ts";
 * import assert from "node:assert/strict";
 * checkRepeat("fitBgNbd", { frequency: [0, 2], recency: [0, 5], T: [10, 10] }, "shop");
 * assert.throws(
 *   () => checkRepeat("fitBgNbd", { frequency: [1], recency: [12], T: [10] }, "shop"),
 *   /shop row 0 has recency 12 with T 10/,
 * );
 * ```
 */
export function checkRepeat(
  fn: string,
  data: {
    readonly frequency: ArrayLike<number>;
    readonly recency: ArrayLike<number>;
    readonly T: ArrayLike<number>;
  },
  label: string,
): void {
  const { frequency: x, recency: tx, T } = data;
  const n = x.length;
  if (tx.length !== n || T.length !== n) {
    throw new RangeError(
      `${fn}: ${label} has ${n} frequencies, ${tx.length} recencies and ${T.length} ages T; they must be equal`,
    );
  }
  for (let i = 0; i < n; i++) {
    const xi = x[i], ti = tx[i], Ti = T[i];
    if (!(xi >= 0) || !Number.isFinite(xi)) {
      throw new RangeError(`${fn}: ${label} row ${i} has frequency ${xi}, expected a number ≥ 0`);
    }
    if (!(Ti >= 0) || !Number.isFinite(Ti)) {
      throw new RangeError(`${fn}: ${label} row ${i} has T ${Ti}, expected a number ≥ 0`);
    }
    if (!(ti >= 0 && ti <= Ti * (1 + 1e-12))) {
      throw new RangeError(
        `${fn}: ${label} row ${i} has recency ${ti} with T ${Ti}, expected 0 ≤ recency ≤ T`,
      );
    }
  }
}

/**
 * Checks that every named parameter is a positive finite number.
 *
 * @example
 * ```ts
 * import { checkPositive } from "@shoplab/lib/clv/_validate.ts";
 * import assert from "node:assert/strict";
 * checkPositive("fitGammaGamma", { p: 1, q: 2 });
 * assert.throws(() => checkPositive("fitGammaGamma", { p: 0 }), /parameter p must be a positive/);
 * ```
 */
export function checkPositive(fn: string, params: Readonly<Record<string, number>>): void {
  for (const [k, v] of Object.entries(params)) {
    if (!(v > 0) || !Number.isFinite(v)) {
      throw new RangeError(`${fn}: parameter ${k} must be a positive number, got ${v}`);
    }
  }
}

/**
 * Checks r, α, a, b of a BG/NBD parameter set.
 *
 * @example
 * ```ts
 * import { checkBgNbd } from "@shoplab/lib/clv/_validate.ts";
 * import assert from "node:assert/strict";
 * checkBgNbd("bgNbdProbabilityAlive", { r: 0.24, alpha: 4.4, a: 0.79, b: 2.4 });
 * assert.throws(() => checkBgNbd("f", null as never), TypeError);
 * assert.throws(() => checkBgNbd("f", { r: 1, alpha: -1, a: 1, b: 1 }), RangeError);
 * ```
 */
export function checkBgNbd(
  fn: string,
  p: { readonly r: number; readonly alpha: number; readonly a: number; readonly b: number },
): void {
  if (p === null || typeof p !== "object") {
    throw new TypeError(`${fn}: params must be an object { r, alpha, a, b }, got ${p}`);
  }
  checkPositive(fn, { r: p.r, alpha: p.alpha, a: p.a, b: p.b });
}
