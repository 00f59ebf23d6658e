/** Sequences and the sequence model on the real Online Retail data (transactions only). */
import assert from "node:assert/strict";
import pl from "nodejs-polars";
import { projectPath } from "@shoplab/lib/core/paths.ts";
import { loadShop } from "@shoplab/lib/data/load_shop.ts";
import { buildSequences } from "@shoplab/lib/sequences/build_sequences.ts";
import { sequenceDataset } from "@shoplab/lib/sequences/sequence_dataset.ts";
import { fitSequenceScaler } from "@shoplab/lib/sequences/fit_sequence_scaler.ts";
import { scaleSequences } from "@shoplab/lib/sequences/scale_sequences.ts";
import { sequenceModel } from "@shoplab/lib/models/sequence_model.ts";
import { rankAuc as rocAuc } from "@shoplab/lib/models/_auc.ts";

const OR = projectPath("../shared/datasets/online-retail/online_retail.csv");
const present = (() => {
  try {
    return Deno.statSync(OR).isFile;
  } catch {
    return false;
  }
})();
const d = (s: string) => new Date(s + "T00:00:00Z");

Deno.test({
  name: "buildSequences() on Online Retail counts every order line in the window exactly once",
  ignore: !present,
  fn() {
    const shop = loadShop({ path: OR, format: "online-retail" });
    const asOf = d("2011-10-01"), steps = 12;
    const s = buildSequences(shop, { asOf, steps, bucket: "week" });
    assert.ok(!s.batch.featureNames.includes("views")); // no events table
    const start = asOf.getTime() - steps * 7 * 86_400_000;
    // independent count: polars group-by of (customer, order, week) with a sale line
    const tx = shop.transactions.filter(
      pl.col("timestamp").gtEq(new Date(start)).and(pl.col("timestamp").lt(asOf)),
    ).withColumns(
      pl.col("timestamp").cast(pl.Datetime("ms")).cast(pl.Float64).minus(start)
        .div(7 * 86_400_000).floor().alias("week"),
    );
    const orders = tx.filter(pl.col("quantity").gt(0))
      .select("customer_id", "order_id", "week").unique().height;
    const spend = tx.filter(pl.col("quantity").gt(0))
      .select(pl.col("quantity").mul(pl.col("unit_price")).sum().alias("s")).getColumn("s").get(0);
    const returns = tx.filter(pl.col("quantity").lt(0)).height;
    const F = s.batch.features;
    const sum = (name: string) => {
      const f = s.batch.featureNames.indexOf(name);
      let t = 0;
      for (let i = f; i < s.batch.x.length; i += F) t += s.batch.x[i];
      return t;
    };
    assert.equal(sum("orders"), orders);
    assert.equal(sum("returns"), returns);
    assert.ok(Math.abs(sum("spend") - spend) / spend < 1e-5, `${sum("spend")} vs ${spend}`);
    const customers = shop.transactions.filter(pl.col("timestamp").lt(asOf))
      .select("customer_id").unique().height;
    assert.equal(s.batch.n, customers);
  },
});

Deno.test({
  name: "sequenceModel() on stacked Online Retail cut-offs beats chance on a later test cut-off",
  ignore: !present,
  async fn() {
    const shop = loadShop({ path: OR, format: "online-retail" });
    const { train, test } = sequenceDataset(shop, {
      trainCutoffs: [d("2011-06-01"), d("2011-07-01"), d("2011-08-01")],
      testCutoff: d("2011-09-15"),
      horizonDays: 30,
      steps: 16,
      bucket: "week",
      target: "churn",
    });
    assert.ok(train.batch.n > 5000 && test.batch.n > 2000, `${train.batch.n} / ${test.batch.n}`);
    const scaler = fitSequenceScaler(train.batch);
    const m = sequenceModel({ units: [16], epochs: 3, batchSize: 256, learningRate: 0.005 });
    await m.fit(scaleSequences(train.batch, scaler), train.y);
    const auc = rocAuc(test.y, await m.predictProba(scaleSequences(test.batch, scaler)));
    assert.ok(auc > 0.65, `test AUC ${auc}`);
    m.dispose();
  },
});
