import assert from "node:assert/strict";
import { porterStem } from "@shoplab/lib/text/porter_stem.ts";

// Pairs from Porter (1980) and the reference vocabulary/output files of the algorithm.
const CASES: [string, string][] = [
  ["caresses", "caress"],
  ["ponies", "poni"],
  ["ties", "ti"],
  ["caress", "caress"],
  ["cats", "cat"],
  ["feed", "feed"],
  ["agreed", "agre"],
  ["plastered", "plaster"],
  ["bled", "bled"],
  ["motoring", "motor"],
  ["sing", "sing"],
  ["conflated", "conflat"],
  ["troubled", "troubl"],
  ["sized", "size"],
  ["hopping", "hop"],
  ["tanned", "tan"],
  ["falling", "fall"],
  ["hissing", "hiss"],
  ["fizzed", "fizz"],
  ["failing", "fail"],
  ["filing", "file"],
  ["happy", "happi"],
  ["sky", "sky"],
  ["relational", "relat"],
  ["conditional", "condit"],
  ["rational", "ration"],
  ["valenci", "valenc"],
  ["digitizer", "digit"],
  ["operator", "oper"],
  ["feudalism", "feudal"],
  ["hopefulness", "hope"],
  ["formality", "formal"],
  ["sensitiviti", "sensit"],
  ["triplicate", "triplic"],
  ["formative", "form"],
  ["electriciti", "electr"],
  ["electrical", "electr"],
  ["hopeful", "hope"],
  ["goodness", "good"],
  ["revival", "reviv"],
  ["allowance", "allow"],
  ["inference", "infer"],
  ["airliner", "airlin"],
  ["adjustable", "adjust"],
  ["defensible", "defens"],
  ["irritant", "irrit"],
  ["replacement", "replac"],
  ["adjustment", "adjust"],
  ["dependent", "depend"],
  ["adoption", "adopt"],
  ["homologous", "homolog"],
  ["communism", "commun"],
  ["activate", "activ"],
  ["effective", "effect"],
  ["bowdlerize", "bowdler"],
  ["probate", "probat"],
  ["rate", "rate"],
  ["cease", "ceas"],
  ["controlling", "control"],
  ["roll", "roll"],
  ["generalizations", "gener"],
  ["oscillators", "oscil"],
  ["yelling", "yell"],
  ["youth", "youth"],
];

Deno.test("porterStem() matches the published examples", () => {
  for (const [w, s] of CASES) assert.equal(porterStem(w), s, w);
});

Deno.test("porterStem() leaves short and non-ASCII words alone", () => {
  assert.equal(porterStem("is"), "is");
  assert.equal(porterStem("café"), "café");
  assert.equal(porterStem("48h"), "48h");
  assert.equal(porterStem(""), "");
});
