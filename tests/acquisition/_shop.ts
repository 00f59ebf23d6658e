/** A small generated shop (300 customers, 6 months) shared by the acquisition tests. */
import { join } from "node:path";
import { generateShop, loadShop } from "@shoplab/lib/data/mod.ts";

const dir = await Deno.makeTempDir({ prefix: "shoplab_acq_" });
await generateShop(join(dir, "shop"), { customers: 300, items: 120, months: 6, seed: 5 });
/** Canonical tables of the generated shop. */
export const SHOP = loadShop({ path: join(dir, "shop"), format: "synthetic" });
await Deno.remove(dir, { recursive: true });

/** The cut-off used on it (generator starts 2025-01-01, six months). */
export const AS_OF = new Date("2025-06-15T00:00:00Z");

/** Rows of a table as records. */
export function records(df: { toRecords(): unknown[] }): Record<string, unknown>[] {
  return df.toRecords() as Record<string, unknown>[];
}
