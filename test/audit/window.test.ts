// Messaging-window checks on synthetic conversations with known answers.
import { describe, expect, it } from 'vitest';
import { audit, business, customer, DAY, findings, HOUR, iso, jsonl, MIN, T0 } from './helpers.js';

const SEC = 1000;

describe('the 24-hour window', () => {
  it('23h59 and exactly 24h00m00s are inside; 24h01, 24h00m01s and 24h00m00.001s are outside', async () => {
    const outcome = await audit([
      customer('a', T0),
      business('a', T0 + 23 * HOUR + 59 * MIN), // line 2: inside
      customer('b', T0),
      business('b', T0 + DAY), // line 4: exactly 24 h: inside
      customer('c', T0),
      business('c', T0 + DAY + SEC), // line 6: outside
      customer('d', T0),
      business('d', T0 + DAY + 1), // line 8: one millisecond late
      customer('e', T0),
      business('e', T0 + DAY + MIN), // line 10: 24h01
    ]);
    expect(findings(outcome)).toEqual(['6 window-24h', '8 window-24h', '10 window-24h']);
    expect(outcome.results[0].findings[2].message).toContain('sent 24 h 1 min after');
    const [late, ms] = outcome.results[0].findings;
    expect(late.message).toBe("Business message sent 24 h 0 min 1 s after the customer's last message (2026-03-02T09:00:00Z) without a message tag: outside the 24-hour window");
    expect(late.severity).toBe('error');
    expect(ms.message).toContain('sent 24 h 0 min 0.001 s after');
  });

  it('measures from the customer\'s last message, not the first or a business message', async () => {
    const outcome = await audit([
      customer('a', T0),
      customer('a', T0 + 10 * HOUR),
      business('a', T0 + 20 * HOUR),
      business('a', T0 + 34 * HOUR), // 24 h after the second customer message: inside
      business('a', T0 + 34 * HOUR + SEC), // line 5: outside
    ]);
    expect(findings(outcome)).toEqual(['5 window-24h']);
  });

  it('points at the timestamp value (inside the quotes)', async () => {
    const outcome = await audit([customer('a', T0), business('a', T0 + 2 * DAY)]);
    const line = jsonl([business('a', T0 + 2 * DAY)]).trim();
    const column = line.indexOf(iso(T0 + 2 * DAY)) + 1;
    expect(outcome.results[0].findings[0]).toMatchObject({ line: 2, column, endLine: 2, endColumn: column + iso(0).length });
  });

  it('a business message before any customer message opens no window unless tagged', async () => {
    const outcome = await audit([
      business('a', T0), // line 1: no-open-window
      customer('a', T0 + HOUR),
      business('b', T0, { tag: 'POST_PURCHASE_UPDATE', messaging_type: 'MESSAGE_TAG' }), // a tag in force before 2026-04-27: fine
      business('c', T0, { tag: 'HUMAN_AGENT', messaging_type: 'MESSAGE_TAG' }), // line 4: HUMAN_AGENT needs a customer message
      business('d', T0, { tag: 'NOT_A_TAG' }), // line 5: an unknown tag opens nothing
    ]);
    expect(findings(outcome)).toEqual(['1 no-open-window', '4 human-agent-window', '5 no-open-window']);
  });

  it('a tag Instagram does not accept does not open the window there', async () => {
    const outcome = await audit([
      customer('a', T0, { channel: 'instagram' }),
      business('a', T0 + 2 * DAY, { channel: 'instagram', tag: 'POST_PURCHASE_UPDATE', messaging_type: 'MESSAGE_TAG' }),
      customer('b', T0),
      business('b', T0 + 2 * DAY, { tag: 'POST_PURCHASE_UPDATE', messaging_type: 'MESSAGE_TAG' }),
    ]);
    expect(findings(outcome)).toEqual(['2 window-24h']);
    expect(outcome.results[0].findings[0].message).toContain('with `POST_PURCHASE_UPDATE`, a tag Instagram does not accept');
  });
});

describe('HUMAN_AGENT', () => {
  it('allows exactly 7 days after the customer\'s last message, not a second more', async () => {
    const tag = { tag: 'HUMAN_AGENT', messaging_type: 'MESSAGE_TAG' };
    const outcome = await audit([
      customer('a', T0),
      business('a', T0 + 7 * DAY, tag), // inside
      customer('b', T0),
      business('b', T0 + 7 * DAY + SEC, tag), // line 4
      customer('c', T0),
      business('c', T0 + 3 * DAY, tag), // inside (and past 24 h: the tag makes it valid)
    ]);
    expect(findings(outcome)).toEqual(['4 human-agent-window']);
    expect(outcome.results[0].findings[0].message).toBe("`HUMAN_AGENT` message sent 7 d 0 h 0 min 1 s after the customer's last message (2026-03-02T09:00:00Z): the tag allows 7 days");
  });

  it('reports HUMAN_AGENT messages marked automated, at the `automated` value', async () => {
    const outcome = await audit([customer('a', T0), business('a', T0 + 2 * DAY, { tag: 'HUMAN_AGENT', messaging_type: 'MESSAGE_TAG', automated: true })]);
    expect(findings(outcome)).toEqual(['2 human-agent-automated']);
    const line = jsonl([business('a', T0 + 2 * DAY, { tag: 'HUMAN_AGENT', messaging_type: 'MESSAGE_TAG', automated: true })]).trim();
    expect(outcome.results[0].findings[0].column).toBe(line.indexOf('"automated":true') + '"automated":'.length + 1);
  });

  it('CUSTOMER_FEEDBACK is also limited to 7 days (reported as window-24h)', async () => {
    const tag = { tag: 'CUSTOMER_FEEDBACK', messaging_type: 'MESSAGE_TAG' };
    const outcome = await audit([customer('a', T0), business('a', T0 + 7 * DAY, tag), business('a', T0 + 8 * DAY, tag)]);
    expect(findings(outcome)).toEqual(['3 window-24h']);
    expect(outcome.results[0].findings[0].message).toContain('`CUSTOMER_FEEDBACK` message sent 8 d after');
  });
});

describe('retired tags', () => {
  const tagged = { tag: 'POST_PURCHASE_UPDATE', messaging_type: 'MESSAGE_TAG' };
  const before = Date.parse('2026-04-26T23:59:59Z');
  const after = Date.parse('2026-04-27T00:00:00Z');

  it('POST_PURCHASE_UPDATE works on 2026-04-26 and is retired from 2026-04-27 (UTC)', async () => {
    const outcome = await audit([
      customer('a', before - 3 * DAY),
      business('a', before, tagged), // valid: outside 24 h but tagged
      customer('b', after - 3 * DAY),
      business('b', after, tagged), // line 4: retired (reported once, not also as window-24h)
      customer('c', after),
      business('c', after + HOUR, tagged), // line 6: retired even inside the window
    ]);
    expect(findings(outcome)).toEqual(['4 retired-tag', '6 retired-tag']);
    expect(outcome.results[0].findings[0].message).toBe('Message tag `POST_PURCHASE_UPDATE` was retired on 2026-04-27 and this message was sent on 2026-04-27: requests with it fail');
  });

  it('--policy-date judges every message by one date', async () => {
    const messages = [customer('a', before - 3 * DAY), business('a', before, tagged), customer('b', after - 3 * DAY), business('b', after, tagged)];
    expect(findings(await audit(messages, { policyDate: '2026-04-26' }))).toEqual([]);
    expect(findings(await audit(messages, { policyDate: '2026-05-01' }))).toEqual(['2 retired-tag', '4 retired-tag']);
  });

  it('tags retired in 2020 are retired in 2026', async () => {
    const outcome = await audit([customer('a', T0), business('a', T0 + HOUR, { tag: 'SHIPPING_UPDATE', messaging_type: 'MESSAGE_TAG' })]);
    expect(findings(outcome)).toEqual(['2 retired-tag']);
    expect(outcome.results[0].findings[0].message).toContain('was retired on 2020-03-04');
  });
});

describe('order and scope', () => {
  const sorted = [
    customer('a', T0),
    business('a', T0 + 2 * DAY),
    customer('b', T0 + HOUR),
    business('b', T0 + HOUR + 5 * MIN),
    customer('a', T0 + 3 * DAY),
    business('a', T0 + 3 * DAY + 10 * MIN),
  ];

  it('sorts conversations whose records are out of time order (second pass)', async () => {
    const shuffled = [sorted[5], sorted[3], sorted[1], sorted[4], sorted[2], sorted[0]];
    const a = await audit(sorted);
    const b = await audit(shuffled);
    expect(findings(a)).toEqual(['2 window-24h']);
    expect(findings(b)).toEqual(['3 window-24h']); // the same record, on its line in the shuffled file
    expect(b.metrics.counted.reorderedConversations).toBe(2);
    expect(a.metrics.counted.reorderedConversations).toBe(0);
    expect(b.metrics.badge).toEqual(a.metrics.badge);
    expect(b.metrics.replyTimes).toEqual(a.metrics.replyTimes);
  });

  it('conversations may interleave without a second pass', async () => {
    const interleaved = [sorted[0], sorted[2], sorted[3], sorted[1], sorted[4], sorted[5]];
    const outcome = await audit(interleaved);
    expect(findings(outcome)).toEqual(['4 window-24h']);
    expect(outcome.metrics.counted.reorderedConversations).toBe(0);
  });

  it('--since: earlier messages open windows but get no findings', async () => {
    const outcome = await audit([business('a', T0 - DAY), customer('a', T0 - HOUR), business('a', T0 + HOUR), business('a', T0 + 2 * DAY)], { since: T0 });
    expect(findings(outcome)).toEqual(['4 window-24h']);
  });

  it('spans files given in time order', async () => {
    const { tempDir } = await import('./helpers.js');
    const { runAudit } = await import('../../src/audit/auditor.js');
    const dir = tempDir({ 'jan.jsonl': jsonl([customer('a', T0)]), 'feb.jsonl': jsonl([business('a', T0 + 2 * DAY)]) });
    const outcome = await runAudit(['jan.jsonl', 'feb.jsonl'], { cwd: dir, lint: false });
    expect(outcome.results.map((r) => r.findings.map((f) => `${f.line} ${f.ruleId}`))).toEqual([[], ['1 window-24h']]);
  });
});
