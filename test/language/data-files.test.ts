// dist/data-bundle.json (scripts/compile-data.mjs, built by `npm test`) is used while each
// YAML data file has the size and content hash it was compiled from: not the modification
// time, which copies and npm tarballs do not keep (the bundle was then never used).
import { cpSync, mkdtempSync, readFileSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BUNDLE_PATH, contentHash, readDataFile } from '../../src/language/data-files.js';
import { DATA_DIR } from '../../src/paths.js';

describe('the compiled data bundle', () => {
  const bundle = JSON.parse(readFileSync(BUNDLE_PATH, 'utf8')) as Record<string, { size: number; hash: string; data: unknown }>;

  it('matches every data file by size and content hash, and holds its parsed content', () => {
    expect(Object.keys(bundle).length).toBeGreaterThan(30);
    for (const [path, entry] of Object.entries(bundle)) {
      const bytes = readFileSync(join(DATA_DIR, path));
      expect([entry.size, entry.hash], path).toEqual([bytes.length, contentHash(bytes)]);
      expect(entry.data, path).toEqual(parse(bytes.toString('utf8'), { schema: 'core' }));
      expect(readDataFile(path), path).toEqual(entry.data);
    }
  });

  it('the hash changes with the content and ignores the modification time', () => {
    expect(contentHash(new TextEncoder().encode('phrases: {a: [b]}'))).not.toBe(contentHash(new TextEncoder().encode('phrases: {a: [c]}')));
    const dir = mkdtempSync(join(tmpdir(), 'msglint-data-'));
    try {
      const file = join(dir, 'x.yml');
      cpSync(join(DATA_DIR, 'en', 'greetings.yml'), file);
      const before = contentHash(readFileSync(file));
      utimesSync(file, new Date(499162500000), new Date(499162500000)); // npm's fixed tarball date
      expect(contentHash(readFileSync(file))).toBe(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
