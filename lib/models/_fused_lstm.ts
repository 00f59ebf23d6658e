/**
 * A fused LSTM layer with a hand-written gradient (`tf.customGrad`), laid out for the tfjs wasm
 * backend: tensors are `[T, features, B]` (time-major, batch last), so each step's state is
 * `[H, B]` and splitting the gates `[4H, B]` or stacking steps only slices contiguous memory.
 * The input projection of all steps is one batched matmul; each step is one `[4H, H] × [H, B]`
 * matmul plus a dozen element-wise ops; back-propagation through time is one matmul per step and
 * the weight gradients are batched matmuls over all steps at once.
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

/** Transposed, scaled weights: Wt = (W ⊙ s)ᵀ `[4H, F]`, Ut `[4H, H]`, bt `[4H, 1]`. */
interface Scaled {
  wt: tf.Tensor2D;
  ut: tf.Tensor2D;
  bt: tf.Tensor2D;
}

function scaled(w: LstmWeights, s: tf.Tensor2D): Scaled {
  const h4 = w.bias.shape[0];
  return {
    wt: tf.mul(tf.transpose(w.kernel), s),
    ut: tf.mul(tf.transpose(w.recurrent), s),
    bt: tf.mul(tf.reshape(w.bias, [h4, 1]), s),
  };
}

interface Forward {
  hs: tf.Tensor2D[];
  ss: tf.Tensor2D[];
  cs: tf.Tensor2D[];
  tcs: tf.Tensor2D[];
  hins: tf.Tensor2D[];
}

function forward(x: tf.Tensor3D, w: Scaled, masks: FusedLstmMasks): Forward {
  const [steps, , batch] = x.shape;
  const h = w.ut.shape[1];
  // [4H, F] × [T, F, B] → [T, 4H, B], plus bias
  const proj = tf.add(tf.matMul(w.wt, x), w.bt);
  const projSteps = tf.unstack(proj, 0) as tf.Tensor2D[];
  const maskSteps = masks.mask === undefined
    ? undefined
    : tf.unstack(masks.mask, 0) as tf.Tensor2D[];
  let hPrev = tf.zeros([h, batch]) as tf.Tensor2D;
  let cPrev = tf.zeros([h, batch]) as tf.Tensor2D;
  const out: Forward = { hs: [], ss: [], cs: [], tcs: [], hins: [] };
  for (let t = 0; t < steps; t++) {
    const hin: tf.Tensor2D = masks.recurrentMask === undefined
      ? hPrev
      : tf.mul(hPrev, masks.recurrentMask);
    const sg = tf.sigmoid(tf.add(projSteps[t], tf.matMul(w.ut, hin))) as tf.Tensor2D;
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
    out.hins.push(hin);
    hPrev = hNew;
    cPrev = c;
  }
  return out;
}

/** Σ over the leading axis of `[T, r, c]` as one matmul: ones `[1, T]` × `[T, r·c]`. */
function sumSteps(x: tf.Tensor3D): tf.Tensor2D {
  const [t, r, c] = x.shape;
  return tf.reshape(tf.matMul(tf.ones([1, t]), tf.reshape(x, [t, r * c])), [r, c]);
}

/**
 * Runs an LSTM layer over `[T, F, B]` input with a hand-written gradient.
 *
 * @param x Input `[T, F, B]`.
 * @param w Weights.
 * @param returnSequences `true` → `[T, H, B]` (every step's h), `false` → `[H, B]` (the last).
 * @param masks Optional padding and recurrent-dropout masks (treated as constants).
 * @returns The layer output; differentiable w.r.t. `x` and the weights.
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
    const hinAll = tf.concat(fw.hins, 0);
    const extra = [...(mask ? [mask] : []), ...(rm ? [rm] : [])];
    save([sAll, cAll, tcAll, hinAll, s, xi, ws.wt, ws.ut, ...extra]);
    const value = returnSequences ? tf.reshape(hAll, [steps, h, batch]) : fw.hs[steps - 1];
    const gradFunc = (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [sa, sc, stc, shin, ss] = saved as tf.Tensor2D[];
      const sx = saved[5] as tf.Tensor3D, sWt = saved[6] as tf.Tensor2D;
      const sUt = saved[7] as tf.Tensor2D;
      const sMask = mask === undefined ? undefined : saved[8] as tf.Tensor3D;
      const sRm = rm === undefined ? undefined : saved[mask === undefined ? 8 : 9];
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
      const u = tf.transpose(sUt); // [H, 4H]
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
        const dO = tf.mul(dh, tcs[t]);
        let dc = tf.mul(dh, oqs[t]) as tf.Tensor2D;
        if (dcIn !== undefined) dc = tf.add(dc, dcIn);
        const dA = tf.concat([tf.mul(dc, gs[t]), tf.mul(dc, cs[t]), tf.mul(dc, is[t]), dO], 0);
        const dz = tf.mul(dA, ds[t]) as tf.Tensor2D;
        dzs[t] = dz;
        dcNext = tf.mul(dc, fs[t]);
        if (carryC !== undefined) dcNext = tf.add(dcNext, carryC);
        if (t > 0) {
          let dhr = tf.matMul(u, dz) as tf.Tensor2D;
          if (sRm !== undefined) dhr = tf.mul(dhr, sRm);
          dhNext = carryH === undefined ? dhr : tf.add(dhr, carryH);
        }
      }
      const dZ = tf.reshape(tf.concat(dzs, 0), [steps, h4, batch]);
      const hin3 = tf.reshape(shin, [steps, h, batch]);
      const onesB = tf.ones([batch, 1]);
      const grads: tf.Tensor[] = [
        // dxᵀ_t = W' dz_t: [F, 4H] × [T, 4H, B]
        tf.matMul(tf.transpose(sWt), dZ),
        // dW'ᵀ = Σ_t dz_t x_tᵀ, dU'ᵀ = Σ_t dz_t hin_tᵀ; then undo the transpose and ⊙ s
        tf.mul(
          tf.transpose(sumSteps(tf.matMul(dZ, sx, false, true) as tf.Tensor3D)),
          tf.reshape(ss, [1, h4]),
        ),
        tf.mul(
          tf.transpose(sumSteps(tf.matMul(dZ, hin3, false, true) as tf.Tensor3D)),
          tf.reshape(ss, [1, h4]),
        ),
        tf.mul(
          tf.reshape(
            sumSteps(
              tf.reshape(tf.matMul(tf.reshape(dZ, [steps * h4, batch]), onesB), [steps, h4, 1]),
            ),
            [h4],
          ),
          tf.reshape(ss, [h4]),
        ),
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
