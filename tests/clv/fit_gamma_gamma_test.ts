/** fitGammaGamma() and gammaGammaExpectedSpend() reproduce Fader & Hardie (2013) on CDNOW. */
import assert from "node:assert/strict";
import { ConvergenceError } from "@shoplab/lib/clv/convergence_error.ts";
import { fitGammaGamma, gammaGammaLogLikelihood } from "@shoplab/lib/clv/fit_gamma_gamma.ts";
import { gammaGammaExpectedSpend } from "@shoplab/lib/clv/gamma_gamma_expected_spend.ts";
import { createRng } from "@shoplab/lib/core/random.ts";
import { cdnowWithSpend, close, REF } from "./_cdnow.ts";

const PUBLISHED = { p: 6.25, q: 3.74, gamma: 15.44 };
const PUBLISHED_SPEND = [24.65, 18.91, 35.17, 35.17, 35.17, 71.46, 18.91, 35.17, 27.28, 35.17];

Deno.test("fitGammaGamma() recovers the published CDNOW estimates (p, q, γ within 1 %)", () => {
  const data = cdnowWithSpend();
  const fit = fitGammaGamma(data, { label: "cdnow_customers_summary_with_transactions.csv" });
  assert.equal(fit.n, 946);
  for (const k of ["p", "q", "gamma"] as const) {
    const rel = Math.abs(fit.params[k] / PUBLISHED[k] - 1);
    assert.ok(rel < 0.01, `${k} = ${fit.params[k]} vs published ${PUBLISHED[k]}`);
  }
  assert.ok(Math.abs(fit.logLikelihood - -4055.92) < 0.01, `LL ${fit.logLikelihood}`);
});

Deno.test("fitGammaGamma() agrees with scipy.optimize to 1e-5, by L-BFGS and by Nelder-Mead", () => {
  const data = cdnowWithSpend();
  for (const method of ["lbfgs", "nelder-mead"] as const) {
    const fit = fitGammaGamma(data, { method });
    for (const k of ["p", "q", "gamma"] as const) {
      assert.ok(
        close(fit.params[k], REF.gamma_gamma[k], 1e-5),
        `${method} ${k}: ${fit.params[k]} vs ${REF.gamma_gamma[k]}`,
      );
    }
  }
  const ll = gammaGammaLogLikelihood(REF.gamma_gamma, data);
  assert.ok(Math.abs(ll - REF.gamma_gamma.loglik) < 1e-8, `${ll} vs ${REF.gamma_gamma.loglik}`);
});

Deno.test("gammaGammaExpectedSpend() gives the ten published expected spends within 0.1", () => {
  const data = cdnowWithSpend();
  const fit = fitGammaGamma(data);
  const spend = gammaGammaExpectedSpend(fit.params, data);
  PUBLISHED_SPEND.forEach((want, i) => {
    assert.ok(Math.abs(spend[i] - want) < 0.1, `customer ${i + 1}: ${spend[i]} vs ${want}`);
  });
  // and scipy's values to 1e-10 at scipy's parameters
  const ref = gammaGammaExpectedSpend(REF.gamma_gamma, data);
  // deno-lint-ignore no-explicit-any
  REF.gamma_gamma_customers.forEach((c: any, i: number) =>
    assert.ok(close(ref[i], c.expected_spend, 1e-12), `customer ${c.id}`)
  );
});

Deno.test("gammaGammaExpectedSpend() shrinks z̄ towards the population mean, less with more purchases", () => {
  const gg = { p: 6, q: 4, gamma: 15 };
  const mean = (6 * 15) / 3;
  const [one, many, none] = gammaGammaExpectedSpend(gg, {
    frequency: [1, 50, 0],
    monetaryValue: [100, 100, 0],
  });
  assert.equal(none, mean);
  assert.ok(mean < one && one < many && many < 100);
  assert.throws(
    () => gammaGammaExpectedSpend({ ...gg, q: 0.9 }, { frequency: [], monetaryValue: [] }),
    /q must be > 1/,
  );
});

Deno.test("fitGammaGamma() recovers the parameters of simulated spends", () => {
  const truth = { p: 4, q: 5, gamma: 20 };
  const rng = createRng(3);
  const n = 20_000;
  const frequency = new Float64Array(n), monetaryValue = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = 1 + rng.int(8);
    const nu = rng.gamma(truth.q) / truth.gamma;
    let s = 0;
    for (let j = 0; j < x; j++) s += rng.gamma(truth.p) / nu;
    frequency[i] = x;
    monetaryValue[i] = s / x;
  }
  const fit = fitGammaGamma({ frequency, monetaryValue });
  for (const k of ["p", "q", "gamma"] as const) {
    assert.ok(
      Math.abs(fit.params[k] / truth[k] - 1) < 0.1,
      `${k}: ${fit.params[k]} vs ${truth[k]}`,
    );
  }
});

Deno.test("fitGammaGamma() fails loudly on bad rows and on non-convergence", () => {
  assert.throws(
    () => fitGammaGamma({ frequency: [1, 2, 0], monetaryValue: [5, -3, 0] }, { label: "orders" }),
    /orders row 1 has monetary value -3 with frequency 2/,
  );
  assert.throws(() => fitGammaGamma({ frequency: [1, 0], monetaryValue: [5, 0] }), /at least 2/);
  assert.throws(
    () => fitGammaGamma(cdnowWithSpend(), { maxIterations: 1, label: "CDNOW spend" }),
    (e: unknown) => e instanceof ConvergenceError && /CDNOW spend \(946 customers/.test(e.message),
  );
});

Deno.test("fitGammaGamma() with a penalty shrinks the parameters and reports the plain log-likelihood", () => {
  const data = cdnowWithSpend();
  const plain = fitGammaGamma(data), pen = fitGammaGamma(data, { penalty: 0.01 });
  assert.equal(plain.penalty, 0);
  assert.ok(pen.logLikelihood < plain.logLikelihood);
  assert.ok(Math.abs(pen.logLikelihood - gammaGammaLogLikelihood(pen.params, data)) < 1e-6);
  const norm = (p: typeof plain.params) =>
    Math.log(p.p) ** 2 + Math.log(p.q) ** 2 + Math.log(p.gamma) ** 2;
  assert.ok(norm(pen.params) < norm(plain.params));
});
