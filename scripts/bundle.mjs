#!/usr/bin/env node
// Bundles the CLI (dist/src/cli/main.js and everything it imports, npm packages included)
// into one CommonJS file, dist/src/cli/msglint.cjs, that bin/msglint.js compiles with a V8
// code cache. One file instead of ~400 modules: no module resolution, no per-file loading,
// and the code cache skips parsing and compiling on every run after the first (see
// bench/README.md for the figures). The TUI and audit stay separate modules: they are
// imported (through src/dynamic-import.ts) only by the commands that need them.
// Run after `tsc` (npm run build does both).
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

// fdir (under tinyglobby) loads picomatch with its own `createRequire` at start-up, which a
// bundler cannot follow: ~13 ms of module loading on every run. Point it at the bundled copy.
const fdirPicomatch = {
  name: 'fdir-picomatch',
  setup(b) {
    b.onLoad({ filter: /[\\/]fdir[\\/]dist[\\/]index\.mjs$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const dynamic = /__require\.resolve\("picomatch"\);\s*pm = __require\("picomatch"\);/;
      if (!dynamic.test(source)) return undefined; // another fdir version: leave it as it is
      return { contents: `import __bundledPicomatch from "picomatch";\n${source.replace(dynamic, 'pm = __bundledPicomatch;')}`, loader: 'js' };
    });
  },
};

// `yaml` ships CommonJS for Node and the same code as ES modules for browsers. Bundled as
// CommonJS, every `isScalar()`/`isMap()` call of the format adapters went through an export
// getter (~10% of reading a catalogue); the ES build is scope-hoisted into direct calls. The two
// builds differ only in how warnings are printed (console.warn instead of process.emitWarning)
// and in `!!binary` decoding, which the YAML 1.2 core schema msglint uses does not have.
const yamlAsEsm = {
  name: 'yaml-esm',
  setup(b) {
    const yamlRoot = dirname(createRequire(import.meta.url).resolve('yaml/package.json'));
    b.onResolve({ filter: /^yaml$/ }, () => ({ path: join(yamlRoot, 'browser', 'index.js') }));
  },
};

await build({
  plugins: [fdirPicomatch, yamlAsEsm],
  entryPoints: [join(ROOT, 'dist', 'src', 'cli', 'main.js')],
  outfile: join(ROOT, 'dist', 'src', 'cli', 'msglint.cjs'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // esbuild would otherwise turn every /\p{…}/u literal into `new RegExp(…)`, compiled again
  // on each call inside a function; Node 20 has them natively.
  supported: { 'regexp-unicode-property-escapes': true },
  // `import.meta.url` is the bundle's own URL (paths.ts finds the package root from it).
  define: { 'import.meta.url': '__msglintBundleUrl' },
  banner: { js: "const __msglintBundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
  legalComments: 'none',
});
