// A lint worker thread of a parallel run (src/cli/parallel.ts). Loaded like the CLI itself
// (bin/load.js: the bundle with the code cache the main thread wrote), so that a thread
// starts in tens of milliseconds instead of resolving ~400 modules.
import { loadCli } from './load.js';

const { cli } = await loadCli();
await cli.runLintWorker();
