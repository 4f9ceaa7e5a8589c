// bin/msglint.js: runs the bundle (dist/src/cli/msglint.cjs) with a V8 code cache, or the
// plain modules when the bundle is missing or older than them. Tested on a copy of the
// launcher beside stub builds (so the real dist/ and cache are left alone), then on the
// real bundle: same report as the modules.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const STUB_MODULES = `export async function main(argv) { console.log('modules ' + argv.join(' ')); return 0; }\n`;
// A bundle that also imports an ES module through the launcher's importer, as the real one
// does for the TUI (import() is unavailable inside vm.Script on Node 20).
const STUB_BUNDLE = `
exports.main = async (argv) => {
  const lent = globalThis[Symbol.for('msglint.import')];
  const extra = await lent(require('node:url').pathToFileURL(require('node:path').join(__dirname, 'extra.mjs')).href);
  console.log('bundle ' + extra.word + ' ' + argv.join(' '));
  return 3;
};
// what the run "used": its arguments that start with f: (the real CLI names formats and languages)
exports.usedFeatures = () => process.argv.slice(2).filter((a) => a.startsWith('f:')).sort();
`;

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function install(options: { bundle: boolean; bundleNewer: boolean }): string {
  const dir = mkdtempSync(join(tmpdir(), 'msglint-launcher-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'bin'));
  mkdirSync(join(dir, 'dist', 'src', 'cli'), { recursive: true });
  for (const file of ['msglint.js', 'load.js']) copyFileSync(join(ROOT, 'bin', file), join(dir, 'bin', file));
  writeFileSync(join(dir, 'package.json'), '{"type": "module"}\n');
  const cli = join(dir, 'dist', 'src', 'cli');
  writeFileSync(join(cli, 'main.js'), STUB_MODULES);
  writeFileSync(join(cli, 'extra.mjs'), "export const word = 'imported';\n");
  if (options.bundle) {
    writeFileSync(join(cli, 'msglint.cjs'), STUB_BUNDLE);
    const [older, newer] = [new Date(Date.now() - 60_000), new Date()];
    utimesSync(join(cli, 'main.js'), options.bundleNewer ? older : newer, options.bundleNewer ? older : newer);
    utimesSync(join(cli, 'msglint.cjs'), options.bundleNewer ? newer : older, options.bundleNewer ? newer : older);
  }
  return dir;
}

function run(dir: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [join(dir, 'bin', 'msglint.js'), ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const cacheFiles = (dir: string) => {
  const cache = join(dir, 'node_modules', '.cache', 'msglint');
  return existsSync(cache) ? readdirSync(cache).filter((f) => f.startsWith('code-') && f.endsWith('.bin')).map((f) => join(cache, f)) : [];
};

describe('the launcher', () => {
  it('runs the bundle when it is newer than the modules, and writes a code cache after a run', () => {
    const dir = install({ bundle: true, bundleNewer: true });
    const first = run(dir, ['a.txt']);
    expect(first).toMatchObject({ code: 3, stdout: 'bundle imported a.txt\n', stderr: '' });
    expect(cacheFiles(dir)).toHaveLength(1);
    const cached = readFileSync(cacheFiles(dir)[0]);
    expect(run(dir, ['a.txt'])).toMatchObject({ code: 3, stdout: 'bundle imported a.txt\n', stderr: '' });
    expect(readFileSync(cacheFiles(dir)[0]).equals(cached)).toBe(true); // accepted, not rewritten
    // A new build (a newer bundle) gets a new cache; the old one is removed.
    const [oldCache] = cacheFiles(dir);
    const bundle = join(dir, 'dist', 'src', 'cli', 'msglint.cjs');
    utimesSync(bundle, new Date(), new Date(Date.now() + 5_000));
    run(dir, ['a.txt']);
    expect(cacheFiles(dir)).toHaveLength(1);
    expect(cacheFiles(dir)[0]).not.toBe(oldCache);
  });

  it('writes the cache again after a run that used a format or language the cache was not written for', () => {
    const dir = install({ bundle: true, bundleNewer: true });
    const file = () => cacheFiles(dir)[0];
    const features = () => JSON.parse(readFileSync(`${file()}.features`, 'utf8'));
    const mtime = () => statSync(file()).mtimeMs;
    run(dir, ['f:format:text']);
    expect(features()).toEqual(['f:format:text']);
    const first = mtime();
    run(dir, ['f:format:text']);
    expect(mtime()).toBe(first); // nothing new: not written
    run(dir, ['f:format:catalogue', 'f:language:de']);
    expect(features()).toEqual(['f:format:catalogue', 'f:format:text', 'f:language:de']); // the union
    const second = mtime();
    expect(second).not.toBe(first);
    run(dir, ['f:format:catalogue']);
    run(dir, ['f:language:de', 'f:format:text']);
    expect(mtime()).toBe(second);
    expect(readdirSync(join(dir, 'node_modules', '.cache', 'msglint')).sort()).toEqual([basename(file()), `${basename(file())}.features`]);
  });

  it('rewrites a corrupt cache and still runs', () => {
    const dir = install({ bundle: true, bundleNewer: true });
    run(dir, ['x']);
    const [file] = cacheFiles(dir);
    writeFileSync(file, 'not a V8 code cache');
    expect(run(dir, ['x'])).toMatchObject({ code: 3, stdout: 'bundle imported x\n', stderr: '' });
    expect(readFileSync(file, 'utf8')).not.toBe('not a V8 code cache');
  });

  it('writes no cache for --version or with MSGLINT_CODE_CACHE=off', () => {
    const dir = install({ bundle: true, bundleNewer: true });
    expect(run(dir, ['--version']).stdout).toBe('bundle imported --version\n');
    expect(run(dir, ['a.txt'], { MSGLINT_CODE_CACHE: 'off' }).stdout).toBe('bundle imported a.txt\n');
    expect(cacheFiles(dir)).toEqual([]);
  });

  it('runs the modules when the bundle is older (dist/ rebuilt by tsc alone) or missing', () => {
    expect(run(install({ bundle: true, bundleNewer: false }), ['a.txt'])).toMatchObject({ code: 0, stdout: 'modules a.txt\n' });
    expect(run(install({ bundle: false, bundleNewer: false }), ['a.txt'])).toMatchObject({ code: 0, stdout: 'modules a.txt\n' });
  });
});

describe('the real bundle', () => {
  it('reports exactly what the modules report', () => {
    const bundle = join(ROOT, 'dist', 'src', 'cli', 'msglint.cjs');
    const modules = join(ROOT, 'dist', 'src', 'cli', 'main.js');
    expect(existsSync(bundle), 'npm test builds the bundle (pretest)').toBe(true);
    const args = ['--format', 'json', '--no-config', 'examples'];
    const viaBin = spawnSync(process.execPath, [join(ROOT, 'bin', 'msglint.js'), ...args], { cwd: ROOT, encoding: 'utf8' });
    const viaModules = spawnSync(process.execPath, ['--input-type=module', '-e', `import { main } from ${JSON.stringify(modules)}; process.exitCode = await main(${JSON.stringify(args)});`], { cwd: ROOT, encoding: 'utf8' });
    expect(viaBin.status).toBe(viaModules.status);
    expect(JSON.parse(viaBin.stdout)).toEqual(JSON.parse(viaModules.stdout));
    expect(JSON.parse(viaBin.stdout).length).toBeGreaterThan(5);
  });
});
