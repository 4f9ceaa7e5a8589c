// --cache: results of unchanged files are reused. The key is the file's content and the
// settings that apply to it, plus msglint's version and its rule data, so any change to the
// file, its config or msglint re-checks it. Stored as JSON (default `.msglintcache` in the
// working directory, or --cache-location), written atomically at the end of the run.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DATA_DIR, PACKAGE_ROOT } from '../paths.js';
import type { FileResult } from '../types.js';

interface Entry {
  key: string;
  result: Omit<FileResult, 'source'>;
}

/** msglint's own version and rule data, so upgrading msglint invalidates the cache. */
function toolFingerprint(): string {
  const hash = createHash('sha1');
  hash.update(readFileSync(join(PACKAGE_ROOT, 'package.json')));
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else hash.update(`${path}:${statSync(path).size}:${statSync(path).mtimeMs}`);
    }
  };
  walk(DATA_DIR);
  return hash.digest('hex');
}

export class ResultCache {
  private readonly entries: Record<string, Entry>;
  private readonly tool: string;
  private dirty = false;

  constructor(readonly location: string) {
    this.tool = toolFingerprint();
    let entries: Record<string, Entry> = {};
    if (existsSync(location)) {
      try {
        const data = JSON.parse(readFileSync(location, 'utf8')) as { tool?: string; entries?: Record<string, Entry> };
        if (data.tool === this.tool && data.entries) entries = data.entries;
      } catch {
        // A corrupt cache is ignored and rewritten.
      }
    }
    this.entries = entries;
  }

  static at(cwd: string, location?: string): ResultCache {
    const path = resolve(cwd, location ?? '.msglintcache');
    return new ResultCache(existsSync(path) && statSync(path).isDirectory() ? join(path, '.msglintcache') : path);
  }

  key(content: Uint8Array, settings: unknown): string {
    return createHash('sha1').update(content).update('\0').update(JSON.stringify(settings)).digest('hex');
  }

  get(filePath: string, key: string): Omit<FileResult, 'source'> | undefined {
    const entry = this.entries[resolve(filePath)];
    return entry && entry.key === key ? entry.result : undefined;
  }

  set(filePath: string, key: string, result: FileResult): void {
    const { source: _source, ...rest } = result;
    this.entries[resolve(filePath)] = { key, result: rest };
    this.dirty = true;
  }

  save(): void {
    if (!this.dirty) return;
    const temp = `${this.location}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify({ tool: this.tool, entries: this.entries }));
    renameSync(temp, this.location);
  }
}
