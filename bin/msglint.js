#!/usr/bin/env node
// Launcher: loads the CLI (the bundle with a V8 code cache, or the modules: bin/load.js),
// runs it, and writes the code cache after a first run.
import { setFlagsFromString } from 'node:v8';
import { loadCli } from './load.js';

// V8's optimising compiler inlines up to 920 bytes of bytecode into each function it compiles.
// A run's hot code is hundreds of small functions (rules, tokenizers, the spelling engine),
// and compiling them with that much inlining took ~2.8 s of CPU in a 1 MB run: more than
// half of the other core, which the suggestion thread and the garbage collector need too.
// With 200 the compiles are cheaper and the code about as fast: runs take ~0.9× the time
// (bench/README.md). Set before the bundle is compiled: the code cache records the flags.
setFlagsFromString('--max-inlined-bytecode-size-cumulative=200');

// `msglint … | head`: a reader that stops early is not an error.
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

const argv = process.argv.slice(2);
loadCli()
  .then(async ({ cli, writeCache }) => {
    process.exitCode = await cli.main(argv);
    // --help/--version run almost nothing: a cache written then would hold little.
    if (writeCache && !argv.some((a) => a === '--help' || a === '-h' || a === '--version' || a === '-v')) writeCache(cli.usedFeatures?.() ?? []);
  })
  .catch((error) => {
    console.error(`msglint: internal error: ${error && error.stack ? error.stack : error}`);
    process.exitCode = 2;
  });
