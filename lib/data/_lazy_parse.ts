/**
 * Private: the lazy twin of `_parse.ts`. A delimited file is scanned with `pl.scanCSV` and
 * validated by streaming queries that aggregate one number per check, so no column is ever held
 * whole in memory. When a check fails, a second filtered lazy query fetches the offending value,
 * and the {@linkcode DataError} has the same message as the eager reader's.
 *
 * Two scans of one file exist: a *typed* scan (float columns parsed by the CSV reader as
 * `Float64`, everything else as text) that is fast, and a *text* scan (every column a string)
 * whose checks are exactly the eager reader's. The typed scan is tried first; if the CSV reader
 * rejects a value, or any check counts a problem, the text scan runs the eager checks in the
 * eager order and throws the eager message.
 *
 * @module
 */
import pl from "nodejs-polars";
import { DataError } from "./errors.ts";
import { cannotRead, fmtRow, type ReadContext } from "./_file_checks.ts";
import { type ColumnPlan, example, parseTimestampExpr, pickFormat } from "./_parse.ts";

/** One check: a boolean expression that is true on a bad row, and the message it makes. */
export interface LazyCheck {
  /** True on a bad row (null counts as good). */
  readonly bad: pl.Expr;
  /** Source column named in the message. */
  readonly column: string;
  /** The value reported: the raw source text by default. */
  readonly value: pl.Expr;
  /** Builds the message tail after `Cannot read … from "file": `. */
  readonly message: (row: string, value: string) => string;
  /** Value stored on the error (`""` for an empty value), default the value found. */
  readonly errorValue?: string;
}

/** Typed output columns plus the checks that guard them, in the eager reader's order. */
export interface LazyConversion {
  /** Output expressions, canonical names, in plan order. */
  readonly outputs: readonly pl.Expr[];
  /** Output expression of each canonical column. */
  readonly byName: ReadonlyMap<string, pl.Expr>;
  /** Checks in the order the eager reader runs them. */
  readonly checks: LazyCheck[];
}

const STREAMING = { engine: "streaming" } as const;

/**
 * The conversion of {@linkcode convertColumns} as lazy expressions. `typedFloats` names source
 * columns that the scan already parsed as Float64 (their parse check is the CSV reader's).
 *
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { lazyConversion } from "@shoplab/lib/data/_lazy_parse.ts";
 * import assert from "node:assert/strict";
 * const lf = pl.DataFrame({ sku: ["A1", ""], p: ["3.5", "x"] }).lazy();
 * const plans = [
 *   { name: "item_id", kind: "string" as const, required: true, source: "sku" },
 *   { name: "price", kind: "float" as const, required: false, source: "p" },
 * ];
 * const conv = lazyConversion(lf, ["sku", "p"], plans, {});
 * // required "sku" is empty once; "p" has one value that is not a number (and none non-finite).
 * const bad = lf.select(...conv.checks.map((c, i) => c.bad.cast(pl.UInt32).sum().alias(`c${i}`)));
 * assert.deepEqual(bad.collectSync().toRecords(), [{ c0: 1, c1: 1, c2: 0 }]);
 * const out = lf.select(...conv.outputs).collectSync();
 * assert.deepEqual(out.getColumn("price").toArray(), [3.5, null]);
 * ```
 */
export function lazyConversion(
  lf: pl.LazyDataFrame,
  columns: readonly string[],
  plans: readonly ColumnPlan[],
  options: { readonly timestampFormat?: string; readonly typedFloats?: ReadonlySet<string> },
): LazyConversion {
  const outputs: pl.Expr[] = [], checks: LazyCheck[] = [];
  const byName = new Map<string, pl.Expr>();
  const push = (name: string, e: pl.Expr) => {
    outputs.push(e.alias(name));
    byName.set(name, e);
  };
  for (const p of plans) {
    const src = p.source ?? p.name;
    if (!columns.includes(src)) continue;
    const typed = p.kind === "float" && (options.typedFloats?.has(src) ?? false);
    const raw = typed ? pl.col(src) : pl.col(src).cast(pl.Utf8).str.strip();
    const empty = typed ? raw.isNull() : raw.isNull().or(raw.eq(pl.lit("")));
    const value = pl.col(src).cast(pl.Utf8);
    if (p.required) {
      checks.push({
        bad: empty,
        column: src,
        value,
        errorValue: "",
        message: (row) => `column "${src}" is empty at row ${row}, a value is required`,
      });
    }
    if (p.kind === "string") {
      push(p.name, pl.when(empty).then(pl.lit(null)).otherwise(raw).cast(pl.Utf8));
      continue;
    }
    let out: pl.Expr, expected: string;
    if (p.kind === "float") {
      out = typed ? raw : raw.cast(pl.Float64, false);
      expected = "a number";
    } else {
      const fmt = lazyPickFormat(lf, src, options.timestampFormat);
      out = parseTimestampExpr(raw, fmt);
      expected = options.timestampFormat
        ? `a timestamp in the format ${options.timestampFormat}`
        : `a date like ${example(fmt.format)}`;
    }
    if (!typed) {
      checks.push({
        bad: empty.not().and(out.isNull()),
        column: src,
        value,
        message: (row, v) => `column "${src}" has "${v}" at row ${row}, expected ${expected}`,
      });
    }
    if (p.kind === "float") {
      checks.push({
        bad: out.isNotNull().and(out.isFinite().not()),
        column: src,
        value,
        message: (row, v) => `column "${src}" has "${v}" at row ${row}, expected a finite number`,
      });
    }
    push(p.name, out);
  }
  return { outputs, byName, checks };
}

/** {@linkcode pickFormat} on the first non-empty value, read with a streaming `head(1)`. */
function lazyPickFormat(lf: pl.LazyDataFrame, column: string, given?: string) {
  if (given) return pickFormat(pl.DataFrame({ [column]: [] as string[] }), column, given);
  const first = lf.select(pl.col(column).cast(pl.Utf8).str.strip())
    .filter(pl.col(column).isNotNull().and(pl.col(column).neq(pl.lit(""))))
    .head(1).collectSync(STREAMING);
  return pickFormat(first, column);
}

/**
 * Counts of problems per check plus any extra aggregates, in one streaming pass.
 *
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { countProblems } from "@shoplab/lib/data/_lazy_parse.ts";
 * import assert from "node:assert/strict";
 * const lf = pl.DataFrame({ q: [1, -2, -3] }).lazy();
 * const check = {
 *   bad: pl.col("q").lt(0),
 *   column: "q",
 *   value: pl.col("q").cast(pl.Utf8),
 *   message: (row: string, v: string) => `column "q" has "${v}" at row ${row}`,
 * };
 * const out = countProblems(lf, [check], [pl.len().alias("rows")]);
 * assert.deepEqual(out.problems, [2]);
 * assert.equal(Number(out.extras.rows), 3);
 * ```
 */
export function countProblems(
  lf: pl.LazyDataFrame,
  checks: readonly LazyCheck[],
  extras: readonly pl.Expr[] = [],
): { problems: number[]; extras: Record<string, unknown> } {
  const rec = lf.select(
    ...checks.map((c, i) => c.bad.cast(pl.UInt32).sum().alias(`__check${i}`)),
    ...extras,
  ).collectSync(STREAMING).toRecords()[0] as Record<string, unknown>;
  return {
    problems: checks.map((_, i) => Number(rec[`__check${i}`] ?? 0)),
    extras: rec,
  };
}

/**
 * Runs the checks in order on a lazy table and throws the first failure's {@linkcode DataError}
 * at its first bad row (1-based data rows): one pass for the first bad row of every check,
 * then a filtered query for the value.
 *
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { throwFirstProblem } from "@shoplab/lib/data/_lazy_parse.ts";
 * import assert from "node:assert/strict";
 * const lf = pl.DataFrame({ q: ["1", "1", "-2", "-3"] }).lazy();
 * const check = {
 *   bad: pl.col("q").cast(pl.Float64).lt(0),
 *   column: "q",
 *   value: pl.col("q"),
 *   message: (row: string, v: string) => `column "q" has "${v}" at row ${row}, expected ≥ 0`,
 * };
 * const ctx = { table: "transactions", file: "t.csv" };
 * assert.throws(
 *   () => throwFirstProblem(lf, [check], ctx),
 *   /Cannot read transactions from "t\.csv": column "q" has "-2" at row 3, expected ≥ 0/,
 * );
 * throwFirstProblem(lf.filter(pl.col("q").eq(pl.lit("1"))), [check], ctx); // no problem: returns
 * ```
 */
export function throwFirstProblem(
  lf: pl.LazyDataFrame,
  checks: readonly LazyCheck[],
  ctx: ReadContext,
): void {
  if (checks.length === 0) return;
  const rows = lf.withRowIndex("__row", 1).select(
    ...checks.map((c, i) =>
      pl.when(c.bad).then(pl.col("__row")).otherwise(pl.lit(null)).min().alias(`__first${i}`)
    ),
  ).collectSync(STREAMING).toRecords()[0] as Record<string, number | null>;
  const i = checks.findIndex((_, i) => rows[`__first${i}`] !== null);
  if (i < 0) return;
  const c = checks[i], row = Number(rows[`__first${i}`]);
  const hit = lf.withRowIndex("__row", 1).filter(pl.col("__row").eq(pl.lit(row)))
    .select(c.value.alias("__value")).head(1).collectSync(STREAMING);
  const value = String(hit.getColumn("__value").get(0) ?? "");
  throw new DataError(`${cannotRead(ctx)}: ${c.message(fmtRow(row), value)}`, {
    file: ctx.file,
    column: c.column,
    row,
    value: c.errorValue ?? value,
  });
}
