/**
 * Embedding tables trained in tfjs (wasm backend): a user table P and an item table Q whose dot
 * product, plus optional biases, is the logit of an interaction — the network behind the
 * "neural collaborative filtering" recommender of `lib/recommend`. Input and output are plain
 * typed arrays; every tensor is disposed before the promise resolves.
 *
 * @module
 */
import { SEED } from "../core/constants.ts";
import { ensureTfBackend, tf } from "./tf_backend.ts";

/**
 * Training examples of one epoch as parallel arrays, in training order (the net does not
 * shuffle them: shuffle with a seeded PRNG before handing them over).
 */
export interface EmbeddingTriples {
  /** User index of each example, in `[0, nUsers)`. */
  readonly users: Int32Array;
  /** Item index of each example, in `[0, nItems)`. */
  readonly items: Int32Array;
  /** Target of each example, in `[0, 1]` (1 = interaction, 0 = sampled negative). */
  readonly labels: Float32Array;
}

/** What {@linkcode embeddingNet} trains on. */
export interface EmbeddingNetData {
  /** Rows of the user table. */
  readonly nUsers: number;
  /** Rows of the item table. */
  readonly nItems: number;
  /**
   * The examples: the same triples every epoch, or a function called once per epoch, in order
   * (`0, 1, …`), right before that epoch is trained — e.g. to redraw sampled negatives. The net
   * reads the arrays only during that epoch, so the function may refill the same buffers.
   * Training stops at the first epoch with no examples (no loss is recorded for it).
   */
  readonly triples: EmbeddingTriples | ((epoch: number) => EmbeddingTriples);
}

/** Options of {@linkcode embeddingNet}. */
export interface EmbeddingNetOptions {
  /** Embedding size d. Default `32`. */
  readonly dimension?: number;
  /** Passes over the examples (`0` returns the initial tables). Default `10`. */
  readonly epochs?: number;
  /** Examples per Adam step. Default `4096`. */
  readonly batchSize?: number;
  /** Adam learning rate. Default `0.01`. */
  readonly learningRate?: number;
  /** L2 penalty on the embedding rows used in a batch (mean over the batch). Default `1e-4`. */
  readonly l2?: number;
  /** Train user, item and global biases next to the dot product. Default `true`. */
  readonly biases?: boolean;
  /**
   * Seed of the initial tables: P ~ N(0, 0.1²) from `seed`, Q ~ N(0, 0.1²) from `seed + 1`,
   * biases 0. Default `SEED`.
   */
  readonly seed?: number;
}

/** Trained embedding tables (plain arrays; no tensors). */
export interface EmbeddingNet {
  /** Embedding size d. */
  readonly dimension: number;
  /** Users (rows of `userEmbeddings`). */
  readonly nUsers: number;
  /** Items (rows of `itemEmbeddings`). */
  readonly nItems: number;
  /** User table P, row-major nUsers × d. */
  readonly userEmbeddings: Float32Array;
  /** Item table Q, row-major nItems × d. */
  readonly itemEmbeddings: Float32Array;
  /** User biases b_u (zeros when `biases` is false). */
  readonly userBias: Float32Array;
  /** Item biases b_i (zeros when `biases` is false). */
  readonly itemBias: Float32Array;
  /** Global bias b (0 when `biases` is false). */
  readonly globalBias: number;
  /** Mean training loss (BCE + L2 term) of each epoch, measured before each step. */
  readonly loss: readonly number[];
  /** tfjs backend used (`"wasm"`, or `"cpu"` when wasm cannot start). */
  readonly backend: string;
}

interface Settings {
  readonly d: number;
  readonly epochs: number;
  readonly batchSize: number;
  readonly lr: number;
  readonly l2: number;
  readonly useBias: boolean;
  readonly seed: number;
}

function settings(options: EmbeddingNetOptions): Settings {
  const d = options.dimension ?? 32;
  const epochs = options.epochs ?? 10;
  const batchSize = options.batchSize ?? 4096;
  const lr = options.learningRate ?? 0.01;
  const l2 = options.l2 ?? 1e-4;
  for (const [k, v] of [["dimension", d], ["batchSize", batchSize]] as const) {
    if (!(Number.isInteger(v) && v >= 1)) {
      throw new RangeError(`embeddingNet(): ${k} must be a positive integer, got ${v}`);
    }
  }
  if (!(Number.isInteger(epochs) && epochs >= 0)) {
    throw new RangeError(`embeddingNet(): epochs must be an integer ≥ 0, got ${epochs}`);
  }
  if (!(lr > 0 && Number.isFinite(lr))) {
    throw new RangeError(`embeddingNet(): learningRate must be > 0, got ${lr}`);
  }
  if (!(l2 >= 0 && Number.isFinite(l2))) {
    throw new RangeError(`embeddingNet(): l2 must be ≥ 0, got ${l2}`);
  }
  return {
    d,
    epochs,
    batchSize,
    lr,
    l2,
    useBias: options.biases ?? true,
    seed: options.seed ?? SEED,
  };
}

function checkTriples(t: EmbeddingTriples, nUsers: number, nItems: number, epoch: number): number {
  const where = `embeddingNet(): triples of epoch ${epoch}`;
  if (
    !(t?.users instanceof Int32Array && t.items instanceof Int32Array &&
      t.labels instanceof Float32Array)
  ) {
    throw new TypeError(
      `${where} must be { users: Int32Array, items: Int32Array, labels: Float32Array }`,
    );
  }
  const n = t.users.length;
  if (t.items.length !== n || t.labels.length !== n) {
    throw new RangeError(
      `${where} have ${n} users, ${t.items.length} items and ${t.labels.length} labels; expected equal lengths`,
    );
  }
  for (let k = 0; k < n; k++) {
    const u = t.users[k], i = t.items[k], y = t.labels[k];
    if (u < 0 || u >= nUsers) {
      throw new RangeError(
        `${where}: users has ${u} at row ${k}, expected an index in [0, ${nUsers})`,
      );
    }
    if (i < 0 || i >= nItems) {
      throw new RangeError(
        `${where}: items has ${i} at row ${k}, expected an index in [0, ${nItems})`,
      );
    }
    if (!(y >= 0 && y <= 1)) {
      throw new RangeError(`${where}: labels has ${y} at row ${k}, expected a value in [0, 1]`);
    }
  }
  return n;
}

/** The tables as tfjs variables (seeded normal embeddings, zero biases). */
function buildTables(nUsers: number, nItems: number, s: Settings): tf.Variable[] {
  return tf.tidy(() => [
    tf.variable(tf.randomNormal([Math.max(nUsers, 1), s.d], 0, 0.1, "float32", s.seed)),
    tf.variable(tf.randomNormal([Math.max(nItems, 1), s.d], 0, 0.1, "float32", s.seed + 1)),
    tf.variable(tf.zeros([Math.max(nUsers, 1)])),
    tf.variable(tf.zeros([Math.max(nItems, 1)])),
    tf.variable(tf.scalar(0)),
  ]);
}

/** One epoch of Adam steps over the triples in their order; returns the mean batch loss. */
function trainEpoch(
  tables: tf.Variable[],
  optimizer: tf.Optimizer,
  t: EmbeddingTriples,
  s: Settings,
): number {
  const [U, V, bu, bi, b0] = tables;
  const vars = s.useBias ? tables : [U, V];
  const e = t.users.length;
  let sum = 0;
  for (let start = 0; start < e; start += s.batchSize) {
    const end = Math.min(e, start + s.batchSize);
    const uT = tf.tensor1d(t.users.subarray(start, end), "int32");
    const iT = tf.tensor1d(t.items.subarray(start, end), "int32");
    const yT = tf.tensor1d(t.labels.subarray(start, end), "float32");
    const l = optimizer.minimize(
      () => {
        const ue = tf.gather(U, uT), ie = tf.gather(V, iT);
        let logit = tf.sum(tf.mul(ue, ie), 1);
        if (s.useBias) {
          logit = tf.add(tf.add(tf.add(logit, tf.gather(bu, uT)), tf.gather(bi, iT)), b0);
        }
        const bce = tf.losses.sigmoidCrossEntropy(yT, logit);
        const reg = tf.mul(
          s.l2,
          tf.add(tf.mean(tf.sum(tf.square(ue), 1)), tf.mean(tf.sum(tf.square(ie), 1))),
        );
        return tf.add(bce, reg) as tf.Scalar;
      },
      true,
      vars,
    )!;
    sum += l.dataSync()[0] * (end - start);
    tf.dispose([uT, iT, yT, l]);
  }
  return sum / e;
}

/**
 * Trains user and item embedding tables so that σ(p_u · q_i + b_u + b_i + b) predicts each
 * example's label: binary cross-entropy on the logit plus `l2` · (mean ‖p_u‖² + mean ‖q_i‖²)
 * over the batch, minimised with Adam (β₁ 0.9, β₂ 0.999) one batch at a time, in the order the
 * examples are given. Seeded initial tables, so the same data and seed give the same tables.
 *
 * @param data Table sizes and the examples (fixed, or drawn per epoch).
 * @param options See {@linkcode EmbeddingNetOptions}.
 * @returns The trained tables and the loss of each epoch.
 * @throws {RangeError} When a size option is invalid, or an example's user, item or label is
 *   out of range.
 * @throws {TypeError} When the triples are not Int32Array / Int32Array / Float32Array.
 * @example
 * ```ts
 * import { embeddingNet, embeddingNetScores } from "@shoplab/lib/models/embedding_net.ts";
 * import assert from "node:assert/strict";
 * // user 0 likes item 0, user 1 likes item 1
 * const triples = {
 *   users: Int32Array.of(0, 0, 1, 1),
 *   items: Int32Array.of(0, 1, 1, 0),
 *   labels: Float32Array.of(1, 0, 1, 0),
 * };
 * const net = await embeddingNet({ nUsers: 2, nItems: 2, triples }, {
 *   dimension: 4,
 *   epochs: 60,
 *   learningRate: 0.05,
 * });
 * assert.equal(net.userEmbeddings.length, 2 * 4);
 * assert.ok(net.loss[net.loss.length - 1] < net.loss[0]);
 * const [a, b] = embeddingNetScores(net, 0);
 * assert.ok(a > b);
 * ```
 */
export async function embeddingNet(
  data: EmbeddingNetData,
  options: EmbeddingNetOptions = {},
): Promise<EmbeddingNet> {
  const s = settings(options);
  const { nUsers, nItems } = data;
  for (const [k, v] of [["nUsers", nUsers], ["nItems", nItems]] as const) {
    if (!(Number.isInteger(v) && v >= 0)) {
      throw new RangeError(`embeddingNet(): ${k} must be an integer ≥ 0, got ${v}`);
    }
  }
  const source = typeof data.triples === "function" ? data.triples : () => data.triples;
  const backend = await ensureTfBackend();
  const tables = buildTables(nUsers, nItems, s);
  const optimizer = tf.train.adam(s.lr);
  const loss: number[] = [];
  try {
    for (let epoch = 0; epoch < s.epochs; epoch++) {
      const t = source(epoch) as EmbeddingTriples;
      if (checkTriples(t, nUsers, nItems, epoch) === 0) break;
      loss.push(trainEpoch(tables, optimizer, t, s));
    }
    const [U, V, bu, bi, b0] = tables;
    return {
      dimension: s.d,
      nUsers,
      nItems,
      userEmbeddings: U.dataSync().slice(0, nUsers * s.d) as Float32Array,
      itemEmbeddings: V.dataSync().slice(0, nItems * s.d) as Float32Array,
      userBias: s.useBias
        ? bu.dataSync().slice(0, nUsers) as Float32Array
        : new Float32Array(nUsers),
      itemBias: s.useBias
        ? bi.dataSync().slice(0, nItems) as Float32Array
        : new Float32Array(nItems),
      globalBias: s.useBias ? b0.dataSync()[0] : 0,
      loss,
      backend,
    };
  } finally {
    optimizer.dispose();
    tf.dispose(tables);
  }
}

/**
 * Ranking scores of every item for one user: b_i + p_u · q_i (the logit without b_u + b, which
 * are the same for all of the user's items and so do not change the ranking). Plain arithmetic
 * on the tables, no tfjs.
 *
 * @param net Tables from {@linkcode embeddingNet}.
 * @param user User index in `[0, nUsers)`.
 * @returns A new Float32Array of length `nItems`.
 * @throws {RangeError} When `user` is not an index of the user table.
 * @example
 * ```ts
 * import { embeddingNetScores } from "@shoplab/lib/models/embedding_net.ts";
 * import assert from "node:assert/strict";
 * const net = {
 *   dimension: 2, nUsers: 1, nItems: 2,
 *   userEmbeddings: Float32Array.of(1, 2), itemEmbeddings: Float32Array.of(3, 4, -1, 0.5),
 *   userBias: Float32Array.of(9), itemBias: Float32Array.of(0.5, 0), globalBias: 9,
 *   loss: [], backend: "none",
 * };
 * // item 0: 0.5 + 1·3 + 2·4 = 11.5; item 1: 0 + 1·(−1) + 2·0.5 = 0
 * assert.deepEqual([...embeddingNetScores(net, 0)], [11.5, 0]);
 * ```
 */
export function embeddingNetScores(net: EmbeddingNet, user: number): Float32Array {
  const { dimension: d, nItems, userEmbeddings: P, itemEmbeddings: Q, itemBias } = net;
  if (!(Number.isInteger(user) && user >= 0 && user < net.nUsers)) {
    throw new RangeError(`embeddingNetScores(): user ${user} is outside [0, ${net.nUsers})`);
  }
  const s = new Float32Array(nItems);
  const o = user * d;
  for (let i = 0; i < nItems; i++) {
    let x = itemBias[i];
    for (let a = 0; a < d; a++) x += P[o + a] * Q[i * d + a];
    s[i] = x;
  }
  return s;
}
