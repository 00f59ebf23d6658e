import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { embeddingModel } from "@shoplab/lib/recommend/embedding_model.ts";
import { leaveLastOutSplit } from "@shoplab/lib/recommend/leave_last_out_split.ts";
import { evaluateRecommenders } from "@shoplab/lib/recommend/evaluate_recommenders.ts";
import { plantedBlocks } from "./_fixtures.ts";

Deno.test("embeddingModel() learns a planted signal (hit rate well above popularity) without leaking tensors", async () => {
  const m = plantedBlocks({
    users: 300,
    itemsPerGroup: 20,
    groups: 4,
    perUser: 8,
    own: 0.9,
    seed: 1,
  });
  const split = leaveLastOutSplit(m, { n: 2 });
  const model = embeddingModel({ dimension: 8, epochs: 25, batchSize: 256, learningRate: 0.02 });
  await model.fit(split.train); // warm-up: backend init and kernel registration
  const before = tf.memory().numTensors;
  const fitted = await model.fit(split.train);
  assert.equal(tf.memory().numTensors, before);
  assert.equal(fitted.backend, "wasm");
  assert.ok(fitted.loss[fitted.loss.length - 1] < fitted.loss[0]);
  const rows = await evaluateRecommenders([fitted], split, { k: 5 });
  const [pop, emb] = rows;
  assert.ok(
    emb.hitRate > pop.hitRate + 0.2,
    `embedding ${emb.hitRate} vs popularity ${pop.hitRate}`,
  );
  // seeded: the same fit twice gives the same embeddings
  const again = await model.fit(split.train);
  assert.deepEqual(again.itemEmbeddings, fitted.itemEmbeddings);
  assert.throws(() => embeddingModel({ dimension: 0 }), RangeError);
});
