// Running the built CLI as a process, with a time bound and a memory bound: the child is
// killed when it runs longer than `timeoutMs` or when its resident set grows over `maxRssMb`
// (polled from /proc on Linux), and its peak RSS is read back through rss-probe.mjs.
import { spawn } from 'node:child_process';
import { it } from 'vitest';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const BIN = join(ROOT, 'bin', 'msglint.js');
export const FIXTURES = join(ROOT, 'test', 'fixtures', 'bad');
const RSS_PROBE = fileURLToPath(new URL('./rss-probe.mjs', import.meta.url));
export const NO_NETWORK = fileURLToPath(new URL('./no-network.mjs', import.meta.url));

/** `MSGLINT_SLOW_TESTS=1` runs the full-size and long versions of the heavy tests. */
export const SLOW = process.env.MSGLINT_SLOW_TESTS === '1';
export const IS_ROOT = typeof process.getuid === 'function' && process.getuid() === 0;
export const LINUX = process.platform === 'linux';

export interface RunOptions {
  cwd?: string;
  input?: string | Uint8Array;
  env?: NodeJS.ProcessEnv;
  /** kill the child after this long (default 60 s) */
  timeoutMs?: number;
  /** kill the child when its RSS exceeds this (Linux only) */
  maxRssMb?: number;
  /** extra node flags, e.g. ['--import', file] */
  nodeArgs?: string[];
  uid?: number;
  gid?: number;
}

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
  /** peak RSS in MB (from the child itself; else the largest value polled) */
  peakRssMb: number | undefined;
  /** why the harness killed the child */
  killed?: 'timeout' | 'memory';
}

function rssOf(pid: number): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = /VmRSS:\s+(\d+) kB/.exec(status);
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Runs `node bin/msglint.js …args`. Resolves when the child exits (or is killed). */
export function runCli(args: string[], options: RunOptions = {}): Promise<RunResult> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const probeDir = mkdtempSync(join(tmpdir(), 'msglint-rss-'));
  chmodSync(probeDir, 0o777); // a child running as another uid writes here too
  const rssFile = join(probeDir, 'rss.json');
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', RSS_PROBE, BIN, ...args], {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, NO_COLOR: '1', MSGLINT_RSS_FILE: rssFile, ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
      uid: options.uid,
      gid: options.gid,
    });
    let stdout = '';
    let stderr = '';
    let killed: RunResult['killed'];
    let polled = 0;
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    child.stdin.on('error', () => {});
    child.stdin.end(options.input ?? '');
    const timer = setTimeout(() => {
      killed = 'timeout';
      child.kill('SIGKILL');
    }, timeoutMs);
    const poll = setInterval(() => {
      if (child.pid === undefined) return;
      const rss = rssOf(child.pid);
      if (rss === undefined) return;
      polled = Math.max(polled, rss);
      if (options.maxRssMb !== undefined && rss > options.maxRssMb) {
        killed = 'memory';
        child.kill('SIGKILL');
      }
    }, 50);
    child.on('error', (error) => {
      clearTimeout(timer);
      clearInterval(poll);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      clearInterval(poll);
      let peak: number | undefined = polled || undefined;
      try {
        peak = Math.max(peak ?? 0, JSON.parse(readFileSync(rssFile, 'utf8')).maxRssKb / 1024);
      } catch {
        // killed, or crashed before exit handlers ran
      }
      rmSync(probeDir, { recursive: true, force: true });
      resolve({ code, signal, stdout, stderr, ms: performance.now() - started, peakRssMb: peak, killed });
    });
  });
}

export interface JsonMessage {
  ruleId: string | null;
  severity: number;
  message: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  fatal?: boolean;
}
export interface JsonResult {
  filePath: string;
  messages: JsonMessage[];
  errorCount: number;
  fatalErrorCount: number;
  warningCount: number;
}

/** The `--format json` output, or a failure that shows what the CLI printed instead. */
export function parseJson(run: RunResult): JsonResult[] {
  try {
    return JSON.parse(run.stdout) as JsonResult[];
  } catch {
    throw new Error(`not JSON output (exit ${run.code}, signal ${run.signal}, killed ${run.killed}):\n${run.stdout.slice(0, 2000)}\n--- stderr ---\n${run.stderr.slice(0, 2000)}`);
  }
}

/** A fresh temp directory (world-readable, so a child running as `nobody` can use it). */
export function tempDir(prefix = 'msglint-robust-', files: Record<string, string | Uint8Array> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(dir, 0o755);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

export function removeDir(dir: string): void {
  if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
}

/** A good file linted alongside every bad one: its finding must always be reported. */
export const GOOD_NAME = 'good.txt';
export const GOOD_TEXT = 'Thanks for expresing interest.\n';
export function goodFindingPresent(results: JsonResult[]): boolean {
  const good = results.find((r) => r.filePath.endsWith(GOOD_NAME));
  return Boolean(good?.messages.some((m) => m.ruleId === 'spelling' && m.line === 1 && m.column === 12 && /expresing/.test(m.message)));
}

/**
 * A test that shows a known bug: `it.fails` (the suite stays green; the test starts failing
 * once the bug is fixed — then make it `it`). `MSGLINT_SHOW_BUGS=1` runs them as plain tests,
 * to see each bug's assertion failure.
 */
export const SHOW_BUGS = process.env.MSGLINT_SHOW_BUGS === '1';
export const bug: typeof it.fails = SHOW_BUGS ? (it as typeof it.fails) : it.fails;
export const concurrentBug: typeof it.concurrent.fails = SHOW_BUGS ? (it.concurrent as typeof it.concurrent.fails) : it.concurrent.fails;
