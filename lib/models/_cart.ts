// Private: CART tree growing as scikit-learn's DecisionTreeClassifier (depth-first, best split).
//
// Features are rounded to float32 first, as scikit-learn does, so thresholds — midpoints
// x[p−1]/2 + x[p]/2 of consecutive distinct values — come out bit-identical. Candidate
// positions skip values within 1e-7 of the previous one (scikit-learn's FEATURE_THRESHOLD).
// Ties in the split score keep the first candidate: the lowest feature index, then the lowest
// threshold (scikit-learn visits features in a random order, so its choice among exactly tied
// splits can differ).

const FEATURE_THRESHOLD = 1e-7;
const EPSILON = Number.EPSILON;

export interface CartInput {
  readonly x: Float32Array;
  readonly rows: number;
  readonly cols: number;
  readonly y: Uint8Array;
  readonly w: Float64Array;
  readonly criterion: "gini" | "entropy";
  readonly maxDepth: number;
  readonly minSamplesLeaf: number;
  readonly minSamplesSplit: number;
}

/** The grown tree as parallel arrays, nodes in preorder (as scikit-learn numbers them). */
export interface CartTree {
  /** Split feature per node, −1 for leaves. */
  readonly feature: Int32Array;
  /** Threshold per node (go left when x ≤ threshold), NaN for leaves. */
  readonly threshold: Float64Array;
  /** Left child per node, −1 for leaves. */
  readonly left: Int32Array;
  /** Right child per node, −1 for leaves. */
  readonly right: Int32Array;
  /** Training rows reaching the node. */
  readonly samples: Int32Array;
  /** Unweighted positive rows reaching the node. */
  readonly positives: Int32Array;
  /** Weighted class totals per node, `[w0, w1]` interleaved. */
  readonly weights: Float64Array;
  /** Node impurity. */
  readonly impurity: Float64Array;
  /** Depth per node (root 0). */
  readonly depth: Int32Array;
  /** Normalised impurity decrease per feature (scikit-learn's `feature_importances_`). */
  readonly importances: Float64Array;
}

function impurityOf(criterion: "gini" | "entropy", w0: number, w1: number): number {
  const t = w0 + w1;
  if (t <= 0) return 0;
  const p0 = w0 / t, p1 = w1 / t;
  if (criterion === "gini") return 1 - (p0 * p0 + p1 * p1);
  let e = 0;
  if (p0 > 0) e -= p0 * Math.log2(p0);
  if (p1 > 0) e -= p1 * Math.log2(p1);
  return e;
}

interface Node {
  feature: number;
  threshold: number;
  left: number;
  right: number;
  samples: number;
  positives: number;
  w0: number;
  w1: number;
  impurity: number;
  depth: number;
}

/**
 * Grows a CART classification tree depth-first with the best split at every node, as
 * scikit-learn's `DecisionTreeClassifier` (see the notes at the top of this file).
 *
 * @param inp Row-major features, 0/1 labels, sample weights and the stopping rules.
 * @returns The tree's nodes and the impurity-decrease importance of each feature.
 * @example
 * ```ts
 * import { growTree } from "@shoplab/lib/models/_cart.ts";
 * import assert from "node:assert/strict";
 * // one feature, separable at 2.5: a root and two pure leaves
 * const tree = growTree({
 *   x: Float32Array.of(1, 2, 3, 4), rows: 4, cols: 1, y: Uint8Array.of(0, 0, 1, 1),
 *   w: new Float64Array(4).fill(1), criterion: "gini", maxDepth: 3, minSamplesLeaf: 1,
 *   minSamplesSplit: 2,
 * });
 * assert.equal(tree.feature.length, 3);
 * assert.equal(tree.threshold[0], 2.5);
 * assert.equal(tree.impurity[0], 0.5); // gini of 2 vs 2
 * assert.deepEqual([...tree.positives], [2, 0, 2]);
 * assert.deepEqual([...tree.importances], [1]);
 * ```
 */
export function growTree(inp: CartInput): CartTree {
  const { x, cols, y, w, criterion } = inp;
  const nodes: Node[] = [];
  const gain = new Float64Array(cols);
  let total = 0;
  for (let i = 0; i < inp.rows; i++) total += w[i];

  const build = (idx: Uint32Array, depth: number): number => {
    let w0 = 0, w1 = 0, pos = 0;
    for (const i of idx) {
      if (y[i] === 1) {
        w1 += w[i];
        pos++;
      } else w0 += w[i];
    }
    const n = idx.length;
    const impurity = impurityOf(criterion, w0, w1);
    const id = nodes.length;
    const node: Node = {
      feature: -1,
      threshold: NaN,
      left: -1,
      right: -1,
      samples: n,
      positives: pos,
      w0,
      w1,
      impurity,
      depth,
    };
    nodes.push(node);
    const leaf = depth >= inp.maxDepth || n < inp.minSamplesSplit ||
      n < 2 * inp.minSamplesLeaf || impurity <= EPSILON;
    if (leaf) return id;

    let bestScore = -Infinity, bestFeature = -1, bestThreshold = NaN, bestPos = -1;
    let bestOrder: Uint32Array | undefined;
    const order = new Uint32Array(n);
    const values = new Float64Array(n);
    for (let j = 0; j < cols; j++) {
      order.set(idx);
      order.sort((a, b) => x[a * cols + j] - x[b * cols + j]);
      for (let k = 0; k < n; k++) values[k] = x[order[k] * cols + j];
      if (values[n - 1] <= values[0] + FEATURE_THRESHOLD) continue;
      let l0 = 0, l1 = 0, p = 0, improved = false;
      // Walk split positions; (l0, l1) are the weighted class totals of rows [0, p).
      while (p < n) {
        while (p + 1 < n && values[p + 1] <= values[p] + FEATURE_THRESHOLD) {
          const i = order[p];
          if (y[i] === 1) l1 += w[i];
          else l0 += w[i];
          p++;
        }
        const i = order[p];
        if (y[i] === 1) l1 += w[i];
        else l0 += w[i];
        p++;
        if (p >= n) break;
        if (p < inp.minSamplesLeaf || n - p < inp.minSamplesLeaf) continue;
        const r0 = w0 - l0, r1 = w1 - l1;
        const score = -(r0 + r1) * impurityOf(criterion, r0, r1) -
          (l0 + l1) * impurityOf(criterion, l0, l1);
        if (score > bestScore) {
          bestScore = score;
          bestFeature = j;
          bestPos = p;
          let t = values[p - 1] / 2 + values[p] / 2;
          if (t === values[p] || !Number.isFinite(t)) t = values[p - 1];
          bestThreshold = t;
          improved = true;
        }
      }
      if (improved) bestOrder = order.slice();
    }
    if (bestFeature < 0 || !bestOrder) return id;
    const leftIdx = bestOrder.slice(0, bestPos), rightIdx = bestOrder.slice(bestPos);
    leftIdx.sort();
    rightIdx.sort();
    node.feature = bestFeature;
    node.threshold = bestThreshold;
    node.left = build(leftIdx, depth + 1);
    node.right = build(rightIdx, depth + 1);
    const L = nodes[node.left], R = nodes[node.right];
    gain[bestFeature] += (w0 + w1) * impurity - (L.w0 + L.w1) * L.impurity -
      (R.w0 + R.w1) * R.impurity;
    return id;
  };

  const all = new Uint32Array(inp.rows);
  for (let i = 0; i < inp.rows; i++) all[i] = i;
  build(all, 0);
  let sum = 0;
  for (let j = 0; j < cols; j++) {
    gain[j] /= total;
    sum += gain[j];
  }
  if (sum > 0) { for (let j = 0; j < cols; j++) gain[j] /= sum; }
  const m = nodes.length;
  const weights = new Float64Array(2 * m);
  nodes.forEach((nd, k) => {
    weights[2 * k] = nd.w0;
    weights[2 * k + 1] = nd.w1;
  });
  return {
    feature: Int32Array.from(nodes, (nd) => nd.feature),
    threshold: Float64Array.from(nodes, (nd) => nd.threshold),
    left: Int32Array.from(nodes, (nd) => nd.left),
    right: Int32Array.from(nodes, (nd) => nd.right),
    samples: Int32Array.from(nodes, (nd) => nd.samples),
    positives: Int32Array.from(nodes, (nd) => nd.positives),
    weights,
    impurity: Float64Array.from(nodes, (nd) => nd.impurity),
    depth: Int32Array.from(nodes, (nd) => nd.depth),
    importances: gain,
  };
}

/**
 * Leaf reached by row `i` of a float32 matrix.
 *
 * @example
 * ```ts
 * import { growTree, leafOf } from "@shoplab/lib/models/_cart.ts";
 * import assert from "node:assert/strict";
 * // one feature, separable at 2.5: a root and two pure leaves
 * const tree = growTree({
 *   x: Float32Array.of(1, 2, 3, 4), rows: 4, cols: 1, y: Uint8Array.of(0, 0, 1, 1),
 *   w: new Float64Array(4).fill(1), criterion: "gini", maxDepth: 3, minSamplesLeaf: 1,
 *   minSamplesSplit: 2,
 * });
 * assert.equal(leafOf(tree, Float32Array.of(0, 9), 1, 0), 1); // x = 0 goes left
 * assert.equal(leafOf(tree, Float32Array.of(0, 9), 1, 1), 2);
 * ```
 */
export function leafOf(tree: CartTree, x: Float32Array, cols: number, i: number): number {
  let k = 0;
  while (tree.left[k] >= 0) {
    k = x[i * cols + tree.feature[k]] <= tree.threshold[k] ? tree.left[k] : tree.right[k];
  }
  return k;
}
