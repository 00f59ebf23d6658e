import assert from "node:assert/strict";
import type { TopLevelSpec } from "vega-lite";
import {
  barChart,
  calibrationChart,
  cohortHeatmap,
  confusionMatrixChart,
  heatmapChart,
  histogram,
  liftChart,
  lineChart,
  metricAtKChart,
  PALETTE,
  prChart,
  rocChart,
  scatterChart,
  survivalChart,
  trainingCurvesChart,
  vegaLiteToSvg,
} from "@shoplab/lib/charts/mod.ts";

type Rows = { data: { values: Record<string, unknown>[] } };
type Layered = { layer: Rows[] };

const days = Array.from({ length: 30 }, (_, i) => ({
  day: new Date(Date.UTC(2024, 0, i + 1)),
  revenue: 100 + 10 * Math.sin(i / 3),
  channel: i % 2 ? "ads" : "organic",
}));

/** Every builder, with a text that must appear in its SVG. */
const cases: [string, TopLevelSpec, string][] = [
  ["lineChart", lineChart(days, "day", "revenue", { color: "channel", title: "Daily" }), "Daily"],
  [
    "barChart grouped",
    barChart(days.slice(0, 6), "channel", "revenue", { color: "channel" }),
    "revenue",
  ],
  [
    "barChart stacked horizontal",
    barChart([{ c: "a", s: "x", n: 1 }, { c: "a", s: "y", n: 2 }], "c", "n", {
      color: "s",
      layout: "stacked",
      horizontal: true,
    }),
    "n",
  ],
  ["histogram", histogram(days, "revenue", { bins: 10, xTitle: "rev" }), "rev"],
  ["scatterChart", scatterChart(days, "revenue", "revenue", { color: "channel" }), "channel"],
  [
    "heatmapChart",
    heatmapChart([{ a: "x", b: "p", v: 1 }, { a: "y", b: "q", v: 3 }], {
      x: "a",
      y: "b",
      value: "v",
    }),
    "v",
  ],
  [
    "rocChart",
    rocChart([{ name: "lr", fpr: [0, 0.1, 1], tpr: [0, 0.6, 1], auc: 0.75 }]),
    "lr (AUC 0.750)",
  ],
  [
    "prChart",
    prChart({ recall: [0, 0.5, 1], precision: [1, 0.7, 0.2] }, { positiveRate: 0.2 }),
    "precision",
  ],
  [
    "calibrationChart",
    calibrationChart({ predicted: [0.1, 0.5, 0.9], observed: [0.2, 0.45, 0.8], score: 0.1 }),
    "Brier 0.100",
  ],
  ["confusionMatrixChart", confusionMatrixChart({ tp: 5, fp: 2, tn: 90, fn: 3 }), "62.5%"],
  [
    "liftChart gains",
    liftChart({ fraction: [0.2, 1], gains: [0.6, 1] }, { positiveRate: 0.1 }),
    "share",
  ],
  ["liftChart lift", liftChart({ fraction: [0.2, 1], gains: [0.6, 1] }, { kind: "lift" }), "lift"],
  [
    "cohortHeatmap",
    cohortHeatmap([
      { cohort: "2024-01", period: 0, retention: 1 },
      { cohort: "2024-01", period: 1, retention: 0.35 },
      { cohort: "2024-02", period: 0, retention: 1 },
    ]),
    "35%",
  ],
  [
    "survivalChart",
    survivalChart([
      { group: "ads", time: [1, 4], survival: [0.9, 0.6], lower: [0.8, 0.5], upper: [1, 0.7] },
      { group: "organic", time: [2, 5], survival: [0.95, 0.8], lower: [0.9, 0.7], upper: [1, 0.9] },
    ]),
    "organic",
  ],
  [
    "trainingCurvesChart",
    trainingCurvesChart({ loss: [0.7, 0.5, 0.4], val_loss: [0.7, 0.6, 0.6], auc: [0.6, 0.7, 0.8] }),
    "validation",
  ],
  [
    "metricAtKChart",
    metricAtKChart([
      { k: 5, value: 0.1, model: "popularity", metric: "precision" },
      { k: 10, value: 0.08, model: "popularity", metric: "precision" },
      { k: 5, value: 0.2, model: "popularity", metric: "recall" },
      { k: 10, value: 0.3, model: "popularity", metric: "recall" },
    ]),
    "recall@k",
  ],
];

for (const [name, spec, text] of cases) {
  Deno.test(`${name.split(" ")[0]}() compiles and renders to SVG (${name})`, async () => {
    assert.equal(
      (spec as { $schema: string }).$schema,
      "https://vega.github.io/schema/vega-lite/v6.json",
    );
    assert.deepEqual(
      (spec as { config: { range: { category: string[] } } }).config.range.category,
      PALETTE,
    );
    const svg = await vegaLiteToSvg(spec);
    assert.match(svg, /^<svg[^>]*viewBox=/);
    assert.ok(svg.includes(text), `${name}: SVG lacks "${text}"`);
    assert.ok(!svg.includes("NaN"), `${name}: SVG has NaN coordinates`);
    assert.ok(JSON.stringify(spec).length < 20_000, `${name}: spec too big`);
  });
}

Deno.test("rocChart() downsamples to maxPoints keeping both endpoints and the order", () => {
  const n = 5001;
  const fpr = Float64Array.from({ length: n }, (_, i) => i / (n - 1));
  const tpr = fpr.map((x) => Math.sqrt(x));
  const spec = rocChart({ fpr, tpr }) as unknown as Layered;
  const rows = spec.layer[0].data.values;
  assert.equal(rows.length, 500);
  assert.deepEqual(rows[0], { series: "model", x: 0, y: 0, order: 0 });
  assert.deepEqual(rows[499], { series: "model", x: 1, y: 1, order: 499 });
  // rounded to 4 significant digits
  assert.ok(rows.every((r) => String(r.x).replace(/^0\./, "").length <= 5));
  // the diagonal layer
  assert.deepEqual(spec.layer[1].data.values, [{ x: 0, y: 0 }, { x: 1, y: 1 }]);
  assert.equal(
    (rocChart({ fpr, tpr }, { maxPoints: 50 }) as unknown as Layered).layer[0].data.values.length,
    50,
  );
});

Deno.test("rocChart() keeps vertical steps (points in the given order, not sorted by x)", () => {
  const spec = rocChart({
    fpr: [0, 0, 0.5, 0.5, 1],
    tpr: [0, 0.5, 0.5, 1, 1],
  }) as unknown as Layered;
  assert.deepEqual(spec.layer[0].data.values.map((r) => [r.x, r.y, r.order]), [
    [0, 0, 0],
    [0, 0.5, 1],
    [0.5, 0.5, 2],
    [0.5, 1, 3],
    [1, 1, 4],
  ]);
});

Deno.test("rocChart() / prChart() reject curves whose arrays differ in length", () => {
  assert.throws(() => rocChart({ fpr: [0, 1], tpr: [0] }), RangeError);
  assert.throws(() => prChart({ recall: [0, 1], precision: [1] }), RangeError);
  assert.throws(() => prChart({ recall: [0], precision: [1] }, { positiveRate: 2 }), RangeError);
});

Deno.test("confusionMatrixChart() lays out actual × predicted with row shares", () => {
  const spec = confusionMatrixChart({ tp: 30, fp: 10, tn: 50, fn: 10 }) as unknown as Rows;
  const cell = (a: string, p: string) =>
    spec.data.values.find((c) => c.actual === a && c.predicted === p)!;
  assert.equal(cell("negative", "negative").label, "50 (83.3%)");
  assert.equal(cell("negative", "positive").count, 10);
  assert.equal(cell("positive", "negative").label, "10 (25.0%)");
  const all = confusionMatrixChart({ tp: 30, fp: 10, tn: 50, fn: 10 }, {
    normalize: "all",
  }) as unknown as Rows;
  assert.equal(
    all.data.values.find((c) => c.actual === "positive" && c.predicted === "positive")!.share,
    0.3,
  );
  const multi = confusionMatrixChart({
    labels: ["a", "b", "c"],
    matrix: [[1, 0, 0], [0, 2, 0], [0, 0, 0]],
  }) as unknown as Rows;
  assert.equal(multi.data.values.length, 9);
  assert.equal(multi.data.values[8].label, "0 (0.0%)"); // empty row: no division by zero
  assert.throws(() => confusionMatrixChart({ labels: ["a", "b"], matrix: [[1, 2]] }), RangeError);
  assert.throws(() => confusionMatrixChart({ tp: -1, fp: 0, tn: 0, fn: 0 }), RangeError);
});

Deno.test("liftChart() starts gains at the origin and divides gains by fraction for lift", () => {
  const curve = { name: "mlp", fraction: [0.1, 0.5, 1], gains: [0.4, 0.9, 1] };
  const gains = liftChart(curve, { positiveRate: 0.2 }) as unknown as Layered;
  assert.deepEqual(gains.layer[0].data.values.map((r) => [r.x, r.y]), [[0, 0], [0.1, 0.4], [
    0.5,
    0.9,
  ], [1, 1]]);
  assert.equal(gains.layer.length, 3); // curve, random diagonal, perfect model
  assert.deepEqual(gains.layer[2].data.values, [{ x: 0, y: 0 }, { x: 0.2, y: 1 }, { x: 1, y: 1 }]);
  const lift = liftChart(curve, { kind: "lift" }) as unknown as Layered;
  assert.deepEqual(lift.layer[0].data.values.map((r) => r.y), [4, 1.8, 1]);
});

Deno.test("survivalChart() prepends (0, 1) and uses step interpolation for band and line", () => {
  const spec = survivalChart({ group: "g", time: [2, 5], survival: [0.5, 0.25] }) as unknown as
    & Rows
    & { layer: { mark: { type: string; interpolate: string } }[] };
  assert.deepEqual(spec.data.values.map((r) => [r.time, r.survival]), [[0, 1], [2, 0.5], [
    5,
    0.25,
  ]]);
  assert.equal(spec.layer.length, 1); // no band without bounds
  assert.equal(spec.layer[0].mark.interpolate, "step-after");
  const zero = survivalChart({ time: [0, 1], survival: [1, 0.5] }) as unknown as Rows;
  assert.equal(zero.data.values.length, 2);
  assert.throws(() => survivalChart({ time: [1, 2], survival: [1], lower: [1, 1] }), RangeError);
});

Deno.test("trainingCurvesChart() reads tfjs histories and per-epoch records alike", () => {
  const a = trainingCurvesChart({ loss: [0.5, 0.4], val_loss: [0.6, 0.5] }) as unknown as Rows & {
    facet?: unknown;
  };
  assert.equal(a.facet, undefined); // one metric: one panel
  assert.deepEqual(a.data.values.map((r) => [r.epoch, r.split, r.value]), [
    [1, "train", 0.5],
    [2, "train", 0.4],
    [1, "validation", 0.6],
    [2, "validation", 0.5],
  ]);
  const b = trainingCurvesChart([
    { epoch: 3, loss: 0.5, valLoss: 0.6, auc: 0.7, valAuc: 0.65 },
    { epoch: 4, loss: 0.4, valLoss: 0.55, auc: 0.75, valAuc: 0.66 },
  ], { metrics: ["auc"] }) as unknown as Rows;
  assert.deepEqual(b.data.values.map((r) => [r.epoch, r.metric, r.split]), [
    [3, "auc", "train"],
    [4, "auc", "train"],
    [3, "auc", "validation"],
    [4, "auc", "validation"],
  ]);
});

Deno.test("lineChart() and friends name a missing field", () => {
  assert.throws(() => lineChart([{ a: 1 }], "a", "b"), /lineChart: field "b" not found/);
  assert.throws(() => heatmapChart([{ a: 1 }], { x: "a", y: "a", value: "v" }), TypeError);
  // empty data still makes a valid spec
  assert.equal((lineChart([], "a", "b") as unknown as Rows).data.values.length, 0);
});

Deno.test("lineChart() inlines Dates as ISO strings and rounds to 6 significant digits", () => {
  const spec = lineChart(
    [{ d: new Date("2024-03-01T00:00:00Z"), v: 1 / 3 }],
    "d",
    "v",
  ) as unknown as
    & Rows
    & { encoding: { x: { type: string } } };
  assert.deepEqual(spec.data.values[0], { d: "2024-03-01T00:00:00.000Z", v: 0.333333 });
  assert.equal(spec.encoding.x.type, "temporal");
  const nan = lineChart([{ d: 1, v: NaN }], "d", "v") as unknown as Rows;
  assert.equal(nan.data.values[0].v, null);
});

Deno.test("vegaLiteToSvg() escapes text from the data", async () => {
  const svg = await vegaLiteToSvg(
    barChart([{ title: "<script>alert(1)</script>", n: 2 }], "title", "n", { title: "<b>x</b>" }),
  );
  assert.ok(!svg.includes("<script"));
  assert.ok(!svg.includes("<b>"));
  assert.ok(svg.includes("&lt;script&gt;"));
});

Deno.test("vegaLiteToSvg() refuses specs that load data from a URL", async () => {
  const spec = {
    data: { url: "https://example.com/data.csv" },
    mark: "point",
    encoding: { x: { field: "a", type: "quantitative" } },
  } as TopLevelSpec;
  await assert.rejects(() => vegaLiteToSvg(spec), /cannot load "https:\/\/example.com\/data.csv"/);
});

Deno.test("vegaLiteToSvg() rejects a spec that does not compile", async () => {
  await assert.rejects(() => vegaLiteToSvg({ mark: "nope" } as unknown as TopLevelSpec));
});

Deno.test("survivalChart() draws a legend naming every group, with confidence bands on", async () => {
  const curve = (group: string, s: number[]) => ({
    group,
    time: [0, 10, 20],
    survival: s,
    lower: s.map((v) => v - 0.1),
    upper: s.map((v) => Math.min(1, v + 0.1)),
  });
  const svg = await vegaLiteToSvg(
    survivalChart([curve("email", [1, 0.8, 0.6]), curve("social", [1, 0.5, 0.3])], {
      legendTitle: "channel",
    }),
  );
  for (const label of ["channel", "email", "social"]) {
    assert.ok(svg.includes(`>${label}<`), `legend text ${label}`);
  }
});
