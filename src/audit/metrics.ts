// Responsiveness as the "Very responsive to messages" badge defines it (../shared/FACTS.md):
// computed from the counted customer messages (time `t`) and the time of the first human
// business reply to each (`r`, NaN when there was none). Which messages count is decided
// while reading (see auditor.ts); this module only does the arithmetic.
import { DAY } from './policy.js';

export const BADGE_RATE = 0.9;
export const BADGE_TIME_SECONDS = 15 * 60;
export const PERIOD_DAYS = 30;
export const MIN_MESSAGES = 10;
export const FASTEST_SHARE = 0.9;

export interface BadgeMetrics {
  /** the counted messages the badge looks at: the 30 days up to the last counted message, or the last 10 */
  period: { from: string; to: string; basis: '30 days' | 'last 10 messages' } | null;
  counted: number;
  responded: number;
  /** responded / counted, 0..1 (null without counted messages) */
  responseRate: number | null;
  /** average of the fastest 90% of response times, in seconds (ms precision) */
  responseTimeSeconds: number | null;
  /** how many response times that average is over */
  responsesAveraged: number;
  /** rate >= 90% and time <= 15 min; null without counted messages */
  badge: boolean | null;
  thresholds: { responseRate: number; responseTimeSeconds: number };
}

export interface TimeBucket {
  responses: number;
  medianSeconds: number | null;
  p90Seconds: number | null;
}

export interface ReplyTimes {
  timeZone: string;
  /** all counted messages that got a human reply in the audited period (not only the badge period) */
  responses: number;
  byWeekday: (TimeBucket & { weekday: string })[];
  byHour: (TimeBucket & { hour: number })[];
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** Linear interpolation between closest ranks (numpy's default, Excel's PERCENTILE.INC). */
export function percentile(sorted: ArrayLike<number>, p: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const pos = (n - 1) * p;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

const seconds = (ms: number | null) => (ms === null ? null : Math.round(ms) / 1000);

/** The messages the badge period covers: indices into t, sorted by time. */
function badgePeriod(t: ArrayLike<number>): { indices: number[]; basis: '30 days' | 'last 10 messages' } {
  const order = Array.from({ length: t.length }, (_, i) => i).sort((a, b) => t[a] - t[b] || a - b);
  if (order.length === 0) return { indices: [], basis: '30 days' };
  const last = t[order[order.length - 1]];
  const from = last - PERIOD_DAYS * DAY;
  const inPeriod = order.filter((i) => t[i] >= from);
  if (inPeriod.length >= MIN_MESSAGES) return { indices: inPeriod, basis: '30 days' };
  return { indices: order.slice(-MIN_MESSAGES), basis: 'last 10 messages' };
}

export function badgeMetrics(t: ArrayLike<number>, r: ArrayLike<number>): BadgeMetrics {
  const thresholds = { responseRate: BADGE_RATE, responseTimeSeconds: BADGE_TIME_SECONDS };
  const { indices, basis } = badgePeriod(t);
  if (indices.length === 0) {
    return { period: null, counted: 0, responded: 0, responseRate: null, responseTimeSeconds: null, responsesAveraged: 0, badge: null, thresholds };
  }
  const times = indices.filter((i) => !Number.isNaN(r[i])).map((i) => r[i] - t[i]).sort((a, b) => a - b);
  // The fastest 90%: ceil(0.9 n) responses, i.e. the slowest 10% rounded down are left out.
  const kept = Math.ceil(times.length * FASTEST_SHARE);
  let sum = 0;
  for (let i = 0; i < kept; i++) sum += times[i];
  const averageMs = kept > 0 ? sum / kept : null;
  const responseRate = times.length / indices.length;
  const responseTimeSeconds = seconds(averageMs);
  return {
    period: { from: new Date(t[indices[0]]).toISOString(), to: new Date(t[indices[indices.length - 1]]).toISOString(), basis },
    counted: indices.length,
    responded: times.length,
    responseRate,
    responseTimeSeconds,
    responsesAveraged: kept,
    badge: responseRate >= BADGE_RATE && responseTimeSeconds !== null && responseTimeSeconds <= BADGE_TIME_SECONDS,
    thresholds,
  };
}

/** Weekday (0 = Monday) and hour of an instant in a time zone; cached per quarter hour. */
export class ZonedClock {
  private readonly format: Intl.DateTimeFormat;
  private readonly cache = new Map<number, number>();

  constructor(readonly timeZone: string) {
    // Throws RangeError for an unknown zone.
    this.format = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: '2-digit', hourCycle: 'h23' });
  }

  /** weekday * 24 + hour */
  slot(ms: number): number {
    const key = Math.floor(ms / 900_000); // every UTC offset is a multiple of 15 minutes
    let slot = this.cache.get(key);
    if (slot === undefined) {
      const parts = this.format.formatToParts(new Date(key * 900_000));
      const weekday = WEEKDAYS.indexOf(parts.find((p) => p.type === 'weekday')!.value);
      const hour = Number(parts.find((p) => p.type === 'hour')!.value) % 24;
      slot = weekday * 24 + hour;
      if (this.cache.size > 100_000) this.cache.clear();
      this.cache.set(key, slot);
    }
    return slot;
  }

  /** `YYYY-MM-DD HH:mm` in the zone */
  dateTime(ms: number): string {
    const parts = new Intl.DateTimeFormat('en-CA', { timeZone: this.timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(ms));
    const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
    return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
  }
}

/** Median and 90th percentile of reply times per weekday and per hour of the customer's message. */
export function replyTimes(t: ArrayLike<number>, r: ArrayLike<number>, clock: ZonedClock): ReplyTimes {
  const byWeekday: number[][] = WEEKDAYS.map(() => []);
  const byHour: number[][] = Array.from({ length: 24 }, () => []);
  let responses = 0;
  for (let i = 0; i < t.length; i++) {
    if (Number.isNaN(r[i])) continue;
    responses++;
    const slot = clock.slot(t[i]);
    const time = r[i] - t[i];
    byWeekday[Math.floor(slot / 24)].push(time);
    byHour[slot % 24].push(time);
  }
  const bucket = (times: number[]): TimeBucket => {
    const sorted = Float64Array.from(times).sort();
    return { responses: sorted.length, medianSeconds: seconds(percentile(sorted, 0.5)), p90Seconds: seconds(percentile(sorted, 0.9)) };
  };
  return {
    timeZone: clock.timeZone,
    responses,
    byWeekday: byWeekday.map((times, i) => ({ weekday: WEEKDAYS[i], ...bucket(times) })),
    byHour: byHour.map((times, hour) => ({ hour, ...bucket(times) })),
  };
}
