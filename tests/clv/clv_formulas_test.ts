/** simpleClv(), convertDuration() and retentionClv(): the textbook formulas, units checked. */
import assert from "node:assert/strict";
import { convertDuration, simpleClv } from "@shoplab/lib/clv/simple_clv.ts";
import { retentionClv } from "@shoplab/lib/clv/retention_clv.ts";

Deno.test("simpleClv() gives 100 × 1/month × 2 years = 2,400, not the article's 200", () => {
  const clv = simpleClv(100, {
    frequency: { count: 1, per: "months" },
    lifetime: { value: 2, unit: "years" },
  });
  assert.equal(clv, 2400);
  // the same customer described per year, or the lifetime in months: the same value
  assert.equal(
    simpleClv(100, {
      frequency: { count: 12, per: "years" },
      lifetime: { value: 24, unit: "months" },
    }),
    2400,
  );
  assert.equal(
    simpleClv(100, {
      frequency: { count: 1, per: "months" },
      lifetime: { value: 2, unit: "years" },
      margin: 0.3,
    }),
    720,
  );
});

Deno.test("simpleClv() refuses unit-less inputs and unknown units", () => {
  const lifetime = { value: 2, unit: "years" } as const;
  assert.throws(
    () => simpleClv(100, { frequency: 1 as never, lifetime }),
    /frequency must be \{ count, per \}/,
  );
  assert.throws(
    () => simpleClv(100, { frequency: { count: 1, per: "month" as never }, lifetime }),
    /unknown time unit "month"/,
  );
  assert.throws(
    () => simpleClv(-5, { frequency: { count: 1, per: "months" }, lifetime }),
    RangeError,
  );
});

Deno.test("convertDuration() converts between days, weeks, months and years", () => {
  assert.equal(convertDuration({ value: 1, unit: "years" }, "months"), 12);
  assert.equal(convertDuration({ value: 14, unit: "days" }, "weeks"), 2);
  assert.ok(Math.abs(convertDuration({ value: 1, unit: "years" }, "days") - 365.2425) < 1e-12);
  assert.ok(
    Math.abs(convertDuration({ value: 1, unit: "months" }, "weeks") - 365.2425 / 84) < 1e-12,
  );
});

Deno.test("retentionClv() matches m·r/(1+d−r) and the explicit finite sums", () => {
  const m = 50, r = 0.85, d = 0.02;
  assert.ok(
    Math.abs(retentionClv(m, { retention: r, discountRate: d }) - (m * r) / (1 + d - r)) < 1e-9,
  );
  for (const start of [0, 1] as const) {
    for (const horizon of [0, 1, 5, 36]) {
      let sum = 0;
      for (let t = start; t <= horizon; t++) sum += (m * r ** t) / (1 + d) ** t;
      const got = retentionClv(m, { retention: r, discountRate: d, horizon, start });
      assert.ok(Math.abs(got - sum) < 1e-9, `start ${start}, T ${horizon}: ${got} vs ${sum}`);
    }
  }
  // start 0 adds exactly the current margin to the infinite sum
  const inf0 = retentionClv(m, { retention: r, discountRate: d, start: 0 });
  assert.ok(Math.abs(inf0 - (m + (m * r) / (1 + d - r))) < 1e-9);
  assert.throws(
    () => retentionClv(m, { retention: 1, discountRate: d }),
    /retention must be in \[0, 1\)/,
  );
  assert.throws(() => retentionClv(m, { retention: r, discountRate: -0.1 }), /discountRate/);
});
