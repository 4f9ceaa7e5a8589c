// Reads msglint's YAML data files (rules/data/**). Parsing YAML costs a few milliseconds per
// file, paid by every run, so the build compiles them all into one JSON bundle
// (dist/data-bundle.json, `npm run build`); an entry is used only while its source file has
// the same size and content hash, so an edited YAML file is always read fresh. (Not the
// modification time: copies and npm tarballs do not keep it, and a bundle that never matches
// costs every run ~40 ms of YAML parsing.)
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { DATA_DIR, PACKAGE_ROOT } from '../paths.js';

export const BUNDLE_PATH = join(PACKAGE_ROOT, 'dist', 'data-bundle.json');

interface BundleEntry {
  size: number;
  hash: string;
  data: unknown;
}

/** FNV-1a over the bytes (scripts/compile-data.mjs computes the same): cheap, not for security. */
export function contentHash(bytes: Uint8Array): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i];
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16);
}

let bundle: Record<string, BundleEntry> | null | undefined;

function loadBundle(): Record<string, BundleEntry> | null {
  if (bundle === undefined) {
    try {
      bundle = existsSync(BUNDLE_PATH) ? (JSON.parse(readFileSync(BUNDLE_PATH, 'utf8')) as Record<string, BundleEntry>) : null;
    } catch {
      bundle = null;
    }
  }
  return bundle;
}

/** Parsed content of a data file (path relative to rules/data), or undefined if absent. */
export function readDataFile(relativePath: string): unknown {
  const path = join(DATA_DIR, relativePath);
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return undefined;
  }
  const entry = loadBundle()?.[relative(DATA_DIR, path).split('\\').join('/')];
  if (entry && entry.size !== stat.size) return parse(readFileSync(path, 'utf8'), { schema: 'core' });
  const bytes = readFileSync(path);
  if (entry && entry.hash === contentHash(bytes)) return entry.data;
  return parse(bytes.toString('utf8'), { schema: 'core' });
}
