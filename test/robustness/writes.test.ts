// Never damage a file. `--fix` writes through src/engine/write.ts `writeFileAtomic`: a temp
// file in the same directory, the original's mode, fsync, rename over the original — unless
// the file changed on disk since msglint read it. Checked here: in process on
// writeFileAtomic, and through the CLI (mode, line endings, BOM, a concurrent edit, SIGKILL
// at random moments).
//
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { encode } from '../../src/engine/decode.js';
import { ChangedOnDiskError, writeFileAtomic } from '../../src/engine/write.js';
import { BIN, IS_ROOT, LINUX, SLOW, bug, removeDir, runCli, tempDir } from './helpers/cli.js';
import { onlyRules } from './helpers/rules.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeDir));
function dir(files: Record<string, string | Uint8Array> = {}): string {
  const d = tempDir('msglint-writes-', files);
  dirs.push(d);
  return d;
}

/** Temp files writeFileAtomic leaves when it is interrupted: `.<name>.msglint-<pid>-<time>.tmp`. */
const TEMP = /^\..+\.msglint-\d+-\d+\.tmp$/;
const temps = (d: string) => readdirSync(d).filter((f) => TEMP.test(f));

const TERMS = { terms: { type: 'substitution', swap: { 'e-mail': 'email', 'web site': 'website' } } };
const lintrc = () => onlyRules(['terms'], { customRules: TERMS });

describe('writeFileAtomic (in process)', () => {
  it('replaces the file by a rename in the same directory: new inode, same mode, no temp file left', () => {
    const d = dir({ 'a.txt': 'old\n' });
    const path = join(d, 'a.txt');
    // A read-only file is refused (see below), except for root, who may write any file.
    for (const mode of IS_ROOT ? [0o640, 0o755, 0o600, 0o444, 0o4755] : [0o640, 0o755, 0o600]) {
      chmodSync(path, mode);
      const before = statSync(path);
      const old = readFileSync(path);
      writeFileAtomic(path, Buffer.from(`new ${mode}\n`), old);
      const after = statSync(path);
      expect(readFileSync(path, 'utf8')).toBe(`new ${mode}\n`);
      expect(after.mode & 0o7777).toBe(mode);
      expect(after.ino).not.toBe(before.ino); // a rename, not an in-place write
      expect(after.dev).toBe(before.dev);
      expect(readdirSync(d)).toEqual(['a.txt']);
    }
  });

  it('refuses to write when the file changed since it was read (and leaves it as it is)', () => {
    const d = dir({ 'a.txt': 'what msglint read\n' });
    const path = join(d, 'a.txt');
    const read = readFileSync(path);
    writeFileSync(path, 'the copywriter saved meanwhile\n');
    expect(() => writeFileAtomic(path, Buffer.from('fixed\n'), read)).toThrow(ChangedOnDiskError);
    expect(readFileSync(path, 'utf8')).toBe('the copywriter saved meanwhile\n');
    expect(readdirSync(d)).toEqual(['a.txt']);
    // Same length, one byte different: still refused.
    writeFileSync(path, 'what msglint reaD\n');
    expect(() => writeFileAtomic(path, Buffer.from('fixed\n'), read)).toThrow(/changed on disk since msglint read it; not written/);
  });

  it('never re-creates a file deleted since it was read', () => {
    const d = dir({ 'a.txt': 'x\n' });
    const path = join(d, 'a.txt');
    const read = readFileSync(path);
    removeDir(path);
    expect(() => writeFileAtomic(path, Buffer.from('fixed\n'), read)).toThrow();
    expect(readdirSync(d)).toEqual([]);
  });

  // An immutable file (chattr +i, root on ext4) is not writable, even by root: refused as
  // read-only before any temp file is made, and left alone.
  const canChattr = IS_ROOT && LINUX && spawnSync('chattr', ['--help']).error === undefined;
  (canChattr ? it : it.skip)('refuses an immutable file (root: chattr +i)', () => {
    const d = dir({ 'a.txt': 'old\n' });
    const path = join(d, 'a.txt');
    const attr = spawnSync('chattr', ['+i', path]);
    if (attr.status !== 0) return; // file system without the attribute: nothing to show
    try {
      expect(() => writeFileAtomic(path, Buffer.from('new\n'), readFileSync(path))).toThrow(/is read-only; not written/);
      expect(readFileSync(path, 'utf8')).toBe('old\n');
      expect(temps(d)).toEqual([]);
    } finally {
      spawnSync('chattr', ['-i', path]);
    }
  });

  // The rename is made to fail after the temp file was written: in a sticky folder (as /tmp),
  // a file owned by someone else cannot be replaced even when it is writable (mode 666). The
  // temp file must be removed and the file left alone. Root only: msglint runs as uid 65534.
  ((IS_ROOT && LINUX) ? it : it.skip)('removes its temp file when the rename fails (sticky folder, another owner)', async () => {
    const d = dir({ '.lintrc': await lintrc(), 'a.txt': 'E-mail us.\n' });
    chmodSync(d, 0o1777);
    chownSync(join(d, 'a.txt'), 1234, 1234);
    chmodSync(join(d, 'a.txt'), 0o666);
    const run = await runCli(['--fix', 'a.txt'], { cwd: d, timeoutMs: 60_000, uid: 65534, gid: 65534 });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/EPERM|not permitted/);
    expect(readFileSync(join(d, 'a.txt'), 'utf8')).toBe('E-mail us.\n');
    expect(temps(d)).toEqual([]);
  }, 90_000);

  // Through a symbolic link, the link's target is replaced (temp file beside the target) and
  // the link is kept.
  it('writing through a symbolic link keeps the link and updates its target', () => {
    const d = dir({ 'shared/common.txt': 'old\n' });
    mkdirSync(join(d, 'content'));
    symlinkSync('../shared/common.txt', join(d, 'content', 'link.txt'));
    const link = join(d, 'content', 'link.txt');
    writeFileAtomic(link, Buffer.from('new\n'), readFileSync(link));
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe('../shared/common.txt');
    expect(readFileSync(join(d, 'shared', 'common.txt'), 'utf8')).toBe('new\n');
    expect(readdirSync(join(d, 'content'))).toEqual(['link.txt']);
    expect(readdirSync(join(d, 'shared'))).toEqual(['common.txt']);
  });

  // The temp file gets the original's owner and group before the rename (fchown, when
  // permitted): a root run (CI container, `sudo`) leaves the developer's files theirs, with
  // set-id bits kept.
  (IS_ROOT ? it : it.skip)('keeps the owner and group of the file (root only)', () => {
    const d = dir({ 'a.txt': 'old\n' });
    const path = join(d, 'a.txt');
    chownSync(path, 1234, 1234);
    chmodSync(path, 0o2664);
    writeFileAtomic(path, Buffer.from('new\n'), readFileSync(path));
    expect([statSync(path).uid, statSync(path).gid]).toEqual([1234, 1234]);
    expect(statSync(path).mode & 0o7777).toBe(0o2664);
    expect(readFileSync(path, 'utf8')).toBe('new\n');
  });

  // A file with several hard links is refused and left as it is (both names keep the same
  // text): the atomic rename would split the links (this name fixed, the others not), and an
  // in-place write, which keeps them, can be torn by a crash or a kill — see the SIGKILL test.
  it('refuses a file with hard links, leaving every name as it is (never splits them)', () => {
    const d = dir({ 'a.txt': 'old\n' });
    linkSync(join(d, 'a.txt'), join(d, 'b.txt'));
    expect(() => writeFileAtomic(join(d, 'a.txt'), Buffer.from('new\n'), readFileSync(join(d, 'a.txt')))).toThrow(/a\.txt has 2 hard links .*; not written/);
    expect(readFileSync(join(d, 'a.txt'), 'utf8')).toBe('old\n');
    expect(readFileSync(join(d, 'b.txt'), 'utf8')).toBe('old\n');
    expect(statSync(join(d, 'a.txt')).ino).toBe(statSync(join(d, 'b.txt')).ino);
    expect(readdirSync(d).sort()).toEqual(['a.txt', 'b.txt']);
  });
});

describe('--fix through the CLI', () => {
  it('keeps mode, CRLF, lone LF, BOM (UTF-8, UTF-16 LE and BE) and changes only the fixed words', async () => {
    const d = dir({ '.lintrc': await lintrc() });
    const cases: [string, Uint8Array, Uint8Array, number][] = [
      ['crlf.txt', Buffer.from('E-mail us.\r\nVisit our web site.\r\n'), Buffer.from('Email us.\r\nVisit our website.\r\n'), 0o640],
      ['mixed.md', Buffer.from('---\r\nchannel: messenger\r\n---\r\nE-mail us.\nOur web site.\r\n'), Buffer.from('---\r\nchannel: messenger\r\n---\r\nEmail us.\nOur website.\r\n'), 0o600],
      ['bom.yml', encode('messages:\r\n  - text: "E-mail us."\r\n', 'utf8'), encode('messages:\r\n  - text: "Email us."\r\n', 'utf8'), 0o644],
      ['le.txt', encode('E-mail us 😀 via our web site.\r\n', 'utf16le'), encode('Email us 😀 via our website.\r\n', 'utf16le'), 0o755],
      ['be.txt', encode('E-mail us 😀 via our web site.\n', 'utf16be'), encode('Email us 😀 via our website.\n', 'utf16be'), 0o664],
    ];
    for (const [name, before, , mode] of cases) {
      writeFileSync(join(d, name), before);
      chmodSync(join(d, name), mode);
    }
    const run = await runCli(['--fix', ...cases.map((c) => c[0])], { cwd: d, timeoutMs: 60_000 });
    expect(run.code, run.stderr + run.stdout).toBe(0);
    for (const [name, , after, mode] of cases) {
      expect(Buffer.from(readFileSync(join(d, name))).equals(Buffer.from(after)), name).toBe(true);
      expect(statSync(join(d, name)).mode & 0o7777, name).toBe(mode);
    }
    expect(temps(d)).toEqual([]);
  }, 90_000);

  // The file is modified while msglint lints it. msglint's read is detected through the
  // access time (relatime updates atime on the first read after a write), and the file is
  // rewritten right then; linting the big file takes far longer than the check.
  it('refuses to write a file that changed on disk while it was being linted', async () => {
    const d = dir({ '.lintrc': await lintrc() });
    const path = join(d, 'big.yml');
    const item = (i: number) => `  - id: m${i}\n    text: "E-mail us or visit our web site, message ${i}."\n`;
    const original = `messages:\n${Array.from({ length: 4000 }, (_, i) => item(i)).join('')}`;
    writeFileSync(path, original);
    const past = new Date(Date.now() - 3600_000);
    utimesSync(path, past, new Date()); // atime < mtime: the next read updates atime
    const before = statSync(path).atimeMs;
    const child = spawn(process.execPath, [BIN, '--fix', 'big.yml'], { cwd: d, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (s) => (stderr += s));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    const edited = 'messages:\n  - text: "The copywriter saved this meanwhile."\n';
    let sawRead = false;
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      if (statSync(path).atimeMs !== before) {
        sawRead = true;
        writeFileSync(path, edited);
        break;
      }
      await new Promise((r) => setTimeout(r, 2));
    }
    const code = await exited;
    if (!sawRead) {
      // The file system does not update atime (noatime): this check cannot be timed here.
      console.warn('writes.test: atime is not updated on this file system; concurrent-edit check skipped');
      return;
    }
    expect(readFileSync(path, 'utf8')).toBe(edited);
    expect(code).toBe(2);
    expect(stderr).toMatch(/big\.yml changed on disk since msglint read it; not written \(run msglint again\)/);
    expect(temps(d)).toEqual([]);
  }, 90_000);

  // A file the running user may not write (chmod 444) is refused and reported, as an
  // in-place write would fail, although the rename needs only the folder's permission. As
  // root this is shown by running msglint as uid 65534.
  ((!IS_ROOT || LINUX) ? it : it.skip)('does not rewrite a read-only file', async () => {
    const d = dir({ '.lintrc': await lintrc(), 'ro.txt': 'E-mail us.\n' });
    chmodSync(join(d, 'ro.txt'), 0o444);
    if (IS_ROOT) {
      chownSync(d, 65534, 65534);
      chownSync(join(d, 'ro.txt'), 65534, 65534);
      chownSync(join(d, '.lintrc'), 65534, 65534);
    }
    const run = await runCli(['--fix', 'ro.txt'], { cwd: d, timeoutMs: 60_000, ...(IS_ROOT ? { uid: 65534, gid: 65534 } : {}) });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/ro\.txt is read-only; not written/);
    expect(readFileSync(join(d, 'ro.txt'), 'utf8')).toBe('E-mail us.\n');
  }, 90_000);
});

describe('SIGKILL during --fix never leaves a truncated or mixed file', () => {
  const FILES = SLOW ? 40 : 10;
  const KILLS = SLOW ? 40 : 6;
  const MESSAGES = SLOW ? 150 : 100;

  function catalogue(f: number): string {
    const lines = ['messages:'];
    for (let i = 0; i < MESSAGES; i++) lines.push(`  - id: f${f}-m${i}`, `    text: "Please e-mail us or visit our web site (file ${f}, message ${i})."`);
    return lines.join('\r\n') + '\r\n';
  }

  it(`${KILLS} runs killed at random moments: every file is the original or the fully fixed text`, async () => {
    const config = await lintrc();
    // The fully fixed text of every file, from one complete run on a copy.
    const reference = dir({ '.lintrc': config });
    for (let f = 0; f < FILES; f++) writeFileSync(join(reference, `c${f}.yml`), catalogue(f));
    const names = Array.from({ length: FILES }, (_, f) => `c${f}.yml`);
    const full = await runCli(['--fix', ...names], { cwd: reference, timeoutMs: 120_000 });
    expect(full.code, full.stderr).toBe(0);
    const fixed = names.map((n) => readFileSync(join(reference, n), 'utf8'));
    expect(fixed[0]).toContain('Please email us or visit our website (file 0, message 0).');
    expect(fixed[0]).not.toContain('e-mail');
    const fullMs = full.ms;

    const observed = { original: 0, fixed: 0, killedBeforeAnyWrite: 0, killedMidway: 0, finished: 0, tempFiles: [] as string[] };
    let seed = 12345;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let k = 0; k < KILLS; k++) {
      const d = dir({ '.lintrc': config });
      for (let f = 0; f < FILES; f++) {
        writeFileSync(join(d, `c${f}.yml`), catalogue(f));
        chmodSync(join(d, `c${f}.yml`), 0o640);
      }
      // When to kill: every third run at a random moment of the whole run (start-up, linting,
      // writing); the others once a random number of files has been replaced (watched through
      // their inode numbers) plus 0–20 ms, so that most kills land in the write phase, where a
      // temp file exists.
      const inodes = names.map((n) => statSync(join(d, n)).ino);
      const replaced = () => names.filter((n, i) => statSync(join(d, n), { throwIfNoEntry: false })?.ino !== inodes[i]).length;
      const child = spawn(process.execPath, [BIN, '--fix', ...names], { cwd: d, stdio: 'ignore' });
      let done = false;
      const exited = new Promise<void>((resolve) => child.on('close', () => ((done = true), resolve())));
      if (k % 3 === 0) {
        const timer = setTimeout(() => child.kill('SIGKILL'), fullMs * random());
        await exited;
        clearTimeout(timer);
      } else {
        const target = Math.floor(random() * FILES);
        while (!done && replaced() < target) await new Promise((r) => setTimeout(r, 1));
        if (!done) await new Promise((r) => setTimeout(r, random() * 20));
        child.kill('SIGKILL');
        await exited;
      }
      let fixedHere = 0;
      for (const [f, name] of names.entries()) {
        const text = readFileSync(join(d, name), 'utf8');
        if (text === catalogue(f)) observed.original++;
        else if (text === fixed[f]) {
          observed.fixed++;
          fixedHere++;
        } else throw new Error(`run ${k}: ${name} is neither the original nor the fixed text (${text.length} chars)`);
        expect(statSync(join(d, name)).mode & 0o777).toBe(0o640);
      }
      if (fixedHere === 0) observed.killedBeforeAnyWrite++;
      else if (fixedHere === FILES) observed.finished++;
      else observed.killedMidway++;
      const left = temps(d);
      for (const t of left) {
        // What the temp file holds: the complete fixed text of its file, a prefix of it, or else.
        const content = readFileSync(join(d, t), 'utf8');
        const of = names.findIndex((n) => t.startsWith(`.${n}.`));
        const what = of < 0 ? 'unknown file' : content === fixed[of] ? 'the complete fixed text' : fixed[of].startsWith(content) ? `a ${content.length}-char prefix of the fixed text` : 'other content';
        observed.tempFiles.push(`run ${k}: ${t} (${content.length} chars: ${what}; mode ${(statSync(join(d, t)).mode & 0o777).toString(8)})`);
      }
      // A leftover temp file is a complete or partial copy of the fixed text, named as a dot
      // file: a directory walk never lints it, and the next --fix run neither reads nor
      // removes it (it stays as litter until deleted by hand).
      if (left.length > 0) {
        const walk = spawnSync(process.execPath, [BIN, '--format', 'json', '.'], { cwd: d, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
        expect(JSON.parse(walk.stdout).some((r: { filePath: string }) => TEMP.test(r.filePath.split('/').pop()!))).toBe(false);
      }
    }
    console.log(`writes.test: ${KILLS} killed --fix runs over ${FILES} files: ${JSON.stringify({ ...observed, tempFiles: observed.tempFiles.length })}${observed.tempFiles.length ? `\n  left: ${observed.tempFiles.join('\n  left: ')}` : ''}`);
    expect(observed.original + observed.fixed).toBe(KILLS * FILES);
  }, SLOW ? 900_000 : 300_000);
});
