// Private: the error of a failed report run (re-exported by build_report.ts).

/** A failed report run; the message is one line. */
export class ReportError extends Error {
  /** Builds the error. */
  constructor(message: string) {
    super(message);
    this.name = "ReportError";
  }
}
