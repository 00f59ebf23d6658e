/**
 * `deno task bench`: runs every `bench/*_bench.ts` script in turn and prints its figures.
 * Benchmarks print; they assert nothing. Pass names to run a subset: `deno task bench clv models`.
 *
 * @module
 */
const here = new URL(".", import.meta.url);
const wanted = Deno.args.filter((a) => !a.startsWith("-"));
const scripts: string[] = [];
for await (const entry of Deno.readDir(here)) {
  if (!entry.isFile || !entry.name.endsWith("_bench.ts")) continue;
  const name = entry.name.replace(/_bench\.ts$/, "");
  if (wanted.length === 0 || wanted.includes(name)) scripts.push(entry.name);
}
scripts.sort();
if (scripts.length === 0) {
  console.error(`No benchmark matches ${wanted.join(", ")}.`);
  Deno.exit(2);
}
let failed = 0;
for (const script of scripts) {
  console.log(`\n### ${script}`);
  const started = performance.now();
  const { code } = await new Deno.Command(Deno.execPath(), {
    args: ["run", "--allow-all", new URL(script, here).pathname],
    stdout: "inherit",
    stderr: "inherit",
  }).output();
  console.log(`(${script}: exit ${code}, ${((performance.now() - started) / 1000).toFixed(1)} s)`);
  if (code !== 0) failed++;
}
Deno.exit(failed === 0 ? 0 : 1);
