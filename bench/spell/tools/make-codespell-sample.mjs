#!/usr/bin/env node
// Regenerates data/codespell-en-1000.tsv from Debian's codespell package:
//   apt-get install codespell
//   node bench/spell/tools/make-codespell-sample.mjs /usr/lib/python3/dist-packages/codespell_lib/data/dictionary.txt
// Keeps pairs with one lower-case, one-word correction made of letters and apostrophes,
// then takes every n-th pair (deterministic) to get 1,000.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const src = process.argv[2] ?? '/usr/lib/python3/dist-packages/codespell_lib/data/dictionary.txt';
const pairs = [];
for (const line of readFileSync(src, 'utf8').split('\n')) {
  const m = /^([a-z']+)->([a-z']+),?$/.exec(line.trim());
  if (m && m[1] !== m[2] && m[1].length >= 3) pairs.push([m[1], m[2]]);
}
const step = pairs.length / 1000;
const out = [];
for (let i = 0; i < 1000; i++) out.push(pairs[Math.floor(i * step)]);
const here = dirname(fileURLToPath(import.meta.url));
writeFileSync(
  join(here, '..', 'data', 'codespell-en-1000.tsv'),
  '# typo<TAB>correction: 1,000 pairs sampled from codespell 2.2.2 dictionary.txt (Debian package codespell),\n' +
    '# a derived work of English Wikipedia, CC BY-SA 3.0 (https://creativecommons.org/licenses/by-sa/3.0/).\n' +
    out.map(([a, b]) => `${a}\t${b}`).join('\n') + '\n',
);
console.log(`${pairs.length} usable pairs, wrote ${out.length}`);
