/**
 * Bad input gets one clear DataError naming file, column, row and value — never a polars panic
 * or a stack trace from deep inside a library. Each case writes its own malformed file.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { DataError, readTableFile, scanTableFile } from "@shoplab/lib/data/mod.ts";
import { CASES, EAGER, writeCase } from "./_malformed_cases.ts";

for (const c of CASES) {
  Deno.test(`data readers reject: ${c.name}`, async () => {
    const dir = await Deno.makeTempDir();
    const path = join(dir, "input.csv");
    try {
      await writeCase(c, path);
      let error: unknown;
      try {
        c.read(path, EAGER);
      } catch (e) {
        error = e;
      }
      assert.ok(error instanceof DataError, `expected a DataError, got ${error}`);
      assert.equal(error.file, path);
      assert.ok(error.message.includes(path), "the message names the file");
      assert.match(error.message, c.message);
      if (c.column !== undefined) {
        assert.equal(error.column, c.column);
        assert.ok(error.message.includes(`"${c.column}"`), "the message names the column");
      }
      if (c.row !== undefined) assert.equal(error.row, c.row);
      if (c.value !== undefined) assert.equal(error.value, c.value);
      assert.doesNotMatch(error.message, /panicked|RUST_BACKTRACE|\n\s+at /);
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  });
}

Deno.test("data readers: at least 20 distinct malformed inputs are covered", () => {
  assert.ok(CASES.length >= 20, `${CASES.length} cases`);
  assert.equal(new Set(CASES.map((c) => c.name)).size, CASES.length);
});

Deno.test("readTableFile() keeps fractional seconds of ISO timestamps (eager and lazy)", async () => {
  const dir = await Deno.makeTempDir();
  const path = `${dir}/tx.csv`;
  await Deno.writeTextFile(
    path,
    "customer_id,order_id,timestamp,item_id,quantity,unit_price\n" +
      "C1,O1,2025-01-02T10:00:00.123Z,I1,1,2.5\nC2,O2,2025-01-03T11:00:00.5Z,I1,1,2.5\n",
  );
  const expected = [Date.UTC(2025, 0, 2, 10, 0, 0, 123), Date.UTC(2025, 0, 3, 11, 0, 0, 500)];
  const eager = readTableFile(path, "transactions").getColumn("timestamp").toArray();
  assert.deepEqual(eager.map((d) => (d as unknown as Date).getTime()), expected);
  const lazy = scanTableFile(path, "transactions").collectSync().getColumn("timestamp")
    .toArray();
  assert.deepEqual(lazy.map((d) => (d as unknown as Date).getTime()), expected);
  await Deno.remove(dir, { recursive: true });
});
