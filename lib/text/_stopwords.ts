/**
 * English stop words: a short list of function words (articles, pronouns, auxiliaries,
 * prepositions, conjunctions). Kept smaller than scikit-learn's list on purpose: words such as
 * "not", "no", "cancel" or "change" carry intent in customer-service questions.
 *
 * @module
 */
/** The default English stop words (lower case, no apostrophes). */
export const ENGLISH_STOPWORDS: ReadonlySet<string> = new Set(
  `a about above after again against all am an and any are as at be because been before being
  below between both but by can could did do does doing down during each few for from further
  had has have having he her here hers herself him himself his how i if in into is it its itself
  just me might more most must my myself of off on once only or other our ours ourselves out over
  own same she should so some such than that the their theirs them themselves then there these
  they this those through to too under until up us very was we were what when where which while
  who whom why will with would you your yours yourself yourselves im ive id youre dont doesnt
  didnt cant please hi hello thanks thank also get got`.split(/\s+/).filter((w) => w.length > 0),
);
