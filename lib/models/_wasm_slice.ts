/**
 * Re-registers the wasm backend's `Slice`, `SplitV` and `Unpack` kernels so that they copy from a
 * view of the wasm heap. The stock kernels (tfjs-backend-wasm 4.22) call `readSync`, which copies
 * the *whole* input out of the heap for every slice: splitting a [5120, 256] tensor into 20 parts
 * copied 100 MB and took 31 ms; from a view it is a 5 MB copy.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";

type KernelFunc = (args: {
  inputs: tf.NamedTensorInfoMap;
  backend: unknown;
  attrs?: tf.NamedAttrMap;
}) => tf.TensorInfo | tf.TensorInfo[];

interface WasmBackendLike {
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  typedArrayFromHeap(t: tf.TensorInfo): Float32Array | Int32Array | Uint8Array;
}

const installed = new Set<string>();
let enabled = true;

/**
 * Turns the heap-view path on or off (off = the stock kernels).
 *
 * @example
 * ```ts
 * import { ensureTfBackend, tf } from "@shoplab/lib/models/tf_backend.ts";
 * import { setSlicePatchEnabled } from "@shoplab/lib/models/_wasm_slice.ts";
 * import assert from "node:assert/strict";
 * await ensureTfBackend();
 * const x = tf.tensor1d([1, 2, 3, 4]);
 * setSlicePatchEnabled(false); // stock kernels
 * const stock = tf.slice(x, 1, 2);
 * setSlicePatchEnabled(true); // the default
 * const fast = tf.slice(x, 1, 2);
 * assert.deepEqual([...fast.dataSync()], [...stock.dataSync()]);
 * tf.dispose([x, stock, fast]);
 * ```
 */
export function setSlicePatchEnabled(on: boolean): void {
  enabled = on;
}

/** Copies x[begin : begin + size] into a new output, reading the heap through views. */
function sliceFromHeap(
  x: tf.TensorInfo,
  begin: readonly number[],
  size: readonly number[],
  backend: WasmBackendLike,
): tf.TensorInfo {
  const out = backend.makeOutput([...size], x.dtype);
  const n = tf.util.sizeFromShape([...size]);
  if (n === 0) return out;
  // Views only after makeOutput: a heap growth would detach earlier views.
  const xv = backend.typedArrayFromHeap(x);
  const ov = backend.typedArrayFromHeap(out);
  const rank = x.shape.length;
  if (rank === 0) {
    ov[0] = xv[0];
    return out;
  }
  const strides = tf.util.computeStrides(x.shape);
  // Trailing dims taken whole merge into one contiguous run.
  let inner = size[rank - 1];
  let d = rank - 1;
  while (d > 0 && size[d] === x.shape[d] && begin[d] === 0) {
    d--;
    inner *= size[d];
  }
  const outer = d; // dims 0 … d-1 are iterated, dim d starts the contiguous run
  const idx = new Array(outer).fill(0);
  let base = begin[d] * (d < rank - 1 ? strides[d] : 1);
  for (let k = 0; k < outer; k++) base += begin[k] * strides[k];
  let o = 0;
  for (;;) {
    let off = base;
    for (let k = 0; k < outer; k++) off += idx[k] * strides[k];
    ov.set(xv.subarray(off, off + inner), o);
    o += inner;
    let k = outer - 1;
    while (k >= 0) {
      if (++idx[k] < size[k]) break;
      idx[k] = 0;
      k--;
    }
    if (k < 0) break;
  }
  return out;
}

function slice(original: KernelFunc): KernelFunc {
  return (args) => {
    const x = args.inputs.x as tf.TensorInfo;
    if (!enabled || x.dtype === "string") return original(args);
    const { begin, size } = args.attrs as { begin: number | number[]; size: number | number[] };
    const [b, s] = tf.slice_util.parseSliceParams(x as unknown as tf.Tensor, begin, size);
    return sliceFromHeap(x, b, s, args.backend as WasmBackendLike);
  };
}

function splitV(original: KernelFunc): KernelFunc {
  return (args) => {
    const x = args.inputs.x as tf.TensorInfo;
    if (!enabled || x.dtype === "string") return original(args);
    const { numOrSizeSplits, axis } = args.attrs as {
      numOrSizeSplits: number | number[];
      axis: number;
    };
    const ax = tf.util.parseAxisParam(axis, x.shape)[0];
    const sizes = tf.backend_util.prepareSplitSize(
      x as unknown as tf.Tensor,
      numOrSizeSplits,
      ax,
    ) as number[];
    const begin = new Array(x.shape.length).fill(0);
    return sizes.map((s) => {
      const size = [...x.shape];
      size[ax] = s;
      const out = sliceFromHeap(x, begin, size, args.backend as WasmBackendLike);
      begin[ax] += s;
      return out;
    });
  };
}

function unpack(original: KernelFunc): KernelFunc {
  return (args) => {
    const value = args.inputs.value as tf.TensorInfo;
    if (!enabled || value.dtype === "string") return original(args);
    let axis = (args.attrs as { axis: number }).axis;
    if (axis < 0) axis += value.shape.length;
    const outShape = value.shape.filter((_, i) => i !== axis);
    const size = [...value.shape];
    size[axis] = 1;
    const begin = new Array(value.shape.length).fill(0);
    const outs: tf.TensorInfo[] = [];
    for (let i = 0; i < value.shape[axis]; i++) {
      begin[axis] = i;
      const o = sliceFromHeap(value, begin, size, args.backend as WasmBackendLike);
      outs.push({ dataId: o.dataId, dtype: o.dtype, shape: outShape });
    }
    return outs;
  };
}

/**
 * Installs the heap-view `Slice`, `SplitV` and `Unpack` kernels once (wasm backend only).
 *
 * @example
 * ```ts
 * import { ensureTfBackend, tf } from "@shoplab/lib/models/tf_backend.ts";
 * import { installSlicePatch } from "@shoplab/lib/models/_wasm_slice.ts";
 * import assert from "node:assert/strict";
 * await ensureTfBackend(); // installs the patch on wasm
 * installSlicePatch(); // a second call is a no-op
 * const [a, b] = tf.split(tf.tensor1d([1, 2, 3]), [1, 2]);
 * assert.deepEqual([...b.dataSync()], [2, 3]);
 * tf.dispose([a, b]);
 * ```
 */
export function installSlicePatch(): void {
  const makers: Record<string, (o: KernelFunc) => KernelFunc> = {
    Slice: slice,
    SplitV: splitV,
    Unpack: unpack,
  };
  for (const [name, make] of Object.entries(makers)) {
    if (installed.has(name)) continue;
    const config = tf.getKernel(name, "wasm");
    if (config === undefined) continue;
    installed.add(name);
    const original = config.kernelFunc as unknown as KernelFunc;
    tf.unregisterKernel(name, "wasm");
    tf.registerKernel({
      kernelName: name,
      backendName: "wasm",
      kernelFunc: make(original) as unknown as tf.KernelFunc,
    });
  }
}
