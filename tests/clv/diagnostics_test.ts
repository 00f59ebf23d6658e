/** calibrationHoldout(), holdoutByFrequency(), cumulativeTracking(), frequencyRecencyGrid() on CDNOW. */
import assert from "node:assert/strict";
import pl from "nodejs-polars";
import { bgNbdConditionalPurchases } from "@shoplab/lib/clv/bg_nbd_conditional_purchases.ts";
import { bgNbdProbabilityAlive } from "@shoplab/lib/clv/bg_nbd_probability_alive.ts";
import { calibrationHoldout } from "@shoplab/lib/clv/calibration_holdout.ts";
import { cumulativeTracking } from "@shoplab/lib/clv/cumulative_tracking.ts";
import { fitBgNbd } from "@shoplab/lib/clv/fit_bg_nbd.ts";
import { frequencyRecencyGrid } from "@shoplab/lib/clv/frequency_recency_grid.ts";
import { holdoutByFrequency } from "@shoplab/lib/clv/holdout_by_frequency.ts";
import { repeatArrays } from "@shoplab/lib/clv/repeat_arrays.ts";
import { readCdnow } from "@shoplab/lib/data/read_cdnow.ts";
import { CDNOW_DIR, close, REF } from "./_cdnow.ts";

const d = (s: string) => new Date(s + "T00:00:00Z");
const shop = readCdnow(`${CDNOW_DIR}/CDNOW_sample.txt`);
const split = calibrationHoldout(shop.transactions, {
  calibrationEnd: d("1997-09-30"),
  holdoutEnd: d("1998-06-30"),
});

Deno.test("calibrationHoldout() splits CDNOW at 1997-09-30: 2,357 customers, holdout purchase days counted from the raw file", () => {
  assert.equal(split.height, 2357);
  assert.deepEqual([...new Set(split.getColumn("duration_holdout").toArray())], [39]);
  // independent count: distinct (customer, day) pairs after the calibration end
  const days = new Set<string>();
  for (const line of Deno.readTextFileSync(`${CDNOW_DIR}/CDNOW_sample.txt`).split(/\r?\n/)) {
    const f = line.trim().split(/\s+/);
    if (f.length === 5 && f[2] > "19970930" && Number(f[3]) > 0) days.add(`${f[0]} ${f[2]}`);
  }
  const total = (split.getColumn("frequency_holdout").toArray() as number[]).reduce(
    (s, v) => s + v,
    0,
  );
  assert.equal(total, days.size);
  assert.throws(
    () =>
      calibrationHoldout(shop.transactions, {
        calibrationEnd: d("1997-09-30"),
        holdoutEnd: d("1997-09-30"),
      }),
    /must be after calibrationEnd/,
  );
});

Deno.test("holdoutByFrequency() on CDNOW: the BG/NBD's conditional expectations follow the holdout by frequency", () => {
  const a = repeatArrays(split);
  const fit = fitBgNbd(a);
  const predicted = bgNbdConditionalPurchases(fit.params, a, { t: 39 });
  const actual = split.getColumn("frequency_holdout").toArray() as number[];
  const rows = holdoutByFrequency({ frequency: a.frequency, actual, predicted });
  assert.deepEqual(rows.map((r) => r.frequency), ["0", "1", "2", "3", "4", "5", "6", "7+"]);
  assert.equal(rows.reduce((s, r) => s + r.customers, 0), 2357);
  assert.equal(rows[0].customers, 1411);
  // FHL 2005 fig. 4: close for x = 0 and 7+, under-predicted for x = 1, 2
  assert.ok(Math.abs(rows[0].predicted - rows[0].actual) < 0.03);
  assert.ok(Math.abs(rows[7].predicted / rows[7].actual - 1) < 0.1);
  for (let k = 1; k < rows.length; k++) assert.ok(rows[k].predicted > rows[k - 1].predicted);
});

Deno.test("cumulativeTracking() on CDNOW: 78 weekly periods; expected tracks actual (within 2 % at week 39, 6 % at week 78)", () => {
  const fit = fitBgNbd(repeatArrays(split));
  const rows = cumulativeTracking(shop.transactions, fit.params, {
    calibrationEnd: d("1997-09-30"),
    end: d("1998-06-30"),
  });
  assert.equal(rows.length, 78);
  assert.equal(rows[38].holdout, false);
  assert.equal(rows[39].holdout, true);
  assert.equal(rows[38].date.toISOString().slice(0, 10), "1997-09-30");
  const calRepeats = (split.getColumn("frequency").toArray() as number[]).reduce(
    (s, v) => s + v,
    0,
  );
  assert.equal(rows[38].actual, calRepeats);
  const holdout = (split.getColumn("frequency_holdout").toArray() as number[]).reduce(
    (s, v) => s + v,
    0,
  );
  assert.equal(rows[77].actual, calRepeats + holdout);
  assert.ok(
    Math.abs(rows[38].expected / rows[38].actual - 1) < 0.02,
    `${rows[38].expected} vs ${rows[38].actual}`,
  );
  assert.ok(
    Math.abs(rows[77].expected / rows[77].actual - 1) < 0.06,
    `${rows[77].expected} vs ${rows[77].actual}`,
  );
  for (let k = 1; k < rows.length; k++) {
    assert.ok(rows[k].expected >= rows[k - 1].expected);
    assert.ok(close(rows[k].expectedInPeriod, rows[k].expected - rows[k - 1].expected, 1e-9));
  }
});

Deno.test("frequencyRecencyGrid() matches the per-customer functions and has the expected shape", () => {
  const g = frequencyRecencyGrid(REF.bgnbd, { T: 38.86, t: 39, maxFrequency: 10, recencySteps: 5 });
  assert.equal(g.length, 1 + 10 * 5);
  const data = {
    frequency: g.map((c) => c.frequency),
    recency: g.map((c) => c.recency),
    T: g.map(() => 38.86),
  };
  const e = bgNbdConditionalPurchases(REF.bgnbd, data, { t: 39 });
  const p = bgNbdProbabilityAlive(REF.bgnbd, data);
  g.forEach((c, i) => assert.ok(c.expected === e[i] && c.pAlive === p[i]));
  // for a fixed frequency, more recent → more likely alive
  const row = g.filter((c) => c.frequency === 6);
  for (let j = 1; j < row.length; j++) assert.ok(row[j].pAlive > row[j - 1].pAlive);
  assert.throws(() => frequencyRecencyGrid(REF.bgnbd, { T: 0, t: 1 }), /T must be > 0/);
});

Deno.test("holdoutByFrequency() and cumulativeTracking() handle small hand-made inputs", () => {
  assert.deepEqual(holdoutByFrequency({ frequency: [], actual: [], predicted: [] }), []);
  assert.throws(
    () => holdoutByFrequency({ frequency: [1], actual: [], predicted: [1] }),
    /must be equal/,
  );
  const empty = pl.DataFrame({
    customer_id: ["a"],
    timestamp: [d("2020-05-01")],
    quantity: [1],
    unit_price: [1],
  });
  assert.deepEqual(
    cumulativeTracking(empty, REF.bgnbd, { calibrationEnd: d("2020-01-31"), end: d("2020-06-30") }),
    [],
  );
});
