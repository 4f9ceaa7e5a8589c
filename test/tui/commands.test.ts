// The entry points: fallbacks without a terminal, usage errors, the progress reporter, and
// the start-up guard (the TUI module loads no React/Ink/engine until a command runs).
import { spawnSync } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/main.js';
import { composeCommand, interactive, progressReporter, reviewCommand } from '../../src/tui/index.js';
import { tempProject } from './helpers.js';

const ROOT = join(import.meta.dirname, '..', '..');

function fakeIo(cwd: string, env: NodeJS.ProcessEnv = {}): Io & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => out.push(t), stderr: (t) => err.push(t), readStdin: () => '', isTTY: false, env, cwd };
}

let project: ReturnType<typeof tempProject>;
beforeEach(() => {
  project = tempProject();
});
afterEach(() => project.cleanup());

describe('review and compose without a terminal', () => {
  it('review falls back to the stylish report with the CLI exit code', async () => {
    const io = fakeIo(project.dir);
    expect(interactive(io)).toBe(false);
    const code = await reviewCommand([], io);
    expect(code).toBe(1);
    const out = io.out.join('');
    expect(out).toContain('templates/orders.yml:5:52  warning  Unknown word `adress`');
    expect(out).toContain('✖ 6 problems (3 errors, 3 warnings, 0 info)');
  });

  it('review rejects flags that belong to the plain CLI, and prints its help', async () => {
    const io = fakeIo(project.dir);
    expect(await reviewCommand(['--fix', '.'], io)).toBe(2);
    expect(io.err.join('')).toContain('--fix is not available in the review');
    const help = fakeIo(project.dir);
    expect(await reviewCommand(['--help'], help)).toBe(0);
    expect(help.out.join('')).toContain('Usage: msglint review');
  });

  it('compose needs a terminal (exit 2) and validates its flags', async () => {
    const io = fakeIo(project.dir);
    expect(await composeCommand(['--channel', 'whatsapp'], io)).toBe(2);
    expect(io.err.join('')).toContain('compose needs an interactive terminal');
    const bad = fakeIo(project.dir);
    expect(await composeCommand(['--channel', 'fax'], bad)).toBe(2);
    expect(bad.err.join('')).toContain('--channel must be one of');
  });

  it('is not interactive in CI even on a terminal', () => {
    expect(interactive({ ...fakeIo(project.dir, { CI: 'true' }), isTTY: true })).toBe(false);
  });
});

class FakeStream extends EventEmitter {
  isTTY = true;
  columns = 80;
  rows = 24;
  chunks: string[] = [];
  write(chunk: string | Uint8Array, callback?: () => void): boolean {
    this.chunks.push(String(chunk));
    callback?.();
    return true;
  }
}

describe('progress reporter', () => {
  it('prints a few plain lines in CI', async () => {
    const io = fakeIo(project.dir, { CI: 'true' });
    const progress = progressReporter(io);
    progress.start(20);
    for (let i = 0; i < 20; i++) await progress.fileDone(`f${i}.yml`, i % 2);
    await progress.end();
    const lines = io.err.join('').trim().split('\n');
    expect(lines[0]).toBe('msglint: linting 20 files');
    expect(lines).toContain('msglint: 10/20 files (50%), 5 findings');
    expect(lines[lines.length - 1]).toMatch(/^msglint: linted 20 files in \d+\.\d s, 10 findings$/);
    expect(lines.length).toBeLessThanOrEqual(12);
  });

  it('is silent when stderr is not a terminal (outside CI)', async () => {
    const io = fakeIo(project.dir);
    const progress = progressReporter(io, { stream: Object.assign(new FakeStream(), { isTTY: false }) as unknown as NodeJS.WriteStream });
    progress.start(2);
    await progress.fileDone('a', 1);
    await progress.end();
    expect(io.err).toEqual([]);
  });

  it('draws an Ink bar with the finished files above it on a terminal', async () => {
    const stream = new FakeStream();
    const progress = progressReporter(fakeIo(project.dir), { mode: 'ink', stream: stream as unknown as NodeJS.WriteStream });
    progress.start(3);
    await progress.fileDone('templates/a.yml', 2);
    await progress.fileDone('templates/b.yml', 0);
    await progress.fileDone('drafts/c.md', 1);
    await progress.end();
    const output = stream.chunks.join('');
    expect(output).toContain('templates/a.yml');
    expect(output).toContain('2 findings');
    expect(output).toContain('drafts/c.md');
    expect(output).toContain('3/3 files · 3 findings');
  });
});

describe('start-up', () => {
  it('src/tui/index.ts and progress.ts import nothing heavy statically', () => {
    for (const file of ['src/tui/index.ts', 'src/tui/progress.ts']) {
      const source = readFileSync(join(ROOT, file), 'utf8');
      const staticImports = [...source.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s+'([^']+)'/gm)].map((m) => m[1]);
      expect(staticImports.filter((s) => !s.startsWith('./progress'))).toEqual([]);
    }
  });

  it('the CLI imports the TUI only dynamically (for review / compose / progress)', () => {
    const main = readFileSync(join(ROOT, 'src/cli/main.ts'), 'utf8');
    expect(main).not.toMatch(/^import\s+(?!type\b)[^;]*from\s+'\.\.\/tui\//m);
  });

  it('importing the built TUI entry loads neither React nor Ink', () => {
    const hook = `data:text/javascript,${encodeURIComponent(
      "export async function resolve(s, c, next) { if (/^(ink|react)(\\/|$)/.test(s)) process.stderr.write('LOADED ' + s + '\\n'); return next(s, c); }",
    )}`;
    const script = `import { register } from 'node:module'; register(${JSON.stringify(hook)}); await import(${JSON.stringify(join(ROOT, 'dist/src/tui/index.js'))}); console.log('ok');`;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env: { ...process.env, NODE_EXTRA_CA_CERTS: '' } });
    expect(result.stdout.trim()).toBe('ok');
    expect(result.stderr).not.toContain('LOADED');
  });
});
