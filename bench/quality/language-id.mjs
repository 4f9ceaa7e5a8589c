// Accuracy of msglint's language identification (src/language/detect.ts) on the short
// business messages of the labelled sets (every example of every detector and language).
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { detectLanguage } from '../../dist/src/language/detect.js';

const languages = ['en', 'it', 'fr', 'es', 'de', 'fi'];
const detectors = ['promotional', 'sarcasm', 'closing', 'greeting'];
const rows = [];
let total = 0;
let correct = 0;
let undecided = 0;
for (const language of languages) {
  let n = 0;
  let ok = 0;
  let none = 0;
  for (const detector of detectors) {
    const set = parse(readFileSync(new URL(`data/${detector}/${language}.yml`, import.meta.url), 'utf8'));
    for (const item of [...set.positive, ...set.negative]) {
      const text = typeof item === 'string' ? item : item.text;
      const found = detectLanguage(text);
      n++;
      if (!found) none++;
      // Undecided texts fall back to English, as msglint does.
      if ((found?.language ?? 'en') === language) ok++;
    }
  }
  rows.push(`| ${language} | ${n} | ${(ok / n).toFixed(3)} | ${none} |`);
  total += n;
  correct += ok;
  undecided += none;
}
console.log('| language | messages | accuracy | undecided (→ en) |\n|---|---:|---:|---:|');
console.log(rows.join('\n'));
console.log(`| **all** | ${total} | **${(correct / total).toFixed(3)}** | ${undecided} |`);
