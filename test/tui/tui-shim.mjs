#!/usr/bin/env node
// Runs `msglint review|compose` straight from dist/src/tui, for scripted sessions before
// (or without) the CLI wiring: `node test/tui/tui-shim.mjs review examples`.
import { readFileSync } from 'node:fs';
const root = new URL('../../', import.meta.url);
const { reviewCommand, composeCommand } = await import(new URL('dist/src/tui/index.js', root).href);
const io = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  readStdin: () => readFileSync(0, 'utf8'),
  isTTY: Boolean(process.stdout.isTTY),
  env: process.env,
  cwd: process.cwd(),
};
const [command, ...args] = process.argv.slice(2);
const run = command === 'compose' ? composeCommand : reviewCommand;
process.exitCode = await run(args, io);
