/**
 * CART decision tree classifier with readable rules, grown as scikit-learn's
 * `DecisionTreeClassifier`.
 *
 * @module
 */
import { attempt, checkMatrix, checkTraining, defaultTimer, featureNames } from "./_check.ts";
import { type CartTree, growTree, leafOf } from "./_cart.ts";
import type {
  BinaryClassifier,
  Explanation,
  FitOptions,
  FitReport,
  Labels,
  Matrix,
} from "./types.ts";

export type { CartTree } from "./_cart.ts";

/** Options of {@linkcode decisionTree}. */
export interface DecisionTreeOptions {
  /** Impurity: `"gini"` (1 − Σ p²) or `"entropy"` (−Σ p log₂ p). Default `"gini"`. */
  readonly criterion?: "gini" | "entropy";
  /** Deepest level of a split (root = depth 0); `Infinity` grows until pure. Default `4`. */
  readonly maxDepth?: number;
  /** Fewest training rows in a leaf. Default `1`. */
  readonly minSamplesLeaf?: number;
  /** Fewest training rows in a node for it to be split. Default `2`. */
  readonly minSamplesSplit?: number;
  /** What class 1 means, for the rules ("churn", "buys"). Default `"positive"`. */
  readonly positiveLabel?: string;
  /** Display name. Default `"decision tree (gini, depth ≤ 4)"` (criterion and depth filled in). */
  readonly name?: string;
  /** Millisecond counter used only for `FitReport.seconds`. Default `performance.now`. */
  readonly timer?: () => number;
}

/** One leaf as a rule. */
export interface TreeRule {
  /** Conditions joined by "and", e.g. `"recency_days > 90.5 and frequency ≤ 2.5"`. */
  readonly rule: string;
  /** Share of class 1 among the training rows in the leaf (unweighted), in [0, 1]. */
  readonly share: number;
  /** Training rows in the leaf. */
  readonly n: number;
  /** The leaf's predicted P(y = 1) (class-weighted, as `predictProba`). */
  readonly probability: number;
}

/** A decision tree: a {@linkcode BinaryClassifier} that also exposes its structure. */
export interface DecisionTreeModel extends BinaryClassifier<Matrix> {
  /** The grown tree after `fit`, `undefined` before. */
  readonly tree: CartTree | undefined;
  /** Feature names seen by `fit`. */
  readonly features: readonly string[];
  /** Every leaf as a rule (throws before `fit`), in tree order. */
  rules(): TreeRule[];
}

function fmt(v: number): string {
  return String(Number(v.toPrecision(4)));
}

/**
 * Conditions of the path to each leaf, tightest bound per feature and direction. A 0/1
 * feature (e.g. a one-hot column) reads `name = 0` / `name = 1` instead of `≤ 0.5` / `> 0.5`.
 */
function leafRules(
  tree: CartTree,
  names: readonly string[],
  binary: readonly boolean[],
): TreeRule[] {
  const out: TreeRule[] = [];
  const walk = (k: number, lo: Map<number, number>, hi: Map<number, number>) => {
    if (tree.left[k] < 0) {
      const parts: string[] = [];
      const feats = [...new Set([...lo.keys(), ...hi.keys()])].sort((a, b) => a - b);
      for (const f of feats) {
        const l = lo.get(f), h = hi.get(f);
        if (binary[f]) parts.push(`${names[f]} = ${l !== undefined ? 1 : 0}`);
        else if (l !== undefined && h !== undefined) {
          parts.push(`${fmt(l)} < ${names[f]} ≤ ${fmt(h)}`);
        } else if (l !== undefined) parts.push(`${names[f]} > ${fmt(l)}`);
        else parts.push(`${names[f]} ≤ ${fmt(h!)}`);
      }
      const w0 = tree.weights[2 * k], w1 = tree.weights[2 * k + 1];
      out.push({
        rule: parts.length ? parts.join(" and ") : "all customers",
        share: tree.positives[k] / tree.samples[k],
        n: tree.samples[k],
        probability: w1 / (w0 + w1),
      });
      return;
    }
    const f = tree.feature[k], t = tree.threshold[k];
    const hiL = new Map(hi);
    hiL.set(f, Math.min(hi.get(f) ?? Infinity, t));
    walk(tree.left[k], lo, hiL);
    const loR = new Map(lo);
    loR.set(f, Math.max(lo.get(f) ?? -Infinity, t));
    walk(tree.right[k], loR, hi);
  };
  walk(0, new Map(), new Map());
  return out;
}

/**
 * CART classification tree. Each node takes the split (feature, threshold) that most reduces
 * the weighted impurity of its children, with thresholds at midpoints between consecutive
 * distinct values, growing depth first until `maxDepth`, `minSamplesSplit`, `minSamplesLeaf`
 * or purity stops it — the algorithm of scikit-learn's `DecisionTreeClassifier` (features are
 * rounded to float32 as scikit-learn does). Exactly tied splits go to the lowest feature
 * index, then the lowest threshold. `predictProba` returns the class-weighted share of class 1
 * in the leaf; `explain()` turns each leaf into a rule such as
 * "recency_days > 90.5 and frequency ≤ 2.5 → churn 78 %, 412 customers" (0/1 features read
 * `channel_email = 1`).
 *
 * @param options See {@linkcode DecisionTreeOptions}.
 * @returns An unfitted model.
 * @throws {RangeError} When a size option is out of range.
 * @example
 * ```ts
 * import { decisionTree } from "@shoplab/lib/models/decision_tree.ts";
 * import assert from "node:assert/strict";
 * const x = { x: Float64Array.from([10, 20, 100, 120]), rows: 4, cols: 1, columns: ["recency"] };
 * const tree = decisionTree({ positiveLabel: "churn" });
 * await tree.fit(x, [0, 0, 1, 1]);
 * assert.equal(tree.tree!.threshold[0], 60);
 * assert.deepEqual([...await tree.predictProba(x)], [0, 0, 1, 1]);
 * assert.equal(tree.explain().lines[0], "recency > 60 → churn 100 %, 2 customers");
 * ```
 */
export function decisionTree(options: DecisionTreeOptions = {}): DecisionTreeModel {
  const criterion = options.criterion ?? "gini";
  const maxDepth = options.maxDepth ?? 4;
  const minSamplesLeaf = options.minSamplesLeaf ?? 1;
  const minSamplesSplit = options.minSamplesSplit ?? 2;
  const positive = options.positiveLabel ?? "positive";
  const timer = options.timer ?? defaultTimer;
  if (criterion !== "gini" && criterion !== "entropy") {
    throw new RangeError(`decisionTree: criterion must be "gini" or "entropy", got ${criterion}`);
  }
  if (!(maxDepth >= 0)) throw new RangeError(`decisionTree: maxDepth must be ≥ 0, got ${maxDepth}`);
  if (!(Number.isInteger(minSamplesLeaf) && minSamplesLeaf >= 1)) {
    throw new RangeError(
      `decisionTree: minSamplesLeaf must be an integer ≥ 1, got ${minSamplesLeaf}`,
    );
  }
  if (!(Number.isInteger(minSamplesSplit) && minSamplesSplit >= 2)) {
    throw new RangeError(
      `decisionTree: minSamplesSplit must be an integer ≥ 2, got ${minSamplesSplit}`,
    );
  }
  const name = options.name ??
    `decision tree (${criterion}, depth ≤ ${maxDepth === Infinity ? "∞" : maxDepth})`;
  let tree: CartTree | undefined;
  let names: string[] = [];
  let binary: boolean[] = [];

  const fitSync = (x: Matrix, y: Labels, fitOptions: FitOptions<Matrix>): FitReport => {
    const t0 = timer();
    const labels = checkTraining("decisionTree.fit", x, y, fitOptions.classWeight);
    tree = growTree({
      x: Float32Array.from(x.x),
      rows: x.rows,
      cols: x.cols,
      y: labels.y,
      w: labels.rowWeights,
      criterion,
      maxDepth,
      minSamplesLeaf,
      minSamplesSplit,
    });
    names = featureNames(x);
    binary = names.map((_, j) => {
      for (let i = 0; i < x.rows; i++) {
        const v = x.x[i * x.cols + j];
        if (v !== 0 && v !== 1) return false;
      }
      return true;
    });
    return { seconds: (timer() - t0) / 1000, iterations: 1, converged: true, history: [] };
  };

  const predictSync = (x: Matrix): Float64Array => {
    if (!tree) throw new TypeError("decisionTree.predictProba: call fit first");
    checkMatrix("decisionTree.predictProba", x, names.length);
    const xf = Float32Array.from(x.x), out = new Float64Array(x.rows);
    for (let i = 0; i < x.rows; i++) {
      const k = leafOf(tree, xf, x.cols, i);
      out[i] = tree.weights[2 * k + 1] / (tree.weights[2 * k] + tree.weights[2 * k + 1]);
    }
    return out;
  };

  const rules = (): TreeRule[] => {
    if (!tree) throw new TypeError("decisionTree.rules: call fit first");
    return leafRules(tree, names, binary);
  };

  return {
    name,
    get tree() {
      return tree;
    },
    get features() {
      return names;
    },
    fit: (x, y, fitOptions = {}) => attempt(() => fitSync(x, y, fitOptions)),
    predictProba: (x) => attempt(() => predictSync(x)),
    rules,
    explain(): Explanation {
      if (!tree) throw new TypeError("decisionTree.explain: call fit first");
      const list = rules().sort((a, b) => b.share - a.share || b.n - a.n);
      return {
        kind: "rules",
        table: list.map((r) => ({
          rule: r.rule,
          [`share_${positive}`]: r.share,
          customers: r.n,
          probability: r.probability,
        })),
        lines: list.map((r) =>
          `${r.rule} → ${positive} ${Math.round(r.share * 100)} %, ${
            r.n.toLocaleString("en")
          } customers`
        ),
      };
    },
    dispose() {},
  };
}
