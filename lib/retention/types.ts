/**
 * Types shared by the survival functions of `lib/retention`.
 *
 * @module
 */

/**
 * Right-censored durations: for each subject, the time observed and whether the event (churn)
 * happened at that time (`true` / `1`) or the subject was still at risk when observation
 * stopped (`false` / `0`, censored).
 */
export interface SurvivalSample {
  /** Time from the origin to the event or to censoring, ≥ 0, in the caller's unit (e.g. days). */
  readonly durations: ArrayLike<number>;
  /** `true`/`1` = event observed at that time, `false`/`0` = censored. Same length. */
  readonly events: ArrayLike<boolean | number>;
}
