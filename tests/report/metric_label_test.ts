import assert from "node:assert/strict";
import { formatMetric, metricLabel } from "@shoplab/lib/report/render/metric_label.ts";
import { notebookSummary } from "@shoplab/lib/report/render/notebook_summary.ts";
import type { Notebook } from "@shoplab/lib/report/nbformat.ts";

Deno.test("metricLabel() spells the notebooks' metric names as a reader would", () => {
  const cases: [string, string][] = [
    ["n_customers", "Number of customers"],
    ["revenue", "Revenue"],
    ["k", "k"],
    ["share_champions", "Share champions"],
    ["ndcg10_popularity", "NDCG@10 (popularity)"],
    ["ndcg10_itemcf", "NDCG@10 (item-based CF)"],
    ["recall10_best", "Recall@10 (best model)"],
    ["best_model", "Best model"],
    ["positive_rate", "Positive rate"],
    ["auc_mlp", "AUC (MLP)"],
    ["ap_logreg", "Average precision (logistic regression)"],
    ["brier_logreg", "Brier score (logistic regression)"],
    ["retention_m3", "Retention, month 3"],
    ["km_median_days", "Kaplan–Meier median"],
    ["bgnbd_loglik", "BG/NBD log-likelihood"],
    ["gg_gamma", "Gamma-Gamma gamma"],
    ["worst_channel_ltv_cac", "Worst channel LTV : CAC"],
    ["top_decile_lift", "Top decile lift"],
    ["faq_accuracy_at1", "FAQ accuracy@1"],
    ["hit_rate_at_10", "Hit rate@10"],
    ["someUnknownName", "SomeUnknownName"],
    ["", ""],
  ];
  for (const [key, label] of cases) assert.equal(metricLabel(key), label, key);
});

Deno.test("formatMetric() shows shares as percentages, ratios with ×, units and rounded numbers", () => {
  const cases: [string, unknown, string][] = [
    ["retention_m1", 0.5232763700648203, "52.3 %"],
    ["faq_coverage", 1, "100 %"],
    ["positive_rate", 0, "0 %"],
    ["positive_rate", 1.5, "1.5"], // not a share: shown as the number it is
    ["n_customers", 3812, "3,812"],
    ["revenue", 1059880.4, "1,059,880"],
    ["gg_gamma", 667.7068638949805, "667.7"],
    ["gg_q", 26.761143783425346, "26.761"],
    ["ndcg10_usercf", 0.1004, "0.100"],
    ["silhouette", -0.25, "-0.250"],
    ["bgnbd_loglik", -18478.251227820758, "-18,478"],
    ["top_decile_lift", 4.141911161703326, "4.1×"],
    ["best_channel_ltv_cac", 23.535259992128722, "23.5×"],
    ["km_median_days", 48.541921296296294, "48.5 days"],
    ["km_median_days", 0, "0 days"],
    ["p_value", 8.32e-30, "8.32e-30"],
    ["auc_logreg", Number.NaN, "NaN"],
    ["best_model", "<b>hybrid</b>", "<b>hybrid</b>"], // escaped by the caller
  ];
  for (const [key, v, text] of cases) assert.equal(formatMetric(key, v), text, `${key} = ${v}`);
});

Deno.test("notebookSummary() ends a lead-in with a full stop and cuts long ones at a sentence", () => {
  const nb = (text: string): Notebook => ({
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {},
    cells: [{ cell_type: "markdown", metadata: {}, source: `# T\n\n${text}\n\n- a\n- b` }],
  });
  assert.equal(
    notebookSummary(nb("Two answers, side by side:")).summary,
    "Two answers, side by side.",
  );
  const first = "A customer churns when they stop buying. ".repeat(3).trim();
  const long = `${first} ${"This notebook builds a ranking and compares models. ".repeat(3)}`;
  const s = notebookSummary(nb(long)).summary;
  assert.ok(s.length <= 220, s);
  assert.ok(s.endsWith("models."), s);
  const words = "word ".repeat(80);
  const cut = notebookSummary(nb(words)).summary;
  assert.ok(cut.endsWith("word…") && cut.length <= 221, cut);
});
