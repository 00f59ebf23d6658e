/**
 * Worker half of data-parallel training (`threads: 2`): receives the current weights and half a
 * batch, returns that half's loss and gradients. The main thread averages both halves and steps
 * the optimiser, so the two wasm instances run on two cores.
 *
 * @module
 */
/// <reference lib="deno.worker" />
import { ensureTfBackend, tf } from "./tf_backend.ts";
import { createRng } from "../core/random.ts";
import {
  arraysToTensors,
  type BatchArrays,
  batchLoss,
  type Cell,
  initParams,
  type NetParams,
  paramList,
  trainableList,
} from "./_sequence_model_net.ts";

/** Messages the worker accepts. */
export type WorkerRequest =
  | { type: "init"; features: number; units: number[]; cell: Cell; batchNorm: boolean }
  | {
    type: "grad";
    weights: Float32Array[];
    batch: BatchArrays;
    y: Float32Array;
    w: Float32Array;
    seed: number;
    dropout: number;
    recurrentDropout: number;
  }
  | { type: "close" };

/** Replies of the worker. */
export type WorkerReply =
  | { type: "ready"; backend: string }
  | { type: "grad"; loss: number; grads: Float32Array[] }
  | { type: "error"; message: string };

let params: NetParams | undefined;
let cell: Cell = "lstm";

self.onmessage = async (e: MessageEvent<WorkerRequest>) => {
  const m = e.data;
  try {
    if (m.type === "init") {
      const backend = await ensureTfBackend();
      params = initParams(m.features, m.units, 0, m.cell, m.batchNorm);
      cell = m.cell;
      self.postMessage({ type: "ready", backend } satisfies WorkerReply);
    } else if (m.type === "grad") {
      const vars = paramList(params!);
      m.weights.forEach((w, i) => {
        const t = tf.tensor(w, vars[i].shape);
        vars[i].assign(t);
        t.dispose();
      });
      const { x, mask } = arraysToTensors(m.batch);
      const n = m.batch.batch;
      const y = tf.tensor2d(m.y, [n, 1]), w = tf.tensor2d(m.w, [n, 1]);
      const rng = createRng(m.seed);
      const trainable = trainableList(params!);
      const { value, grads } = tf.variableGrads(
        () =>
          batchLoss(params!, {
            x,
            mask,
            y,
            w,
            cell,
            l2: 0,
            train: { dropout: m.dropout, recurrentDropout: m.recurrentDropout, rng },
          }),
        trainable,
      );
      const out = trainable.map((v) => grads[v.name].dataSync() as Float32Array);
      const loss = value.dataSync()[0];
      tf.dispose([value, ...Object.values(grads), x, mask, y, w]);
      self.postMessage(
        { type: "grad", loss, grads: out } satisfies WorkerReply,
        out.map((g) => g.buffer as ArrayBuffer),
      );
    } else if (m.type === "close") {
      if (params) tf.dispose(paramList(params));
      self.close();
    }
  } catch (err) {
    self.postMessage({ type: "error", message: (err as Error).message } satisfies WorkerReply);
  }
};
