import assert from "node:assert/strict";
import { ensureTfBackend, tf } from "@shoplab/lib/models/tf_backend.ts";
import { fusedLstm, lstmInference } from "@shoplab/lib/models/_fused_lstm.ts";
import { fusedGru, gruInference } from "@shoplab/lib/models/_fused_gru.ts";

await ensureTfBackend();

function maxAbsDiff(a: tf.Tensor, b: tf.Tensor): number {
  assert.deepEqual(a.shape, b.shape);
  return tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]);
}

/**
 * Checks a fused cell against the tfjs layer it replaces: the loss Σ coef ⊙ output, its
 * gradients in x, kernel, recurrent kernel and bias, and the inference pass.
 */
function checkAgainstLayer(
  cell: "lstm" | "gru",
  [B, T, F, H]: readonly [number, number, number, number],
  xSeed: number,
  returnSequences: boolean,
  mask: number[][] | undefined,
) {
  const x = tf.randomNormal([B, T, F], 0, 1, "float32", xSeed) as tf.Tensor3D;
  const maskT = mask ? tf.tensor2d(mask) : undefined;
  const common = {
    units: H,
    returnSequences,
    recurrentActivation: "sigmoid" as const,
    inputShape: [T, F],
    kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }),
    biasInitializer: tf.initializers.randomNormal({ stddev: 0.3, seed: 3 }),
  };
  const layer = cell === "lstm"
    ? tf.layers.lstm({ ...common, recurrentInitializer: tf.initializers.orthogonal({ seed: 2 }) })
    : tf.layers.gru({
      ...common,
      recurrentInitializer: tf.initializers.glorotUniform({ seed: 2 }),
    });
  const fused = cell === "lstm" ? fusedLstm : fusedGru;
  const inference = cell === "lstm" ? lstmInference : gruInference;
  layer.apply(x);
  const [kv, rv, bv] = layer.trainableWeights;
  const coef = tf.randomNormal(returnSequences ? [B, T, H] : [B, H], 0, 1, "float32", 5);
  const xv = tf.variable(x);
  const vars = [xv, kv.read(), rv.read(), bv.read()] as tf.Variable[];
  const applyMask = maskT ? { mask: maskT } : undefined;
  const ref = tf.variableGrads(
    () => tf.sum(tf.mul(coef, layer.apply(xv, applyMask) as tf.Tensor)) as tf.Scalar,
    vars,
  );
  const [k, r, b] = vars.slice(1) as unknown as [tf.Tensor2D, tf.Tensor2D, tf.Tensor1D];
  const mT = maskT ? tf.reshape(tf.transpose(maskT), [T, 1, B]) as tf.Tensor3D : undefined;
  const outOrder = returnSequences ? [2, 0, 1] : [1, 0];
  const { value, grads } = tf.valueAndGrads(
    (xx: tf.Tensor, kk: tf.Tensor, rr: tf.Tensor, bb: tf.Tensor) => {
      const y = fused(
        tf.transpose(xx, [1, 2, 0]) as tf.Tensor3D,
        { kernel: kk as tf.Tensor2D, recurrent: rr as tf.Tensor2D, bias: bb as tf.Tensor1D },
        returnSequences,
        { mask: mT },
      );
      return tf.sum(tf.mul(coef, tf.transpose(y, outOrder)));
    },
  )([x, k, r, b]);
  assert.ok(Math.abs(value.dataSync()[0] - ref.value.dataSync()[0]) < 1e-4);
  vars.forEach((v, j) => {
    assert.ok(ref.grads[v.name] !== undefined, `reference gradient ${v.name}`);
    const d = maxAbsDiff(grads[j], ref.grads[v.name]);
    assert.ok(d < 1e-4, `gradient ${j} differs by ${d}`);
  });
  const inf = inference(
    tf.transpose(x, [1, 2, 0]) as tf.Tensor3D,
    { kernel: k, recurrent: r, bias: b },
    returnSequences,
    mT,
  );
  const yRef = layer.apply(x, applyMask) as tf.Tensor;
  assert.ok(maxAbsDiff(tf.transpose(inf, outOrder), yRef) < 1e-5);
  tf.dispose([x, xv, coef, ref.value, value, ...grads, ...Object.values(ref.grads), inf, yRef]);
  if (maskT) maskT.dispose();
  layer.dispose();
}

for (
  const [label, returnSequences, withMask] of [
    ["sequence output", true, false],
    ["last output", false, false],
    ["padding mask", true, true],
    ["padding mask, last output", false, true],
  ] as const
) {
  Deno.test(`fusedLstm() matches tf.layers.lstm values and gradients (${label})`, () => {
    const mask = [
      [0, 0, 1, 1, 1, 1, 1],
      [1, 1, 1, 1, 1, 1, 1],
      [0, 0, 0, 0, 0, 0, 1],
      [0, 1, 1, 1, 1, 1, 1],
      [0, 0, 0, 1, 1, 1, 1],
    ];
    checkAgainstLayer("lstm", [5, 7, 3, 4], 11, returnSequences, withMask ? mask : undefined);
  });
}

/** Plain-op LSTM with tfjs autodiff: an independent reference for the recurrent-dropout path. */
function naiveLstm(x: tf.Tensor3D, k: tf.Tensor, r: tf.Tensor, b: tf.Tensor, rm: tf.Tensor) {
  const [B, T] = x.shape;
  const H = r.shape[0];
  let h: tf.Tensor = tf.zeros([B, H]), c: tf.Tensor = tf.zeros([B, H]);
  for (let t = 0; t < T; t++) {
    const xt = tf.reshape(tf.slice(x, [0, t, 0], [B, 1, x.shape[2]]), [B, x.shape[2]]);
    const z = tf.add(tf.add(tf.matMul(xt, k), tf.matMul(tf.mul(h, rm), r)), b);
    const [zi, zf, zc, zo] = tf.split(z, 4, 1);
    c = tf.add(tf.mul(tf.sigmoid(zf), c), tf.mul(tf.sigmoid(zi), tf.tanh(zc)));
    h = tf.mul(tf.sigmoid(zo), tf.tanh(c));
  }
  return h;
}

Deno.test("fusedLstm() with a recurrent-dropout mask matches a plain-op LSTM with autodiff", () => {
  const [B, T, F, H] = [4, 6, 3, 5];
  const x = tf.randomNormal([B, T, F], 0, 1, "float32", 21) as tf.Tensor3D;
  const k = tf.randomNormal([F, 4 * H], 0, 0.5, "float32", 22);
  const r = tf.randomNormal([H, 4 * H], 0, 0.5, "float32", 23);
  const b = tf.randomNormal([4 * H], 0, 0.5, "float32", 24);
  const rm = tf.tensor2d(Array.from({ length: B * H }, (_, i) => (i % 3 === 0 ? 0 : 1.5)), [B, H]);
  const coef = tf.randomNormal([B, H], 0, 1, "float32", 25);
  const ref = tf.valueAndGrads((xx: tf.Tensor, kk: tf.Tensor, rr: tf.Tensor, bb: tf.Tensor) =>
    tf.sum(tf.mul(coef, naiveLstm(xx as tf.Tensor3D, kk, rr, bb, rm)))
  )([x, k, r, b]);
  const got = tf.valueAndGrads((xx: tf.Tensor, kk: tf.Tensor, rr: tf.Tensor, bb: tf.Tensor) => {
    const y = fusedLstm(
      tf.transpose(xx, [1, 2, 0]) as tf.Tensor3D,
      { kernel: kk as tf.Tensor2D, recurrent: rr as tf.Tensor2D, bias: bb as tf.Tensor1D },
      false,
      { recurrentMask: tf.transpose(rm) as tf.Tensor2D },
    );
    return tf.sum(tf.mul(coef, tf.transpose(y)));
  })([x, k, r, b]);
  assert.ok(Math.abs(got.value.dataSync()[0] - ref.value.dataSync()[0]) < 1e-4);
  got.grads.forEach((g, j) => {
    const d = maxAbsDiff(g, ref.grads[j]);
    assert.ok(d < 1e-4, `gradient ${j} differs by ${d}`);
  });
  tf.dispose([x, k, r, b, rm, coef, ref.value, got.value, ...ref.grads, ...got.grads]);
});

Deno.test("fusedLstm() leaks no tensors through a gradient step", () => {
  const x = tf.randomNormal([5, 3, 4]) as tf.Tensor3D;
  const w = {
    kernel: tf.randomNormal([3, 8]) as tf.Tensor2D,
    recurrent: tf.randomNormal([2, 8]) as tf.Tensor2D,
    bias: tf.zeros([8]) as tf.Tensor1D,
  };
  const mask = tf.ones([5, 1, 4]) as tf.Tensor3D;
  const before = tf.memory().numTensors;
  const g = tf.grads((kk: tf.Tensor) =>
    tf.sum(fusedLstm(x, { ...w, kernel: kk as tf.Tensor2D }, true, { mask }))
  )([
    w.kernel,
  ]);
  tf.dispose(g);
  assert.equal(tf.memory().numTensors, before);
  tf.dispose([x, w.kernel, w.recurrent, w.bias, mask]);
});

Deno.test("fusedLstm() rejects a kernel of the wrong shape", () => {
  const x = tf.zeros([2, 3, 4]) as tf.Tensor3D;
  const w = {
    kernel: tf.zeros([5, 8]) as tf.Tensor2D,
    recurrent: tf.zeros([2, 8]) as tf.Tensor2D,
    bias: tf.zeros([8]) as tf.Tensor1D,
  };
  assert.throws(() => fusedLstm(x, w, false), /kernel has shape \[5,8\], expected \[3, 8\]/);
  tf.dispose([x, w.kernel, w.recurrent, w.bias]);
});

for (
  const [label, returnSequences, withMask] of [
    ["sequence output", true, false],
    ["last output, padding mask", false, true],
  ] as const
) {
  Deno.test(`fusedGru() matches tf.layers.gru values and gradients (${label})`, () => {
    const mask = [
      [0, 0, 1, 1, 1, 1],
      [1, 1, 1, 1, 1, 1],
      [0, 0, 0, 0, 0, 1],
      [0, 1, 1, 1, 1, 1],
    ];
    checkAgainstLayer("gru", [4, 6, 3, 5], 31, returnSequences, withMask ? mask : undefined);
  });
}

Deno.test("fusedLstm() with inputGrad: false gives the same weight gradients and a zero input gradient", () => {
  const x = tf.randomNormal([4, 3, 5], 0, 1, "float32", 41) as tf.Tensor3D;
  const k = tf.randomNormal([3, 8], 0, 1, "float32", 42),
    r = tf.randomNormal([2, 8], 0, 1, "float32", 43);
  const b = tf.randomNormal([8], 0, 1, "float32", 44);
  const run = (inputGrad: boolean) =>
    tf.grads((xx: tf.Tensor, kk: tf.Tensor, rr: tf.Tensor, bb: tf.Tensor) =>
      tf.sum(fusedLstm(
        xx as tf.Tensor3D,
        {
          kernel: kk as tf.Tensor2D,
          recurrent: rr as tf.Tensor2D,
          bias: bb as tf.Tensor1D,
        },
        true,
        { inputGrad },
      ))
    )([x, k, r, b]);
  const full = run(true), partial = run(false);
  for (let j = 1; j < 4; j++) assert.ok(maxAbsDiff(full[j], partial[j]) < 1e-6);
  assert.equal(tf.max(tf.abs(partial[0])).dataSync()[0], 0);
  assert.ok(tf.max(tf.abs(full[0])).dataSync()[0] > 0);
  tf.dispose([x, k, r, b, ...full, ...partial]);
});
