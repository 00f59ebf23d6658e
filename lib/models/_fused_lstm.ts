/**
 * A fused LSTM layer over time-major input `[T, B, F]`: the input projection of all time steps is
 * one matmul, each step is one small matmul plus a handful of element-wise ops, and
 * back-propagation through time is written out by hand with `tf.customGrad` (one matmul per step,
 * the weight gradients as three large matmuls over all steps at once).
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
  /** Padding mask `[T, B, 1]` (1 = data, 0 = padding). */
  readonly mask?: tf.Tensor3D;
  /** Recurrent-dropout mask `[B, H]` (already scaled by 1 / keep). */
  readonly recurrentMask?: tf.Tensor2D;
}

// The g block's pre-activation is doubled (folded into the weights) so that one sigmoid gives all
// four gates: S = σ(z ⊙ s), s = (1, 1, 2, 1) per block, and g = tanh(z_c) = 2 S_g − 1.
// Likewise tanh(c) = 2σ(2c) − 1 (the wasm sigmoid is ~10× faster than its tanh).
function gateScale(h: number): tf.Tensor1D {
  const s = new Float32Array(4 * h).fill(1);
  s.fill(2, 2 * h, 3 * h);
  return tf.tensor1d(s);
}

function tanhViaSigmoid(x: tf.Tensor): tf.Tensor2D {
  return tf.sub(tf.mul(tf.sigmoid(tf.mul(x, 2)), 2), 1) as tf.Tensor2D;
}

interface Forward {
  /** h_t for t = 0 … T−1. */
  hs: tf.Tensor2D[];
  /** Sigmoid gate activations S per step. */
  ss: tf.Tensor2D[];
  /** c_t for t = 0 … T−1. */
  cs: tf.Tensor2D[];
  /** tanh of the candidate cell state per step. */
  tcs: tf.Tensor2D[];
  /** Recurrent input h_{t-1} ⊙ dropout mask per step. */
  hins: tf.Tensor2D[];
}

/** Forward recursion with the scaled weights W ⊙ s, U ⊙ s, b ⊙ s. */
function forward(x: tf.Tensor3D, w: LstmWeights, masks: FusedLstmMasks): Forward {
  const [steps, batch, features] = x.shape;
  const h4 = w.bias.shape[0], h = h4 / 4;
  const proj = tf.add(tf.matMul(tf.reshape(x, [steps * batch, features]), w.kernel), w.bias);
  const projSteps = tf.split(proj, steps, 0) as tf.Tensor2D[];
  const maskSteps = masks.mask === undefined
    ? undefined
    : tf.split(tf.reshape(masks.mask, [steps * batch, 1]), steps, 0) as tf.Tensor2D[];
  let hPrev = tf.zeros([batch, h]) as tf.Tensor2D;
  let cPrev = tf.zeros([batch, h]) as tf.Tensor2D;
  const out: Forward = { hs: [], ss: [], cs: [], tcs: [], hins: [] };
  for (let t = 0; t < steps; t++) {
    const hin: tf.Tensor2D = masks.recurrentMask === undefined
      ? hPrev
      : tf.mul(hPrev, masks.recurrentMask);
    const sg = tf.sigmoid(tf.add(projSteps[t], tf.matMul(hin, w.recurrent))) as tf.Tensor2D;
    const [i, f, sgc, o] = tf.split(sg, 4, 1) as tf.Tensor2D[];
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
    out.hins.push(hin);
    hPrev = hNew;
    cPrev = c;
  }
  return out;
}

function scaled(w: LstmWeights, s: tf.Tensor1D): LstmWeights {
  return {
    kernel: tf.mul(w.kernel, s),
    recurrent: tf.mul(w.recurrent, s),
    bias: tf.mul(w.bias, s),
  };
}

/**
 * Runs an LSTM layer over time-major input with a hand-written gradient.
 *
 * @param x Input `[T, B, F]`.
 * @param w Weights.
 * @param returnSequences `true` → `[T, B, H]` (every step's h), `false` → `[B, H]` (the last).
 * @param masks Optional padding and recurrent-dropout masks (treated as constants).
 * @returns The layer output; differentiable w.r.t. `x` and the weights.
 */
export function fusedLstm(
  x: tf.Tensor3D,
  w: LstmWeights,
  returnSequences: boolean,
  masks: FusedLstmMasks = {},
): tf.Tensor {
  const [steps, batch, features] = x.shape;
  const h4 = w.bias.shape[0], h = h4 / 4;
  if (w.kernel.shape[0] !== features || w.kernel.shape[1] !== h4) {
    throw new RangeError(
      `fusedLstm: kernel has shape [${w.kernel.shape}], expected [${features}, ${h4}]`,
    );
  }
  const hasMask = masks.mask !== undefined, hasRm = masks.recurrentMask !== undefined;
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
    const hAll = tf.concat(fw.hs, 0); // [T·B, H]
    const sAll = tf.concat(fw.ss, 0);
    const cAll = tf.concat([tf.zeros([batch, h]), ...fw.cs], 0); // c_{-1} = 0 first
    const tcAll = tf.concat(fw.tcs, 0);
    const hinAll = tf.concat(fw.hins, 0);
    const extra = [...(mask ? [mask] : []), ...(rm ? [rm] : [])];
    save([sAll, cAll, tcAll, hinAll, s, xi, ws.kernel, ws.recurrent, ...extra]);
    const value = returnSequences ? tf.reshape(hAll, [steps, batch, h]) : fw.hs[steps - 1];
    const gradFunc = (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [sa, sc, stc, shin, ss] = saved as tf.Tensor2D[];
      const sx = saved[5] as tf.Tensor3D, sKernel = saved[6], sRec = saved[7];
      const sMask = mask === undefined ? undefined : saved[8];
      const sRm = rm === undefined ? undefined : saved[mask === undefined ? 8 : 9];
      const n = steps * batch;
      // dz' = [di, df, dg, do] ⊙ σ'(·) ⊙ s (g = 2σ − 1 contributes the factor 2).
      const d = tf.mul(tf.mul(sa, tf.sub(1, sa)), ss);
      const oq = tf.mul(tf.slice(sa, [0, 3 * h], [n, h]), tf.sub(1, tf.square(stc)));
      const gAll = tf.sub(tf.mul(tf.slice(sa, [0, 2 * h], [n, h]), 2), 1);
      const ds = tf.split(d, steps, 0) as tf.Tensor2D[];
      const as = tf.split(sa, steps, 0) as tf.Tensor2D[];
      const gs = tf.split(gAll, steps, 0) as tf.Tensor2D[];
      const oqs = tf.split(oq, steps, 0) as tf.Tensor2D[];
      const tcs = tf.split(stc, steps, 0) as tf.Tensor2D[];
      const cs = tf.split(sc, steps + 1, 0) as tf.Tensor2D[];
      const dys = returnSequences
        ? tf.split(tf.reshape(dy, [n, h]), steps, 0) as tf.Tensor2D[]
        : undefined;
      const ms = sMask === undefined
        ? undefined
        : tf.split(tf.reshape(sMask, [n, 1]), steps, 0) as tf.Tensor2D[];
      const uT = tf.transpose(sRec);
      let dhNext: tf.Tensor2D | undefined = returnSequences ? undefined : dy as tf.Tensor2D;
      let dcNext: tf.Tensor2D | undefined;
      const dzs: tf.Tensor2D[] = new Array(steps);
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
        const [i, f] = tf.split(as[t], [h, h, 2 * h], 1) as tf.Tensor2D[];
        const dO = tf.mul(dh, tcs[t]);
        let dc = tf.mul(dh, oqs[t]) as tf.Tensor2D;
        if (dcIn !== undefined) dc = tf.add(dc, dcIn);
        const dA = tf.concat([tf.mul(dc, gs[t]), tf.mul(dc, cs[t]), tf.mul(dc, i), dO], 1);
        const dz = tf.mul(dA, ds[t]) as tf.Tensor2D;
        dzs[t] = dz;
        dcNext = tf.mul(dc, f);
        if (carryC !== undefined) dcNext = tf.add(dcNext, carryC);
        if (t > 0) {
          let dhr = tf.matMul(dz, uT) as tf.Tensor2D;
          if (sRm !== undefined) dhr = tf.mul(dhr, sRm);
          dhNext = carryH === undefined ? dhr : tf.add(dhr, carryH);
        }
      }
      const dzAll = tf.concat(dzs, 0);
      const x2 = tf.reshape(sx, [n, features]);
      const grads: tf.Tensor[] = [
        tf.reshape(tf.matMul(dzAll, sKernel, false, true), [steps, batch, features]),
        tf.mul(tf.matMul(x2, dzAll, true, false), ss),
        tf.mul(tf.matMul(shin, dzAll, true, false), ss),
        tf.mul(tf.reshape(tf.matMul(tf.ones([1, n]), dzAll), [h4]), ss),
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
 * @param x Input `[T, B, F]`.
 * @param w Weights.
 * @param returnSequences `true` → `[T, B, H]`, `false` → `[B, H]`.
 * @param mask Optional padding mask `[T, B, 1]`.
 * @returns The layer output.
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
      ? tf.reshape(tf.concat(fw.hs, 0), [x.shape[0], x.shape[1], h])
      : fw.hs[fw.hs.length - 1];
  });
}
