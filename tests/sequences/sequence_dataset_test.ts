import assert from "node:assert/strict";
import pl from "nodejs-polars";
import { sequenceDataset } from "@shoplab/lib/sequences/sequence_dataset.ts";
import { stackSequences } from "@shoplab/lib/sequences/stack_sequences.ts";
import { fitSequenceScaler } from "@shoplab/lib/sequences/fit_sequence_scaler.ts";
import { scaleSequences } from "@shoplab/lib/sequences/scale_sequences.ts";
import { SEQUENCE_WINDOWS } from "@shoplab/lib/sequences/sequence_windows.ts";
import { holidayCutoff } from "@shoplab/lib/sequences/holiday_cutoff.ts";
import { futureLabels } from "@shoplab/lib/prep/future_labels.ts";

const d = (s: string) => new Date(s + "T00:00:00Z");
const DAY = 86_400_000;

// customer k buys every (k + 2) days from 2025-01-01 until day 40 + 10k
function shop() {
  const ids: string[] = [], orders: string[] = [], ts: Date[] = [];
  let o = 0;
  for (let k = 0; k < 6; k++) {
    for (let day = k; day < 40 + 10 * k; day += k + 2) {
      ids.push(`c${k}`);
      orders.push(`o${o++}`);
      ts.push(new Date(d("2025-01-01").getTime() + day * DAY));
    }
  }
  ids.push("end");
  orders.push("oEnd");
  ts.push(d("2025-06-30"));
  return pl.DataFrame({
    customer_id: ids,
    order_id: orders,
    timestamp: ts,
    item_id: ids.map(() => "x"),
    quantity: ids.map(() => 1),
    unit_price: ids.map(() => 5),
  });
}

Deno.test("sequenceDataset() refuses training label windows that reach past the test cut-off", () => {
  const transactions = shop();
  assert.throws(
    () =>
      sequenceDataset({ transactions }, {
        trainCutoffs: [d("2025-02-01"), d("2025-02-20")],
        testCutoff: d("2025-03-01"),
        horizonDays: 14,
      }),
    (e: Error) =>
      e instanceof RangeError && /2025-02-20/.test(e.message) && /2025-03-06/.test(e.message) &&
      /leakage/.test(e.message),
  );
  // exactly touching is allowed: [02-15, 03-01) ends where the test period starts
  const ok = sequenceDataset({ transactions }, {
    trainCutoffs: [d("2025-02-15")],
    testCutoff: d("2025-03-01"),
    horizonDays: 14,
    steps: 4,
  });
  assert.ok(ok.train.batch.n > 0);
  assert.throws(
    () => sequenceDataset({ transactions }, { trainCutoffs: [], testCutoff: d("2025-03-01") }),
    /empty/,
  );
});

Deno.test("sequenceDataset() stacks cut-offs with labels equal to futureLabels", () => {
  const transactions = shop();
  const cut = [d("2025-02-10"), d("2025-01-20")];
  const { train, test } = sequenceDataset({ transactions }, {
    trainCutoffs: cut,
    testCutoff: d("2025-03-15"),
    horizonDays: 21,
    steps: 3,
    bucket: "week",
    target: "churn",
  });
  // sorted by cut-off: rows of 01-20 first
  const firstRows = [...train.asOf].filter((t) => t === cut[1].getTime()).length;
  assert.ok(firstRows > 0 && train.asOf[0] === cut[1].getTime());
  for (const c of cut) {
    const rows = [...train.asOf.keys()].filter((i) => train.asOf[i] === c.getTime());
    const ids = rows.map((i) => train.customerIds[i]);
    const ref = futureLabels(transactions, { asOf: c, windowDays: 21, customers: ids });
    const refMap = new Map(
      (ref.getColumn("customer_id").toArray() as string[]).map((
        id,
        i,
      ) => [id, ref.getColumn("churn").get(i)]),
    );
    rows.forEach((i) => assert.equal(train.y[i], refMap.get(train.customerIds[i])));
  }
  assert.ok(train.y.some((v) => v === 1) && train.y.some((v) => v === 0));
  assert.equal(train.batch.x.length, train.batch.n * 3 * train.batch.features);
  assert.ok(test.asOf.every((t) => t === d("2025-03-15").getTime()));
  // purchase is the complement of churn
  const p = sequenceDataset({ transactions }, {
    trainCutoffs: cut,
    testCutoff: d("2025-03-15"),
    horizonDays: 21,
    steps: 3,
    target: "purchase",
  });
  assert.deepEqual([...p.train.y], [...train.y].map((v) => 1 - v));
});

Deno.test("sequenceDataset() validationCutoff gives the rows of that cut-off alone, under the leakage guard", () => {
  const transactions = shop();
  const opts = { steps: 4, horizonDays: 14, testCutoff: d("2025-03-15") };
  const both = sequenceDataset({ transactions }, {
    ...opts,
    trainCutoffs: [d("2025-02-01")],
    validationCutoff: d("2025-02-15"),
  });
  const alone = sequenceDataset({ transactions }, { ...opts, trainCutoffs: [d("2025-02-15")] });
  assert.ok(both.validation && both.validation.batch.n > 0);
  assert.deepEqual(both.validation, alone.train);
  assert.equal(alone.validation, undefined);
  assert.throws(
    () =>
      sequenceDataset({ transactions }, {
        ...opts,
        trainCutoffs: [d("2025-02-01")],
        validationCutoff: d("2025-03-10"),
      }),
    /validation cut-off 2025-03-10 .*leakage/,
  );
});

Deno.test("stackSequences() refuses parts with different features", () => {
  const transactions = shop();
  const a = sequenceDataset({ transactions }, {
    trainCutoffs: [d("2025-02-01")],
    testCutoff: d("2025-03-15"),
    steps: 3,
  });
  const b = sequenceDataset({ transactions }, {
    trainCutoffs: [d("2025-02-01")],
    testCutoff: d("2025-03-15"),
    steps: 4,
  });
  assert.throws(() => stackSequences([a.train, b.train]), RangeError);
  assert.equal(stackSequences([a.train, a.test]).batch.n, a.train.batch.n + a.test.batch.n);
});

Deno.test("fitSequenceScaler() fits on unmasked training steps only and scaleSequences() leaves the input unchanged", () => {
  const transactions = shop();
  const { train, test } = sequenceDataset({ transactions }, {
    trainCutoffs: [d("2025-02-01")],
    testCutoff: d("2025-03-15"),
    steps: 6,
    bucket: "week",
  });
  const s = fitSequenceScaler(train.batch);
  assert.equal(s.log1p[s.featureNames.indexOf("active")], false);
  const copy = Float32Array.from(train.batch.x);
  const z = scaleSequences(train.batch, s);
  assert.deepEqual(train.batch.x, copy);
  // on the training set, every feature's unmasked values have mean 0
  const { steps, features, n, mask } = z;
  for (let f = 0; f < features; f++) {
    let sum = 0, cnt = 0;
    for (let r = 0; r < n * steps; r++) {
      if (mask![r]) {
        sum += z.x[r * features + f];
        cnt++;
      } else assert.equal(z.x[r * features + f], 0);
    }
    assert.ok(Math.abs(sum / cnt) < 1e-4, `feature ${f} mean ${sum / cnt}`);
  }
  assert.equal(scaleSequences(test.batch, s).x.length, test.batch.x.length);
  assert.throws(
    () =>
      scaleSequences({ ...test.batch, featureNames: [...test.batch.featureNames].reverse() }, s),
    RangeError,
  );
  assert.throws(
    () => fitSequenceScaler({ ...train.batch, mask: new Uint8Array(n * steps) }),
    /masked/,
  );
});

Deno.test("SEQUENCE_WINDOWS and holidayCutoff() describe short, long and seasonal horizons", () => {
  assert.equal(SEQUENCE_WINDOWS.short.bucket, "day");
  assert.equal(SEQUENCE_WINDOWS.long.horizonDays, 90);
  const c = holidayCutoff(2011);
  assert.equal(c.toISOString(), "2011-11-15T00:00:00.000Z");
  const end = new Date(c.getTime() + SEQUENCE_WINDOWS.seasonal.horizonDays * DAY);
  assert.equal(end.toISOString().slice(0, 10), "2011-12-30");
  assert.throws(() => holidayCutoff(2011.5), RangeError);
});
