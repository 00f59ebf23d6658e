// Private: the error of a failed report run (re-exported by build_report.ts).

/**
 * A failed report run; the message is one line.
 *
 * @example
 * ```ts
 * import { ReportError } from "@shoplab/lib/report/mod.ts";
 * import assert from "node:assert/strict";
 * const e = new ReportError("2 of 9 notebooks failed");
 * assert.ok(e instanceof Error);
 * assert.equal(e.name, "ReportError");
 * ```
 */
export class ReportError extends Error {
  /** Builds the error. */
  constructor(message: string) {
    super(message);
    this.name = "ReportError";
  }
}
