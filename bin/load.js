// Loads the CLI for bin/msglint.js and for the lint worker threads (bin/lint-worker.js).
// `npm install` builds dist/ (tsc) and bundles the CLI into one file,
// dist/src/cli/msglint.cjs (scripts/bundle.mjs). The bundle is compiled with a V8 code cache
// kept in node_modules/.cache/msglint/: a run then skips resolving ~400 modules and
// parsing/compiling the code it runs. Falls back to the plain modules when the bundle is
// missing or older than them (dist/ rebuilt by `tsc` alone).
// MSGLINT_CODE_CACHE=off disables the cache (the bundle is still used).
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { basename, dirname, join, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import vm from 'node:vm';

const HERE = dirname(fileURLToPath(import.meta.url));
const CLI_DIR = join(HERE, '..', 'dist', 'src', 'cli');
const BUNDLE = join(CLI_DIR, 'msglint.cjs');
const MODULES = join(CLI_DIR, 'main.js');

function mtime(file) {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

/** node_modules/.cache/msglint/ in the node_modules that holds msglint, or msglint's own. */
function cacheDir() {
  const parts = HERE.split(sep);
  const at = parts.lastIndexOf('node_modules');
  const nodeModules = at >= 0 ? parts.slice(0, at + 1).join(sep) : join(HERE, '..', 'node_modules');
  return join(nodeModules, '.cache', 'msglint');
}

/** The features (formats, languages) the cache at `file` was written for: `<file>.features`. */
function coveredFeatures(file) {
  try {
    const list = JSON.parse(readFileSync(`${file}.features`, 'utf8'));
    return Array.isArray(list) ? list : [];
  } catch {
    return [];
  }
}

/** Writes `data` to `file` atomically: a concurrent run reads the old file or the new one. */
function writeAtomically(file, data) {
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  writeFileSync(temp, data);
  renameSync(temp, file);
}

/**
 * Runs the bundle; returns its exports and, when the cache may need writing, a writer to call
 * after the run with the features (formats, languages) the run used.
 */
function loadBundle(bundleTime) {
  const useCache = process.env.MSGLINT_CODE_CACHE !== 'off';
  // The key changes with the bundle and with Node (V8 also rejects a cache that does not fit).
  const cacheFile = join(cacheDir(), `code-${process.version}-${process.arch}-${Math.round(bundleTime)}.bin`);
  let cachedData;
  if (useCache) {
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      cachedData = undefined;
    }
  }
  const script = new vm.Script(Module.wrap(readFileSync(BUNDLE, 'utf8')), { filename: BUNDLE, cachedData });
  const module = { exports: {} };
  script.runInThisContext().call(module.exports, module.exports, Module.createRequire(BUNDLE), module, BUNDLE, CLI_DIR);
  const stale = cachedData === undefined || script.cachedDataRejected;
  // Written after a run, so that it holds the functions that run compiled; written again after
  // a run that used a format or language the cache was not written for (this process then
  // holds the cache's functions and the new ones): otherwise a first run on one draft would
  // leave every later run compiling the catalogue reader.
  const writeCache = (features) => {
    try {
      const covered = stale ? [] : coveredFeatures(cacheFile);
      const missing = features.filter((f) => !covered.includes(f));
      if (!stale && missing.length === 0) return;
      mkdirSync(dirname(cacheFile), { recursive: true });
      writeAtomically(cacheFile, script.createCachedData());
      writeAtomically(`${cacheFile}.features`, `${JSON.stringify([...covered, ...missing].sort())}\n`);
      // Caches of earlier builds are never read again.
      for (const name of readdirSync(dirname(cacheFile))) {
        if (/^code-.*\.bin(\.features)?$/.test(name) && !name.startsWith(basename(cacheFile))) rmSync(join(dirname(cacheFile), name), { force: true });
      }
    } catch {
      // A read-only install: run without a cache.
    }
  };
  return { cli: module.exports, writeCache: useCache ? writeCache : undefined };
}

/**
 * The CLI's exports (`main`, `runLintWorker`, `usedFeatures`), from the bundle or the
 * modules; with the bundle and the cache enabled, `writeCache(features)` writes the code cache
 * after the run when it is missing, rejected, or lacks one of the run's features.
 */
export async function loadCli() {
  const bundleTime = mtime(BUNDLE);
  const modulesTime = mtime(MODULES);
  if (bundleTime === undefined || (modulesTime !== undefined && modulesTime > bundleTime)) {
    return { cli: await import(pathToFileURL(MODULES).href) };
  }
  // Code compiled by vm.Script cannot use import() on Node 20 without an experimental flag:
  // lend it ours (src/dynamic-import.ts).
  globalThis[Symbol.for('msglint.import')] = (url) => import(url);
  return loadBundle(bundleTime);
}
