// Preloaded into a msglint child (`node --import …/rss-probe.mjs bin/msglint.js …`): on exit,
// writes the process's peak resident set size (process.resourceUsage().maxRSS, in KB) to the
// file named by MSGLINT_RSS_FILE. Used by the robustness tests to bound memory.
import { writeFileSync } from 'node:fs';

const out = process.env.MSGLINT_RSS_FILE;
if (out) {
  process.on('exit', () => {
    try {
      writeFileSync(out, JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS }));
    } catch {
      // the directory is gone: nothing to report
    }
  });
}
