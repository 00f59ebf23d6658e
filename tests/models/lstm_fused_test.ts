Error.stackTraceLimit = 60;
import assert from "node:assert/strict";
import { ensureTfBackend, tf } from "@shoplab/lib/models/tf_backend.ts";
import { fusedLstm, lstmInference } from "@shoplab/lib/models/_fused_lstm.ts";

await ensureTfBackend();

function maxAbsDiff(a: tf.Tensor, b: tf.Tensor): number {
  assert.deepEqual(a.shape, b.shape);
  return tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]);
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
    const [B, T, F, H] = [5, 7, 3, 4];
    const x = tf.randomNormal([B, T, F], 0, 1, "float32", 11) as tf.Tensor3D;
    const mask = withMask
      ? tf.tensor2d([
        [0, 0, 1, 1, 1, 1, 1],
        [1, 1, 1, 1, 1, 1, 1],
        [0, 0, 0, 0, 0, 0, 1],
        [0, 1, 1, 1, 1, 1, 1],
        [0, 0, 0, 1, 1, 1, 1],
      ])
      : undefined;
    const layer = tf.layers.lstm({
      units: H,
      returnSequences,
      recurrentActivation: "sigmoid",
      inputShape: [T, F],
      biasInitializer: tf.initializers.randomNormal({ stddev: 0.3, seed: 3 }),
      kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }),
      recurrentInitializer: tf.initializers.orthogonal({ seed: 2 }),
    });
    layer.apply(x);
    const [kv, rv, bv] = layer.trainableWeights;
    const coef = tf.randomNormal(returnSequences ? [B, T, H] : [B, H], 0, 1, "float32", 5);
    const xv = tf.variable(x);
    const vars = [xv, kv.read(), rv.read(), bv.read()] as tf.Variable[];
    const ref = tf.variableGrads(
      () =>
        tf.sum(
          tf.mul(coef, layer.apply(xv, mask ? { mask } : undefined) as tf.Tensor),
        ) as tf.Scalar,
      vars,
    );
    const [k, r, b] = vars.slice(1) as unknown as [tf.Tensor2D, tf.Tensor2D, tf.Tensor1D];
    const mTM = mask ? tf.reshape(tf.transpose(mask), [T, B, 1]) as tf.Tensor3D : undefined;
    const loss = (xx: tf.Tensor, kk: tf.Tensor, rr: tf.Tensor, bb: tf.Tensor) => {
      const y = fusedLstm(
        tf.transpose(xx, [1, 0, 2]) as tf.Tensor3D,
        { kernel: kk as tf.Tensor2D, recurrent: rr as tf.Tensor2D, bias: bb as tf.Tensor1D },
        returnSequences,
        { mask: mTM },
      );
      return tf.sum(tf.mul(coef, returnSequences ? tf.transpose(y, [1, 0, 2]) : y));
    };
    const { value, grads } = tf.valueAndGrads(loss)([x, k, r, b]);
    assert.ok(Math.abs(value.dataSync()[0] - ref.value.dataSync()[0]) < 1e-4);
    const names = vars.map((v) => v.name);
    const refGrads = names.map((n) => ref.grads[n]);
    for (let j = 0; j < 4; j++) {
      assert.ok(refGrads[j] !== undefined, `reference gradient ${names[j]}`);
      const d = maxAbsDiff(grads[j], refGrads[j]);
      assert.ok(d < 1e-4, `gradient ${j} differs by ${d}`);
    }
    const inf = lstmInference(
      tf.transpose(x, [1, 0, 2]) as tf.Tensor3D,
      { kernel: k, recurrent: r, bias: b },
      returnSequences,
      mTM,
    );
    const yRef = layer.apply(x, mask ? { mask } : undefined) as tf.Tensor;
    assert.ok(maxAbsDiff(returnSequences ? tf.transpose(inf, [1, 0, 2]) : inf, yRef) < 1e-5);
    tf.dispose([x, xv, coef, ref.value, value, ...grads, ...Object.values(ref.grads), inf, yRef]);
    layer.dispose();
  });
}
