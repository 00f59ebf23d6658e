import assert from "node:assert/strict";
import {
  embeddingNet,
  embeddingNetScores,
  type EmbeddingTriples,
} from "@shoplab/lib/models/embedding_net.ts";
import { ensureTfBackend, tf } from "@shoplab/lib/models/tf_backend.ts";
import { createRng } from "@shoplab/lib/core/random.ts";

/** Two blocks: users 0..n/2-1 like items 0..m/2-1, the others the rest; labels 1 inside a block. */
function blocks(nUsers: number, nItems: number, perUser: number, seed: number): EmbeddingTriples {
  const rng = createRng(seed);
  const users: number[] = [], items: number[] = [], labels: number[] = [];
  for (let u = 0; u < nUsers; u++) {
    for (let t = 0; t < perUser; t++) {
      const i = rng.int(nItems);
      users.push(u);
      items.push(i);
      labels.push((u < nUsers / 2) === (i < nItems / 2) ? 1 : 0);
    }
  }
  return {
    users: Int32Array.from(users),
    items: Int32Array.from(items),
    labels: Float32Array.from(labels),
  };
}

const softplus = (z: number) => Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));

Deno.test("embeddingNet() leaves no tensors behind and repeats for a seed", async () => {
  const triples = blocks(30, 20, 6, 1);
  const data = { nUsers: 30, nItems: 20, triples };
  await embeddingNet(data, { dimension: 4, epochs: 1 }); // warm-up: backend and kernels
  const before = tf.memory().numTensors;
  const a = await embeddingNet(data, { dimension: 4, epochs: 5, batchSize: 32, seed: 3 });
  assert.equal(tf.memory().numTensors, before);
  const b = await embeddingNet(data, { dimension: 4, epochs: 5, batchSize: 32, seed: 3 });
  const c = await embeddingNet(data, { dimension: 4, epochs: 5, batchSize: 32, seed: 4 });
  assert.equal(tf.memory().numTensors, before);
  assert.deepEqual(b.userEmbeddings, a.userEmbeddings);
  assert.deepEqual(b.itemEmbeddings, a.itemEmbeddings);
  assert.deepEqual(b.loss, a.loss);
  assert.notDeepEqual(c.itemEmbeddings, a.itemEmbeddings);
  assert.equal(a.backend, await ensureTfBackend());
  assert.equal(a.userEmbeddings.length, 30 * 4);
  assert.equal(a.itemBias.length, 20);
  assert.equal(a.loss.length, 5);
});

Deno.test("embeddingNet() first loss and first Adam step match a hand computation", async () => {
  // 3 users (user 2 never appears), 4 items (item 3 never appears), d = 3, one batch
  const triples: EmbeddingTriples = {
    users: Int32Array.of(0, 0, 1, 1, 0, 1),
    items: Int32Array.of(0, 1, 1, 2, 2, 0),
    labels: Float32Array.of(1, 0, 1, 0, 1, 0),
  };
  const data = { nUsers: 3, nItems: 4, triples };
  const d = 3, lr = 0.01, l2 = 0.05, n = 6;
  const opts = { dimension: d, batchSize: 8, learningRate: lr, l2, seed: 11 };
  const init = await embeddingNet(data, { ...opts, epochs: 0 });
  assert.deepEqual(init.loss, []);
  const one = await embeddingNet(data, { ...opts, epochs: 1 });
  const P = init.userEmbeddings, Q = init.itemEmbeddings; // biases start at 0
  assert.ok(init.itemBias.every((x) => x === 0) && init.globalBias === 0);

  const gP = new Float64Array(3 * d), gQ = new Float64Array(4 * d);
  const gBu = new Float64Array(3), gBi = new Float64Array(4);
  let gB = 0, bce = 0, regU = 0, regI = 0;
  for (let k = 0; k < n; k++) {
    const u = triples.users[k], i = triples.items[k], y = triples.labels[k];
    let z = 0;
    for (let a = 0; a < d; a++) {
      z += P[u * d + a] * Q[i * d + a];
      regU += P[u * d + a] ** 2 / n;
      regI += Q[i * d + a] ** 2 / n;
    }
    bce += (softplus(z) - y * z) / n;
    const gz = (1 / (1 + Math.exp(-z)) - y) / n;
    for (let a = 0; a < d; a++) {
      gP[u * d + a] += gz * Q[i * d + a] + (2 * l2 * P[u * d + a]) / n;
      gQ[i * d + a] += gz * P[u * d + a] + (2 * l2 * Q[i * d + a]) / n;
    }
    gBu[u] += gz;
    gBi[i] += gz;
    gB += gz;
  }
  assert.ok(Math.abs(one.loss[0] - (bce + l2 * (regU + regI))) < 1e-6, `${one.loss[0]}`);
  // Adam's first step (bias-corrected moments m̂ = g, v̂ = g²): w − lr · g / (|g| + ε), ε = 1e-7
  const step = (w: number, g: number) => w - (lr * g) / (Math.abs(g) + 1e-7);
  const close = (got: ArrayLike<number>, want: ArrayLike<number>, what: string) => {
    for (let j = 0; j < want.length; j++) {
      assert.ok(Math.abs(got[j] - want[j]) < 1e-6, `${what}[${j}]: ${got[j]} vs ${want[j]}`);
    }
  };
  close(one.userEmbeddings, Array.from(P, (w, j) => step(w, gP[j])), "P");
  close(one.itemEmbeddings, Array.from(Q, (w, j) => step(w, gQ[j])), "Q");
  close(one.userBias, Array.from(gBu, (g) => step(0, g)), "b_u");
  close(one.itemBias, Array.from(gBi, (g) => step(0, g)), "b_i");
  close([one.globalBias], [step(0, gB)], "b");
  // rows no example touches keep their initial values exactly
  assert.deepEqual(one.userEmbeddings.subarray(2 * d), P.subarray(2 * d));
  assert.deepEqual(one.itemEmbeddings.subarray(3 * d), Q.subarray(3 * d));
});

Deno.test("embeddingNet() draws initial tables from N(0, 0.1²) and trains no biases when asked", async () => {
  const triples = blocks(40, 30, 5, 2);
  const data = { nUsers: 400, nItems: 300, triples };
  const init = await embeddingNet(data, { dimension: 16, epochs: 0 });
  const xs = [...init.userEmbeddings, ...init.itemEmbeddings];
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length);
  assert.ok(Math.abs(mean) < 0.005 && Math.abs(sd - 0.1) < 0.01, `mean ${mean}, sd ${sd}`);
  const noBias = await embeddingNet(data, { dimension: 4, epochs: 3, biases: false });
  assert.ok(noBias.itemBias.every((x) => x === 0) && noBias.userBias.every((x) => x === 0));
  assert.equal(noBias.globalBias, 0);
  assert.notDeepEqual(
    noBias.itemEmbeddings,
    (await embeddingNet(data, { dimension: 4, epochs: 0 }))
      .itemEmbeddings,
  );
});

Deno.test("embeddingNet() asks a triples function once per epoch and stops at an empty epoch", async () => {
  const full = blocks(10, 8, 4, 3);
  const empty = { users: new Int32Array(0), items: new Int32Array(0), labels: new Float32Array(0) };
  const asked: number[] = [];
  const net = await embeddingNet({
    nUsers: 10,
    nItems: 8,
    triples: (epoch) => (asked.push(epoch), epoch < 2 ? full : empty),
  }, { dimension: 2, epochs: 5 });
  assert.deepEqual(asked, [0, 1, 2]);
  assert.equal(net.loss.length, 2);
  const none = await embeddingNet({ nUsers: 2, nItems: 0, triples: empty }, { dimension: 2 });
  assert.deepEqual(none.loss, []);
  assert.equal(none.itemEmbeddings.length, 0);
});

Deno.test("embeddingNet() separates two planted blocks", async () => {
  const train = blocks(60, 40, 12, 4), held = blocks(60, 40, 4, 5);
  const net = await embeddingNet({ nUsers: 60, nItems: 40, triples: train }, {
    dimension: 8,
    epochs: 40,
    batchSize: 128,
    learningRate: 0.02,
  });
  assert.ok(net.loss[net.loss.length - 1] < 0.5 * net.loss[0], `${net.loss}`);
  let right = 0;
  for (let k = 0; k < held.users.length; k++) {
    const s = embeddingNetScores(net, held.users[k])[held.items[k]] + net.userBias[held.users[k]] +
      net.globalBias;
    if ((s > 0) === (held.labels[k] === 1)) right++;
  }
  assert.ok(right / held.users.length > 0.9, `held-out accuracy ${right / held.users.length}`);
});

Deno.test("embeddingNet() and embeddingNetScores() reject bad input with named values", async () => {
  const t = blocks(4, 4, 2, 6);
  const data = { nUsers: 4, nItems: 4, triples: t };
  await assert.rejects(() => embeddingNet(data, { dimension: 0 }), /dimension must be a positive/);
  await assert.rejects(() => embeddingNet(data, { epochs: -1 }), /epochs must be an integer ≥ 0/);
  await assert.rejects(() => embeddingNet(data, { learningRate: 0 }), /learningRate/);
  await assert.rejects(() => embeddingNet({ ...data, nItems: 1.5 }), /nItems must be an integer/);
  const badItem = { ...t, items: Int32Array.from(t.items, (i, k) => (k === 3 ? 9 : i)) };
  await ensureTfBackend();
  const before = tf.memory().numTensors;
  await assert.rejects(
    () => embeddingNet({ ...data, triples: badItem }),
    /items has 9 at row 3, expected an index in \[0, 4\)/,
  );
  assert.equal(tf.memory().numTensors, before, "a rejected fit disposes its tables");
  await assert.rejects(
    () => embeddingNet({ ...data, triples: { ...t, labels: Float32Array.of(1) } }),
    /expected equal lengths/,
  );
  await assert.rejects(
    () => embeddingNet({ ...data, triples: { ...t, users: [0, 1] as unknown as Int32Array } }),
    TypeError,
  );
  const net = await embeddingNet(data, { dimension: 2, epochs: 1 });
  assert.throws(() => embeddingNetScores(net, 4), /user 4 is outside \[0, 4\)/);
});
