// `msglint audit`: audits exported conversations (JSON Lines, CSV, Messenger Graph API) for
// messaging-window violations and lints every business message, then reports the findings
// through the usual formatters and the responsiveness metrics of the "Very responsive to
// messages" badge. Documentation: docs/audit.md.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Io } from '../cli/main.js';
import { PACKAGE_ROOT } from '../paths.js';
import { runAudit, UsageError, type AuditOptions, type InputFormat } from './auditor.js';
import { parseDateOrTimestamp } from './records.js';

export { runAudit, type AuditOptions, type AuditOutcome, type AuditMetrics } from './auditor.js';

export const AUDIT_HELP = `Usage: msglint audit [options] FILES...

Audits exported conversations: business messages outside the messaging window, retired
or misused tags, the message rules on every business message, and the responsiveness
metrics of the "Very responsive to messages" badge. See docs/audit.md.

Input: .jsonl / .ndjson (JSON Lines) or .csv, one message per line/record with
conversation, from (customer|business), timestamp (ISO 8601 with offset), text and
optional messaging_type, tag, automated, channel, page_status (away|available), done,
id, locale; or .json Messenger Graph API conversation exports.

Options:
  -f, --format NAME        stylish (default; findings then a summary), json
                           ({results, metrics}), sarif, github, unix, compact,
                           junit, checkstyle, or a path to a formatter module
      --since DATE         audit messages from DATE (YYYY-MM-DD, UTC, or a timestamp
                           with offset); earlier messages only open windows
      --policy-date DATE   judge every message by the tag policy of DATE
                           (default: each message's own date, UTC)
      --tz ZONE            time zone of the weekday/hour tables (default UTC),
                           e.g. Europe/Rome
      --page-id ID         the Page's id in Graph API exports (default: the
                           participant present in every conversation)
      --input-format F     jsonl, csv or graph (default: by file extension)
      --no-lint            skip the message rules (window checks and metrics only)
  -c, --config PATH        use this config for the message rules
      --no-config          ignore .lintrc files
      --color, --no-color  force or disable colours
  -h, --help               show this help

Exit codes: 0 no errors, 1 error findings, 2 usage error or unreadable input (the
file and line of every malformed record are reported; the rest is still audited).`;

function packageVersion(): string {
  return (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

function usage(io: Io, message: string): number {
  io.stderr(`msglint audit: ${message}\nRun \`msglint audit --help\` for usage.\n`);
  return 2;
}

export async function auditCommand(argv: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f', default: 'stylish' },
        since: { type: 'string' },
        'policy-date': { type: 'string' },
        tz: { type: 'string', default: 'UTC' },
        'page-id': { type: 'string' },
        'input-format': { type: 'string' },
        'no-lint': { type: 'boolean', default: false },
        config: { type: 'string', short: 'c' },
        'no-config': { type: 'boolean', default: false },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    return usage(io, (error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(AUDIT_HELP + '\n');
    return 0;
  }
  if (positionals.length === 0) return usage(io, 'no export files given');
  const options: AuditOptions = { cwd: io.cwd, lint: !values['no-lint'], useConfigFiles: !values['no-config'], timeZone: values.tz };
  if (values.config) options.configFile = values.config;
  if (values.since !== undefined) {
    const since = parseDateOrTimestamp(values.since);
    if (since === undefined) return usage(io, `--since: expected YYYY-MM-DD or an ISO 8601 timestamp with offset, got \`${values.since}\``);
    options.since = since;
  }
  const policyDate = values['policy-date'];
  if (policyDate !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(policyDate) || parseDateOrTimestamp(policyDate) === undefined) return usage(io, `--policy-date: expected YYYY-MM-DD, got \`${policyDate}\``);
    options.policyDate = policyDate;
  }
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: values.tz });
  } catch {
    return usage(io, `--tz: unknown time zone \`${values.tz}\` (use an IANA name such as Europe/Rome or UTC)`);
  }
  if (values['page-id'] !== undefined) options.pageId = values['page-id'];
  const inputFormat = values['input-format'];
  if (inputFormat !== undefined) {
    if (!['jsonl', 'csv', 'graph'].includes(inputFormat)) return usage(io, `--input-format: expected jsonl, csv or graph, got \`${inputFormat}\``);
    options.inputFormat = inputFormat as InputFormat;
  }

  const { FORMATTER_NAMES, isCustomFormatter, loadFormatter } = await import('../report/index.js');
  const format = values.format!;
  if (!FORMATTER_NAMES.includes(format) && !isCustomFormatter(format)) return usage(io, `unknown format \`${format}\` (formats: ${FORMATTER_NAMES.join(', ')}, or a path to a formatter module)`);
  let formatter;
  try {
    formatter = format === 'json' ? undefined : await loadFormatter(format, io.cwd);
  } catch (error) {
    return usage(io, `cannot load formatter \`${format}\`: ${(error as Error).message}`);
  }

  let outcome;
  try {
    outcome = await runAudit(positionals, options);
  } catch (error) {
    if (error instanceof UsageError || (error instanceof Error && error.name === 'ConfigError')) {
      io.stderr(`msglint audit: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const { results, metrics } = outcome;
  const color = values['no-color'] ? false : values.color ?? (io.isTTY && !io.env.NO_COLOR && io.env.TERM !== 'dumb');
  if (format === 'json') {
    const { writeJson } = await import('./json-output.js');
    writeJson((text) => io.stdout(text), results, metrics);
  } else {
    const { rules } = await import('../../rules/index.js');
    const { auditRules } = await import('./audit-rules.js');
    let output = await formatter!(results, { cwd: io.cwd, color, rules: [...rules, ...auditRules], version: packageVersion() });
    if (format === 'stylish') {
      const { summary } = await import('./summary.js');
      output += (output ? '\n' : '') + summary(metrics, color);
    }
    if (output) io.stdout(output);
  }
  if (results.some((r) => r.fatalErrorCount > 0)) return 2;
  return results.some((r) => r.errorCount > 0) ? 1 : 0;
}
