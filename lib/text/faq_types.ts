/**
 * Types of the FAQ knowledge base and of labelled test questions.
 *
 * @module
 */

/** One intent of the knowledge base: a canonical question and its standard answer. */
export interface FaqIntent {
  /** Stable id, e.g. `"refund_time"`. */
  readonly id: string;
  /** Topic, e.g. `"returns"`. */
  readonly category?: string;
  /** The canonical question. */
  readonly question: string;
  /** The standard answer shown to the customer. */
  readonly answer: string;
  /** Extra words and phrases a customer may use for this intent (part of the knowledge base). */
  readonly keywords?: readonly string[];
}

/** A knowledge base of intents. */
export interface FaqKnowledgeBase {
  /** Intents (ids are unique). */
  readonly intents: readonly FaqIntent[];
  /** Language code, e.g. `"en"`. */
  readonly language?: string;
}

/** A test question labelled with the intent that answers it, or `null` when out of scope. */
export interface FaqQuestion {
  /** The customer's wording. */
  readonly question: string;
  /** The id of the right intent, or `null` when no intent applies (the answer is "don't know"). */
  readonly intent: string | null;
}
