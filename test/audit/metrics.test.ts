// Responsiveness metrics ("Very responsive to messages") on synthetic logs with known answers.
import { describe, expect, it } from 'vitest';
import { badgeMetrics, percentile } from '../../src/audit/metrics.js';
import { audit, business, customer, DAY, HOUR, MIN, T0, type Msg } from './helpers.js';

const SEC = 1000;

/** One conversation per reply time (ms; undefined: no reply), customers one hour apart. */
function replies(times: (number | undefined)[], start = T0, gap = HOUR): Msg[] {
  return times.flatMap((time, i) => {
    const c = `c${i}`;
    const at = start + i * gap;
    return time === undefined ? [customer(c, at)] : [customer(c, at), business(c, at + time)];
  });
}

const minutes = (...m: number[]) => m.map((x) => x * MIN);

describe('response time: the average of the fastest 90%', () => {
  it('10 responses: the slowest is left out', async () => {
    const { metrics } = await audit(replies(minutes(1, 2, 3, 4, 5, 6, 7, 8, 9, 200)));
    expect(metrics.badge).toMatchObject({ counted: 10, responded: 10, responseRate: 1, responsesAveraged: 9, responseTimeSeconds: 300, badge: true });
    // With the slowest it would be (45 + 200) / 10 = 24.5 min: no badge.
  });

  it('15 min exactly holds the badge, 15 min 1 s does not', async () => {
    expect((await audit(replies(Array(10).fill(15 * MIN)))).metrics.badge).toMatchObject({ responseTimeSeconds: 900, badge: true });
    expect((await audit(replies(Array(10).fill(15 * MIN + SEC)))).metrics.badge).toMatchObject({ responseTimeSeconds: 901, badge: false });
  });

  it('keeps ceil(90%) of the responses (5 of 5, 9 of 9, 18 of 20)', () => {
    const t = (n: number) => Float64Array.from({ length: n }, (_, i) => T0 + i * HOUR);
    const r = (n: number, f: (i: number) => number) => Float64Array.from({ length: n }, (_, i) => T0 + i * HOUR + f(i));
    expect(badgeMetrics(t(5), r(5, (i) => (i + 1) * MIN))).toMatchObject({ responsesAveraged: 5, responseTimeSeconds: 180 });
    expect(badgeMetrics(t(20), r(20, (i) => (i < 18 ? MIN : 60 * MIN)))).toMatchObject({ responsesAveraged: 18, responseTimeSeconds: 60 });
  });
});

describe('response rate and the badge', () => {
  it('9 of 10 answered is 90%: badge; 8 of 10 is not', async () => {
    const nine = await audit(replies([...minutes(1, 1, 1, 1, 1, 1, 1, 1, 1), undefined]));
    expect(nine.metrics.badge).toMatchObject({ counted: 10, responded: 9, responseRate: 0.9, responsesAveraged: 9, responseTimeSeconds: 60, badge: true });
    const eight = await audit(replies([...minutes(1, 1, 1, 1, 1, 1, 1, 1), undefined, undefined]));
    expect(eight.metrics.badge).toMatchObject({ counted: 10, responded: 8, responseRate: 0.8, badge: false });
  });

  it('no counted messages: no verdict', async () => {
    const { metrics } = await audit([business('a', T0)]);
    expect(metrics.badge).toMatchObject({ counted: 0, responseRate: null, responseTimeSeconds: null, badge: null, period: null });
  });
});

describe('which messages count', () => {
  it('the first message of a conversation and the first after 24 h of silence (exactly 24 h counts)', async () => {
    const later = T0 + 2 * HOUR + DAY - SEC;
    const { metrics } = await audit([
      customer('a', T0), // counted, answered in 1 min
      business('a', T0 + MIN),
      customer('a', T0 + 2 * HOUR), // not counted: 1 h 59 min of silence
      customer('a', later), // not counted: 23 h 59 min 59 s after the previous message
      customer('a', later + DAY), // counted: exactly 24 h of silence
      business('a', later + DAY + 3 * MIN),
    ]);
    expect(metrics.counted).toMatchObject({ messages: 2, responded: 2 });
    expect(metrics.badge).toMatchObject({ counted: 2, responded: 2, responseTimeSeconds: 120, period: { basis: 'last 10 messages' } });
  });

  it('silence is measured from the last message of either side', async () => {
    const { metrics } = await audit([
      customer('a', T0), // counted
      business('a', T0 + 30 * HOUR), // answers it after 30 h
      customer('a', T0 + 31 * HOUR), // 31 h after the customer's, 1 h after the business's: not counted
    ]);
    expect(metrics.badge).toMatchObject({ counted: 1, responded: 1, responseTimeSeconds: 30 * 3600 });
  });

  it('a business-first conversation: the customer\'s first message counts', async () => {
    const { metrics } = await audit([business('a', T0), customer('a', T0 + HOUR), business('a', T0 + HOUR + 2 * MIN)]);
    expect(metrics.badge).toMatchObject({ counted: 1, responded: 1, responseTimeSeconds: 120 });
  });

  it('excludes messages received while the Page is away', async () => {
    const { metrics } = await audit([
      customer('a', T0, { page_status: 'away' }),
      business('a', T0 + 9 * HOUR), // answers nothing counted
      customer('b', T0, { page_status: 'available' }),
      business('b', T0 + 4 * MIN),
    ]);
    expect(metrics.counted).toMatchObject({ messages: 1, responded: 1, excluded: { awayMessages: 1, doneConversations: 0, automatedReplies: 0 } });
    expect(metrics.badge).toMatchObject({ counted: 1, responseTimeSeconds: 240 });
  });

  it('excludes conversations marked done (on any of their records)', async () => {
    const { metrics } = await audit([
      customer('a', T0),
      business('a', T0 + 5 * HOUR, { done: true }),
      customer('b', T0),
      business('b', T0 + 2 * MIN),
    ]);
    expect(metrics.counted).toMatchObject({ messages: 1, excluded: { doneConversations: 1 } });
    expect(metrics.badge).toMatchObject({ counted: 1, responseTimeSeconds: 120 });
  });

  it('automated replies are not responses; the first human reply is', async () => {
    const { metrics } = await audit([
      customer('a', T0),
      business('a', T0 + 5 * SEC, { automated: true }),
      business('a', T0 + 10 * MIN),
      customer('b', T0),
      business('b', T0 + 2 * SEC, { automated: true }), // never answered by a person
    ]);
    expect(metrics.counted).toMatchObject({ messages: 2, responded: 1, excluded: { automatedReplies: 2 } });
    expect(metrics.badge).toMatchObject({ counted: 2, responded: 1, responseRate: 0.5, responseTimeSeconds: 600, badge: false });
  });

  it('a counted message still waiting when the next counted one arrives stays unanswered', async () => {
    const { metrics } = await audit([customer('a', T0), customer('a', T0 + 2 * DAY), business('a', T0 + 2 * DAY + MIN)]);
    expect(metrics.badge).toMatchObject({ counted: 2, responded: 1, responseRate: 0.5, responseTimeSeconds: 60 });
  });
});

describe('the badge period', () => {
  it('the 30 days up to the last counted message (exactly 30 days before is in)', async () => {
    const last = T0 + 49 * DAY;
    const messages: Msg[] = [
      customer('old', last - 30 * DAY - SEC), // out, unanswered
      customer('edge', last - 30 * DAY), // in
      business('edge', last - 30 * DAY + MIN),
    ];
    for (let i = 0; i < 9; i++) messages.push(customer(`d${i}`, last - i * DAY), business(`d${i}`, last - i * DAY + MIN));
    const { metrics } = await audit(messages);
    expect(metrics.badge).toMatchObject({
      counted: 10,
      responded: 10,
      responseRate: 1,
      period: { from: new Date(last - 30 * DAY).toISOString(), to: new Date(last).toISOString(), basis: '30 days' },
    });
    expect(metrics.counted.messages).toBe(11);
  });

  it('the last 10 counted messages when the 30 days hold fewer', async () => {
    const messages: Msg[] = [];
    for (let i = 0; i < 5; i++) messages.push(customer(`old${i}`, T0 + i * DAY)); // unanswered, days 0–4
    for (let i = 0; i < 5; i++) messages.push(customer(`new${i}`, T0 + (40 + i) * DAY), business(`new${i}`, T0 + (40 + i) * DAY + MIN)); // days 40–44
    messages.push(customer('oldest', T0 - DAY)); // the 11th: left out
    const { metrics } = await audit(messages);
    expect(metrics.badge).toMatchObject({ counted: 10, responded: 5, responseRate: 0.5, period: { from: new Date(T0).toISOString(), basis: 'last 10 messages' } });
  });
});

describe('reply times per weekday and hour', () => {
  // Monday 2 March 2026, 09:00–09:30 UTC = 10:00–10:30 in Rome (CET); replies after 1–4 min.
  // Tuesday 23:30 UTC = Wednesday 00:30 in Rome; reply after 10 min.
  const messages = [...replies(minutes(1, 2, 3, 4), T0, 10 * MIN), customer('late', T0 + DAY + 14.5 * HOUR), business('late', T0 + DAY + 14.5 * HOUR + 10 * MIN)];

  it('median and p90 (linear interpolation) in UTC', async () => {
    const { metrics } = await audit(messages);
    const rt = metrics.replyTimes;
    expect(rt.responses).toBe(5);
    expect(rt.timeZone).toBe('UTC');
    // 60, 120, 180, 240 s: median 150, p90 = 180 + 0.7 × 60 = 222
    expect(rt.byWeekday[0]).toEqual({ weekday: 'Mon', responses: 4, medianSeconds: 150, p90Seconds: 222 });
    expect(rt.byWeekday[1]).toEqual({ weekday: 'Tue', responses: 1, medianSeconds: 600, p90Seconds: 600 });
    expect(rt.byWeekday[2]).toEqual({ weekday: 'Wed', responses: 0, medianSeconds: null, p90Seconds: null });
    expect(rt.byHour[9]).toEqual({ hour: 9, responses: 4, medianSeconds: 150, p90Seconds: 222 });
    expect(rt.byHour[23]).toEqual({ hour: 23, responses: 1, medianSeconds: 600, p90Seconds: 600 });
  });

  it('in --tz Europe/Rome', async () => {
    const { metrics } = await audit(messages, { timeZone: 'Europe/Rome' });
    const rt = metrics.replyTimes;
    expect(rt.byWeekday.map((d) => d.responses)).toEqual([4, 0, 1, 0, 0, 0, 0]);
    expect(rt.byHour[10]).toEqual({ hour: 10, responses: 4, medianSeconds: 150, p90Seconds: 222 });
    expect(rt.byHour[0]).toEqual({ hour: 0, responses: 1, medianSeconds: 600, p90Seconds: 600 });
    expect(rt.byHour[9].responses).toBe(0);
  });

  it('percentile interpolates between closest ranks', () => {
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBeCloseTo(9.1, 10);
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(percentile([7], 0.9)).toBe(7);
    expect(percentile([], 0.5)).toBeNull();
  });
});
