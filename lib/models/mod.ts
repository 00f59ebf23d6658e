/**
 * Predictive models behind one interface, {@linkcode BinaryClassifier} (`fit`, `predictProba`,
 * `explain`, `dispose`), so notebooks compare them on one table with `lib/metrics`:
 *
 * - {@linkcode majorityBaseline} — the common-sense baseline (the training prior);
 * - {@linkcode logisticRegression} — L2/L1 penalties and class weights, scikit-learn's
 *   objective, coefficients and odds ratios;
 * - {@linkcode decisionTree} — CART (gini/entropy) with readable rules, scikit-learn's splits;
 * - {@linkcode mlpClassifier} — the acquisition article's Dense 64 → 64 → 1 network in tfjs
 *   (wasm), seeded, class weights, early stopping;
 * - {@linkcode snapshotDataset} — the chronological churn/purchase data set (train snapshot
 *   earlier, test later, preprocessing fitted on train only), with {@linkcode latestAsOf}; its
 *   `population` ({@linkcode populationIds}) asks buyers (churn) or every registered customer
 *   (purchase);
 * - {@linkcode sequenceModel} — LSTM/GRU classifiers on `[customers, T, features]` sequences
 *   (fused layers, early stopping on validation AUC, seeded), saved with `save` and reloaded
 *   with {@linkcode loadSequenceModel}; {@linkcode setWasmKernelPatches} switches shoplab's fast
 *   wasm kernels off and on (for benchmarks and equality checks);
 * - {@linkcode embeddingNet} — user and item embedding tables (dot product + biases, BCE, Adam)
 *   trained from (user, item, label) triples, with {@linkcode embeddingNetScores}: the network
 *   behind `lib/recommend`'s embedding recommender.
 *
 * Inputs and outputs are plain typed arrays; tfjs stays inside this folder.
 *
 * @example
 * ```ts
 * import { logisticRegression, majorityBaseline } from "@shoplab/lib/models/mod.ts";
 * import assert from "node:assert/strict";
 * const x = { x: Float64Array.from([0, 1, 2, 3]), rows: 4, cols: 1 };
 * for (const model of [majorityBaseline(), logisticRegression()]) {
 *   await model.fit(x, [0, 0, 1, 1]);
 *   assert.equal((await model.predictProba(x)).length, 4);
 * }
 * ```
 *
 * @module
 */
export * from "./types.ts";
export * from "./majority_baseline.ts";
export * from "./logistic_regression.ts";
export * from "./decision_tree.ts";
export * from "./mlp_classifier.ts";
export * from "./latest_as_of.ts";
export * from "./snapshot_dataset.ts";
export * from "./population_ids.ts";
export * from "./sequence_model.ts";
export * from "./sequence_model_load.ts";
export * from "./embedding_net.ts";
export { setWasmKernelPatches } from "./tf_backend.ts";
