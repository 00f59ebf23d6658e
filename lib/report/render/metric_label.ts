/**
 * Readable names and values for the key numbers a notebook records (`recordMetrics`), as the
 * reports and the index show them to a stakeholder: `auc_logreg` → "AUC (logistic regression)",
 * `retention_m1` 0.5233 → "Retention, month 1" 52.3 %. The raw name and the exact value stay in
 * `metrics.json` and in each card's tooltip.
 *
 * @module
 */
import { formatValue } from "../../notebook/format_value.ts";

/** Words written differently from their snake_case token. */
const WORDS: Readonly<Record<string, string>> = {
  auc: "AUC",
  ap: "average precision",
  brier: "Brier score",
  logloss: "log loss",
  loglik: "log-likelihood",
  f1: "F1",
  ndcg: "NDCG",
  map: "MAP",
  mrr: "MRR",
  rmse: "RMSE",
  mae: "MAE",
  ltv: "LTV",
  cac: "CAC",
  clv: "CLV",
  aov: "AOV",
  rfm: "RFM",
  km: "Kaplan–Meier",
  bgnbd: "BG/NBD",
  gg: "Gamma-Gamma",
  faq: "FAQ",
  roc: "ROC",
  pr: "PR",
  id: "ID",
  als: "ALS",
  mlp: "MLP",
  lstm: "LSTM",
  gru: "GRU",
  cf: "CF",
  tfidf: "TF-IDF",
  usercf: "user-based CF",
  itemcf: "item-based CF",
  logreg: "logistic regression",
  tree: "decision tree",
  n: "number of",
  pct: "%",
  avg: "average",
  num: "number of",
};

/** Last tokens that name a model: shown in parentheses after the metric. */
const MODELS = new Set([
  "logreg",
  "tree",
  "mlp",
  "lstm",
  "gru",
  "majority",
  "baseline",
  "popularity",
  "usercf",
  "itemcf",
  "als",
  "embedding",
  "content",
  "hybrid",
  "best",
  "ensemble",
]);

/** Tokens of a name whose value in [0, 1] is a share, shown as a percentage. */
const SHARE_WORDS = new Set([
  "rate",
  "share",
  "retention",
  "accuracy",
  "coverage",
  "recall",
  "precision",
  "churn",
  "conversion",
  "hit",
  "repurchase",
]);

/** Tokens after which a number is a ratio, shown as "4.1×". */
const RATIO_WORDS = new Set(["lift", "ratio"]);

const UNITS: Readonly<Record<string, string>> = {
  days: "days",
  weeks: "weeks",
  months: "months",
  years: "years",
  seconds: "s",
  secs: "s",
};

/** The name's words; known words are matched in lower case, unknown ones kept as written. */
function tokens(key: string): string[] {
  return key.trim().split(/[_\s]+/).filter((t) => t !== "").map((t) =>
    WORDS[t.toLowerCase()] !== undefined || MODELS.has(t.toLowerCase()) || UNITS[t.toLowerCase()]
      ? t.toLowerCase()
      : t
  );
}

function word(t: string): string {
  if (WORDS[t] !== undefined) return WORDS[t];
  // "ndcg10" → "NDCG@10", "recall10" → "recall@10"
  const at = /^([a-z]+?)(\d+)$/.exec(t);
  if (at && !/^(m|w|d|q|y)$/.test(at[1]) && at[1] !== "at") return `${word(at[1])}@${at[2]}`;
  return t;
}

/**
 * A readable label for a metric's snake_case name: known abbreviations spelled as people write
 * them (AUC, NDCG@10, LTV : CAC, BG/NBD), a trailing model name in parentheses, `at10` as
 * `@10`, `m1` as "month 1", `n` as "number of", a trailing unit (`days`, `weeks`, `months`)
 * left to the value (see {@linkcode formatMetric}), the first letter capitalised.
 * Unknown words are kept as they are, so any name gets a label.
 *
 * @param key The metric's name as recorded, e.g. `"auc_logreg"`.
 * @returns The label, e.g. `"AUC (logistic regression)"`.
 * @example
 * ```ts
 * import { metricLabel } from "@shoplab/lib/report/render/metric_label.ts";
 * import assert from "node:assert/strict";
 * assert.equal(metricLabel("auc_logreg"), "AUC (logistic regression)");
 * assert.equal(metricLabel("ndcg10_usercf"), "NDCG@10 (user-based CF)");
 * assert.equal(metricLabel("best_channel_ltv_cac"), "Best channel LTV : CAC");
 * assert.equal(metricLabel("retention_m1"), "Retention, month 1");
 * assert.equal(metricLabel("faq_accuracy_at1"), "FAQ accuracy@1");
 * assert.equal(metricLabel("n_customers"), "Number of customers");
 * assert.equal(metricLabel("km_median_days"), "Kaplan–Meier median");
 * assert.equal(metricLabel("silhouette"), "Silhouette");
 * assert.equal(metricLabel("k"), "k");
 * ```
 */
export function metricLabel(key: string): string {
  const ts = tokens(key);
  if (ts.length === 0) return key;
  let model = "";
  // The unit goes with the value (see formatMetric): "km_median_days" → "Kaplan–Meier median".
  if (ts.length > 1 && UNITS[ts[ts.length - 1]] !== undefined) ts.pop();
  if (ts.length > 1 && MODELS.has(ts[ts.length - 1])) {
    const m = ts.pop()!;
    model = m === "best" ? "best model" : word(m);
  }
  const parts: string[] = [];
  for (let i = 0; i < ts.length; i++) {
    const t = ts[i];
    const next = ts[i + 1];
    if (t === "ltv" && next === "cac") {
      parts.push("LTV : CAC");
      i++;
    } else if (/^at\d+$/.test(t) && parts.length) {
      parts[parts.length - 1] += `@${t.slice(2)}`;
    } else if (t === "at" && next !== undefined && /^\d+$/.test(next) && parts.length) {
      parts[parts.length - 1] += `@${next}`;
      i++;
    } else if (/^m\d+$/.test(t) && parts.length) {
      parts[parts.length - 1] += ",";
      parts.push(`month ${t.slice(1)}`);
    } else if (/^w\d+$/.test(t) && parts.length) {
      parts[parts.length - 1] += ",";
      parts.push(`week ${t.slice(1)}`);
    } else {
      parts.push(word(t));
    }
  }
  let label = parts.join(" ");
  if (model) label += ` (${model})`;
  // A one-letter symbol (k, r, T) keeps its case.
  return label.length === 1 ? label : label.charAt(0).toUpperCase() + label.slice(1);
}

/**
 * A metric's value for people, chosen from its name: a share (a name with "rate", "share",
 * "retention", "accuracy", "coverage", "recall", "precision", … and a value in [0, 1]) as a
 * percentage with one decimal; a lift or LTV : CAC as "4.1×"; a name ending in `days`/`weeks`/
 * `months` with its unit; counts with thousands separators; other numbers rounded to what a
 * reader can use (no decimals from 1,000, one from 100, three below 1, else at most three).
 * Strings are kept; NaN and ±Infinity are shown as such.
 *
 * @param key The metric's name, e.g. `"retention_m1"`.
 * @param value Its value.
 * @returns Plain text (not escaped).
 * @example
 * ```ts
 * import { formatMetric } from "@shoplab/lib/report/render/metric_label.ts";
 * import assert from "node:assert/strict";
 * assert.equal(formatMetric("retention_m1", 0.5232763700648203), "52.3 %");
 * assert.equal(formatMetric("auc_logreg", 0.9673928851015375), "0.967");
 * assert.equal(formatMetric("ndcg10_usercf", 0.1004), "0.100");
 * assert.equal(formatMetric("best_channel_ltv_cac", 23.535), "23.5×");
 * assert.equal(formatMetric("km_median_days", 48.5419), "48.5 days");
 * assert.equal(formatMetric("revenue", 1059880.4), "1,059,880");
 * assert.equal(formatMetric("n_orders", 26823), "26,823");
 * assert.equal(formatMetric("best_model", "hybrid"), "hybrid");
 * ```
 */
export function formatMetric(key: string, value: unknown): string {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    return formatValue(value, { digits: 4 });
  }
  const ts = tokens(key).map((t) => t.toLowerCase());
  const has = (set: Set<string>) => ts.some((t) => set.has(t.replace(/\d+$/, "")));
  if (has(SHARE_WORDS) && value >= 0 && value <= 1 && !ts.includes("n")) {
    return `${(value * 100).toLocaleString("en", { maximumFractionDigits: 1 })} %`;
  }
  const ratio = has(RATIO_WORDS) || ts.join("_").includes("ltv_cac");
  const unit = UNITS[ts[ts.length - 1] ?? ""];
  const abs = Math.abs(value);
  const digits = Number.isInteger(value) ? 0 : abs >= 1000 ? 0 : abs >= 100 || unit ? 1 : 3;
  let text: string;
  if (digits === 0 && !Number.isInteger(value)) text = Math.round(value).toLocaleString("en");
  else if (!ratio && !unit && abs >= 0.001 && abs < 1) {
    // 0.100 next to 0.122, not 0.1: a column of scores reads at one precision
    text = value.toLocaleString("en", { minimumFractionDigits: 3, maximumFractionDigits: 3 });
  } else text = formatValue(value, { digits: ratio ? 1 : digits });
  if (ratio) return `${text}×`;
  return unit ? `${text} ${unit}` : text;
}
