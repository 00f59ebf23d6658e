/**
 * lib/clv benchmark: BG/NBD and Gamma-Gamma fits on the 23,570 CDNOW master customers
 * (summary built from CDNOW_master.txt, calibration to 1997-09-30, weeks) and on 1,000,000
 * simulated BG/NBD customers; predictions and 12-month CLV for all of them. Prints figures,
 * asserts nothing. Flags: `--customers N` (default 1,000,000).
 *
 * @module
 */
import { parseArgs } from "node:util";
import { projectPath } from "../lib/core/paths.ts";
import { createRng } from "../lib/core/random.ts";
import { readCdnow } from "../lib/data/read_cdnow.ts";
import {
  bgNbdConditionalPurchases,
  bgNbdProbabilityAlive,
  customerLifetimeValue,
  fitBgNbd,
  fitGammaGamma,
  repeatArrays,
  repeatSummary,
  simulateBgNbd,
} from "../lib/clv/mod.ts";

const n = Number(
  parseArgs({ args: Deno.args, options: { customers: { type: "string", default: "1000000" } } })
    .values.customers,
);

function time<T>(label: string, f: () => T): T {
  const t = performance.now();
  const out = f();
  console.log(`${label.padEnd(60)} ${((performance.now() - t) / 1000).toFixed(3).padStart(8)} s`);
  return out;
}

const master = projectPath("../shared/datasets/cdnow/CDNOW_master.txt");
const shop = time("read CDNOW_master.txt (69,659 rows)", () => readCdnow(master));
const summary = time(
  "repeatSummary (23,570 customers)",
  () =>
    repeatArrays(repeatSummary(shop.transactions, {
      calibrationEnd: new Date("1997-09-30T00:00:00Z"),
      unit: "weeks",
    })),
);
for (const method of ["lbfgs", "nelder-mead"] as const) {
  const fit = time(`fitBgNbd ${method}, CDNOW master`, () => fitBgNbd(summary, { method }));
  const p = fit.params;
  console.log(
    `  r=${p.r.toFixed(4)} α=${p.alpha.toFixed(4)} a=${p.a.toFixed(4)} b=${p.b.toFixed(4)} ` +
      `LL=${
        fit.logLikelihood.toFixed(2)
      }, ${fit.iterations} iterations, ${fit.evaluations} evaluations`,
  );
}
const spend = { frequency: summary.frequency, monetaryValue: summary.monetaryValue! };
const gg = time(
  "fitGammaGamma, CDNOW master (x > 0, z̄ > 0)",
  () => fitGammaGamma(spend, { zeroSpend: "skip" }),
);
console.log(
  `  p=${gg.params.p.toFixed(3)} q=${gg.params.q.toFixed(3)} γ=${
    gg.params.gamma.toFixed(3)
  }, n=${gg.n}`,
);

console.log(
  `\n## ${n.toLocaleString("en")} simulated customers (r=0.25, α=4, a=0.8, b=2.5, T 1–78)`,
);
const truth = { r: 0.25, alpha: 4, a: 0.8, b: 2.5 };
const sim = time("simulateBgNbd", () => simulateBgNbd(truth, n, { T: [1, 78], seed: 1 }));
const fit = time("fitBgNbd lbfgs", () => fitBgNbd(sim, { label: "simulated" }));
const p = fit.params;
console.log(
  `  r=${p.r.toFixed(4)} α=${p.alpha.toFixed(4)} a=${p.a.toFixed(4)} b=${p.b.toFixed(4)}, ` +
    `${fit.iterations} iterations, ${fit.evaluations} evaluations`,
);
time("bgNbdConditionalPurchases (t = 39)", () => bgNbdConditionalPurchases(p, sim, { t: 39 }));
time("bgNbdProbabilityAlive", () => bgNbdProbabilityAlive(p, sim));
// Gamma-Gamma spends for the simulated repeat buyers
const rng = createRng(2);
const z = new Float64Array(n);
for (let i = 0; i < n; i++) {
  const x = sim.frequency[i];
  if (x === 0) continue;
  const nu = rng.gamma(4) / 15;
  let s = 0;
  for (let j = 0; j < x; j++) s += rng.gamma(6) / nu;
  z[i] = s / x;
}
const gs = time(
  "fitGammaGamma",
  () => fitGammaGamma({ frequency: sim.frequency, monetaryValue: z }),
);
console.log(
  `  p=${gs.params.p.toFixed(3)} q=${gs.params.q.toFixed(3)} γ=${
    gs.params.gamma.toFixed(3)
  }, n=${gs.n}`,
);
time(
  "customerLifetimeValue (12 months, 1 %/month)",
  () =>
    customerLifetimeValue({ bgNbd: p, gammaGamma: gs.params }, { ...sim, monetaryValue: z }, {
      unit: "weeks",
    }),
);
