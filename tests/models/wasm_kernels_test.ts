import assert from "node:assert/strict";
import { ensureTfBackend, setWasmKernelPatches, tf } from "@shoplab/lib/models/tf_backend.ts";
import { createRng } from "@shoplab/lib/core/random.ts";

const backend = await ensureTfBackend();
const rng = createRng(2024);

function randomArray(n: number): Float32Array {
  return Float32Array.from({ length: n }, () => rng.normal());
}

/** Runs `f` on fresh tensors built from `inputs` on the named backend; returns the values. */
async function on(
  name: "wasm" | "cpu",
  patches: boolean,
  inputs: { data: Float32Array; shape: number[] }[],
  f: (...t: tf.Tensor[]) => tf.Tensor | tf.Tensor[],
): Promise<Float32Array[]> {
  await tf.setBackend(name);
  setWasmKernelPatches(patches);
  try {
    return tf.tidy(() => {
      const ts = inputs.map((i) => tf.tensor(i.data, i.shape));
      const out = f(...ts);
      return (Array.isArray(out) ? out : [out]).map((o) => o.dataSync() as Float32Array);
    });
  } finally {
    setWasmKernelPatches(true);
    await tf.setBackend(backend);
  }
}

function maxDiff(a: Float32Array[], b: Float32Array[]): number {
  assert.equal(a.length, b.length);
  let d = 0;
  a.forEach((x, k) => {
    assert.equal(x.length, b[k].length);
    for (let i = 0; i < x.length; i++) d = Math.max(d, Math.abs(x[i] - b[k][i]));
  });
  return d;
}

const matmulCases: { a: number[]; b: number[]; ta: boolean; tb: boolean }[] = [];
for (const [ta, tb] of [[false, false], [true, false], [false, true], [true, true]]) {
  const [m, k, n] = [3 + rng.int(40), 1 + rng.int(70), 2 + rng.int(50)];
  matmulCases.push({ a: ta ? [k, m] : [m, k], b: tb ? [n, k] : [k, n], ta, tb });
  const batch = 1 + rng.int(4);
  matmulCases.push({
    a: ta ? [batch, k, m] : [batch, m, k],
    b: tb ? [batch, n, k] : [batch, k, n],
    ta,
    tb,
  });
  // broadcast batch dimension of b
  matmulCases.push({ a: ta ? [batch, k, m] : [batch, m, k], b: tb ? [n, k] : [k, n], ta, tb });
  // broadcast batch dimension of a, and a rank-4 batch
  matmulCases.push({ a: ta ? [k, m] : [m, k], b: tb ? [batch, n, k] : [batch, k, n], ta, tb });
  matmulCases.push({
    a: ta ? [2, 3, k, m] : [2, 3, m, k],
    b: tb ? [2, 3, n, k] : [2, 3, k, n],
    ta,
    tb,
  });
}

Deno.test(
  "patched BatchMatMul equals the cpu backend and the stock wasm kernel (random shapes, both transposes, batched)",
  {
    ignore: backend !== "wasm",
  },
  async () => {
    for (const c of matmulCases) {
      const inputs = [
        { data: randomArray(c.a.reduce((p, v) => p * v, 1)), shape: c.a },
        { data: randomArray(c.b.reduce((p, v) => p * v, 1)), shape: c.b },
      ];
      const f = (a: tf.Tensor, b: tf.Tensor) => tf.matMul(a, b, c.ta, c.tb);
      const patched = await on("wasm", true, inputs, f);
      const stock = await on("wasm", false, inputs, f);
      const cpu = await on("cpu", true, inputs, f);
      const label = `${JSON.stringify(c)}`;
      assert.ok(maxDiff(patched, cpu) < 5e-5, `vs cpu ${label}: ${maxDiff(patched, cpu)}`);
      assert.ok(maxDiff(patched, stock) < 5e-5, `vs stock ${label}: ${maxDiff(patched, stock)}`);
    }
  },
);

// The stock wasm _FusedMatMul is *wrong* for transposed operands in tfjs-backend-wasm 4.22 (max
// error ≈ 3 on N(0, 1) data), so the reference here is the cpu backend and the unfused ops.
Deno.test("patched _FusedMatMul (bias + relu) equals the cpu backend with transposed operands", {
  ignore: backend !== "wasm",
}, async () => {
  for (const [ta, tb] of [[true, false], [false, true], [true, true]]) {
    const [m, k, n] = [17, 33, 9];
    const inputs = [
      { data: randomArray(m * k), shape: ta ? [k, m] : [m, k] },
      { data: randomArray(k * n), shape: tb ? [n, k] : [k, n] },
      { data: randomArray(n), shape: [n] },
    ];
    const f = (a: tf.Tensor, b: tf.Tensor, bias: tf.Tensor) =>
      tf.fused.matMul({
        a: a as tf.Tensor2D,
        b: b as tf.Tensor2D,
        transposeA: ta,
        transposeB: tb,
        bias,
        activation: "relu",
      });
    const unfused = (a: tf.Tensor, b: tf.Tensor, bias: tf.Tensor) =>
      tf.relu(tf.add(tf.matMul(a, b, ta, tb), bias));
    const patched = await on("wasm", true, inputs, f);
    const cpu = await on("cpu", true, inputs, f);
    assert.ok(maxDiff(patched, cpu) < 5e-5, `vs cpu: ${maxDiff(patched, cpu)}`);
    assert.ok(maxDiff(patched, await on("wasm", true, inputs, unfused)) < 5e-5);
  }
});

Deno.test("heap-view Slice, SplitV and Unpack equal the stock wasm kernels and the cpu backend", {
  ignore: backend !== "wasm",
}, async () => {
  const shapes = [[7], [5, 6], [4, 3, 5], [3, 2, 4, 3], [2, 3, 2, 2, 3]];
  for (const shape of shapes) {
    const size = shape.reduce((p, v) => p * v, 1);
    const inputs = [{ data: randomArray(size), shape }];
    for (let axis = 0; axis < shape.length; axis++) {
      const begin = shape.map((d) => rng.int(d));
      const sz = shape.map((d, i) => 1 + rng.int(d - begin[i]));
      const ops: [string, (x: tf.Tensor) => tf.Tensor | tf.Tensor[]][] = [
        ["slice", (x) => tf.slice(x, begin, sz)],
        ["slice to end", (x) => tf.slice(x, begin.map((b, i) => (i === axis ? b : 0)))],
        ["split", (x) => tf.split(x, shape[axis], axis)],
        ["split sizes", (x) => tf.split(x, shape[axis] > 1 ? [1, shape[axis] - 1] : [1], axis)],
        ["unstack", (x) => tf.unstack(x, axis)],
      ];
      for (const [name, f] of ops) {
        const patched = await on("wasm", true, inputs, f);
        const stock = await on("wasm", false, inputs, f);
        const cpu = await on("cpu", true, inputs, f);
        assert.equal(maxDiff(patched, stock), 0, `${name} ${shape} axis ${axis}`);
        assert.equal(maxDiff(patched, cpu), 0, `${name} ${shape} axis ${axis} vs cpu`);
      }
    }
  }
  // int32 and bool slices keep their dtype and values
  await tf.setBackend(backend);
  tf.tidy(() => {
    const i = tf.tensor2d([1, 2, 3, 4, 5, 6], [2, 3], "int32");
    assert.deepEqual([...tf.slice(i, [0, 1], [2, 2]).dataSync()], [2, 3, 5, 6]);
    const b = tf.tensor1d([true, false, true], "bool");
    assert.deepEqual([...tf.slice(b, [1], [2]).dataSync()], [0, 1]);
  });
});

Deno.test("patched kernels leak no tensors", { ignore: backend !== "wasm" }, () => {
  const a = tf.randomNormal([2, 5, 7]), b = tf.randomNormal([2, 9, 7]);
  const before = tf.memory().numTensors;
  const c = tf.matMul(a, b, false, true);
  const parts = tf.split(c, 5, 1);
  tf.dispose([c, ...parts]);
  assert.equal(tf.memory().numTensors, before);
  tf.dispose([a, b]);
});
