// The CLI as a process: exit codes, formats, stdin, config errors. Runs the built bin
// (`npm test` builds first through `pretest`).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Linter } from '../../src/engine/lint.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin', 'msglint.js');

function msglint(args: string[], options: { cwd?: string; input?: string } = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function tempDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'msglint-cli-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

const CATALOGUE = `messages:
  - id: shipped
    tag: POST_PURCHASE_UPDATE
    text: "Your order has shipped! Use code SAVE10 for 10% off your next order."
`;

describe('msglint CLI', () => {
  it('reports the promotional phrase and the retired tag at exact positions (json)', () => {
    const dir = tempDir({ 'updates.yml': CATALOGUE });
    const { code, stdout } = msglint(['--format', 'json', 'updates.yml'], { cwd: dir });
    expect(code).toBe(1);
    const [result] = JSON.parse(stdout);
    expect(result.filePath).toBe('updates.yml');
    const promo = result.messages.filter((m: { ruleId: string }) => m.ruleId === 'no-promotional-content');
    expect(promo.map((m: { line: number; column: number; endColumn: number }) => [m.line, m.column, m.endColumn])).toEqual([
      [4, 36, 44], // Use code
      [4, 56, 63], // 10% off
    ]);
    expect(promo[0].messageId).toBe('shipped');
    const tag = result.messages.find((m: { ruleId: string }) => m.ruleId === 'valid-message-tag');
    expect(tag).toMatchObject({ line: 3, column: 10, severity: 2 });
    expect(tag.message).toContain('retired on 2026-04-27');
  });

  it('prints stylish output with a code frame and help, exit 1 on errors', () => {
    const dir = tempDir({ 'updates.yml': CATALOGUE });
    const { code, stdout } = msglint(['updates.yml'], { cwd: dir });
    expect(code).toBe(1);
    expect(stdout).toContain('updates.yml:4:56  error  Unexpected promotional phrase `10% off`');
    expect(stdout).toMatch(/4 \|\s+text: "Your order/);
    expect(stdout).toContain('^^^^^^^');
    expect(stdout).toContain('help: ');
    expect(stdout).toMatch(/✖ \d+ problems? \(\d+ errors?/);
  });

  it('exits 0 on a clean file and prints nothing', () => {
    const dir = tempDir({ 'ok.txt': 'Hi! Your order has shipped.\n' });
    const { code, stdout } = msglint(['ok.txt'], { cwd: dir });
    expect(stdout).toBe('');
    expect(code).toBe(0);
  });

  it('exits 0 with warnings only, 1 when --max-warnings is exceeded', () => {
    const dir = tempDir({ 'w.txt': 'Thanks for expresing interest.\n' });
    expect(msglint(['w.txt'], { cwd: dir }).code).toBe(0);
    const over = msglint(['--max-warnings', '0', 'w.txt'], { cwd: dir });
    expect(over.code).toBe(1);
    expect(over.stderr).toContain('too many warnings');
  });

  it('--quiet hides warnings', () => {
    const dir = tempDir({ 'w.txt': 'Thanks for expresing interest.\n' });
    expect(msglint(['--quiet', 'w.txt'], { cwd: dir }).stdout).toBe('');
  });

  it('lints stdin with --stdin-filename choosing the format', () => {
    const input = '---\ntag: POST_PURCHASE_UPDATE\n---\nYour order shipped. Shop now!\n';
    const { code, stdout } = msglint(['--stdin', '--stdin-filename', 'draft.md', '--format', 'json'], { input });
    expect(code).toBe(1);
    const [result] = JSON.parse(stdout);
    expect(result.filePath).toBe('draft.md');
    expect(result.messages.find((m: { ruleId: string }) => m.ruleId === 'no-promotional-content')).toMatchObject({ line: 4, column: 21 });
  });

  it('--rule turns rules off and sets options', () => {
    const dir = tempDir({ 'updates.yml': CATALOGUE });
    const { stdout } = msglint(['--format', 'json', '--rule', 'no-promotional-content:off', '--rule', '{"valid-message-tag":"warn"}', 'updates.yml'], { cwd: dir });
    const [result] = JSON.parse(stdout);
    expect(result.messages.some((m: { ruleId: string }) => m.ruleId === 'no-promotional-content')).toBe(false);
    expect(result.messages.find((m: { ruleId: string }) => m.ruleId === 'valid-message-tag').severity).toBe(1);
  });

  it('rejects an unknown rule, format or flag with exit 2 and a suggestion', () => {
    const rule = msglint(['--rule', 'speling:off', 'x.txt']);
    expect(rule.code).toBe(2);
    expect(rule.stderr).toContain('did you mean `spelling`?');
    const format = msglint(['--format', 'jsn', 'x.txt']);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('did you mean `json`?');
    expect(msglint(['--frobnicate']).code).toBe(2);
    expect(msglint(['does-not-exist.txt']).code).toBe(2);
  });

  it('reports a config error with file:line:col and exit 2', () => {
    const dir = tempDir({ '.lintrc': 'rules:\n  spellng: off\n', 'a.txt': 'Hello.\n' });
    const { code, stderr } = msglint(['a.txt'], { cwd: dir });
    expect(code).toBe(2);
    expect(stderr).toContain('.lintrc:2:3: unknown rule `spellng`; did you mean `spelling`?');
  });

  it('applies the nearest .lintrc (words, rules) and --no-config ignores it', () => {
    const dir = tempDir({ '.lintrc': '{ "words": ["Coastie"], "rules": { "max-length": "off" } }', 'a.txt': 'Your Coastie hoodie. One. Two. Three.\n' });
    expect(msglint(['--format', 'json', 'a.txt'], { cwd: dir }).stdout).toContain('"messages": []');
    const noConfig = JSON.parse(msglint(['--format', 'json', '--no-config', 'a.txt'], { cwd: dir }).stdout);
    expect(noConfig[0].messages.map((m: { ruleId: string }) => m.ruleId).sort()).toEqual(['max-length', 'spelling']);
  });

  it('reports a broken file with its position, exit 2, and still lints the others', () => {
    const dir = tempDir({ 'bad.yml': 'messages:\n  - text: "unterminated\n', 'good.txt': 'Thanks for expresing interest.\n' });
    const { code, stdout } = msglint(['--format', 'json', 'bad.yml', 'good.txt'], { cwd: dir });
    expect(code).toBe(2);
    const results = JSON.parse(stdout);
    expect(results[0].messages[0]).toMatchObject({ fatal: true, ruleId: null, line: 2 });
    expect(results[1].messages[0].ruleId).toBe('spelling');
  });

  it('walks directories and skips JSON/YAML files no format recognises', () => {
    const dir = tempDir({ 'content/a.txt': 'Hello there.\n', 'content/data.json': '{"not": ["a", "catalogue"]}', 'content/x.png': 'binary' });
    const { code, stdout } = msglint(['--format', 'json', 'content'], { cwd: dir });
    expect(code).toBe(0);
    expect(JSON.parse(stdout).map((r: { filePath: string }) => r.filePath)).toEqual(['content/a.txt']);
  });

  it('--concurrency N lints on worker threads with the same report, in the same order', () => {
    const serial = msglint(['--format', 'json', '--no-config', 'examples', '../shared/corpora/rasa-carbon-bot']);
    const threaded = msglint(['--format', 'json', '--no-config', '--concurrency', '2', 'examples', '../shared/corpora/rasa-carbon-bot']);
    expect(threaded.code).toBe(serial.code);
    expect(threaded.stdout).toBe(serial.stdout);
    expect(JSON.parse(threaded.stdout).length).toBeGreaterThan(5);
    const bad = msglint(['--concurrency', 'lots', 'examples']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--concurrency expects auto, off or a number/);
  });

  it('prints --version and --help', () => {
    expect(msglint(['--version']).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect(msglint(['--help']).stdout).toContain('Usage: msglint');
  });

  it('honours .lintignore, --ignore-pattern and --no-ignore', () => {
    const dir = tempDir({ '.lintignore': 'archive/\n', 'archive/a.txt': 'Tpyo.\n', 'b.txt': 'Tpyo.\n', 'c.txt': 'Tpyo.\n' });
    const files = (args: string[]) => JSON.parse(msglint(['--format', 'json', ...args], { cwd: dir }).stdout).map((r: { filePath: string }) => r.filePath);
    expect(files(['.'])).toEqual(['b.txt', 'c.txt']);
    expect(files(['--ignore-pattern', 'c.txt', '.'])).toEqual(['b.txt']);
    expect(files(['--no-ignore', '.'])).toEqual(['archive/a.txt', 'b.txt', 'c.txt']);
    const explicit = JSON.parse(msglint(['--format', 'json', 'archive/a.txt'], { cwd: dir }).stdout);
    expect(explicit[0].messages[0].message).toContain('File ignored');
  });

  it('--print-config shows the resolved settings; --init writes a starter config once', () => {
    const dir = tempDir({ 'sub/.lintrc': 'extends: whatsapp\nwords: [Acme]', 'sub/a.txt': 'x' });
    const printed = JSON.parse(msglint(['--print-config', 'sub/a.txt'], { cwd: dir }).stdout);
    expect(printed).toMatchObject({ channel: 'whatsapp', words: ['Acme'] });
    const empty = tempDir({});
    expect(msglint(['--init'], { cwd: empty }).code).toBe(0);
    const again = msglint(['--init'], { cwd: empty });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('never overwrites');
    expect(msglint(['--print-config', 'x.txt'], { cwd: empty }).code).toBe(0);
  });

  it('writes the report to --output-file in any format', () => {
    const dir = tempDir({ 'updates.yml': CATALOGUE });
    const { code, stdout } = msglint(['--format', 'sarif', '--output-file', 'out/report.sarif', 'updates.yml'], { cwd: dir });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    const log = JSON.parse(readFileSync(join(dir, 'out/report.sarif'), 'utf8'));
    expect(log.version).toBe('2.1.0');
  });

  it('--cache reuses results of unchanged files and re-checks changed files and configs', () => {
    const dir = tempDir({ 'a.txt': 'Tpyo here.\n', 'b.txt': 'Fine text.\n' });
    const first = msglint(['--cache', '--format', 'json', '.'], { cwd: dir });
    expect(readFileSync(join(dir, '.msglintcache'), 'utf8')).toContain('a.txt');
    expect(msglint(['--cache', '--format', 'json', '.'], { cwd: dir }).stdout).toBe(first.stdout);
    writeFileSync(join(dir, 'b.txt'), 'Anothr typo.\n');
    const changed = JSON.parse(msglint(['--cache', '--format', 'json', '.'], { cwd: dir }).stdout);
    expect(changed[1].messages[0].message).toContain('Anothr');
    writeFileSync(join(dir, '.lintrc'), 'words: [Tpyo, Anothr]\n');
    const reconfigured = JSON.parse(msglint(['--cache', '--format', 'json', '.'], { cwd: dir }).stdout);
    expect(reconfigured.every((r: { messages: unknown[] }) => r.messages.length === 0)).toBe(true);
  });
  it('gives the library\'s suggestions when a big run computes them on the other thread', () => {
    // 130 distinct typos (the worker starts after 64): each finding must read as the
    // single-threaded library call computes it.
    const words = 'account address answer arrive balance basket benefit billing booking cancel careful certain change charge choose circle company confirm contact content correct country courier credit customer damage deliver delivery deposit detail discount dispatch download early easily enough expect expense express family feature finish follow forward friend general ground happen health helpful history holiday important include invoice journey kitchen language letter little machine manager market member message minute moment monthly morning number office online option order package parcel partner payment people perfect person picture pocket popular possible pretty problem product promise purchase question quickly receipt receive refund region remember replace request return review schedule second service shipping simple status store subject summer support surface ticket tomorrow travel update useful voucher warranty weather welcome window winter wonder yesterday'.split(' ');
    const typos = words.map((w) => w.slice(0, 2) + w[3] + w[2] + w.slice(4));
    const files: Record<string, string> = { '.lintrc': 'root: true\nlocale: en\n' };
    for (let f = 0; f < 4; f++) files[`t${f}.txt`] = typos.filter((_, i) => i % 4 === f).map((t) => `Your ${t} is ready.`).join('\n\n') + '\n';
    const dir = tempDir(files);
    const run = msglint(['--format', 'json', '.'], { cwd: dir });
    const cli = JSON.parse(run.stdout) as { filePath: string; messages: { ruleId: string; message: string; line: number; column: number; suggestions?: string[] }[] }[];
    const linter = new Linter({ cwd: dir });
    const spelling = (findings: { ruleId: string | null; message: string; line: number; column: number }[]) =>
      findings.filter((f) => f.ruleId === 'spelling').map(({ message, line, column }) => ({ message, line, column }));
    let compared = 0;
    for (const result of cli) {
      const expected = spelling(linter.lintFile(result.filePath)!.findings);
      expect(spelling(result.messages)).toEqual(expected);
      compared += expected.length;
    }
    expect(compared).toBeGreaterThan(100); // some swaps are real words or get no finding
    expect(cli.flatMap((r) => r.messages).filter((m) => m.message.includes('did you mean')).length).toBeGreaterThan(100);
  });
});
