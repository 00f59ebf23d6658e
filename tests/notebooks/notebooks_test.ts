/**
 * Executes the notebooks top to bottom in the real Deno Jupyter kernel through shoplab's own
 * runner (lib/report/kernel: ZMTP client + barrier completion rule, no Python, no lost
 * outputs), and checks that no cell fails and that every notebook records the metrics its issue
 * names, with plausible values.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { ensureDefaultData } from "@shoplab/lib/data/generate/ensure_default_data.ts";
import type { Notebook } from "@shoplab/lib/report/nbformat.ts";
import {
  executeNotebookFile,
  type ExecutionResult,
} from "@shoplab/lib/report/kernel/execute_notebook.ts";
import type { ParameterValue } from "@shoplab/lib/report/inject_parameters.ts";

type Params = Readonly<Record<string, ParameterValue>>;

/** The data sets other than the default shop, as `parameters` values. */
const CDNOW: Params = {
  DATA_PATH: "../shared/datasets/cdnow/CDNOW_master.txt",
  DATA_FORMAT: "cdnow",
};
const CDNOW_SAMPLE: Params = {
  DATA_PATH: "../shared/datasets/cdnow/CDNOW_sample.txt",
  DATA_FORMAT: "cdnow-sample",
};
const ONLINE_RETAIL: Params = {
  DATA_PATH: "../shared/datasets/online-retail/online_retail.csv",
  DATA_FORMAT: "online-retail",
};

/**
 * Runs `notebooks/<name>.ipynb` with some `parameters` consts replaced (e.g. DATA_PATH), errors
 * recorded rather than thrown so the assertion shows every failing cell.
 */
async function run(name: string, params: Params = {}): Promise<ExecutionResult> {
  return await executeNotebookFile(join("notebooks", `${name}.ipynb`), {
    params,
    allowErrors: true,
  });
}

function errors(nb: Notebook): string[] {
  return nb.cells.flatMap((c) =>
    c.cell_type === "code"
      ? c.outputs.filter((o) => o.output_type === "error").map((o) =>
        JSON.stringify(o).slice(0, 500)
      )
      : []
  );
}

/** Runs a notebook, checks that no cell failed and returns the metrics it recorded. */
async function recorded(name: string, params: Params = {}): Promise<Record<string, unknown>> {
  const { notebook, metrics } = await run(name, params);
  assert.deepEqual(errors(notebook), []);
  assert.ok(metrics, "the notebook records its metrics");
  return metrics;
}

/** Runs a notebook on data it cannot use: no cell fails, no metrics are recorded. */
async function recordsNothing(name: string, params: Params): Promise<Notebook> {
  const { notebook, metrics } = await run(name, params);
  assert.deepEqual(errors(notebook), []);
  assert.equal(metrics, undefined);
  return notebook;
}

Deno.test({
  name: "notebooks/00_quick_start runs top to bottom in the Deno kernel",
  async fn() {
    await ensureDefaultData();
    const m = await recorded("00_quick_start");
    const n = Number(m.n_customers);
    assert.ok(n > 2500 && n <= 5000, `buying customers of the default shop: ${n}`);
    assert.ok(Number(m.revenue) > 0);
  },
});

Deno.test({
  name: "notebooks/01_data_preparation runs top to bottom in the Deno kernel",
  async fn() {
    await ensureDefaultData();
    const m = await recorded("01_data_preparation");
    assert.ok(Number(m.duplicates_removed) > 0, "the synthetic shop has duplicates on purpose");
    assert.ok(Number(m.n_customers_features) > 1000);
  },
});

for (const name of ["00_quick_start", "01_data_preparation"]) {
  Deno.test({
    name: `notebooks/${name} runs on CDNOW (transactions only, cut-off taken from the data)`,
    async fn() {
      const m = await recorded(name, CDNOW);
      // every one of CDNOW's 23,570 customers bought in its first quarter, before any cut-off
      const n = Number(m.n_customers ?? m.n_customers_features);
      assert.equal(n, 23_570);
    },
  });
}

Deno.test({
  name: "notebooks/08_customer_service_faq runs top to bottom in the Deno kernel",
  async fn() {
    const m = await recorded("08_customer_service_faq");
    assert.deepEqual(Object.keys(m).sort(), ["faq_accuracy_at1", "faq_coverage"]);
    // retrieval on held-out paraphrases: far above chance (1/56), below perfect
    const acc = Number(m.faq_accuracy_at1), cov = Number(m.faq_coverage);
    assert.ok(acc > 0.5 && acc < 1, `accuracy@1 ${acc}`);
    assert.ok(cov > 0.5 && cov <= 1, `coverage ${cov}`);
  },
});

const RECOMMEND_KEYS = [
  "best_model",
  "coverage10_best",
  "ndcg10_als",
  "ndcg10_embedding",
  "ndcg10_hybrid",
  "ndcg10_itemcf",
  "ndcg10_popularity",
  "ndcg10_usercf",
  "recall10_best",
];

/** 03's record: every value a share, the best model named and above popularity by `margin`×. */
function checkRecommendMetrics(m: Record<string, unknown>, margin: number): void {
  assert.deepEqual(Object.keys(m).sort(), RECOMMEND_KEYS);
  const ndcg = RECOMMEND_KEYS.filter((k) => k.startsWith("ndcg10_")).map((k) => Number(m[k]));
  for (const v of [...ndcg, Number(m.recall10_best), Number(m.coverage10_best)]) {
    assert.ok(v > 0 && v < 1, `a metric outside (0, 1): ${JSON.stringify(m)}`);
  }
  const pop = Number(m.ndcg10_popularity);
  assert.ok(Math.max(...ndcg) > margin * pop, `best NDCG@10 vs popularity: ${JSON.stringify(m)}`);
  assert.ok(
    ["popularity", "popularity-30d", "user-cf", "item-cf", "als", "embedding", "content", "hybrid"]
      .includes(String(m.best_model)),
  );
  // a personalised best model covers far more of the catalogue than the one popularity list
  assert.ok(Number(m.coverage10_best) > 0.05, `coverage ${m.coverage10_best}`);
}

Deno.test({
  name: "notebooks/03_recommendations runs top to bottom in the Deno kernel (default data)",
  async fn() {
    await ensureDefaultData();
    // measured once: popularity 0.0677, best (hybrid) 0.1221
    const m = await recorded("03_recommendations");
    checkRecommendMetrics(m, 1.3);
  },
});

Deno.test({
  name: "notebooks/03_recommendations runs on Online Retail (customers × StockCode)",
  async fn() {
    // measured once: popularity 0.0404, best (hybrid) 0.1203
    const m = await recorded("03_recommendations", ONLINE_RETAIL);
    checkRecommendMetrics(m, 1.5);
  },
});

Deno.test({
  name: "notebooks/03_recommendations says what is missing and records nothing on CDNOW",
  async fn() {
    await recordsNothing("03_recommendations", CDNOW_SAMPLE);
  },
});

/** The metrics both prediction notebooks record, checked against their baselines. */
function checkPredictionMetrics(m: Record<string, unknown>, minAuc = 0.7, minAucLstm = 0.8): void {
  assert.deepEqual(Object.keys(m).sort(), [
    "ap_logreg",
    "ap_lstm",
    "ap_mlp",
    "auc_logreg",
    "auc_lstm",
    "auc_mlp",
    "auc_tree",
    "brier_logreg",
    "brier_lstm",
    "positive_rate",
    "top_decile_lift_lstm",
    "train_seconds_lstm",
    "train_seq_per_s_lstm",
  ]);
  const rate = Number(m.positive_rate);
  assert.ok(rate > 0.05 && rate < 0.95, `positive rate ${rate}`);
  for (const k of ["auc_logreg", "auc_tree", "auc_mlp"]) {
    const v = Number(m[k]);
    assert.ok(v > minAuc && v <= 1, `${k} ${v}: well above chance (0.5)`);
  }
  // Average precision above the random ranking's (the positive rate), Brier below the
  // majority baseline's p(1 − p).
  for (const k of ["ap_logreg", "ap_mlp", "ap_lstm"]) {
    assert.ok(Number(m[k]) > rate + 0.05, `${k} ${m[k]}`);
  }
  for (const k of ["brier_logreg", "brier_lstm"]) {
    assert.ok(Number(m[k]) < rate * (1 - rate), `${k} ${m[k]}`);
  }
  const auc = Number(m.auc_lstm), lift = Number(m.top_decile_lift_lstm);
  assert.ok(auc > minAucLstm && auc <= 1, `auc_lstm ${auc}`);
  // the top tenth holds more positives than a random tenth, at most all of them (lift ≤ 1/rate)
  assert.ok(lift > 1 && lift <= 1 / rate + 1e-9, `top_decile_lift_lstm ${lift}`);
  const secs = Number(m.train_seconds_lstm), speed = Number(m.train_seq_per_s_lstm);
  assert.ok(secs > 0 && secs < 600, `train_seconds_lstm ${secs}`);
  assert.ok(speed > 100, `train_seq_per_s_lstm ${speed}`);
}

/** Metrics recorded by the prediction notebooks on the default data, to compare 04 with 05. */
const defaultRecords = new Map<string, Record<string, unknown>>();

async function defaultRecord(name: string): Promise<Record<string, unknown>> {
  if (!defaultRecords.has(name)) {
    await ensureDefaultData();
    defaultRecords.set(name, await recorded(name));
  }
  return defaultRecords.get(name)!;
}

for (const name of ["04_churn_prediction", "05_purchase_prediction"]) {
  Deno.test({
    name: `notebooks/${name} runs top to bottom in the Deno kernel`,
    async fn() {
      // measured once: LSTM(64) AUC 0.971 / 0.975, logistic regression 0.967 / 0.970 (04 / 05)
      checkPredictionMetrics(await defaultRecord(name));
    },
  });
  Deno.test({
    name: `notebooks/${name} runs on UCI Online Retail`,
    async fn() {
      const m = await recorded(name, ONLINE_RETAIL);
      // measured once: AUC 0.741 (logreg), 0.726 (tree), 0.744 (MLP), 0.737 (LSTM); churn
      // rate 0.663
      checkPredictionMetrics(m, 0.65, 0.6);
    },
  });
}

Deno.test({
  name: "notebooks 04 and 05 ask different questions on the default data (buyers vs registered)",
  async fn() {
    const churn = await defaultRecord("04_churn_prediction");
    const buy = await defaultRecord("05_purchase_prediction");
    // same population would give purchase rate = 1 − churn rate and equal AUCs
    const rates = Number(churn.positive_rate) + Number(buy.positive_rate);
    assert.ok(Math.abs(rates - 1) > 0.01, `rates add up to ${rates}: same population?`);
    for (const k of ["auc_logreg", "auc_lstm"]) {
      assert.notEqual(churn[k], buy[k], `${k} is the same in 04 and 05`);
    }
  },
});

function checkSegmentMetrics(m: Record<string, unknown>, customers: [number, number]): void {
  assert.deepEqual(Object.keys(m).sort(), ["k", "n_customers", "share_champions", "silhouette"]);
  const k = Number(m.k), s = Number(m.silhouette), n = Number(m.n_customers);
  const share = Number(m.share_champions);
  assert.ok(Number.isInteger(k) && k >= 2 && k <= 8, `k ${k}`);
  assert.ok(s > 0.05 && s < 0.9, `silhouette ${s}`);
  assert.ok(n >= customers[0] && n <= customers[1], `customers ${n}`);
  // champions = R 5 and F 4–5: at most the top recency fifth
  assert.ok(share > 0.03 && share <= 0.2, `share of champions ${share}`);
}

Deno.test({
  name: "notebooks/02_customer_segments runs top to bottom in the Deno kernel",
  async fn() {
    await ensureDefaultData();
    const m = await recorded("02_customer_segments");
    checkSegmentMetrics(m, [2500, 5000]);
  },
});

Deno.test({
  name: "notebooks/02_customer_segments runs on UCI Online Retail",
  async fn() {
    // 4,372 customer ids in the file; 4,334 with a sale line once cancellations are set aside
    const m = await recorded("02_customer_segments", ONLINE_RETAIL);
    checkSegmentMetrics(m, [4300, 4372]);
  },
});

Deno.test({
  name: "notebooks/07_acquisition runs top to bottom in the Deno kernel",
  async fn() {
    await ensureDefaultData();
    const m = await recorded("07_acquisition");
    assert.deepEqual(Object.keys(m).sort(), [
      "best_channel_ltv_cac",
      "top_decile_lift",
      "worst_channel_ltv_cac",
    ]);
    const best = Number(m.best_channel_ltv_cac), worst = Number(m.worst_channel_ltv_cac);
    // measured once: best (organic) 23.5, worst (display) 0.57, top-decile lift 4.14. The
    // generator plants cheap organic/email and costly, short-lived display customers.
    assert.ok(best > 3 && best < 200, `best LTV:CAC ${best}`);
    assert.ok(worst > 0 && worst < 1.5 && worst < best, `worst LTV:CAC ${worst}`);
    const lift = Number(m.top_decile_lift);
    assert.ok(lift > 2 && lift <= 10, `top-decile lift ${lift}`);
  },
});

Deno.test({
  name: "notebooks/07_acquisition says what is missing and records nothing on CDNOW",
  async fn() {
    const nb = await recordsNothing("07_acquisition", CDNOW_SAMPLE);
    const notes = nb.cells.flatMap((c) => c.cell_type === "code" ? c.outputs : [])
      .map((o) => JSON.stringify(o)).filter((s) => s.includes("has no events"));
    assert.equal(notes.length, 1, "one clear note naming the missing tables");
  },
});

/** 06_retention_and_clv's record, with every key it names. */
async function run06(
  params: Params,
): Promise<{ m: Record<string, unknown>; notebook: Notebook }> {
  const { notebook, metrics } = await run("06_retention_and_clv", params);
  assert.deepEqual(errors(notebook), []);
  assert.ok(metrics, "the notebook records its metrics");
  const m = metrics;
  assert.deepEqual(Object.keys(m).sort(), [
    "bgnbd_a",
    "bgnbd_alpha",
    "bgnbd_b",
    "bgnbd_loglik",
    "bgnbd_r",
    "clv_mean",
    "clv_total",
    "gg_gamma",
    "gg_p",
    "gg_q",
    "km_median_days",
    "retention_m1",
    "retention_m3",
  ]);
  return { m, notebook };
}

Deno.test("notebooks/06_retention_and_clv runs on the default data with plausible metrics", async () => {
  await ensureDefaultData();
  const { m } = await run06({});
  const n = (k: string) => Number(m[k]);
  // measured once: retention m1 0.523, m3 0.241, KM median 48.5 days, r 0.574, α 0.913,
  // a 1.16, b 5.89, GG p 1.80, q 26.8, γ 668, CLV mean 190 over 3,812 customers
  assert.ok(n("retention_m1") > 0.2 && n("retention_m1") < 0.9, `m1 ${m.retention_m1}`);
  assert.ok(
    n("retention_m3") > 0.05 && n("retention_m3") < n("retention_m1"),
    `m3 ${m.retention_m3}`,
  );
  assert.ok(n("km_median_days") > 0 && n("km_median_days") < 365, `KM median ${m.km_median_days}`);
  for (const k of ["bgnbd_r", "bgnbd_alpha", "bgnbd_a", "bgnbd_b", "gg_p", "gg_q", "gg_gamma"]) {
    assert.ok(n(k) > 0 && Number.isFinite(n(k)), `${k} ${m[k]}`);
  }
  assert.ok(n("bgnbd_loglik") < 0);
  assert.ok(n("gg_q") > 1, "finite mean spend");
  // mean 12-month CLV: between a tenth of and ten times a year's mean revenue per customer
  assert.ok(n("clv_mean") > 10 && n("clv_mean") < 2000, `CLV mean ${m.clv_mean}`);
  assert.ok(Math.abs(n("clv_total") / n("clv_mean") - 3812) < 400, "CLV over every customer");
});

Deno.test("notebooks/06_retention_and_clv reproduces the published BG/NBD and Gamma-Gamma fits on the CDNOW sample", async () => {
  const { m } = await run06(CDNOW_SAMPLE);
  const n = (k: string) => Number(m[k]);
  // Fader, Hardie & Lee (2005); Fader & Hardie (2013): see ../shared/datasets/cdnow/SOURCE.md
  const bg = { bgnbd_r: 0.243, bgnbd_alpha: 4.414, bgnbd_a: 0.793, bgnbd_b: 2.426 };
  for (const [k, v] of Object.entries(bg)) {
    assert.ok(Math.abs(n(k) / v - 1) < 0.005, `${k} ${m[k]} vs published ${v}`);
  }
  assert.ok(Math.abs(n("bgnbd_loglik") - -9582.4) < 0.1, `LL ${m.bgnbd_loglik}`);
  const gg = { gg_p: 6.25, gg_q: 3.74, gg_gamma: 15.44 };
  for (const [k, v] of Object.entries(gg)) {
    assert.ok(Math.abs(n(k) / v - 1) < 0.01, `${k} ${m[k]} vs published ${v}`);
  }
  // 60 % of CDNOW's customers never buy again: the median lifetime is 0 days
  assert.equal(n("km_median_days"), 0);
  assert.ok(n("retention_m1") > 0.05 && n("retention_m1") < 0.3, `m1 ${m.retention_m1}`);
  assert.ok(n("clv_mean") > 5 && n("clv_mean") < 100, `CLV mean ${m.clv_mean}`);
});

Deno.test("notebooks/06_retention_and_clv runs on Online Retail (penalised BG/NBD after a loud failure)", async () => {
  // measured once: the plain BG/NBD fit has no interior maximum (a → 0, b → ∞), the notebook
  // says so and refits with PENALTY 0.001: r 0.698, α 8.81, a 0.087, b 4.18; GG p 2.43,
  // q 3.31, γ 386; CLV mean 1,861 (wholesalers); KM median not reached
  const { m, notebook } = await run06(ONLINE_RETAIL);
  const n = (k: string) => Number(m[k]);
  const refits = notebook.cells.flatMap((c) => c.cell_type === "code" ? c.outputs : [])
    .map((o) => JSON.stringify(o)).filter((s) => s.includes("Refitting with an L2 penalty"));
  assert.ok(refits.length >= 1, "the failed plain fit is reported before the penalised refit");
  assert.ok(n("bgnbd_a") / (n("bgnbd_a") + n("bgnbd_b")) < 0.1, "little dropout");
  assert.ok(n("gg_q") > 1 && n("bgnbd_loglik") < 0);
  assert.ok(n("clv_mean") > 100 && n("clv_mean") < 20_000, `CLV mean ${m.clv_mean}`);
  assert.ok(n("retention_m1") > 0.05 && n("retention_m1") < 0.6, `m1 ${m.retention_m1}`);
});
