// Private: parse and print the TypeScript literals a parameters cell may hold.

/** A parsed literal: its value and where it ends in the text. */
export interface Literal {
  /** Which kind of literal. */
  readonly kind: "number" | "string" | "boolean";
  /** Its value (escapes resolved, `_` digit separators removed). */
  readonly value: number | string | boolean;
  /** Index in the text just after the literal. */
  readonly end: number;
}

const NUMBER_RE = /^-?(?:0[xX][0-9a-fA-F_]+|(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][+-]?\d+)?)/;

function unescapeQuoted(body: string, quote: string): string | undefined {
  if (quote === '"') {
    try {
      return JSON.parse(`"${body}"`);
    } catch {
      return undefined;
    }
  }
  // Single quotes / backticks: turn into a JSON string.
  const json = body.replace(/\\'/g, "'").replace(/\\`/g, "`").replace(/"/g, '\\"');
  try {
    return JSON.parse(`"${json}"`);
  } catch {
    return undefined;
  }
}

/**
 * Parses a number, string (`"…"`, `'…'`, `` `…` `` without `${`), or boolean literal at the
 * start of `text`; `undefined` for anything else (an expression, an identifier, `NaN`).
 *
 * @example
 * ```ts
 * import { parseLiteral } from "@shoplab/lib/report/_literal.ts";
 * import assert from "node:assert/strict";
 * assert.deepEqual(parseLiteral("1_000; // k"), { kind: "number", value: 1000, end: 5 });
 * assert.deepEqual(parseLiteral("'it\\'s' as const"), { kind: "string", value: "it's", end: 7 });
 * assert.deepEqual(parseLiteral("false"), { kind: "boolean", value: false, end: 5 });
 * assert.equal(parseLiteral("`${x}`"), undefined);
 * // Only the literal at the start; the caller checks what follows `end`.
 * assert.deepEqual(parseLiteral("2 * K"), { kind: "number", value: 2, end: 1 });
 * assert.equal(parseLiteral("SEED + 1"), undefined);
 * ```
 */
export function parseLiteral(text: string): Literal | undefined {
  const q = text[0];
  if (q === '"' || q === "'" || q === "`") {
    for (let i = 1; i < text.length; i++) {
      if (text[i] === "\\") {
        i++;
        continue;
      }
      if (q === "`" && text[i] === "$" && text[i + 1] === "{") return undefined;
      if (text[i] === q) {
        const value = unescapeQuoted(text.slice(1, i), q);
        return value === undefined ? undefined : { kind: "string", value, end: i + 1 };
      }
    }
    return undefined;
  }
  const b = /^(true|false)\b/.exec(text);
  if (b) return { kind: "boolean", value: b[1] === "true", end: b[0].length };
  const n = NUMBER_RE.exec(text);
  if (n && !/^[\w$]/.test(text.slice(n[0].length))) {
    const value = Number(n[0].replace(/_/g, ""));
    if (Number.isFinite(value)) return { kind: "number", value, end: n[0].length };
  }
  return undefined;
}

/**
 * TypeScript source for a value: strings JSON-quoted, numbers and booleans as printed.
 *
 * @example
 * ```ts
 * import { printLiteral } from "@shoplab/lib/report/_literal.ts";
 * import assert from "node:assert/strict";
 * assert.equal(printLiteral('say "hi"'), '"say \\"hi\\""');
 * assert.equal(printLiteral(0.5), "0.5");
 * assert.equal(printLiteral(true), "true");
 * ```
 */
export function printLiteral(value: number | string | boolean): string {
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}
