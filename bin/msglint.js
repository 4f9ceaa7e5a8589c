#!/usr/bin/env node
// Launcher: loads the CLI (the bundle with a V8 code cache, or the modules: bin/load.js),
// runs it, and writes the code cache after a first run.
import { loadCli } from './load.js';

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
    if (writeCache && !argv.some((a) => a === '--help' || a === '-h' || a === '--version' || a === '-v')) writeCache();
  })
  .catch((error) => {
    console.error(`msglint: internal error: ${error && error.stack ? error.stack : error}`);
    process.exitCode = 2;
  });
