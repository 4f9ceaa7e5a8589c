// Reads msglint's YAML data files (rules/data/**). Parsing YAML costs a few milliseconds per
// file, paid by every run, so the build compiles them all into one JSON bundle
// (dist/data-bundle.json, `npm run build`); an entry is used only while its source file has
// the same size and modification time, so an edited YAML file is always read fresh.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { DATA_DIR, PACKAGE_ROOT } from '../paths.js';

export const BUNDLE_PATH = join(PACKAGE_ROOT, 'dist', 'data-bundle.json');

interface BundleEntry {
  size: number;
  mtimeMs: number;
  data: unknown;
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
  if (entry && entry.size === stat.size && entry.mtimeMs === stat.mtimeMs) return entry.data;
  return parse(readFileSync(path, 'utf8'), { schema: 'core' });
}
