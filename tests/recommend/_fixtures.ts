import { interactionsFromArrays } from "@shoplab/lib/recommend/interactions_from_arrays.ts";
import type { Interactions } from "@shoplab/lib/recommend/types.ts";
import { createRng } from "@shoplab/lib/core/random.ts";

/**
 * The hand-checked matrix of the CF tests (binary):
 * u0: i0 i1 · u1: i0 i1 i2 · u2: i1 i2 i3 · u3: i0.
 */
export function tinyMatrix(): Interactions {
  return interactionsFromArrays(
    { users: [0, 0, 1, 1, 1, 2, 2, 2, 3], items: [0, 1, 0, 1, 2, 1, 2, 3, 0] },
    { itemLabels: ["i0", "i1", "i2", "i3"] },
  );
}

/**
 * Planted block structure: `groups` user groups and item groups; each user picks `perUser` items,
 * a share `own` from the own group's items (favouring the group's first few), the rest anywhere.
 * Timestamps follow pick order.
 */
export function plantedBlocks(
  opts: {
    users: number;
    itemsPerGroup: number;
    groups: number;
    perUser: number;
    own: number;
    seed: number;
  },
): Interactions {
  const rng = createRng(opts.seed);
  const users: number[] = [], items: number[] = [], ts: number[] = [];
  const nItems = opts.groups * opts.itemsPerGroup;
  for (let u = 0; u < opts.users; u++) {
    const g = u % opts.groups;
    const seen = new Set<number>();
    while (seen.size < opts.perUser) {
      const i = rng.next() < opts.own
        ? g * opts.itemsPerGroup + rng.int(opts.itemsPerGroup)
        : rng.int(nItems);
      if (seen.has(i)) continue;
      seen.add(i);
      users.push(u);
      items.push(i);
      ts.push(seen.size);
    }
  }
  return interactionsFromArrays({ users, items, timestamps: ts }, { nUsers: opts.users, nItems });
}
