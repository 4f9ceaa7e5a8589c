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

/** Runs the bundle; returns its exports and, when the cache must be (re)written, a writer. */
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
  const stale = useCache && (cachedData === undefined || script.cachedDataRejected);
  const writeCache = () => {
    // Written after a run, so that it holds the functions that run compiled. Atomically: a
    // concurrent run reads the old cache or the new one, never half of one.
    try {
      mkdirSync(dirname(cacheFile), { recursive: true });
      const temp = join(dirname(cacheFile), `.${basename(cacheFile)}.${process.pid}.tmp`);
      writeFileSync(temp, script.createCachedData());
      renameSync(temp, cacheFile);
      // Caches of earlier builds are never read again.
      for (const name of readdirSync(dirname(cacheFile))) {
        if (/^code-.*\.bin$/.test(name) && name !== basename(cacheFile)) rmSync(join(dirname(cacheFile), name), { force: true });
      }
    } catch {
      // A read-only install: run without a cache.
    }
  };
  return { cli: module.exports, writeCache: stale ? writeCache : undefined };
}

/**
 * The CLI's exports (`main`, `runLintWorker`), from the bundle or the modules; `writeCache`
 * is set when the code cache should be written after the run.
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
