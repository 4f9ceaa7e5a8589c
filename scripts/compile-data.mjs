// Compiles rules/data/**/*.yml into dist/data-bundle.json (see src/language/data-files.ts).
import { mkdirSync, readdirSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/** FNV-1a, as contentHash() in src/language/data-files.ts. */
function contentHash(bytes) {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i];
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16);
}

const root = fileURLToPath(new URL('..', import.meta.url));
const dataDir = join(root, 'rules', 'data');
const out = join(root, 'dist', 'data-bundle.json');
const bundle = {};
const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (/\.ya?ml$/.test(entry.name)) {
      const bytes = readFileSync(path);
      bundle[relative(dataDir, path).split('\\').join('/')] = { size: bytes.length, hash: contentHash(bytes), data: parse(bytes.toString('utf8'), { schema: 'core' }) };
    }
  }
};
walk(dataDir);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(`${out}.tmp`, JSON.stringify(bundle));
renameSync(`${out}.tmp`, out);
