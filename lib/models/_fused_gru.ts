/**
 * A fused GRU layer with a hand-written gradient, in the same `[T, features, B]` layout as the
 * fused LSTM (see `_fused_lstm.ts`).
 *
 * Equations (Keras/tfjs gate order z, r, h; `reset_after = false`, as `tf.layers.gru`):
 * z = σ(x W_z + h U_z + b_z), r = σ(x W_r + h U_r + b_r), ĥ = tanh(x W_h + (r ⊙ h) U_h + b_h),
 * h_t = z ⊙ h_{t−1} + (1 − z) ⊙ ĥ. Padding masks keep the previous state; a recurrent-dropout
 * mask multiplies h_{t−1} where it enters the matmuls.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import type { FusedLstmMasks, LstmWeights } from "./_fused_lstm.ts";

/** Weights of one GRU layer: kernel `[F, 3H]`, recurrent kernel `[H, 3H]`, bias `[3H]`. */
export type GruWeights = LstmWeights;

// ĥ = tanh(a) = 2σ(2a) − 1: the h block is doubled in the weights so one sigmoid serves.
function gateScale(h: number): tf.Tensor2D {
  const s = new Float32Array(3 * h).fill(1);
  s.fill(2, 2 * h);
  return tf.tensor2d(s, [3 * h, 1]);
}

interface Scaled {
  wt: tf.Tensor2D; // [3H, F]
  uzr: tf.Tensor2D; // [2H, H]
  uh: tf.Tensor2D; // [H, H]
  bt: tf.Tensor2D; // [3H, 1]
}

function scaled(w: GruWeights, s: tf.Tensor2D): Scaled {
  const h3 = w.bias.shape[0], h = h3 / 3;
  const ut = tf.mul(tf.transpose(w.recurrent), s);
  const [uzr, uh] = tf.split(ut, [2 * h, h], 0) as tf.Tensor2D[];
  return {
    wt: tf.mul(tf.transpose(w.kernel), s),
    uzr,
    uh,
    bt: tf.mul(tf.reshape(w.bias, [h3, 1]), s),
  };
}

interface Forward {
  hs: tf.Tensor2D[];
  zs: tf.Tensor2D[];
  rs: tf.Tensor2D[];
  shs: tf.Tensor2D[];
  hins: tf.Tensor2D[];
  hprevs: tf.Tensor2D[];
}

function forward(x: tf.Tensor3D, w: Scaled, masks: FusedLstmMasks): Forward {
  const [steps, , batch] = x.shape;
  const h = w.uh.shape[0];
  const proj = tf.add(tf.matMul(w.wt, x), w.bt); // [T, 3H, B]
  const [pzr, ph] = tf.split(proj, [2 * h, h], 1) as tf.Tensor3D[];
  const pzrs = tf.unstack(pzr, 0) as tf.Tensor2D[], phs = tf.unstack(ph, 0) as tf.Tensor2D[];
  const ms = masks.mask === undefined ? undefined : tf.unstack(masks.mask, 0) as tf.Tensor2D[];
  let hPrev = tf.zeros([h, batch]) as tf.Tensor2D;
  const out: Forward = { hs: [], zs: [], rs: [], shs: [], hins: [], hprevs: [] };
  for (let t = 0; t < steps; t++) {
    const hin: tf.Tensor2D = masks.recurrentMask === undefined
      ? hPrev
      : tf.mul(hPrev, masks.recurrentMask);
    const szr = tf.sigmoid(tf.add(pzrs[t], tf.matMul(w.uzr, hin)));
    const [z, r] = tf.split(szr, 2, 0) as tf.Tensor2D[];
    const sh = tf.sigmoid(tf.add(phs[t], tf.matMul(w.uh, tf.mul(r, hin)))) as tf.Tensor2D;
    const hh = tf.sub(tf.mul(sh, 2), 1);
    let hNew = tf.add(hh, tf.mul(z, tf.sub(hPrev, hh))) as tf.Tensor2D;
    if (ms !== undefined) hNew = tf.add(hPrev, tf.mul(ms[t], tf.sub(hNew, hPrev)));
    out.hs.push(hNew);
    out.zs.push(z);
    out.rs.push(r);
    out.shs.push(sh);
    out.hins.push(hin);
    out.hprevs.push(hPrev);
    hPrev = hNew;
  }
  return out;
}

function sumSteps(x: tf.Tensor3D): tf.Tensor2D {
  const [t, r, c] = x.shape;
  return tf.reshape(tf.matMul(tf.ones([1, t]), tf.reshape(x, [t, r * c])), [r, c]);
}

function stack3(ts: tf.Tensor2D[]): tf.Tensor3D {
  const [r, c] = ts[0].shape;
  return tf.reshape(tf.concat(ts, 0), [ts.length, r, c]);
}

/**
 * Runs a GRU layer over `[T, F, B]` input with a hand-written gradient.
 *
 * @param x Input `[T, F, B]`.
 * @param w Weights (`[F, 3H]`, `[H, 3H]`, `[3H]`).
 * @param returnSequences `true` → `[T, H, B]`, `false` → `[H, B]`.
 * @param masks Optional padding `[T, 1, B]` and recurrent-dropout `[H, B]` masks.
 * @returns The layer output; differentiable w.r.t. `x` and the weights.
 * @example
 * ```ts
 * import { ensureTfBackend, tf } from "@shoplab/lib/models/tf_backend.ts";
 * import { fusedGru } from "@shoplab/lib/models/_fused_gru.ts";
 * import assert from "node:assert/strict";
 * await ensureTfBackend();
 * // H = F = 1, no recurrent weights, zero bias: z = ½ and ĥ = tanh(x_t)
 * const w = {
 *   kernel: tf.tensor2d([[0, 0, 1]]), recurrent: tf.zeros([1, 3]) as tf.Tensor2D,
 *   bias: tf.zeros([3]) as tf.Tensor1D,
 * };
 * const x = tf.tensor3d([2, 1], [2, 1, 1]); // T = 2 steps of one value, batch 1
 * const h1 = 0.5 * Math.tanh(2), h2 = 0.5 * h1 + 0.5 * Math.tanh(1);
 * const before = tf.memory().numTensors;
 * const h = fusedGru(x, w, false);
 * assert.ok(Math.abs(h.dataSync()[0] - h2) < 1e-6);
 * // dh₂/dx₂ = (1 − z) (1 − tanh² 1) with z = ½
 * const dx = tf.grad((v: tf.Tensor) => fusedGru(v as tf.Tensor3D, w, false).sum())(x);
 * assert.ok(Math.abs(dx.dataSync()[1] - 0.5 * (1 - Math.tanh(1) ** 2)) < 1e-6);
 * tf.dispose([h, dx]);
 * assert.equal(tf.memory().numTensors, before);
 * tf.dispose([x, w.kernel, w.recurrent, w.bias]);
 * ```
 */
export function fusedGru(
  x: tf.Tensor3D,
  w: GruWeights,
  returnSequences: boolean,
  masks: FusedLstmMasks = {},
): tf.Tensor {
  const [steps, features, batch] = x.shape;
  const h3 = w.bias.shape[0], h = h3 / 3;
  if (w.kernel.shape[0] !== features || w.kernel.shape[1] !== h3) {
    throw new RangeError(
      `fusedGru: kernel has shape [${w.kernel.shape}], expected [${features}, ${h3}]`,
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
    const all = [fw.zs, fw.rs, fw.shs, fw.hins, fw.hprevs].map(stack3);
    save([...all, s, xi, ws.wt, ws.uzr, ws.uh, ...(mask ? [mask] : []), ...(rm ? [rm] : [])]);
    const value = returnSequences ? stack3(fw.hs) : fw.hs[steps - 1];
    const gradFunc = (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [z3, r3, sh3, hin3, hp3] = saved as tf.Tensor3D[];
      const ss = saved[5], sx = saved[6] as tf.Tensor3D, sWt = saved[7];
      const uzrT = tf.transpose(saved[8]), uhT = tf.transpose(saved[9]);
      const sMask = mask === undefined ? undefined : saved[10] as tf.Tensor3D;
      const sRm = rm === undefined ? undefined : saved[mask === undefined ? 10 : 11] as tf.Tensor2D;
      const hh3 = tf.sub(tf.mul(sh3, 2), 1);
      const zs = tf.unstack(z3, 0) as tf.Tensor2D[], rs = tf.unstack(r3, 0) as tf.Tensor2D[];
      const dzf = tf.unstack(tf.mul(z3, tf.sub(1, z3)), 0) as tf.Tensor2D[];
      const drf = tf.unstack(tf.mul(r3, tf.sub(1, r3)), 0) as tf.Tensor2D[];
      const dhf = tf.unstack(tf.mul(tf.mul(sh3, tf.sub(1, sh3)), 2), 0) as tf.Tensor2D[];
      const gap = tf.unstack(tf.sub(hp3, hh3), 0) as tf.Tensor2D[];
      const hins = tf.unstack(hin3, 0) as tf.Tensor2D[];
      const dys = returnSequences ? tf.unstack(dy, 0) as tf.Tensor2D[] : undefined;
      const ms = sMask === undefined ? undefined : tf.unstack(sMask, 0) as tf.Tensor2D[];
      let dhNext: tf.Tensor2D | undefined = returnSequences ? undefined : dy as tf.Tensor2D;
      const dzrs: tf.Tensor2D[] = new Array(steps), dahs: tf.Tensor2D[] = new Array(steps);
      const rhs: tf.Tensor2D[] = new Array(steps);
      for (let t = steps - 1; t >= 0; t--) {
        let dh = dys === undefined
          ? dhNext!
          : dhNext === undefined
          ? dys[t]
          : tf.add(dhNext, dys[t]);
        let carry: tf.Tensor2D | undefined;
        if (ms !== undefined) {
          const dhm = tf.mul(dh, ms[t]) as tf.Tensor2D;
          carry = tf.sub(dh, dhm);
          dh = dhm;
        }
        const z = zs[t], r = rs[t];
        const daz = tf.mul(tf.mul(dh, gap[t]), dzf[t]);
        const dah = tf.mul(tf.mul(dh, tf.sub(1, z)), dhf[t]) as tf.Tensor2D;
        const drh = tf.matMul(uhT, dah); // d(r ⊙ hin)
        const dar = tf.mul(tf.mul(drh, hins[t]), drf[t]);
        const dzr = tf.concat([daz, dar], 0) as tf.Tensor2D;
        dzrs[t] = dzr;
        dahs[t] = dah;
        rhs[t] = tf.mul(r, hins[t]) as tf.Tensor2D;
        if (t > 0) {
          let dhin = tf.add(tf.matMul(uzrT, dzr), tf.mul(drh, r)) as tf.Tensor2D;
          if (sRm !== undefined) dhin = tf.mul(dhin, sRm);
          dhNext = tf.add(dhin, tf.mul(dh, z)) as tf.Tensor2D;
          if (carry !== undefined) dhNext = tf.add(dhNext, carry);
        }
      }
      const dZr = stack3(dzrs), dAh = stack3(dahs), rh3 = stack3(rhs);
      const dA = tf.concat([dZr, dAh], 1) as tf.Tensor3D; // [T, 3H, B]
      const dUt = tf.concat([
        sumSteps(tf.matMul(dZr, hin3, false, true) as tf.Tensor3D),
        sumSteps(tf.matMul(dAh, rh3, false, true) as tf.Tensor3D),
      ], 0);
      const sRow = tf.reshape(ss, [1, h3]);
      const onesB = tf.ones([batch, 1]);
      const grads: tf.Tensor[] = [
        tf.matMul(tf.transpose(sWt), dA),
        tf.mul(tf.transpose(sumSteps(tf.matMul(dA, sx, false, true) as tf.Tensor3D)), sRow),
        tf.mul(tf.transpose(dUt), sRow),
        tf.mul(
          tf.reshape(
            sumSteps(
              tf.reshape(tf.matMul(tf.reshape(dA, [steps * h3, batch]), onesB), [steps, h3, 1]),
            ),
            [h3],
          ),
          tf.reshape(ss, [h3]),
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
 * Forward pass only (inference).
 *
 * @param x Input `[T, F, B]`.
 * @param w Weights.
 * @param returnSequences `true` → `[T, H, B]`, `false` → `[H, B]`.
 * @param mask Optional padding mask `[T, 1, B]`.
 * @returns The layer output.
 * @example
 * ```ts
 * import { ensureTfBackend, tf } from "@shoplab/lib/models/tf_backend.ts";
 * import { gruInference } from "@shoplab/lib/models/_fused_gru.ts";
 * import assert from "node:assert/strict";
 * await ensureTfBackend();
 * // H = F = 1, no recurrent weights, zero bias: z = ½ and ĥ = tanh(x_t)
 * const w = {
 *   kernel: tf.tensor2d([[0, 0, 1]]), recurrent: tf.zeros([1, 3]) as tf.Tensor2D,
 *   bias: tf.zeros([3]) as tf.Tensor1D,
 * };
 * const x = tf.tensor3d([2, 1], [2, 1, 1]); // T = 2 steps of one value, batch 1
 * const h1 = 0.5 * Math.tanh(2), h2 = 0.5 * h1 + 0.5 * Math.tanh(1);
 * const h = gruInference(x, w, true);
 * assert.deepEqual(h.shape, [2, 1, 1]);
 * const [a, b] = h.dataSync();
 * assert.ok(Math.abs(a - h1) < 1e-6 && Math.abs(b - h2) < 1e-6);
 * tf.dispose([h, x, w.kernel, w.recurrent, w.bias]);
 * ```
 */
export function gruInference(
  x: tf.Tensor3D,
  w: GruWeights,
  returnSequences: boolean,
  mask?: tf.Tensor3D,
): tf.Tensor {
  return tf.tidy(() => {
    const h = w.bias.shape[0] / 3;
    const fw = forward(x, scaled(w, gateScale(h)), { mask });
    return returnSequences ? stack3(fw.hs) : fw.hs[fw.hs.length - 1];
  });
}
