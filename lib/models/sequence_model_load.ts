/**
 * Loads a sequence model saved with `SequenceModel.save`, with its preprocessing JSON, so a
 * notebook can score new customers without retraining.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { ensureTfBackend } from "./tf_backend.ts";
import { folderHandler } from "./_sequence_model_io.ts";
import { initParams, paramList } from "./_sequence_model_net.ts";
import {
  makeModel,
  type SequenceModel,
  type SequenceModelConfig,
  type Shape,
} from "./_sequence_model_impl.ts";

/**
 * Loads a classifier saved with {@linkcode SequenceModel.save}, with its preprocessing JSON.
 *
 * @param dir The folder written by `save`.
 * @returns The model (ready to `predictProba`) and the saved preprocessing object.
 * @throws {TypeError} When the folder holds no shoplab sequence model.
 * @example
 * ```ts
 * import { sequenceModel } from "@shoplab/lib/models/sequence_model.ts";
 * import { loadSequenceModel } from "@shoplab/lib/models/sequence_model_load.ts";
 * import assert from "node:assert/strict";
 * const batch = { x: Float32Array.from({ length: 40 }, (_, i) => i % 3), n: 20, steps: 2, features: 1 };
 * const y = Array.from({ length: 20 }, (_, i) => i % 2);
 * const m = sequenceModel({ units: [4], epochs: 1 });
 * await m.fit(batch, y);
 * const dir = await Deno.makeTempDir();
 * await m.save(dir, { note: "scaler goes here" });
 * const { model, preprocessing } = await loadSequenceModel(dir);
 * assert.deepEqual(await model.predictProba(batch), await m.predictProba(batch));
 * assert.deepEqual(preprocessing, { note: "scaler goes here" });
 * model.dispose();
 * m.dispose();
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export async function loadSequenceModel(
  dir: string,
): Promise<{ model: SequenceModel; preprocessing: unknown }> {
  await ensureTfBackend();
  const art = await folderHandler(dir).load();
  if (art.format !== "shoplab-sequence-model" || art.weightData === undefined) {
    throw new TypeError(`Cannot load "${dir}": not a shoplab sequence model (${art.format})`);
  }
  const topo = art.modelTopology as {
    config: SequenceModelConfig;
    shape: Shape;
    importance?: number[];
  };
  const w = tf.io.decodeWeights(art.weightData, art.weightSpecs ?? []);
  const params = initParams(
    topo.shape.features,
    topo.config.units,
    topo.config.seed,
    topo.config.cell,
    topo.config.batchNorm ?? false,
  );
  paramList(params).forEach((v, i) => v.assign(w[`w${i}`]));
  tf.dispose(Object.values(w));
  const model = makeModel(topo.config, () => performance.now(), {
    params,
    shape: topo.shape,
    importance: topo.importance ? Float64Array.from(topo.importance) : undefined,
  });
  const preprocessing = JSON.parse(await Deno.readTextFile(`${dir}/preprocessing.json`));
  return { model, preprocessing };
}
