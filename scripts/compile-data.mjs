// Compiles rules/data/**/*.yml into dist/data-bundle.json (see src/language/data-files.ts).
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync, renameSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = fileURLToPath(new URL('..', import.meta.url));
const dataDir = join(root, 'rules', 'data');
const out = join(root, 'dist', 'data-bundle.json');
const bundle = {};
const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (/\.ya?ml$/.test(entry.name)) {
      const stat = statSync(path);
      bundle[relative(dataDir, path).split('\\').join('/')] = { size: stat.size, mtimeMs: stat.mtimeMs, data: parse(readFileSync(path, 'utf8'), { schema: 'core' }) };
    }
  }
};
walk(dataDir);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(`${out}.tmp`, JSON.stringify(bundle));
renameSync(`${out}.tmp`, out);
