// Private: the validation metrics of early stopping — ROC AUC by the rank-sum (Mann–Whitney)
// formula, ties given their average rank, and the mean log-loss. lib/metrics is downstream of
// lib/models, so the MLP and the sequence models compute them here (tests check the AUC against
// lib/metrics' rocAuc).

/**
 * AUC of scores `p` for 0/1 labels `y`; NaN when one class is absent.
 *
 * @example
 * ```ts
 * import { rankAuc } from "@shoplab/lib/models/_auc.ts";
 * import assert from "node:assert/strict";
 * assert.equal(rankAuc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]), 0.75); // scikit-learn's example
 * assert.equal(rankAuc([1, 0], [0.5, 0.5]), 0.5); // a tie counts half
 * assert.ok(Number.isNaN(rankAuc([1, 1], [0.2, 0.3])));
 * ```
 */
export function rankAuc(y: ArrayLike<number>, p: ArrayLike<number>): number {
  const n = y.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => p[a] - p[b]);
  let rankSum = 0, positives = 0;
  for (let i = 0; i < n;) {
    let j = i;
    while (j + 1 < n && p[order[j + 1]] === p[order[i]]) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) {
      if (y[order[k]] === 1) {
        rankSum += rank;
        positives++;
      }
    }
    i = j + 1;
  }
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return NaN;
  return (rankSum - positives * (positives + 1) / 2) / (positives * negatives);
}

/**
 * Mean binary cross-entropy of probabilities `p` for 0/1 labels `y`, each `p` clipped to
 * [1e-7, 1 − 1e-7].
 *
 * @example
 * ```ts
 * import { meanLogLoss } from "@shoplab/lib/models/_auc.ts";
 * import assert from "node:assert/strict";
 * assert.equal(meanLogLoss([1, 0], [0.5, 0.5]), Math.LN2);
 * assert.ok(Number.isFinite(meanLogLoss([1], [0]))); // clipped, not Infinity
 * ```
 */
export function meanLogLoss(y: ArrayLike<number>, p: ArrayLike<number>): number {
  const eps = 1e-7;
  let s = 0;
  for (let i = 0; i < y.length; i++) {
    const q = Math.min(Math.max(p[i], eps), 1 - eps);
    s -= y[i] === 1 ? Math.log(q) : Math.log(1 - q);
  }
  return s / y.length;
}
