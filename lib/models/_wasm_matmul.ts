/**
 * Re-registers the wasm backend's `BatchMatMul` and `_FusedMatMul` kernels so that a transposed
 * operand is materialised first (with the wasm `Transpose` kernel) and the multiply then takes
 * XNNPACK's fast path. tfjs-backend-wasm 4.22 falls back to a naive scalar loop whenever
 * `transposeA` or `transposeB` is set — which is every matmul in an LSTM's gradient.
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

function patched(original: KernelFunc): KernelFunc {
  return (args) => {
    const attrs = (args.attrs ?? {}) as { transposeA?: boolean; transposeB?: boolean };
    if (!enabled || (!attrs.transposeA && !attrs.transposeB)) return original(args);
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
    try {
      return original({
        inputs,
        backend: args.backend,
        attrs: { ...args.attrs, transposeA: false, transposeB: false },
      });
    } finally {
      const b = args.backend as BackendLike;
      for (const t of temps) b.disposeData(t.dataId);
    }
  };
}

/** Installs the patched kernels once (no-op when the wasm kernels are not registered). */
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
      kernelFunc: patched(original) as unknown as tf.KernelFunc,
    });
  }
}

/** Turns the transpose-first path on or off (off = the stock tfjs-backend-wasm behaviour). */
export function setMatMulPatchEnabled(on: boolean): void {
  enabled = on;
}

/** Whether the transpose-first path is on. */
export function matMulPatchEnabled(): boolean {
  return enabled && originals.size > 0;
}
