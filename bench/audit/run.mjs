#!/usr/bin/env node
// Runs `msglint audit` from the compiled tree (dist/, built by `npx tsc -p .`) until the
// subcommand is wired into bin/msglint.js: `node bench/audit/run.mjs [audit options] FILES…`.
import { readFileSync } from 'node:fs';
import { auditCommand } from '../../dist/src/audit/index.js';

const io = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  readStdin: () => readFileSync(0, 'utf8'),
  isTTY: Boolean(process.stdout.isTTY),
  env: process.env,
  cwd: process.cwd(),
};

auditCommand(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(`msglint audit: internal error: ${error && error.stack ? error.stack : error}`);
    process.exitCode = 2;
  },
);
