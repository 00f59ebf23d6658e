/**
 * A fused LSTM layer with a hand-written gradient (`tf.customGrad`), laid out for the tfjs wasm
 * backend: tensors are `[T, features, B]` (time-major, batch last), so each step's state is
 * `[H, B]` and splitting the gates `[4H, B]` or stacking steps only slices contiguous memory.
 * Each step is one `[4H, F + H] × [F + H, B]` matmul on `[x_t; h_{t−1}]` plus a dozen element-wise
 * ops; back-propagation through time is one matmul per step (giving dx_t and dh_{t−1} together)
 * and the weight gradients are one matmul over all steps at once.
 *
 * Equations (Keras gate order i, f, c, o; sigmoid recurrent activation):
 * z_t = x_t W + h_{t-1} U + b; i, f, o = σ(z_i, z_f, z_o); g = tanh(z_c);
 * c_t = f ⊙ c_{t-1} + i ⊙ g; h_t = o ⊙ tanh(c_t). A padding mask m_t ∈ {0, 1} keeps the previous
 * state where m_t = 0 (as Keras masking does); a recurrent-dropout mask multiplies h_{t-1} before U.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";

/** Weights of one LSTM layer: kernel `[F, 4H]`, recurrent kernel `[H, 4H]`, bias `[4H]`. */
export interface LstmWeights {
  readonly kernel: tf.Tensor2D;
  readonly recurrent: tf.Tensor2D;
  readonly bias: tf.Tensor1D;
}

/** Optional masks of {@linkcode fusedLstm}. */
export interface FusedLstmMasks {
  /** Padding mask `[T, 1, B]` (1 = data, 0 = padding). */
  readonly mask?: tf.Tensor3D;
  /** Recurrent-dropout mask `[H, B]` (already scaled by 1 / keep). */
  readonly recurrentMask?: tf.Tensor2D;
  /** Compute the gradient w.r.t. the input (`false` for a first layer: zeros). Default `true`. */
  readonly inputGrad?: boolean;
}

// The g block's pre-activation is doubled (folded into the weights) so that one sigmoid gives all
// four gates: S = σ(z ⊙ s), s = (1, 1, 2, 1) per block, and g = tanh(z_c) = 2 S_g − 1.
// Likewise tanh(c) = 2σ(2c) − 1 (the wasm sigmoid is ~10× faster than its tanh).
function gateScale(h: number): tf.Tensor2D {
  const s = new Float32Array(4 * h).fill(1);
  s.fill(2, 2 * h, 3 * h);
  return tf.tensor2d(s, [4 * h, 1]);
}

function tanhViaSigmoid(x: tf.Tensor): tf.Tensor2D {
  return tf.sub(tf.mul(tf.sigmoid(tf.mul(x, 2)), 2), 1) as tf.Tensor2D;
}

/**
 * Scaled, transposed weights side by side, bias as the last column:
 * WUb = [(W ⊙ s)ᵀ | (U ⊙ s)ᵀ | b ⊙ s] `[4H, F + H + 1]`, applied to [x_t; h_{t−1}; 1].
 */
interface Scaled {
  wub: tf.Tensor2D;
}

function scaled(w: LstmWeights, s: tf.Tensor2D): Scaled {
  const h4 = w.bias.shape[0];
  const all = tf.concat([w.kernel, w.recurrent, tf.reshape(w.bias, [1, h4])], 0);
  return { wub: tf.mul(tf.transpose(all), s) };
}

interface Forward {
  hs: tf.Tensor2D[];
  ss: tf.Tensor2D[];
  cs: tf.Tensor2D[];
  tcs: tf.Tensor2D[];
  /** [x_t; h_{t−1} ⊙ dropout mask; 1] per step, `[F + H + 1, B]`. */
  xhs: tf.Tensor2D[];
}

function forward(x: tf.Tensor3D, w: Scaled, masks: FusedLstmMasks): Forward {
  const [steps, , batch] = x.shape;
  const h = w.wub.shape[0] / 4;
  const xs = tf.unstack(x, 0) as tf.Tensor2D[];
  const ones = tf.ones([1, batch]);
  const maskSteps = masks.mask === undefined
    ? undefined
    : tf.unstack(masks.mask, 0) as tf.Tensor2D[];
  let hPrev = tf.zeros([h, batch]) as tf.Tensor2D;
  let cPrev = tf.zeros([h, batch]) as tf.Tensor2D;
  const out: Forward = { hs: [], ss: [], cs: [], tcs: [], xhs: [] };
  for (let t = 0; t < steps; t++) {
    const hin: tf.Tensor2D = masks.recurrentMask === undefined
      ? hPrev
      : tf.mul(hPrev, masks.recurrentMask);
    // one matmul per step: [4H, F + H + 1] × [x_t; h_{t−1}; 1]
    const xh = tf.concat([xs[t], hin, ones], 0) as tf.Tensor2D;
    const sg = tf.sigmoid(tf.matMul(w.wub, xh)) as tf.Tensor2D;
    const [i, f, sgc, o] = tf.split(sg, 4, 0) as tf.Tensor2D[];
    const g = tf.sub(tf.mul(sgc, 2), 1);
    let c = tf.add(tf.mul(f, cPrev), tf.mul(i, g)) as tf.Tensor2D;
    const tc = tanhViaSigmoid(c);
    let hNew = tf.mul(o, tc) as tf.Tensor2D;
    if (maskSteps !== undefined) {
      const m = maskSteps[t];
      hNew = tf.add(hPrev, tf.mul(m, tf.sub(hNew, hPrev)));
      c = tf.add(cPrev, tf.mul(m, tf.sub(c, cPrev)));
    }
    out.hs.push(hNew);
    out.ss.push(sg);
    out.cs.push(c);
    out.tcs.push(tc);
    out.xhs.push(xh);
    hPrev = hNew;
    cPrev = c;
  }
  return out;
}

/**
 * Runs an LSTM layer over `[T, F, B]` input with a hand-written gradient.
 *
 * @param x Input `[T, F, B]`.
 * @param w Weights.
 * @param returnSequences `true` → `[T, H, B]` (every step's h), `false` → `[H, B]` (the last).
 * @param masks Optional padding and recurrent-dropout masks (treated as constants).
 * @returns The layer output; differentiable w.r.t. `x` and the weights.
 * @example
 * ```ts
 * import { ensureTfBackend, tf } from "@shoplab/lib/models/tf_backend.ts";
 * import { fusedLstm } from "@shoplab/lib/models/_fused_lstm.ts";
 * import assert from "node:assert/strict";
 * await ensureTfBackend();
 * // H = F = 1, no recurrent weights, zero bias: i = f = o = ½ and g = tanh(x_t)
 * const w = {
 *   kernel: tf.tensor2d([[0, 0, 1, 0]]), recurrent: tf.zeros([1, 4]) as tf.Tensor2D,
 *   bias: tf.zeros([4]) as tf.Tensor1D,
 * };
 * const x = tf.tensor3d([2, 1], [2, 1, 1]); // T = 2 steps of one value, batch 1
 * const c1 = 0.5 * Math.tanh(2), c2 = 0.5 * c1 + 0.5 * Math.tanh(1);
 * const before = tf.memory().numTensors;
 * const hs = fusedLstm(x, w, true); // [T, H, B]
 * assert.ok(Math.abs(hs.dataSync()[0] - 0.5 * Math.tanh(c1)) < 1e-6);
 * // dh₂/dx₂ through g only (no recurrence into the gates): ½(1 − tanh²c₂) · ½(1 − tanh²1)
 * const dx = tf.grad((v: tf.Tensor) => fusedLstm(v as tf.Tensor3D, w, false).sum())(x);
 * const want = 0.5 * (1 - Math.tanh(c2) ** 2) * 0.5 * (1 - Math.tanh(1) ** 2);
 * assert.ok(Math.abs(dx.dataSync()[1] - want) < 1e-6);
 * tf.dispose([hs, dx]);
 * assert.equal(tf.memory().numTensors, before);
 * tf.dispose([x, w.kernel, w.recurrent, w.bias]);
 * ```
 */
export function fusedLstm(
  x: tf.Tensor3D,
  w: LstmWeights,
  returnSequences: boolean,
  masks: FusedLstmMasks = {},
): tf.Tensor {
  const [steps, features, batch] = x.shape;
  const h4 = w.bias.shape[0], h = h4 / 4;
  if (w.kernel.shape[0] !== features || w.kernel.shape[1] !== h4) {
    throw new RangeError(
      `fusedLstm: kernel has shape [${w.kernel.shape}], expected [${features}, ${h4}]`,
    );
  }
  const hasMask = masks.mask !== undefined, hasRm = masks.recurrentMask !== undefined;
  const inputGrad = masks.inputGrad ?? true;
  const body = (...args: unknown[]) => {
    const [xi, kernel, recurrent, bias] = args as [
      tf.Tensor3D,
      tf.Tensor2D,
      tf.Tensor2D,
      tf.Tensor1D,
    ];
    const mask = hasMask ? (args[4] as tf.Tensor3D) : undefined;
    const rm = hasRm ? (args[hasMask ? 5 : 4] as tf.Tensor2D) : undefined;
    const save = args[args.length - 1] as tf.GradSaveFunc;
    const s = gateScale(h);
    const ws = scaled({ kernel, recurrent, bias }, s);
    const fw = forward(xi, ws, { mask, recurrentMask: rm });
    const hAll = tf.concat(fw.hs, 0); // [T·H, B]
    const sAll = tf.concat(fw.ss, 0); // [T·4H, B]
    const cAll = tf.concat([tf.zeros([h, batch]), ...fw.cs], 0); // c_{-1} = 0 first
    const tcAll = tf.concat(fw.tcs, 0);
    const xhAll = tf.concat(fw.xhs, 1); // [F + H + 1, T·B]
    const extra = [...(mask ? [mask] : []), ...(rm ? [rm] : [])];
    save([sAll, cAll, tcAll, xhAll, s, ws.wub, ...extra]);
    const value = returnSequences ? tf.reshape(hAll, [steps, h, batch]) : fw.hs[steps - 1];
    const gradFunc = (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [sa, sc, stc, sxh, ss, sWub] = saved as tf.Tensor2D[];
      const sMask = mask === undefined ? undefined : saved[6] as tf.Tensor3D;
      const sRm = rm === undefined ? undefined : saved[mask === undefined ? 6 : 7];
      // dz' = [di, df, dg, do] ⊙ σ'(·) ⊙ s (g = 2σ − 1 contributes the factor 2).
      const s3 = tf.reshape(sa, [steps, h4, batch]);
      const d = tf.mul(tf.mul(s3, tf.sub(1, s3)), tf.reshape(ss, [1, h4, 1]));
      const [si, sf, sg, so] = tf.split(s3, 4, 1) as tf.Tensor3D[];
      const oq = tf.mul(so, tf.sub(1, tf.square(tf.reshape(stc, [steps, h, batch]))));
      const ds = tf.unstack(d, 0) as tf.Tensor2D[];
      const is = tf.unstack(si, 0) as tf.Tensor2D[];
      const fs = tf.unstack(sf, 0) as tf.Tensor2D[];
      const gs = tf.unstack(tf.sub(tf.mul(sg, 2), 1), 0) as tf.Tensor2D[];
      const oqs = tf.unstack(oq, 0) as tf.Tensor2D[];
      const tcs = tf.unstack(tf.reshape(stc, [steps, h, batch]), 0) as tf.Tensor2D[];
      const cs = tf.unstack(tf.reshape(sc, [steps + 1, h, batch]), 0) as tf.Tensor2D[];
      const dys = returnSequences ? tf.unstack(dy, 0) as tf.Tensor2D[] : undefined;
      const ms = sMask === undefined ? undefined : tf.unstack(sMask, 0) as tf.Tensor2D[];
      // [F + H, 4H], or only the U rows [H, 4H] when no input gradient is needed
      const wu = tf.slice(tf.transpose(sWub), [inputGrad ? 0 : features, 0], [
        inputGrad ? features + h : h,
        h4,
      ]);
      let dhNext: tf.Tensor2D | undefined = returnSequences ? undefined : dy as tf.Tensor2D;
      let dcNext: tf.Tensor2D | undefined;
      const dzs: tf.Tensor2D[] = new Array(steps), dxs: tf.Tensor2D[] = new Array(steps);
      for (let t = steps - 1; t >= 0; t--) {
        let dh = dys === undefined
          ? dhNext!
          : dhNext === undefined
          ? dys[t]
          : tf.add(dhNext, dys[t]);
        let dcIn = dcNext;
        let carryH: tf.Tensor2D | undefined, carryC: tf.Tensor2D | undefined;
        if (ms !== undefined) {
          const m = ms[t];
          const dhm = tf.mul(dh, m) as tf.Tensor2D;
          carryH = tf.sub(dh, dhm);
          dh = dhm;
          if (dcIn !== undefined) {
            const dcm = tf.mul(dcIn, m) as tf.Tensor2D;
            carryC = tf.sub(dcIn, dcm);
            dcIn = dcm;
          }
        }
        const dO = tf.mul(dh, tcs[t]);
        let dc = tf.mul(dh, oqs[t]) as tf.Tensor2D;
        if (dcIn !== undefined) dc = tf.add(dc, dcIn);
        const dA = tf.concat([tf.mul(dc, gs[t]), tf.mul(dc, cs[t]), tf.mul(dc, is[t]), dO], 0);
        const dz = tf.mul(dA, ds[t]) as tf.Tensor2D;
        dzs[t] = dz;
        dcNext = tf.mul(dc, fs[t]);
        if (carryC !== undefined) dcNext = tf.add(dcNext, carryC);
        // one matmul per step: [F + H, 4H] × dz → [dx_t; d(h_{t−1} ⊙ mask)]
        let dhr = tf.matMul(wu, dz) as tf.Tensor2D;
        if (inputGrad) {
          const [dx, dhr0] = tf.split(dhr, [features, h], 0) as tf.Tensor2D[];
          dxs[t] = dx;
          dhr = dhr0;
        }
        if (sRm !== undefined) dhr = tf.mul(dhr, sRm);
        dhNext = carryH === undefined ? dhr : tf.add(dhr, carryH);
      }
      const dZ = tf.concat(dzs, 1); // [4H, T·B]
      // d[W'ᵀ | U'ᵀ | b'] = Σ_t dz_t [x_t; hin_t; 1]ᵀ, one matmul; then undo the transpose and ⊙ s
      const dWU = tf.mul(tf.transpose(tf.matMul(dZ, sxh, false, true)), tf.reshape(ss, [1, h4]));
      const [dW, dU, db] = tf.split(dWU, [features, h, 1], 0);
      const grads: tf.Tensor[] = [
        inputGrad
          ? tf.reshape(tf.concat(dxs, 0), [steps, features, batch])
          : tf.zeros([steps, features, batch]),
        dW,
        dU,
        tf.reshape(db, [h4]),
      ];
      if (sMask !== undefined) grads.push(tf.zerosLike(sMask));
      if (sRm !== undefined) grads.push(tf.zerosLike(sRm));
      return grads;
    };
    return { value, gradFunc };
  };
  const inputs: tf.Tensor[] = [x, w.kernel, w.recurrent, w.bias];
  if (masks.mask !== undefined) inputs.push(masks.mask);
  if (masks.recurrentMask !== undefined) inputs.push(masks.recurrentMask);
  const f = tf.customGrad(body as unknown as Parameters<typeof tf.customGrad>[0]);
  return f(...inputs);
}

/**
 * Forward pass only (inference): no state is saved for a gradient.
 *
 * @param x Input `[T, F, B]`.
 * @param w Weights.
 * @param returnSequences `true` → `[T, H, B]`, `false` → `[H, B]`.
 * @param mask Optional padding mask `[T, 1, B]`.
 * @returns The layer output.
 * @example
 * ```ts
 * import { ensureTfBackend, tf } from "@shoplab/lib/models/tf_backend.ts";
 * import { lstmInference } from "@shoplab/lib/models/_fused_lstm.ts";
 * import assert from "node:assert/strict";
 * await ensureTfBackend();
 * // H = F = 1, no recurrent weights, zero bias: i = f = o = ½ and g = tanh(x_t)
 * const w = {
 *   kernel: tf.tensor2d([[0, 0, 1, 0]]), recurrent: tf.zeros([1, 4]) as tf.Tensor2D,
 *   bias: tf.zeros([4]) as tf.Tensor1D,
 * };
 * const x = tf.tensor3d([2, 1], [2, 1, 1]); // T = 2 steps of one value, batch 1
 * const c1 = 0.5 * Math.tanh(2), c2 = 0.5 * c1 + 0.5 * Math.tanh(1);
 * const h = lstmInference(x, w, false);
 * assert.ok(Math.abs(h.dataSync()[0] - 0.5 * Math.tanh(c2)) < 1e-6);
 * tf.dispose([h, x, w.kernel, w.recurrent, w.bias]);
 * ```
 */
export function lstmInference(
  x: tf.Tensor3D,
  w: LstmWeights,
  returnSequences: boolean,
  mask?: tf.Tensor3D,
): tf.Tensor {
  return tf.tidy(() => {
    const h = w.bias.shape[0] / 4;
    const fw = forward(x, scaled(w, gateScale(h)), { mask });
    return returnSequences
      ? tf.reshape(tf.concat(fw.hs, 0), [x.shape[0], h, x.shape[2]])
      : fw.hs[fw.hs.length - 1];
  });
}
