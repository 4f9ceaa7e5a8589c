// The spelling-suggestion thread of a big run (src/language/spell/background.ts). Loaded like
// the CLI itself (bin/load.js: the bundle with its code cache, or the modules).
import { loadCli } from './load.js';

const { cli } = await loadCli();
cli.runSuggestWorker();
