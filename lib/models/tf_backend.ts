/**
 * Selects the tfjs `wasm` backend once (falling back to `cpu` when wasm cannot start) and
 * registers the kernels shoplab adds to or replaces in it:
 * - `UnsortedSegmentSum` (the gradient of `gather`, missing from tfjs-backend-wasm 4.22);
 * - `BatchMatMul` / `_FusedMatMul` that keep every product on XNNPACK's fast path: transposed
 *   operands are materialised first and batched products run as 2-D products (the stock kernels
 *   fall back to a scalar loop for `transposeA` / `transposeB` — every matmul in a gradient — and
 *   for batches; the stock `_FusedMatMul` is also wrong for transposed operands);
 * - `Slice` / `SplitV` / `Unpack` that read the wasm heap through views (the stock kernels copy
 *   the whole input out of the heap for every slice).
 *
 * Every tfjs user in shoplab awaits {@linkcode ensureTfBackend} before building tensors.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import "@tensorflow/tfjs-backend-wasm";
import { installMatMulPatch, matMulPatchEnabled, setMatMulPatchEnabled } from "./_wasm_matmul.ts";
import { installSlicePatch, setSlicePatchEnabled } from "./_wasm_slice.ts";

let ready: Promise<string> | undefined;

interface WasmLike {
  readSync(dataId: unknown): ArrayLike<number>;
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  typedArrayFromHeap(t: tf.TensorInfo): Float32Array | Int32Array;
}

function registerSegmentSum(): void {
  if (tf.getKernel("UnsortedSegmentSum", "wasm") !== undefined) return;
  tf.registerKernel({
    kernelName: "UnsortedSegmentSum",
    backendName: "wasm",
    kernelFunc: ({ inputs, backend, attrs }) => {
      const { x, segmentIds } = inputs as { x: tf.TensorInfo; segmentIds: tf.TensorInfo };
      const numSegments = (attrs as { numSegments: number }).numSegments;
      const b = backend as unknown as WasmLike;
      const xs = b.readSync(x.dataId);
      const ids = b.readSync(segmentIds.dataId);
      const nIds = ids.length;
      const inner = nIds > 0 ? xs.length / nIds : 0;
      const out = b.makeOutput([numSegments, ...x.shape.slice(segmentIds.shape.length)], x.dtype);
      const o = b.typedArrayFromHeap(out);
      o.fill(0);
      for (let r = 0; r < nIds; r++) {
        const s = ids[r];
        if (s < 0 || s >= numSegments) continue;
        const src = r * inner, dst = s * inner;
        for (let c = 0; c < inner; c++) o[dst + c] += xs[src + c];
      }
      return out;
    },
  });
}

/**
 * Resolves to the active tfjs backend name: `"wasm"`, or `"cpu"` when wasm cannot start.
 * Idempotent: the backend is chosen and the extra kernels registered once per process.
 *
 * @returns The backend name.
 * @example
 * ```ts
 * import { ensureTfBackend } from "@shoplab/lib/models/tf_backend.ts";
 * import assert from "node:assert/strict";
 * assert.ok(["wasm", "cpu"].includes(await ensureTfBackend()));
 * ```
 */
export function ensureTfBackend(): Promise<string> {
  ready ??= (async () => {
    try {
      if (!(await tf.setBackend("wasm"))) throw new Error("wasm backend unavailable");
      registerSegmentSum();
      installMatMulPatch();
      installSlicePatch();
    } catch {
      await tf.setBackend("cpu");
    }
    await tf.ready();
    return tf.getBackend();
  })();
  return ready;
}

/**
 * Turns shoplab's replacement wasm kernels (transpose-first matmul, heap-view slices) on — the
 * default after {@linkcode ensureTfBackend} — or off, giving the stock tfjs-backend-wasm 4.22
 * behaviour, for benchmarks and equality tests. Results agree within float rounding either way.
 * `UnsortedSegmentSum` stays registered (stock wasm has none).
 *
 * @param enabled `true` for the fast kernels, `false` for the stock ones.
 * @returns Whether the fast kernels are now active (`false` on the cpu backend).
 * @example
 * ```ts
 * import { ensureTfBackend, setWasmKernelPatches } from "@shoplab/lib/models/tf_backend.ts";
 * import assert from "node:assert/strict";
 * const backend = await ensureTfBackend();
 * assert.equal(setWasmKernelPatches(false), false);
 * assert.equal(setWasmKernelPatches(true), backend === "wasm");
 * ```
 */
export function setWasmKernelPatches(enabled: boolean): boolean {
  setMatMulPatchEnabled(enabled);
  setSlicePatchEnabled(enabled);
  return matMulPatchEnabled();
}

export { tf };
