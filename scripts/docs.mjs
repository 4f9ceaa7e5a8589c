// Writes docs/rules.md from the built rules (run `npm run build` first; `npm run docs` does).
import { mkdirSync, writeFileSync } from 'node:fs';
import { rules } from '../dist/rules/index.js';
import { renderRuleDocs } from '../dist/src/report/rule-docs.js';

mkdirSync(new URL('../docs/', import.meta.url), { recursive: true });
writeFileSync(new URL('../docs/rules.md', import.meta.url), renderRuleDocs(rules));
console.log(`docs/rules.md: ${rules.length} rules`);
