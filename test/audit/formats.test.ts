// Input formats: JSON Lines (positions through JSON escapes), CSV (RFC 4180, quoted newlines),
// the Messenger Graph API adapter, malformed records, and the streaming line reader.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAudit } from '../../src/audit/auditor.js';
import { readLines } from '../../src/audit/lines.js';
import { CsvParser, type CsvRecord } from '../../src/audit/csv.js';
import { parseTimestamp } from '../../src/audit/records.js';
import { audit, cli, findings, tempDir } from './helpers.js';

/** 1-based column of `needle` in `line`. */
const col = (line: string, needle: string) => {
  const i = line.indexOf(needle);
  if (i < 0) throw new Error(`${needle} not in ${line}`);
  return i + 1;
};

describe('JSON Lines', () => {
  it('positions lint findings inside the text through JSON escapes (\\n, \\", \\u00e9)', async () => {
    const line =
      '{"conversation":"a","from":"business","timestamp":"2026-03-04T09:00:00Z","tag":"POST_PURCHASE_UPDATE","messaging_type":"MESSAGE_TAG","text":"Line one\\n\\"Good\\" news: your order is on its way (d\\u00e9j\\u00e0 vu). Use code SAVE10 for 10% off!"}';
    const dir = tempDir({ 'x.jsonl': `{"conversation":"a","from":"customer","timestamp":"2026-03-02T09:00:00Z","text":"Where is it?"}\n${line}\n` });
    const { results } = await runAudit(['x.jsonl'], { cwd: dir, useConfigFiles: false });
    const promo = results[0].findings.filter((f) => f.ruleId === 'no-promotional-content');
    expect(promo.map((f) => [f.line, f.column, f.endColumn])).toEqual([
      [2, col(line, 'Use code'), col(line, 'Use code') + 'Use code'.length],
      [2, col(line, '10% off'), col(line, '10% off') + '10% off'.length],
    ]);
    const first = '{"conversation":"a","from":"customer","timestamp":"2026-03-02T09:00:00Z","text":"Where is it?"}';
    expect(promo[0].range).toEqual([first.length + 1 + col(line, 'Use code') - 1, first.length + 1 + col(line, 'Use code') - 1 + 8]);
  });

  it('points lint findings about the tag at the `tag` value', async () => {
    const line = '{"conversation":"a","from":"business","timestamp":"2026-03-02T10:00:00Z","tag":"HUMAN_AGNT","text":"Your refund was sent."}';
    const dir = tempDir({ 'x.jsonl': `{"conversation":"a","from":"customer","timestamp":"2026-03-02T09:00:00Z","text":"Hi"}\n${line}\n` });
    const { results } = await runAudit(['x.jsonl'], { cwd: dir, useConfigFiles: false });
    const tag = results[0].findings.find((f) => f.ruleId === 'valid-message-tag')!;
    expect(tag.message).toContain('Unknown message tag `HUMAN_AGNT`');
    expect([tag.line, tag.column, tag.endColumn]).toEqual([2, col(line, 'HUMAN_AGNT'), col(line, 'HUMAN_AGNT') + 10]);
  });

  it('reports malformed records with their line and goes on', async () => {
    const outcome = await audit(
      [
        '{"conversation":"a","from":"customer","timestamp":"2026-03-02T09:00:00Z","text":"Hi"}',
        '{"conversation":"a","from":"customer","timestamp":"2026-03-02T09:00',
        '',
        '{"conversation":"a","from":"bot","timestamp":"2026-03-02T09:01:00Z","text":"x"}',
        '{"conversation":"a","from":"business","timestamp":"2026-03-02T09:01:00","text":"x"}',
        '[1, 2]',
        '{"conversation":"a","from":"business","timestamp":"2026-03-04T09:00:00Z","text":"Late reply"}',
      ].join('\n'),
    );
    const f = outcome.results[0].findings;
    expect(findings(outcome)).toEqual(['2 null', '4 null', '5 null', '6 null', '7 window-24h']);
    expect(f[0].message).toMatch(/^Malformed record: invalid JSON/);
    expect(f[1]).toMatchObject({ message: 'Malformed record: `from` must be "customer" or "business", not "bot"', column: '{"conversation":"a","from":"'.length + 1, endColumn: '{"conversation":"a","from":"bot'.length + 1, fatal: true });
    expect(f[2].message).toBe('Malformed record: `timestamp` "2026-03-02T09:01:00" is not an ISO 8601 date-time with a UTC offset (add the UTC offset, e.g. `Z` or `+02:00`)');
    expect(f[3].message).toBe('Malformed record: each line must be a JSON object');
    expect(outcome.results[0].fatalErrorCount).toBe(4);
    expect(outcome.metrics.messages.total).toBe(2);
  });

  it('reads a BOM, CRLF line ends, and skips a line that is not UTF-8', async () => {
    const dir = tempDir({});
    const good = (t: string, from = 'customer') => Buffer.from(`{"conversation":"a","from":"${from}","timestamp":"${t}","text":"Hi"}\r\n`);
    writeFileSync(join(dir, 'x.jsonl'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), good('2026-03-02T09:00:00Z'), Buffer.from([0x7b, 0xff, 0xfe, 0x0d, 0x0a]), good('2026-03-04T09:00:00Z', 'business')]));
    const { results } = await runAudit(['x.jsonl'], { cwd: dir, lint: false });
    const column = '{"conversation":"a","from":"business","timestamp":"'.length + 1;
    expect(results[0].findings.map((f) => `${f.line}:${f.column} ${f.ruleId ?? f.message}`)).toEqual(['2:1 Malformed record: Invalid UTF-8 in this line; save the export as UTF-8', `3:${column} window-24h`]);
    // line 1 (CRLF included) + the 4 bytes and newline of the bad line (BOM excluded)
    expect(results[0].findings[1].range[0]).toBe(good('2026-03-02T09:00:00Z').length + 5 + column - 1);
  });
});

describe('CSV', () => {
  const csv = [
    'conversation,from,timestamp,text,tag,messaging_type,extra',
    'a,customer,2026-03-02T09:00:00Z,"Hello,',
    'is my order ready?",,,ignored',
    'a,business,2026-03-04T09:00:00+01:00,"Hi! ""Good"" news:',
    'your order shipped. Use code SAVE10 for 10% off!",POST_PURCHASE_UPDATE,MESSAGE_TAG,',
    '',
    'b,customer,2026-03-02T09:00:00Z,Hi,,,',
    'b,business,2026-03-04T09:00:00Z,"Sorry for the wait,',
    'we are on it.",,,',
  ];

  it('parses quoted fields with commas, newlines and "" (streaming, line by line)', () => {
    const records: CsvRecord[] = [];
    const parser = new CsvParser({ record: (r) => records.push(r), error: (l, _o, _c, m) => { throw new Error(`${l}: ${m}`); } });
    let offset = 0;
    csv.forEach((text, i) => {
      parser.push({ text, number: i + 1, offset, crlf: false, last: i === csv.length - 1 });
      offset += text.length + 1;
    });
    parser.end();
    expect(records.map((r) => [r.lines[0].number, r.fields[3]])).toEqual([
      [1, 'text'],
      [2, 'Hello,\nis my order ready?'],
      [4, 'Hi! "Good" news:\nyour order shipped. Use code SAVE10 for 10% off!'],
      [7, 'Hi'],
      [8, 'Sorry for the wait,\nwe are on it.'],
    ]);
    expect(records[2].fields.slice(4)).toEqual(['POST_PURCHASE_UPDATE', 'MESSAGE_TAG', '']);
  });

  it('audits CSV: window findings at the record\'s timestamp, lint findings inside multi-line fields', async () => {
    const dir = tempDir({ 'x.csv': csv.join('\r\n') + '\r\n' });
    const { results } = await runAudit(['x.csv'], { cwd: dir, useConfigFiles: false });
    const f = results[0].findings;
    const at = (rule: string) => f.filter((x) => x.ruleId === rule).map((x) => [x.line, x.column, x.endLine, x.endColumn]);
    expect(at('no-promotional-content')).toEqual([
      [5, col(csv[4], 'Use code'), 5, col(csv[4], 'Use code') + 8],
      [5, col(csv[4], '10% off'), 5, col(csv[4], '10% off') + 7],
    ]);
    expect(at('window-24h')).toEqual([[8, col(csv[7], '2026'), 8, col(csv[7], '2026') + 20]]);
    expect(f.some((x) => x.fatal)).toBe(false);
  });

  it('reports an unterminated quote, a wrong field count and a missing header column', async () => {
    const broken = ['conversation,from,timestamp,text', 'a,customer,2026-03-02T09:00:00Z,Hi,extra', 'a,customer,2026-03-02T09:00:00Z,"x"y', 'b,customer,2026-03-02T09:00:00Z,Hi', 'b,business,2026-03-02T10:00:00Z,"never', 'closed'].join('\n');
    const outcome = await audit(broken, {}, 'x.csv');
    expect(outcome.results[0].findings.map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual([
      '2:1 Malformed record: expected 4 fields as in the header, found 5',
      `3:${'a,customer,2026-03-02T09:00:00Z,"x"'.length + 1} Malformed CSV record: unexpected "y" after a closing quote; a quote inside a quoted field is written \`""\``,
      '5:1 Malformed CSV record: the quoted field opened on line 5 is never closed',
    ]);
    expect(outcome.metrics.messages.total).toBe(1);
    const noText = await audit('conversation,from,timestamp\na,customer,2026-03-02T09:00:00Z\n', {}, 'y.csv');
    expect(noText.results[0].findings[0].message).toBe('CSV header must name the columns conversation, from, timestamp, text; missing: text (found: conversation, from, timestamp)');
  });
});

describe('Messenger Graph API exports', () => {
  const doc = {
    data: [
      {
        id: 't_1',
        participants: { data: [{ id: 'P1', name: 'Shop' }, { id: 'U1', name: 'Anna' }] },
        messages: {
          data: [
            // newest first, as the API lists them
            { id: 'm_3', message: 'Your parcel is late, as I already said.', from: { id: 'P1', name: 'Shop' }, created_time: '2026-03-05T10:00:00+0000' },
            { id: 'm_2', message: 'Hi Anna! It shipped today.', from: { id: 'P1', name: 'Shop' }, created_time: '2026-03-02T09:05:00+0000' },
            { id: 'm_1', message: 'Where is my order?', from: { id: 'U1', name: 'Anna' }, created_time: '2026-03-02T09:00:00+0000' },
          ],
        },
      },
      {
        id: 't_2',
        participants: { data: [{ id: 'U2', name: 'Mark' }, { id: 'P1', name: 'Shop' }] },
        messages: {
          data: [
            { id: 'm_5', message: 'Yes, size M is in stock.', from: { id: 'P1' }, created_time: '2026-03-03T12:10:00+0000' },
            { id: 'm_4', message: 'Do you have size M?', from: { id: 'U2' }, created_time: '2026-03-03T12:00:00+0000' },
          ],
        },
      },
    ],
    paging: { cursors: { before: 'x', after: 'y' } },
  };
  const text = JSON.stringify(doc, null, 2);
  const lines = text.split('\n');
  const lineOf = (needle: string) => lines.findIndex((l) => l.includes(needle)) + 1;

  it('infers the Page (in every conversation), sorts by time and maps onto the schema', async () => {
    const dir = tempDir({ 'export.json': text });
    const { results, metrics } = await runAudit(['export.json'], { cwd: dir, useConfigFiles: false });
    expect(metrics.messages).toEqual({ total: 5, customer: 2, business: 3, automated: 0 });
    const window = results[0].findings.filter((f) => f.ruleId === 'window-24h');
    const stamp = lineOf('2026-03-05T10:00:00+0000');
    expect(window.map((f) => [f.line, f.column, f.messageId])).toEqual([[stamp, col(lines[stamp - 1], '2026-03-05'), 'm_3']]);
    const sarcasm = results[0].findings.find((f) => f.ruleId === 'no-sarcasm')!;
    const m3 = lineOf('as I already said');
    expect([sarcasm.line, sarcasm.column]).toEqual([m3, col(lines[m3 - 1], 'as I already said')]);
    expect(metrics.badge).toMatchObject({ counted: 2, responded: 2, responseTimeSeconds: 450 });
    expect(results[0].source).toBe(text);
  });

  it('needs --page-id when the Page cannot be inferred', async () => {
    const one = JSON.stringify({ data: [doc.data[0]] });
    const dir = tempDir({ 'one.json': one });
    const failed = await cli(['--no-lint', 'one.json'], dir);
    expect(failed.code).toBe(2);
    expect(failed.stderr).toContain('cannot tell which participant is the Page in the Graph API export: 2 participants are present in every conversation (P1, U1); pass --page-id');
    const ok = await cli(['--no-lint', '--format', 'json', '--page-id', 'P1', 'one.json'], dir);
    expect(JSON.parse(ok.stdout).metrics.messages).toEqual({ total: 3, customer: 1, business: 2, automated: 0 });
    // The other way round, the customer's messages become the business's.
    const swapped = await cli(['--no-lint', '--format', 'json', '--page-id', 'U1', 'one.json'], dir);
    expect(JSON.parse(swapped.stdout).metrics.messages.business).toBe(1);
  });

  it('reports a document that is not JSON with its position', async () => {
    const dir = tempDir({ 'bad.json': '{\n  "data": [\n    {"id": "t_1",}\n  ]\n}' });
    const { code, stdout } = await cli(['--no-lint', '--page-id', 'P', '--format', 'unix', 'bad.json'], dir);
    expect(code).toBe(2);
    expect(stdout).toContain('bad.json:3:18: Cannot parse JSON: Expected a property name at "}"');
  });
});

describe('building blocks', () => {
  it('parseTimestamp reads ISO 8601 with an offset only', () => {
    expect(parseTimestamp('2026-03-02T09:00:00Z')).toBe(Date.UTC(2026, 2, 2, 9));
    expect(parseTimestamp('2026-03-02T10:00:00+01:00')).toBe(Date.UTC(2026, 2, 2, 9));
    expect(parseTimestamp('2026-03-02T04:00:00.123456-0500')).toBe(Date.UTC(2026, 2, 2, 9, 0, 0, 123));
    expect(parseTimestamp('2026-03-02 09:00+00')).toBe(Date.UTC(2026, 2, 2, 9));
    for (const bad of ['2026-03-02T09:00:00', '2026-02-29T09:00:00Z', '2026-13-01T00:00:00Z', '2026-03-02T24:00:00Z', '2026-03-02T09:00:00+1', '2026-03-02T09:00:00Zx', '2026-03-02']) {
      expect(parseTimestamp(bad), bad).toBeUndefined();
    }
    expect(parseTimestamp('2024-02-29T00:00:00Z')).toBe(Date.UTC(2024, 1, 29));
  });

  it('readLines: numbers, UTF-16 offsets, CRLF, a missing final newline, chunk boundaries', async () => {
    const dir = tempDir({ 'a.txt': 'é1\r\n\n😀x\nlast' });
    const got: string[] = [];
    await readLines(join(dir, 'a.txt'), { line: (l) => got.push(`${l.number}@${l.offset}:${l.text}${l.crlf ? '⏎' : ''}${l.last ? '$' : ''}`), bad: () => {} }, { chunkSize: 3 });
    expect(got).toEqual(['1@0:é1⏎', '2@4:', '3@5:😀x', '4@9:last$']);
  });
});
