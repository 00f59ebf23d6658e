import assert from "node:assert/strict";
import { fitTfidf } from "@shoplab/lib/text/fit_tfidf.ts";

const DOCS = [["tea", "mug", "tea"], ["mug", "chair"], ["garden", "chair", "chair", "lamp"]];

function dense(m: ReturnType<ReturnType<typeof fitTfidf>["transform"]>): number[][] {
  const out = Array.from({ length: m.nRows }, () => new Array(m.nCols).fill(0));
  for (let r = 0; r < m.nRows; r++) {
    for (let q = m.indptr[r]; q < m.indptr[r + 1]; q++) out[r][m.indices[q]] = m.values[q];
  }
  return out;
}

function close(a: number[][], b: number[][], tol = 1e-9): void {
  a.forEach((row, r) =>
    row.forEach((x, c) => assert.ok(Math.abs(x - b[r][c]) < tol, `${r},${c}: ${x} vs ${b[r][c]}`))
  );
}

// Reference values: scikit-learn 1.2.1 TfidfVectorizer(analyzer=lambda x: x) on DOCS.
Deno.test("fitTfidf() matches scikit-learn's TfidfVectorizer defaults", () => {
  const model = fitTfidf(DOCS);
  assert.deepEqual(model.terms, ["chair", "garden", "lamp", "mug", "tea"]);
  const idf = [
    1.2876820724517808,
    1.6931471805599454,
    1.6931471805599454,
    1.2876820724517808,
    1.6931471805599454,
  ];
  idf.forEach((x, i) => assert.ok(Math.abs(model.idf[i] - x) < 1e-12));
  close(dense(model.transform(DOCS)), [
    [0, 0, 0, 0.35543246785, 0.934701963621],
    [0.707106781187, 0, 0, 0.707106781187, 0],
    [0.732359142842, 0.481482131494, 0.481482131494, 0, 0],
  ]);
});

Deno.test("fitTfidf() matches scikit-learn with sublinear_tf and smooth_idf=False", () => {
  const model = fitTfidf(DOCS, { sublinearTf: true, smoothIdf: false });
  assert.ok(Math.abs(model.idf[0] - 1.4054651081081644) < 1e-12);
  close(dense(model.transform(DOCS)), [
    [0, 0, 0, 0.367814621482, 0.929899136587],
    [0.707106781187, 0, 0, 0.707106781187, 0],
    [0.625552302249, 0.551672147725, 0.551672147725, 0, 0],
  ]);
});

Deno.test("fitTfidf() ignores unknown terms and keeps empty rows", () => {
  const model = fitTfidf(DOCS);
  const x = model.transform([["unknown"], [], ["tea"]]);
  assert.deepEqual([...x.indptr], [0, 0, 0, 1]);
  assert.equal(x.values[0], 1);
});

Deno.test("fitTfidf() applies minDf/maxDf and tokenises strings", () => {
  const model = fitTfidf(["Red mugs", "red chairs", "blue mug"], { minDf: 2 });
  assert.deepEqual(model.terms, ["mug", "red"]);
  const m2 = fitTfidf(DOCS, { maxDf: 0.5 });
  assert.deepEqual(m2.terms, ["garden", "lamp", "tea"]);
  assert.throws(() => fitTfidf([]), RangeError);
});
