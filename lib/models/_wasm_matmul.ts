/**
 * Re-registers the wasm backend's `BatchMatMul` and `_FusedMatMul` kernels so that every multiply
 * takes XNNPACK's fast path. tfjs-backend-wasm 4.22 uses it only for one 2-D product without
 * transposes and falls back to a naive scalar loop otherwise:
 * - a transposed operand (`transposeA` / `transposeB`, every matmul in a gradient) is
 *   materialised first with the wasm `Transpose` kernel;
 * - a batched product (`[T, M, K] × [T, K, N]`, or one side broadcast) runs as one 2-D product
 *   per batch entry — or as a single `[T·M, K] × [K, N]` product when only `a` is batched —
 *   written into the output (20 × [256, 256] × [256, 64]: 95 ms → 7 ms).
 * The stock `_FusedMatMul` also returns wrong values for transposed operands (max error ≈ 3 on
 * N(0, 1) data); the transposes materialised here avoid that path.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";

type KernelFunc = (args: {
  inputs: tf.NamedTensorInfoMap;
  backend: unknown;
  attrs?: tf.NamedAttrMap;
}) => tf.TensorInfo | tf.TensorInfo[];

interface BackendLike {
  disposeData(dataId: unknown): boolean;
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  typedArrayFromHeap(t: tf.TensorInfo): Float32Array;
}

const size = (shape: readonly number[]) => shape.reduce((p, v) => p * v, 1);

/** Copies rows [start, start + count) of the leading-flattened tensor into a new [rows, cols]. */
function block(
  x: tf.TensorInfo,
  start: number,
  rows: number,
  cols: number,
  backend: BackendLike,
): tf.TensorInfo {
  const out = backend.makeOutput([rows, cols], x.dtype);
  const src = backend.typedArrayFromHeap(x), dst = backend.typedArrayFromHeap(out);
  dst.set(src.subarray(start * cols, (start + rows) * cols));
  return out;
}

/**
 * Batched product of non-transposed a `[...batch, M, K]` and b `[...batch, K, N]` with 2-D
 * fast-path calls; `undefined` when the batch shapes need general broadcasting.
 */
function batched(
  a: tf.TensorInfo,
  b: tf.TensorInfo,
  attrs: tf.NamedAttrMap,
  backend: BackendLike,
  original: KernelFunc,
): tf.TensorInfo | undefined {
  const ra = a.shape.length, rb = b.shape.length;
  const [m, k] = a.shape.slice(ra - 2), n = b.shape[rb - 1];
  const outerA = a.shape.slice(0, ra - 2), outerB = b.shape.slice(0, rb - 2);
  const batchA = size(outerA), batchB = size(outerB);
  const call = (x: tf.TensorInfo, y: tf.TensorInfo) =>
    original({ inputs: { ...extraInputs, a: x, b: y }, backend, attrs }) as tf.TensorInfo;
  const extraInputs: Record<string, tf.TensorInfo> = {};
  if (batchB === 1) {
    // one [batchA·M, K] × [K, N] product
    const a2: tf.TensorInfo = { ...a, shape: [batchA * m, k] };
    const b2: tf.TensorInfo = { ...b, shape: [k, n] };
    const out = call(a2, b2);
    return { ...out, shape: [...outerA, m, n] };
  }
  let outer: number[];
  if (batchA === batchB && outerA.join() === outerB.join()) outer = outerA;
  else if (batchA === 1) outer = outerB;
  else return undefined;
  const batch = size(outer);
  const out = backend.makeOutput([...outer, m, n], a.dtype);
  const b2d = (i: number) => block(b, i * k, k, n, backend);
  const a2d = batchA === 1 ? { ...a, shape: [m, k] } : undefined;
  for (let i = 0; i < batch; i++) {
    const ai = a2d ?? block(a, i * m, m, k, backend);
    const bi = b2d(i);
    const oi = call(ai, bi);
    backend.typedArrayFromHeap(out).set(backend.typedArrayFromHeap(oi), i * m * n);
    backend.disposeData(oi.dataId);
    backend.disposeData(bi.dataId);
    if (a2d === undefined) backend.disposeData(ai.dataId);
  }
  return out;
}

const originals = new Map<string, KernelFunc>();
let enabled = true;

function transposeLast2(x: tf.TensorInfo, backend: unknown, transpose: KernelFunc): tf.TensorInfo {
  const r = x.shape.length;
  const perm = [...Array(r).keys()];
  perm[r - 2] = r - 1;
  perm[r - 1] = r - 2;
  return transpose({ inputs: { x }, backend, attrs: { perm } }) as tf.TensorInfo;
}

function patched(original: KernelFunc, fused: boolean): KernelFunc {
  return (args) => {
    const attrs = (args.attrs ?? {}) as { transposeA?: boolean; transposeB?: boolean };
    const a0 = args.inputs.a as tf.TensorInfo, b0 = args.inputs.b as tf.TensorInfo;
    const isBatched = a0.shape.length > 2 && size(a0.shape.slice(0, -2)) > 1 ||
      b0.shape.length > 2 && size(b0.shape.slice(0, -2)) > 1;
    if (!enabled || (!attrs.transposeA && !attrs.transposeB && !isBatched)) return original(args);
    const transpose = tf.getKernel("Transpose", "wasm")?.kernelFunc as KernelFunc | undefined;
    if (transpose === undefined) return original(args);
    const inputs = { ...args.inputs } as Record<string, tf.TensorInfo>;
    const temps: tf.TensorInfo[] = [];
    if (attrs.transposeA) {
      inputs.a = transposeLast2(inputs.a, args.backend, transpose);
      temps.push(inputs.a);
    }
    if (attrs.transposeB) {
      inputs.b = transposeLast2(inputs.b, args.backend, transpose);
      temps.push(inputs.b);
    }
    const plain = { ...args.attrs, transposeA: false, transposeB: false };
    try {
      if (isBatched && !fused && a0.dtype === "float32") {
        const out = batched(inputs.a, inputs.b, plain, args.backend as BackendLike, original);
        if (out !== undefined) return out;
      }
      return original({ inputs, backend: args.backend, attrs: plain });
    } finally {
      const b = args.backend as BackendLike;
      for (const t of temps) b.disposeData(t.dataId);
    }
  };
}

/**
 * Installs the patched kernels once (no-op when the wasm kernels are not registered).
 *
 * @example
 * ```ts
 * import { ensureTfBackend, tf } from "@shoplab/lib/models/tf_backend.ts";
 * import { installMatMulPatch, matMulPatchEnabled } from "@shoplab/lib/models/_wasm_matmul.ts";
 * import assert from "node:assert/strict";
 * const backend = await ensureTfBackend(); // installs the patch on wasm
 * installMatMulPatch(); // a second call is a no-op
 * assert.equal(matMulPatchEnabled(), backend === "wasm");
 * const c = tf.matMul(tf.tensor2d([[1, 2]]), tf.tensor2d([[3], [4]]));
 * assert.deepEqual([...c.dataSync()], [11]);
 * c.dispose();
 * ```
 */
export function installMatMulPatch(): void {
  for (const name of ["BatchMatMul", "_FusedMatMul"]) {
    if (originals.has(name)) continue;
    const config = tf.getKernel(name, "wasm");
    if (config === undefined) continue;
    const original = config.kernelFunc as unknown as KernelFunc;
    originals.set(name, original);
    tf.unregisterKernel(name, "wasm");
    tf.registerKernel({
      kernelName: name,
      backendName: "wasm",
      kernelFunc: patched(original, name === "_FusedMatMul") as unknown as tf.KernelFunc,
    });
  }
}

/**
 * Turns the transpose-first path on or off (off = the stock tfjs-backend-wasm behaviour).
 *
 * @example
 * ```ts
 * import { ensureTfBackend, tf } from "@shoplab/lib/models/tf_backend.ts";
 * import { matMulPatchEnabled, setMatMulPatchEnabled } from "@shoplab/lib/models/_wasm_matmul.ts";
 * import assert from "node:assert/strict";
 * const backend = await ensureTfBackend();
 * setMatMulPatchEnabled(false);
 * assert.equal(matMulPatchEnabled(), false);
 * setMatMulPatchEnabled(true); // the default
 * assert.equal(matMulPatchEnabled(), backend === "wasm");
 * ```
 */
export function setMatMulPatchEnabled(on: boolean): void {
  enabled = on;
}

/**
 * Whether the transpose-first path is on.
 *
 * @example
 * ```ts
 * import { ensureTfBackend } from "@shoplab/lib/models/tf_backend.ts";
 * import { matMulPatchEnabled } from "@shoplab/lib/models/_wasm_matmul.ts";
 * import assert from "node:assert/strict";
 * // on once ensureTfBackend has patched the wasm kernels; never on the cpu backend
 * const backend = await ensureTfBackend();
 * assert.equal(matMulPatchEnabled(), backend === "wasm");
 * ```
 */
export function matMulPatchEnabled(): boolean {
  return enabled && originals.size > 0;
}
