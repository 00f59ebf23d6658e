import fixtures from "../fixtures/prep_segment.json" with { type: "json" };
import type { MatrixLike } from "@shoplab/lib/segment/kmeans.ts";

/** The scikit-learn reference values (see tests/fixtures/prep_segment_fixtures.py). */
export { fixtures };

/** Nested rows as a row-major matrix. */
export function matrixOf(rows: readonly (readonly (number | null)[])[]): MatrixLike {
  const cols = rows[0]?.length ?? 0;
  return { x: Float64Array.from(rows.flat() as number[]), rows: rows.length, cols };
}
