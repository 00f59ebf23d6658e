/** fitBgNbd() reproduces the published CDNOW estimates and fails loudly when it cannot fit. */
import assert from "node:assert/strict";
import { bgNbdLogLikelihood, fitBgNbd } from "@shoplab/lib/clv/fit_bg_nbd.ts";
import { ConvergenceError } from "@shoplab/lib/clv/convergence_error.ts";
import { repeatArrays } from "@shoplab/lib/clv/repeat_arrays.ts";
import { repeatSummary } from "@shoplab/lib/clv/repeat_summary.ts";
import { simulateBgNbd } from "@shoplab/lib/clv/simulate_bg_nbd.ts";
import { readCdnow } from "@shoplab/lib/data/read_cdnow.ts";
import { CDNOW_DIR, cdnowSummary, close, REF } from "./_cdnow.ts";

// Fader, Hardie & Lee (2005), table/§4, and SOURCE.md of the data set.
const PUBLISHED = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const PUBLISHED_LL = -9582.4;

function assertPublished(fit: ReturnType<typeof fitBgNbd>, what: string): void {
  for (const k of ["r", "alpha", "a", "b"] as const) {
    const rel = Math.abs(fit.params[k] / PUBLISHED[k] - 1);
    assert.ok(rel < 0.005, `${what}: ${k} = ${fit.params[k]} vs published ${PUBLISHED[k]}`);
  }
  assert.ok(
    Math.abs(fit.logLikelihood - PUBLISHED_LL) < 0.1,
    `${what}: LL ${fit.logLikelihood} vs ${PUBLISHED_LL}`,
  );
}

Deno.test("fitBgNbd() recovers the published CDNOW estimates (r, α, a, b within 0.5 %, LL within 0.1)", () => {
  const fit = fitBgNbd(cdnowSummary(), { label: "cdnow_customers_summary.csv" });
  assert.equal(fit.n, 2357);
  assert.equal(fit.converged, true);
  assertPublished(fit, "L-BFGS");
  // the full-precision MLE of independent implementations (SOURCE.md): LL −9582.429
  assert.ok(Math.abs(fit.logLikelihood - -9582.429) < 0.01);
});

Deno.test("fitBgNbd() agrees with scipy.optimize on the same likelihood to 1e-5", () => {
  const fit = fitBgNbd(cdnowSummary());
  for (const k of ["r", "alpha", "a", "b"] as const) {
    assert.ok(
      close(fit.params[k], REF.bgnbd[k], 1e-5),
      `${k}: ${fit.params[k]} vs ${REF.bgnbd[k]}`,
    );
  }
  assert.ok(Math.abs(fit.logLikelihood - REF.bgnbd.loglik) < 1e-6);
});

Deno.test("bgNbdLogLikelihood() equals scipy's value at scipy's optimum", () => {
  const ll = bgNbdLogLikelihood(REF.bgnbd, cdnowSummary());
  assert.ok(Math.abs(ll - REF.bgnbd.loglik) < 1e-8, `${ll} vs ${REF.bgnbd.loglik}`);
});

Deno.test("fitBgNbd() with Nelder-Mead reaches the same optimum as L-BFGS", () => {
  const data = cdnowSummary();
  const nm = fitBgNbd(data, { method: "nelder-mead" });
  const lb = fitBgNbd(data);
  assert.equal(nm.method, "nelder-mead");
  for (const k of ["r", "alpha", "a", "b"] as const) {
    assert.ok(close(nm.params[k], lb.params[k], 1e-5), `${k}: ${nm.params[k]} vs ${lb.params[k]}`);
  }
  assertPublished(nm, "Nelder-Mead");
});

Deno.test("fitBgNbd() gets the same fit from the raw CDNOW_sample.txt transactions via repeatSummary()", () => {
  const shop = readCdnow(`${CDNOW_DIR}/CDNOW_sample.txt`);
  const summary = repeatSummary(shop.transactions, {
    calibrationEnd: new Date("1997-09-30T00:00:00Z"),
    unit: "weeks",
  });
  const fit = fitBgNbd(repeatArrays(summary), { label: "CDNOW_sample.txt" });
  assert.equal(fit.n, 2357);
  assertPublished(fit, "from transactions");
  // unrounded recency/T (the published file rounds to 2 decimals): same optimum to 1e-3
  for (const k of ["r", "alpha", "a", "b"] as const) {
    assert.ok(close(fit.params[k], REF.bgnbd[k], 1e-3), `${k}: ${fit.params[k]}`);
  }
});

Deno.test("fitBgNbd() recovers the parameters of simulated BG/NBD data", () => {
  const truth = { r: 0.8, alpha: 6, a: 0.6, b: 3 };
  const data = simulateBgNbd(truth, 50_000, { T: [13, 104], seed: 11 });
  const fit = fitBgNbd(data, { label: "simulated" });
  for (const k of ["r", "alpha", "a", "b"] as const) {
    assert.ok(
      Math.abs(fit.params[k] / truth[k] - 1) < 0.1,
      `${k}: ${fit.params[k]} vs ${truth[k]}`,
    );
  }
});

Deno.test("fitBgNbd() throws ConvergenceError naming the data when it cannot converge", () => {
  const data = cdnowSummary();
  assert.throws(
    () => fitBgNbd(data, { maxIterations: 2, label: "CDNOW (2 iterations)" }),
    (e: unknown) =>
      e instanceof ConvergenceError && /CDNOW \(2 iterations\)/.test(e.message) &&
      /2357 customers/.test(e.message) && e.report.iterations === 2,
  );
  // Nobody ever comes back: the likelihood only grows as r/α → 0 and says nothing of a, b.
  const none = { frequency: [0, 0, 0, 0], recency: [0, 0, 0, 0], T: [10, 20, 30, 40] };
  assert.throws(
    () => fitBgNbd(none, { label: "no repeat buyers" }),
    (e: unknown) =>
      e instanceof ConvergenceError && /no repeat buyers/.test(e.message) &&
      /do not identify/.test(e.message) && !e.report.identified,
  );
});

Deno.test("fitBgNbd() rejects invalid rows with a message naming the row and value", () => {
  assert.throws(
    () => fitBgNbd({ frequency: [1, 2], recency: [3, 9], T: [5, 8] }, { label: "shop A" }),
    /shop A row 1 has recency 9 with T 8/,
  );
  assert.throws(
    () => fitBgNbd({ frequency: [1, -1], recency: [3, 1], T: [5, 8] }),
    /row 1 has frequency -1/,
  );
  assert.throws(() => fitBgNbd({ frequency: [1], recency: [3], T: [5] }), /at least 2/);
  assert.throws(
    () => fitBgNbd({ frequency: [1, 2], recency: [3], T: [5, 8] }),
    /must be equal/,
  );
});

Deno.test("fitBgNbd() with a penalty fits data whose likelihood has no interior maximum", () => {
  // Almost nobody drops out (p ≈ a/(a+b) = 2e-5): the plain likelihood keeps rising as a → 0,
  // b → ∞, so the plain fit must throw, and a small L2 penalty on ln θ gives a finite answer.
  const sim = simulateBgNbd({ r: 0.7, alpha: 9, a: 0.01, b: 500 }, 5000, { T: [10, 40], seed: 4 });
  assert.throws(() => fitBgNbd(sim, { label: "no dropout" }), ConvergenceError);
  const fit = fitBgNbd(sim, { penalty: 0.001 });
  assert.equal(fit.penalty, 0.001);
  // the purchase-rate part is still learned; the dropout probability is small
  assert.ok(Math.abs(fit.params.r / fit.params.alpha / (0.7 / 9) - 1) < 0.1);
  assert.ok(fit.params.a / (fit.params.a + fit.params.b) < 0.05);
  // the reported log-likelihood is the plain one, at the penalised optimum
  assert.ok(Math.abs(fit.logLikelihood - bgNbdLogLikelihood(fit.params, sim)) < 1e-6);
  // penalty 0 is plain maximum likelihood
  const data = cdnowSummary();
  assert.deepEqual(fitBgNbd(data, { penalty: 0 }).params, fitBgNbd(data).params);
  assert.throws(() => fitBgNbd(data, { penalty: -1 }), /penalty must be/);
});
