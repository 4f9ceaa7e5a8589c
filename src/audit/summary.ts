// The responsiveness summary printed after the findings in `stylish` output.
import type { AuditMetrics } from './auditor.js';
import { duration } from './auditor.js';
import { ZonedClock, type TimeBucket } from './metrics.js';

function paint(on: boolean, code: number, text: string): string {
  return on ? `\u001b[${code}m${text}\u001b[0m` : text;
}

const percent = (rate: number) => `${(Math.round(rate * 1000) / 10).toString()}%`;
const time = (seconds: number | null) => (seconds === null ? '–' : duration(seconds * 1000));
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => '  ' + r.map((cell, i) => (i === 1 ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('   ').trimEnd());
}

export function summary(metrics: AuditMetrics, color: boolean): string {
  const clock = new ZonedClock(metrics.replyTimes.timeZone);
  const zone = metrics.replyTimes.timeZone;
  const b = metrics.badge;
  const out: string[] = [];
  const ok = (good: boolean) => (good ? paint(color, 32, '✔') : paint(color, 31, '✖'));
  out.push(paint(color, 1, 'Responsiveness ("Very responsive to messages" badge)'));
  out.push(
    `  read               ${plural(metrics.messages.total, 'message')} (${metrics.messages.customer} from customers, ${metrics.messages.business} from the business, ${metrics.messages.automated} automated) in ${plural(metrics.conversations, 'conversation')}${metrics.since ? `; audited from ${metrics.since}` : ''}`,
  );
  if (!b.period) {
    out.push('  counted messages   none: no customer message opens a conversation or follows 24 hours of silence');
    out.push(`  badge              ${paint(color, 33, 'not enough data')}`);
  } else {
    const to = `${clock.dateTime(Date.parse(b.period.to))} ${zone}`;
    const span = b.period.basis === '30 days' ? `in the 30 days to the last one (${to})` : `: fewer than 10 in the 30 days to the last one (${to}), so the last ${b.counted === 10 ? '10' : `${b.counted} (all)`}`;
    out.push(`  counted messages   ${b.counted}${span.startsWith(':') ? '' : ' '}${span}`);
    out.push(`  response rate      ${percent(b.responseRate!)} (${b.responded} of ${b.counted} answered by a person)   needs ≥ 90%   ${ok(b.responseRate! >= b.thresholds.responseRate)}`);
    out.push(
      `  response time      ${b.responseTimeSeconds === null ? 'no replies' : `${time(b.responseTimeSeconds)} (average of the fastest ${b.responsesAveraged} of ${b.responded})`}   needs ≤ 15 min   ${ok(b.responseTimeSeconds !== null && b.responseTimeSeconds <= b.thresholds.responseTimeSeconds)}`,
    );
    out.push(`  badge              ${b.badge ? paint(color, 32, 'yes: the Page would show "Very responsive to messages"') : paint(color, 31, 'no')}`);
  }
  const x = metrics.counted.excluded;
  out.push(`  excluded           ${plural(x.awayMessages, 'message')} received while away, ${plural(x.doneConversations, 'conversation')} marked done, ${x.automatedReplies} automated ${x.automatedReplies === 1 ? 'reply' : 'replies'} not counted as responses`);
  if (metrics.counted.reorderedConversations > 0) out.push(`  note               ${plural(metrics.counted.reorderedConversations, 'conversation')} out of time order in the export: read again and sorted`);
  const rt = metrics.replyTimes;
  out.push('');
  out.push(paint(color, 1, `Reply times (${zone}; all ${plural(rt.responses, 'answered counted message')} in the audited period)`));
  if (rt.responses === 0) out.push('  no replies');
  else {
    const row = (label: string, bucket: TimeBucket) => [label, String(bucket.responses), time(bucket.medianSeconds), time(bucket.p90Seconds)];
    out.push(...table([['weekday', 'replies', 'median', 'p90'], ...rt.byWeekday.map((d) => row(d.weekday, d))]));
    out.push('');
    out.push(...table([['hour', 'replies', 'median', 'p90'], ...rt.byHour.filter((h) => h.responses > 0).map((h) => row(`${String(h.hour).padStart(2, '0')}:00`, h))]));
  }
  if (!metrics.lint.enabled) {
    out.push('');
    out.push('  (--no-lint: message texts were not linted)');
  }
  return out.join('\n') + '\n';
}
