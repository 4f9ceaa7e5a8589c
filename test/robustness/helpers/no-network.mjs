// Preloaded into a msglint child (`node --import …/no-network.mjs bin/msglint.js …`) to prove
// that msglint makes no network requests and starts no programs: every way out of the
// process (TCP/UDP/TLS sockets, DNS, http/https, fetch, WebSocket, child processes, workers)
// is replaced by a trap that appends what was attempted to MSGLINT_TRAP_LOG and throws.
// The tests also set HTTP(S)_PROXY to a closed local port, so that a request made some other
// way would fail instead of reaching the network.
import { appendFileSync } from 'node:fs';
import { createRequire, syncBuiltinESMExports } from 'node:module';

const require = createRequire(import.meta.url);
const log = process.env.MSGLINT_TRAP_LOG;

function trap(what) {
  return function trapped() {
    const line = `${what} ${JSON.stringify([...arguments].map((a) => (typeof a === 'function' ? 'fn' : typeof a === 'object' && a !== null ? Object.keys(a) : a)))}\n`;
    if (log) appendFileSync(log, line);
    throw new Error(`msglint robustness test: blocked ${what}`);
  };
}

const net = require('node:net');
net.Socket.prototype.connect = trap('net.Socket.connect');
net.connect = net.createConnection = trap('net.connect');
const tls = require('node:tls');
tls.connect = trap('tls.connect');
const dgram = require('node:dgram');
dgram.createSocket = trap('dgram.createSocket');
const dns = require('node:dns');
for (const name of ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCname', 'resolveMx', 'resolveNs', 'resolveTxt', 'resolveSrv', 'reverse']) {
  dns[name] = trap(`dns.${name}`);
  if (dns.promises[name]) dns.promises[name] = trap(`dns.promises.${name}`);
}
for (const mod of ['node:http', 'node:https', 'node:http2']) {
  const m = require(mod);
  for (const name of ['request', 'get', 'connect']) if (typeof m[name] === 'function') m[name] = trap(`${mod}.${name}`);
}
const cp = require('node:child_process');
for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) cp[name] = trap(`child_process.${name}`);
const wt = require('node:worker_threads');
wt.Worker = trap('worker_threads.Worker');
globalThis.fetch = trap('fetch');
if (globalThis.WebSocket) globalThis.WebSocket = trap('WebSocket');
syncBuiltinESMExports();
