// `msglint audit` as a command: output formats, the summary, exit codes, usage errors, and the
// size-test generator (small, deterministic).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runAudit } from '../../src/audit/auditor.js';
import { business, cli, customer, DAY, jsonl, MIN, T0, tempDir } from './helpers.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const LOG = jsonl([
  customer('a', T0, { text: 'Hi, where is my order?' }),
  business('a', T0 + 4 * MIN, { text: 'Your order shipped today.' }),
  customer('b', T0),
  business('b', T0 + 2 * DAY, { text: 'Sorry for the wait.' }),
]);

describe('msglint audit', () => {
  it('--format json prints {results, metrics} with ESLint-shaped results; exit 1 on errors', async () => {
    const dir = tempDir({ 'log.jsonl': LOG });
    const { code, stdout } = await cli(['--no-lint', '--format', 'json', 'log.jsonl'], dir);
    expect(code).toBe(1);
    const out = JSON.parse(stdout);
    expect(Object.keys(out)).toEqual(['results', 'metrics']);
    expect(out.results).toEqual([
      {
        filePath: 'log.jsonl',
        messages: [expect.objectContaining({ ruleId: 'window-24h', severity: 2, line: 4, column: 52, endLine: 4, endColumn: 76 })],
        errorCount: 1,
        fatalErrorCount: 0,
        warningCount: 0,
        infoCount: 0,
      },
    ]);
    // ceil(90% of 2) = 2 responses averaged: (4 min + 2 days) / 2
    expect(out.metrics.badge).toMatchObject({ counted: 2, responded: 2, responseRate: 1, responsesAveraged: 2, responseTimeSeconds: (240 + 2 * 86400) / 2, badge: false });
    expect(out.metrics.replyTimes.byWeekday[0]).toEqual({ weekday: 'Mon', responses: 2, medianSeconds: 240 + (2 * 86400 - 240) / 2, p90Seconds: 240 + 0.9 * (2 * 86400 - 240) });
  });

  it('stylish: findings, then the summary table; exit 0 without errors', async () => {
    const dir = tempDir({ 'ok.jsonl': jsonl([customer('a', T0), business('a', T0 + 4 * MIN)]), 'late.jsonl': LOG });
    const ok = await cli(['--no-lint', '--tz', 'Europe/Rome', 'ok.jsonl'], dir);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^Responsiveness \("Very responsive to messages" badge\)\n/);
    expect(ok.stdout).toContain('  response time      4 min (average of the fastest 1 of 1)   needs ≤ 15 min   ✔');
    expect(ok.stdout).toContain('Reply times (Europe/Rome; all 1 answered counted message in the audited period)');
    expect(ok.stdout).toMatch(/\n  10:00 +1 +4 min +4 min\n/); // 09:00 UTC is 10:00 in Rome in March
    const late = await cli(['--no-lint', 'late.jsonl'], dir);
    expect(late.code).toBe(1);
    expect(late.stdout.indexOf('late.jsonl:4:52  error  Business message sent 2 d')).toBe(0);
    expect(late.stdout.indexOf('✖ 1 problem')).toBeLessThan(late.stdout.indexOf('Responsiveness'));
  });

  it('sarif knows the audit rules', async () => {
    const dir = tempDir({ 'log.jsonl': LOG });
    const { stdout } = await cli(['--no-lint', '--format', 'sarif', 'log.jsonl'], dir);
    const run = JSON.parse(stdout).runs[0];
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(expect.arrayContaining(['window-24h', 'human-agent-window', 'human-agent-automated', 'retired-tag', 'no-open-window', 'spelling']));
    expect(run.results.map((r: { ruleId: string }) => r.ruleId)).toEqual(['window-24h']);
    expect(run.invocations[0].toolExecutionNotifications).toEqual([]);
  });

  it('exit 2 for unreadable input, with the other records and files still audited', async () => {
    const dir = tempDir({ 'log.jsonl': LOG + '{"conversation":\n', 'notes.txt': 'x' });
    const { code, stdout } = await cli(['--no-lint', '--format', 'unix', 'log.jsonl', 'missing.jsonl', 'notes.txt'], dir);
    expect(code).toBe(2);
    expect(stdout.split('\n').slice(0, 4)).toEqual([
      expect.stringMatching(/^log\.jsonl:4:52: Business message sent .* \[Error\/window-24h\]$/),
      expect.stringMatching(/^log\.jsonl:5:\d+: Malformed record: invalid JSON/),
      'missing.jsonl:1:1: Cannot read file: ENOENT [Error]',
      'notes.txt:1:1: Unknown export format: name the file .jsonl, .ndjson, .csv or .json (Graph API), or pass --input-format [Error]',
    ]);
  });

  it('usage errors exit 2', async () => {
    const dir = tempDir({ 'log.jsonl': LOG });
    for (const [args, message] of [
      [['log.jsonl', '--tz', 'Mars/Olympus'], '--tz: unknown time zone `Mars/Olympus`'],
      [['log.jsonl', '--since', 'yesterday'], '--since: expected YYYY-MM-DD or an ISO 8601 timestamp with offset'],
      [['log.jsonl', '--policy-date', '2026-02-30'], '--policy-date: expected YYYY-MM-DD'],
      [['log.jsonl', '--input-format', 'xml'], '--input-format: expected jsonl, csv or graph'],
      [['log.jsonl', '--format', 'stylsh'], 'unknown format `stylsh`'],
      [['log.jsonl', '--frobnicate'], "Unknown option '--frobnicate'"],
      [[], 'no export files given'],
      [['log.jsonl', '--config', 'nope.yml'], 'nope.yml:1:1: cannot read config'],
    ] as [string[], string][]) {
      const { code, stderr } = await cli(args, dir);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr).toContain(message);
    }
    const help = await cli(['--help'], dir);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: msglint audit [options] FILES...');
  });

  it('--input-format reads a file whatever its name', async () => {
    const dir = tempDir({ 'log.txt': LOG });
    const { code } = await cli(['--no-lint', '--input-format', 'jsonl', 'log.txt'], dir);
    expect(code).toBe(1);
  });
});

describe('--format json output', () => {
  it('is exactly JSON.stringify({ results, metrics }, null, 2), written in pieces', async () => {
    const { writeJson } = await import('../../src/audit/json-output.js');
    const { toJsonResults } = await import('../../src/report/json.js');
    const dir = tempDir({ 'log.jsonl': LOG + '{"conversation":\n', 'empty.jsonl': '' });
    const { results, metrics } = await runAudit(['log.jsonl', 'empty.jsonl'], { cwd: dir, lint: false });
    for (const files of [results, [], [results[1]]]) {
      const pieces: string[] = [];
      writeJson((t) => pieces.push(t), files, metrics);
      expect(pieces.join('')).toBe(JSON.stringify({ results: toJsonResults(files), metrics }, null, 2) + '\n');
    }
  });
});

describe('bench/audit/generate.mjs', () => {
  it('writes a deterministic export of about N bytes that audits without malformed records', async () => {
    const dir = tempDir({});
    const generate = (out: string) => spawnSync(process.execPath, [join(ROOT, 'bench/audit/generate.mjs'), '--bytes', '200000', '--out', out], { encoding: 'utf8' });
    expect(generate(join(dir, 'a.jsonl')).status).toBe(0);
    expect(generate(join(dir, 'b.jsonl')).status).toBe(0);
    const a = readFileSync(join(dir, 'a.jsonl'));
    expect(createHash('sha256').update(a).digest('hex')).toBe(createHash('sha256').update(readFileSync(join(dir, 'b.jsonl'))).digest('hex'));
    expect(a.length).toBeGreaterThanOrEqual(200000);
    expect(a.length).toBeLessThan(200400);
    const { results, metrics } = await runAudit(['a.jsonl'], { cwd: dir, lint: false });
    expect(results[0].fatalErrorCount).toBe(0);
    expect(metrics.messages.total).toBe(a.toString().trim().split('\n').length);
    const rules = new Set(results[0].findings.map((f) => f.ruleId));
    for (const rule of rules) expect(['window-24h', 'human-agent-window', 'human-agent-automated', 'retired-tag', 'no-open-window']).toContain(rule);
    expect(rules.has('window-24h')).toBe(true);
  });
});
