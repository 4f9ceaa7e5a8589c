#!/usr/bin/env node
// Bundles the CLI (dist/src/cli/main.js and everything it imports, npm packages included)
// into one CommonJS file, dist/src/cli/msglint.cjs, that bin/msglint.js compiles with a V8
// code cache. One file instead of ~400 modules: no module resolution, no per-file loading,
// and the code cache skips parsing and compiling on every run after the first (see
// bench/README.md for the figures). The TUI and audit stay separate modules: they are
// imported (through src/dynamic-import.ts) only by the commands that need them.
// Run after `tsc` (npm run build does both).
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

await build({
  entryPoints: [join(ROOT, 'dist', 'src', 'cli', 'main.js')],
  outfile: join(ROOT, 'dist', 'src', 'cli', 'msglint.cjs'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // `import.meta.url` is the bundle's own URL (paths.ts finds the package root from it).
  define: { 'import.meta.url': '__msglintBundleUrl' },
  banner: { js: "const __msglintBundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
  legalComments: 'none',
});
