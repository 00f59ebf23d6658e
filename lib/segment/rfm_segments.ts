/**
 * Named RFM segments (champions, loyal customers, …, lost) from recency and frequency scores.
 *
 * @module
 */
import pl from "nodejs-polars";
import { requireColumns } from "../prep/_columns.ts";

/** One rule of the segment table: a rectangle of the recency × frequency score grid. */
export interface RfmSegmentRule {
  /** Segment name. */
  readonly segment: string;
  /** Inclusive range of the recency score. */
  readonly r: readonly [number, number];
  /** Inclusive range of the frequency score (or the F–M score, see `frequencyScore`). */
  readonly f: readonly [number, number];
  /** Who they are and what to do, in one line for a notebook table. */
  readonly description: string;
}

/**
 * The usual 11 RFM segments on the 5 × 5 grid of recency (R) and frequency (F) scores, in the
 * form popularised by RFM guides (e.g. Putler's) and the common R–F "segment map". Rules are
 * tried in order; the first match wins. Every cell of the 5 × 5 grid is covered:
 *
 * ```text
 *        F=1            F=2          F=3          F=4        F=5
 * R=5  new customers  potential    potential    champions  champions
 * R=4  promising      potential    potential    loyal      loyal
 * R=3  about to sleep about to sl. need attn.   loyal      loyal
 * R=2  hibernating    hibernating  at risk      at risk    can't lose them
 * R=1  lost           hibernating  at risk      at risk    can't lose them
 * ```
 */
export const RFM_SEGMENT_RULES: readonly RfmSegmentRule[] = [
  {
    segment: "champions",
    r: [5, 5],
    f: [4, 5],
    description: "bought recently, buy often: reward them, ask for reviews",
  },
  {
    segment: "loyal customers",
    r: [3, 4],
    f: [4, 5],
    description: "buy often, fairly recently: upsell, loyalty programme",
  },
  {
    segment: "potential loyalists",
    r: [4, 5],
    f: [2, 3],
    description: "recent, a few orders: offer membership, recommendations",
  },
  {
    segment: "new customers",
    r: [5, 5],
    f: [1, 1],
    description: "first order very recently: onboarding, early support",
  },
  {
    segment: "promising",
    r: [4, 4],
    f: [1, 1],
    description: "recent single order: build awareness, free trials",
  },
  {
    segment: "need attention",
    r: [3, 3],
    f: [3, 3],
    description: "average recency and frequency: limited-time offers",
  },
  {
    segment: "about to sleep",
    r: [3, 3],
    f: [1, 2],
    description: "few orders, fading: share popular items, reactivate",
  },
  {
    segment: "at risk",
    r: [1, 2],
    f: [3, 4],
    description: "bought regularly, not lately: personalised win-back",
  },
  {
    segment: "can't lose them",
    r: [1, 2],
    f: [5, 5],
    description: "best buyers who stopped: win back before a competitor does",
  },
  {
    segment: "lost",
    r: [1, 1],
    f: [1, 1],
    description: "one old order: low priority, revive with broad campaigns",
  },
  {
    segment: "hibernating",
    r: [1, 2],
    f: [1, 2],
    description: "few orders, long ago: relevant offers, keep costs low",
  },
];

/** Segment names in rule order. */
export const RFM_SEGMENTS: readonly string[] = RFM_SEGMENT_RULES.map((r) => r.segment);

/** Options of {@linkcode rfmSegments}. */
export interface RfmSegmentsOptions {
  /** Rule table. Default {@linkcode RFM_SEGMENT_RULES} (made for 5 bins). */
  readonly rules?: readonly RfmSegmentRule[];
  /**
   * Score on the grid's second axis: `"f"` (default) the frequency score, or `"fm"` the
   * average of frequency and monetary scores rounded half up, so spending counts too.
   */
  readonly frequencyScore?: "f" | "fm";
  /** Output column. Default `"segment"`. */
  readonly column?: string;
}

/**
 * Names each customer's segment from the `r_score` and `f_score` (and `m_score`) columns of
 * `rfmScores`, with the first matching rule of `rules`.
 *
 * @param scores Output of `rfmScores` (or any table with those columns).
 * @param options See {@linkcode RfmSegmentsOptions}.
 * @returns `scores` with a Utf8 `segment` column added.
 * @throws {RangeError} When some row matches no rule (e.g. default rules with bins ≠ 5).
 * @throws {TypeError} When a score column is missing.
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { rfmSegments } from "@shoplab/lib/segment/rfm_segments.ts";
 * import assert from "node:assert/strict";
 * const s = pl.DataFrame({ r_score: [5, 1, 2], f_score: [5, 1, 5], m_score: [5, 1, 4] });
 * assert.deepEqual(rfmSegments(s).getColumn("segment").toArray(),
 *   ["champions", "lost", "can't lose them"]);
 * ```
 */
export function rfmSegments(scores: pl.DataFrame, options: RfmSegmentsOptions = {}): pl.DataFrame {
  const rules = options.rules ?? RFM_SEGMENT_RULES;
  const column = options.column ?? "segment";
  const fm = (options.frequencyScore ?? "f") === "fm";
  requireColumns(scores, ["r_score", "f_score", ...(fm ? ["m_score"] : [])], "rfmSegments");
  if (rules.length === 0) throw new RangeError("rfmSegments: no rules");
  const r = pl.col("r_score");
  const f = fm
    ? pl.col("f_score").add(pl.col("m_score")).cast(pl.Float64).div(2).add(0.5).floor()
    : pl.col("f_score");
  const match = (rule: RfmSegmentRule) =>
    r.gtEq(rule.r[0]).and(r.ltEq(rule.r[1])).and(f.gtEq(rule.f[0])).and(f.ltEq(rule.f[1]));
  // deno-lint-ignore no-explicit-any
  let chain: any = pl.when(match(rules[0])).then(pl.lit(rules[0].segment));
  for (const rule of rules.slice(1)) chain = chain.when(match(rule)).then(pl.lit(rule.segment));
  const out = scores.withColumns(
    (chain.otherwise(pl.lit(null)) as pl.Expr).cast(pl.Utf8).alias(column),
  );
  const miss = out.filter(pl.col(column).isNull());
  if (miss.height > 0) {
    const row = miss.row(0);
    const at = miss.columns.map((c, i) => `${c}=${row[i]}`).filter((s) => /score/.test(s));
    throw new RangeError(
      `rfmSegments: ${miss.height} row(s) match no rule, e.g. ${at.join(", ")}; ` +
        "the default rules expect scores 1 … 5 (bins: 5)",
    );
  }
  return out;
}
