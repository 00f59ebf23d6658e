/**
 * A tfjs `IOHandler` over a local folder (Deno file system): `model.json` holds the topology and
 * the weights manifest, `weights.bin` the weight data — the layout `tf.io` uses for `file://`.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";

/** An IOHandler with both halves present. */
export interface FolderHandler extends tf.io.IOHandler {
  save(artifacts: tf.io.ModelArtifacts): Promise<tf.io.SaveResult>;
  load(): Promise<tf.io.ModelArtifacts>;
}

/**
 * Creates an IOHandler that saves to / loads from `dir` (created on save).
 *
 * @example
 * ```ts
 * import { folderHandler } from "@shoplab/lib/models/_sequence_model_io.ts";
 * import assert from "node:assert/strict";
 * const dir = await Deno.makeTempDir();
 * const h = folderHandler(`${dir}/model`);
 * await h.save({
 *   modelTopology: { kind: "demo" },
 *   weightSpecs: [{ name: "w", shape: [2], dtype: "float32" }],
 *   weightData: Float32Array.of(1.5, -2).buffer,
 * });
 * const loaded = await h.load();
 * assert.deepEqual(loaded.modelTopology, { kind: "demo" });
 * assert.deepEqual([...new Float32Array(loaded.weightData as ArrayBuffer)], [1.5, -2]);
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export function folderHandler(dir: string): FolderHandler {
  const join = (name: string) => `${dir.replace(/\/+$/, "")}/${name}`;
  return {
    async save(artifacts: tf.io.ModelArtifacts): Promise<tf.io.SaveResult> {
      await Deno.mkdir(dir, { recursive: true });
      const data = artifacts.weightData === undefined
        ? new Uint8Array(0)
        : new Uint8Array(tf.io.CompositeArrayBuffer.join(artifacts.weightData));
      await Deno.writeFile(join("weights.bin"), data);
      const json = {
        format: artifacts.format,
        generatedBy: artifacts.generatedBy,
        modelTopology: artifacts.modelTopology,
        userDefinedMetadata: artifacts.userDefinedMetadata,
        weightsManifest: [{ paths: ["weights.bin"], weights: artifacts.weightSpecs ?? [] }],
      };
      await Deno.writeTextFile(join("model.json"), JSON.stringify(json));
      return {
        modelArtifactsInfo: {
          dateSaved: new Date(0),
          modelTopologyType: "JSON",
          weightDataBytes: data.byteLength,
        },
      };
    },
    async load(): Promise<tf.io.ModelArtifacts> {
      let json: {
        format?: string;
        generatedBy?: string;
        modelTopology?: object;
        userDefinedMetadata?: { [key: string]: object };
        weightsManifest?: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[];
      };
      try {
        json = JSON.parse(await Deno.readTextFile(join("model.json")));
      } catch (e) {
        throw new TypeError(`Cannot load model from "${dir}": ${(e as Error).message}`);
      }
      const manifest = json.weightsManifest ?? [];
      const specs = manifest.flatMap((g) => g.weights);
      const parts: Uint8Array[] = [];
      for (const g of manifest) for (const p of g.paths) parts.push(await Deno.readFile(join(p)));
      const total = parts.reduce((s, p) => s + p.byteLength, 0);
      const buf = new Uint8Array(total);
      let o = 0;
      for (const p of parts) {
        buf.set(p, o);
        o += p.byteLength;
      }
      return {
        format: json.format,
        generatedBy: json.generatedBy,
        modelTopology: json.modelTopology,
        userDefinedMetadata: json.userDefinedMetadata,
        weightSpecs: specs,
        weightData: buf.buffer,
      };
    },
  };
}
