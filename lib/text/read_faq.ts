/**
 * Reads the FAQ JSON files: a knowledge base (`{ intents: [...] }`) and labelled questions
 * (`{ questions: [...] }`), validating them at the boundary.
 *
 * @module
 */
import { DataError } from "../data/errors.ts";
import { projectPath } from "../core/paths.ts";
import type { FaqIntent, FaqKnowledgeBase, FaqQuestion } from "./faq_types.ts";

/** Path of the shipped English knowledge base, relative to the project root. */
export const FAQ_EN_PATH = "data/faq/faq_en.json";
/** Path of the shipped held-out English paraphrases, relative to the project root. */
export const FAQ_PARAPHRASES_EN_PATH = "data/faq/faq_paraphrases_en.json";

/** What {@linkcode readFaq} returns. */
export interface FaqFile {
  /** The knowledge base, when the file has `intents`. */
  readonly knowledgeBase?: FaqKnowledgeBase;
  /** Labelled questions, when the file has `questions`. */
  readonly questions?: readonly FaqQuestion[];
}

function str(v: unknown, file: string, where: string, row: number): string {
  if (typeof v !== "string" || v.trim() === "") {
    throw new DataError(
      `Cannot read FAQ file "${file}": ${where} of entry ${row} is ${JSON.stringify(v)}, ` +
        "expected a non-empty string",
      { file, column: where, row, value: String(v) },
    );
  }
  return v;
}

/**
 * Reads and validates a FAQ JSON file (relative paths are taken from the project root).
 *
 * @param path File path, e.g. {@linkcode FAQ_EN_PATH}.
 * @returns The knowledge base and/or the labelled questions it holds.
 * @throws {DataError} When the file is not JSON, holds neither `intents` nor `questions`, an
 *   entry lacks a string field, an intent id repeats, or a question names an unknown field type.
 * @example
 * ```ts
 * import { FAQ_EN_PATH, readFaq } from "@shoplab/lib/text/read_faq.ts";
 * import assert from "node:assert/strict";
 * const { knowledgeBase } = readFaq(FAQ_EN_PATH);
 * assert.ok(knowledgeBase !== undefined && knowledgeBase.intents.length >= 40);
 * ```
 */
export function readFaq(path: string): FaqFile {
  const file = projectPath(path);
  let data: unknown;
  try {
    data = JSON.parse(Deno.readTextFileSync(file));
  } catch (e) {
    throw new DataError(`Cannot read FAQ file "${file}": ${(e as Error).message}`, { file });
  }
  const obj = (data ?? {}) as { intents?: unknown; questions?: unknown; language?: unknown };
  if (!Array.isArray(obj.intents) && !Array.isArray(obj.questions)) {
    throw new DataError(
      `Cannot read FAQ file "${file}": expected an object with an "intents" or "questions" array`,
      { file },
    );
  }
  let knowledgeBase: FaqKnowledgeBase | undefined;
  if (Array.isArray(obj.intents)) {
    const seen = new Set<string>();
    const intents: FaqIntent[] = obj.intents.map((raw: Record<string, unknown>, i: number) => {
      const row = i + 1;
      const id = str(raw?.id, file, "id", row);
      if (seen.has(id)) {
        throw new DataError(
          `Cannot read FAQ file "${file}": intent id "${id}" repeats at entry ${row}`,
          {
            file,
            column: "id",
            row,
            value: id,
          },
        );
      }
      seen.add(id);
      const keywords = Array.isArray(raw.keywords)
        ? raw.keywords.map((k: unknown) => str(k, file, "keywords", row))
        : undefined;
      return {
        id,
        category: typeof raw.category === "string" ? raw.category : undefined,
        question: str(raw.question, file, "question", row),
        answer: str(raw.answer, file, "answer", row),
        keywords,
      };
    });
    knowledgeBase = {
      intents,
      language: typeof obj.language === "string" ? obj.language : undefined,
    };
  }
  let questions: FaqQuestion[] | undefined;
  if (Array.isArray(obj.questions)) {
    questions = obj.questions.map((raw: Record<string, unknown>, i: number) => {
      const intent = raw?.intent;
      if (intent !== null && typeof intent !== "string") {
        throw new DataError(
          `Cannot read FAQ file "${file}": intent of entry ${i + 1} is ${
            JSON.stringify(intent)
          }, ` +
            "expected an intent id or null",
          { file, column: "intent", row: i + 1, value: String(intent) },
        );
      }
      return { question: str(raw.question, file, "question", i + 1), intent };
    });
  }
  return { knowledgeBase, questions };
}
