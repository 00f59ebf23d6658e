/**
 * Checks against independent references: scikit-learn, scipy and numpy values in
 * tests/fixtures/recommend_text.json, written by tests/fixtures/recommend_text_fixtures.py.
 */
import assert from "node:assert/strict";
import { interactionsFromArrays } from "@shoplab/lib/recommend/interactions_from_arrays.ts";
import { itemSimilarityTopK } from "@shoplab/lib/recommend/item_similarity_top_k.ts";
import { cosineSimilarity } from "@shoplab/lib/recommend/cosine_similarity.ts";
import { pearsonCorrelation } from "@shoplab/lib/recommend/pearson_correlation.ts";
import { ndcgAtK } from "@shoplab/lib/recommend/ndcg_at_k.ts";
import { mapAtK } from "@shoplab/lib/recommend/map_at_k.ts";
import { fitTfidf } from "@shoplab/lib/text/fit_tfidf.ts";
import { alsLoss, gramPlusReg, solveCg, solveCholesky } from "@shoplab/lib/recommend/_als_solve.ts";

const REF = JSON.parse(
  await Deno.readTextFile(new URL("../fixtures/recommend_text.json", import.meta.url)),
);
const close = (a: number, b: number, tol: number, what: string) =>
  assert.ok(Math.abs(a - b) <= tol, `${what}: ${a} vs ${b}`);

Deno.test("itemSimilarityTopK() matches scikit-learn cosine, numpy Pearson and scipy Jaccard", () => {
  const s = REF.similarity;
  const m = interactionsFromArrays(
    { users: s.users, items: s.items, values: s.values },
    { nUsers: s.nUsers, nItems: s.nItems },
  );
  const refs = { cosine: s.cosine, pearson: s.pearson11, jaccard: s.jaccard } as const;
  for (const [similarity, ref] of Object.entries(refs) as [keyof typeof refs, number[][]][]) {
    const nb = itemSimilarityTopK(m, { k: s.nItems - 1, similarity });
    for (let i = 0; i < ref.length; i++) {
      const got = new Map<number, number>();
      for (let p = nb.indptr[i]; p < nb.indptr[i + 1]; p++) got.set(nb.indices[p], nb.values[p]);
      for (let j = 0; j < ref.length; j++) {
        if (j === i) continue;
        // kept: exactly the pairs with a common user and a positive similarity
        const want = ref[i][j];
        if (got.has(j)) close(got.get(j)!, want, 1e-6, `${similarity}(${i}, ${j})`);
        else {assert.ok(
            !(want > 1e-7) || similarity === "pearson",
            `${similarity}(${i}, ${j}) missing`,
          );}
      }
    }
  }
  const w = s.worked;
  close(cosineSimilarity(w.a, w.b), w.cosine, 1e-12, "worked cosine");
  close(w.cosine, 25 / Math.sqrt(690), 1e-12, "sklearn's worked cosine is 25/√690");
  close(pearsonCorrelation(w.a, w.b), w.pearson, 1e-12, "worked Pearson");
});

Deno.test("ndcgAtK() and mapAtK() match scikit-learn's ndcg_score and average_precision_score", () => {
  assert.ok(REF.ranking.length > 0, "the fixture has ranking cases");
  for (const c of REF.ranking) {
    assert.ok(Object.keys(c.ndcg).length > 0, "each case has NDCG cut-offs");
    const order = Array.from(c.scores.keys() as Iterable<number>).sort((a, b) =>
      c.scores[b] - c.scores[a]
    );
    for (const [k, v] of Object.entries(c.ndcg) as [string, number][]) {
      close(ndcgAtK(order, c.relevant, { k: Number(k) }), v, 1e-12, `ndcg@${k}`);
    }
    // AP over the full ranking = MAP@k with k = every item (normaliser |relevant|)
    close(mapAtK(order, c.relevant, { k: order.length }), c.averagePrecision, 1e-12, "AP");
  }
});

Deno.test("fitTfidf() matches scikit-learn's TfidfVectorizer on item titles", () => {
  const t = REF.tfidf;
  for (
    const [name, opts] of [["default", {}], ["sublinearNoSmooth", {
      sublinearTf: true,
      smoothIdf: false,
    }]] as const
  ) {
    const model = fitTfidf(t.docs, opts);
    assert.deepEqual(model.terms, t[name].terms);
    model.idf.forEach((x, j) => close(x, t[name].idf[j], 1e-12, `${name} idf ${t[name].terms[j]}`));
    const x = model.transform(t.docs);
    for (let r = 0; r < x.nRows; r++) {
      const dense = new Array(x.nCols).fill(0);
      for (let q = x.indptr[r]; q < x.indptr[r + 1]; q++) dense[x.indices[q]] = x.values[q];
      dense.forEach((v, j) => close(v, t[name].matrix[r][j], 1e-12, `${name} [${r}, ${j}]`));
    }
  }
});

Deno.test("implicit ALS: the exact user update and the objective match a dense numpy solve", () => {
  const a = REF.als;
  const m = interactionsFromArrays(
    { users: a.users, items: a.items, values: a.values },
    { nUsers: a.nUsers, nItems: a.nItems },
  );
  const Y = Float32Array.from(a.Y), X0 = Float32Array.from(a.X);
  close(
    alsLoss(X0, Y, m.byUser, a.factors, a.alpha, a.regularization),
    a.objective,
    1e-4 * a.objective,
    "objective",
  );
  const G = gramPlusReg(Y, a.nItems, a.factors, a.regularization);
  const exact = X0.slice();
  solveCholesky(exact, Y, m.byUser, G, a.factors, a.alpha);
  exact.forEach((v, q) => close(v, a.userUpdate[q], 1e-5, `Cholesky x[${q}]`));
  // conjugate gradient reaches the same solution in f steps (exactly, up to rounding)
  const cg = X0.slice();
  solveCg(cg, Y, m.byUser, G, a.factors, a.alpha, a.factors);
  cg.forEach((v, q) => close(v, a.userUpdate[q], 1e-4, `CG x[${q}]`));
  assert.deepEqual(X0, Float32Array.from(a.X)); // the solvers wrote into their own copies
});
