/**
 * Main-thread side of data-parallel training: starts the worker of `_sequence_model_worker.ts`
 * and exchanges weights and half-batch gradients with it.
 *
 * @module
 */
import type { Cell } from "./_sequence_model_net.ts";
import type { WorkerReply, WorkerRequest } from "./_sequence_model_worker.ts";

/** A started gradient worker. */
export interface GradWorker {
  /** Sends a request and resolves with the worker's reply (rejects on a worker error). */
  request(req: WorkerRequest & { type: "grad" }): Promise<{ loss: number; grads: Float32Array[] }>;
  /** The worker's tfjs backend (`"wasm"`, or `"cpu"` when wasm could not start there). */
  readonly backend: string;
  /** Stops the worker. */
  close(): void;
}

/**
 * Starts a worker holding a copy of the network's shape.
 *
 * @example
 * ```ts
 * import { startGradWorker } from "@shoplab/lib/models/_sequence_model_parallel.ts";
 * import assert from "node:assert/strict";
 * const worker = await startGradWorker(1, [2], "gru");
 * assert.ok(["wasm", "cpu"].includes(worker.backend));
 * worker.close();
 * ```
 */
export async function startGradWorker(
  features: number,
  units: readonly number[],
  cell: Cell,
  batchNorm = false,
): Promise<GradWorker> {
  const worker = new Worker(new URL("./_sequence_model_worker.ts", import.meta.url), {
    type: "module",
  });
  let pending: { resolve: (r: WorkerReply) => void; reject: (e: Error) => void } | undefined;
  worker.onmessage = (e: MessageEvent<WorkerReply>) => {
    const p = pending;
    pending = undefined;
    if (e.data.type === "error") p?.reject(new Error(`sequence model worker: ${e.data.message}`));
    else p?.resolve(e.data);
  };
  worker.onerror = (e: ErrorEvent) => {
    e.preventDefault();
    const p = pending;
    pending = undefined;
    p?.reject(new Error(`sequence model worker failed: ${e.message}`));
  };
  const send = (req: WorkerRequest, transfer: ArrayBuffer[] = []) =>
    new Promise<WorkerReply>((resolve, reject) => {
      pending = { resolve, reject };
      worker.postMessage(req, transfer);
    });
  let backend = "";
  try {
    const r = await send({ type: "init", features, units: [...units], cell, batchNorm });
    if (r.type === "ready") backend = r.backend;
  } catch (e) {
    worker.terminate();
    throw e;
  }
  return {
    backend,
    async request(req) {
      const transfer = [req.batch.x.buffer, ...(req.batch.mask ? [req.batch.mask.buffer] : [])];
      const r = await send(req, transfer as ArrayBuffer[]);
      if (r.type !== "grad") throw new Error(`sequence model worker: unexpected reply ${r.type}`);
      return r;
    },
    close() {
      worker.postMessage({ type: "close" } satisfies WorkerRequest);
      worker.terminate();
    },
  };
}
