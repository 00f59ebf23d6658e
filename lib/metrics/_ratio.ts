// Private: a ratio with scikit-learn's `zero_division` policy.

/** Option shared by precision, recall and F1. */
export interface ZeroDivisionOptions {
  /**
   * Value returned when the ratio is 0 / 0 (no predicted positives for precision, no actual
   * positives for recall). scikit-learn returns 0 with a warning; so do we, without the warning.
   * Default `0`.
   */
  readonly zeroDivision?: number;
}

export function ratio(num: number, den: number, zeroDivision: number): number {
  return den === 0 ? zeroDivision : num / den;
}
