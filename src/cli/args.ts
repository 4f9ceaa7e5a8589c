// Command-line arguments (node:util parseArgs, no dependency on the start-up path).
import { parseArgs } from 'node:util';
import { parseRuleSetting, type RuleSetting } from '../engine/config.js';
import { UsageError } from '../engine/discover.js';

export interface CliOptions {
  patterns: string[];
  format: string;
  outputFile?: string;
  quiet: boolean;
  maxWarnings: number;
  rules: Record<string, RuleSetting>;
  config?: string;
  noConfig: boolean;
  stdin: boolean;
  ignorePath?: string;
  ignorePatterns: string[];
  ignore: boolean;
  printConfig?: string;
  init: boolean;
  reportUnusedDisableDirectives: boolean;
  fix: boolean;
  cache: boolean;
  cacheLocation?: string;
  fixDryRun: boolean;
  fixTypes?: ('problem' | 'suggestion' | 'layout')[];
  stdinFilename?: string;
  /** bytes; 0: no limit; undefined: the default */
  maxFileSize?: number;
  /** worker threads: `auto` (big runs use every core), `off`, or a number */
  concurrency: 'auto' | 'off' | number;
  color: boolean | undefined;
  help: boolean;
  version: boolean;
}

export const HELP = `Usage: msglint [options] [paths/globs...]
       msglint review [paths...]  review and fix findings in a full-screen terminal UI
       msglint compose            draft a message with live checks; prints it on Ctrl-D
       msglint audit [files...]   audit exported conversations (see docs/audit.md)
       msglint rules              list the rules
       msglint explain RULE       print a rule's documentation and examples

Lints business chat messages (Messenger, Instagram, WhatsApp templates and replies).
Directories are searched for supported files.

Options:
  -f, --format NAME          output format: stylish (default), json, sarif, github,
                             unix, compact, junit, checkstyle, or a path to a
                             custom formatter module
  -o, --output-file PATH     write the report to a file instead of stdout
  -q, --quiet                report errors only
      --max-warnings N       exit with 1 when there are more than N warnings
      --rule RULE            set a rule: 'spelling:off', 'max-length:["warn",{"maxSentences":2}]'
                             or a JSON object '{"spelling":"off"}'; may be repeated
  -c, --config PATH          use this config file for every file (no .lintrc lookup)
      --no-config            ignore .lintrc files
      --ignore-path PATH     ignore file in gitignore syntax (default: .lintignore)
      --ignore-pattern PAT   ignore files matching PAT (gitignore syntax); repeatable
      --no-ignore            lint ignored files too
      --print-config FILE    print the configuration that applies to FILE, and exit
      --init                 write a commented starter .lintrc (never overwrites)
      --report-unused-disable-directives
                             report msglint-disable comments that silence nothing
      --fix                  apply safe fixes and write the files (atomically)
      --fix-dry-run          show the fixes as a diff, write nothing
      --fix-type TYPES       only fixes of these rule types: problem,suggestion,layout
      --cache                only re-check files whose content or config changed
      --cache-location PATH  cache file or directory (default: .msglintcache)
      --stdin                lint text from standard input
      --stdin-filename NAME  file name for stdin (chooses the format, e.g. draft.md)
      --max-file-size SIZE   do not lint bigger files (default 2MB; 500KB, 10MB, bytes;
                             0: no limit): a named file over it is an error, one found
                             in a directory is skipped with a notice on stderr
      --concurrency N|auto|off  lint on N threads, the main one and N-1 workers
                             (auto: one per core, up to 4, for runs of 200 files or
                             more; default off)
      --color / --no-color   force or disable colours (NO_COLOR is respected)
  -v, --version              print the version
  -h, --help                 print this help

Exit codes: 0 no errors (warnings allowed), 1 errors or too many warnings,
2 usage, configuration, unreadable input or internal error.`;

function parseRuleFlag(value: string, into: Record<string, RuleSetting>): void {
  const fail = (message: string): never => {
    throw new UsageError(`--rule ${value}: ${message}`);
  };
  if (value.trim().startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch (error) {
      fail(`invalid JSON (${(error as Error).message})`);
    }
    for (const [id, setting] of Object.entries(parsed as Record<string, unknown>)) into[id] = parseRuleSetting(setting, fail);
    return;
  }
  const colon = value.indexOf(':');
  if (colon < 1) fail('expected RULE:LEVEL');
  const id = value.slice(0, colon).trim();
  const rest = value.slice(colon + 1).trim();
  let setting: unknown = rest;
  if (rest.startsWith('[')) {
    try {
      setting = JSON.parse(rest);
    } catch (error) {
      fail(`invalid JSON (${(error as Error).message})`);
    }
  }
  into[id] = parseRuleSetting(setting, fail);
}

export function parseCli(argv: string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f', default: 'stylish' },
        'output-file': { type: 'string', short: 'o' },
        quiet: { type: 'boolean', short: 'q', default: false },
        'max-warnings': { type: 'string' },
        rule: { type: 'string', multiple: true },
        config: { type: 'string', short: 'c' },
        'no-config': { type: 'boolean', default: false },
        stdin: { type: 'boolean', default: false },
        'ignore-path': { type: 'string' },
        'ignore-pattern': { type: 'string', multiple: true },
        'no-ignore': { type: 'boolean', default: false },
        'print-config': { type: 'string' },
        init: { type: 'boolean', default: false },
        'report-unused-disable-directives': { type: 'boolean', default: false },
        fix: { type: 'boolean', default: false },
        cache: { type: 'boolean', default: false },
        'cache-location': { type: 'string' },
        'fix-dry-run': { type: 'boolean', default: false },
        'fix-type': { type: 'string', multiple: true },
        'stdin-filename': { type: 'string' },
        'max-file-size': { type: 'string' },
        concurrency: { type: 'string' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        version: { type: 'boolean', short: 'v', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const v = parsed.values;
  const rules: Record<string, RuleSetting> = {};
  for (const r of v.rule ?? []) parseRuleFlag(r, rules);
  let maxWarnings = -1;
  if (v['max-warnings'] !== undefined) {
    maxWarnings = Number(v['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < -1) throw new UsageError('--max-warnings expects a whole number');
  }
  const fixTypes = (v['fix-type'] as string[] | undefined)?.flatMap((t) => t.split(',')).map((t) => t.trim());
  for (const t of fixTypes ?? []) if (!['problem', 'suggestion', 'layout'].includes(t)) throw new UsageError(`--fix-type: unknown type \`${t}\` (problem, suggestion, layout)`);
  if (fixTypes && !v.fix && !v['fix-dry-run']) throw new UsageError('--fix-type needs --fix or --fix-dry-run');
  const maxFileSize = v['max-file-size'] === undefined ? undefined : parseSize(v['max-file-size'] as string);
  const concurrency = parseConcurrency(v.concurrency as string | undefined);
  if (v.config && v['no-config']) throw new UsageError('--config and --no-config cannot be used together');
  return {
    patterns: parsed.positionals,
    format: v.format as string,
    outputFile: v['output-file'] as string | undefined,
    quiet: v.quiet as boolean,
    maxWarnings,
    rules,
    config: v.config as string | undefined,
    noConfig: v['no-config'] as boolean,
    stdin: v.stdin as boolean,
    ignorePath: v['ignore-path'] as string | undefined,
    ignorePatterns: (v['ignore-pattern'] as string[] | undefined) ?? [],
    ignore: !v['no-ignore'],
    printConfig: v['print-config'] as string | undefined,
    init: v.init as boolean,
    reportUnusedDisableDirectives: v['report-unused-disable-directives'] as boolean,
    fix: v.fix as boolean,
    cache: v.cache as boolean,
    cacheLocation: v['cache-location'] as string | undefined,
    fixDryRun: v['fix-dry-run'] as boolean,
    fixTypes: fixTypes as CliOptions['fixTypes'],
    stdinFilename: v['stdin-filename'] as string | undefined,
    maxFileSize,
    concurrency,
    color: v['no-color'] ? false : (v.color as boolean | undefined),
    help: v.help as boolean,
    version: v.version as boolean,
  };
}

/** `--concurrency`: off (default), auto, or a number of threads (1 = off). */
function parseConcurrency(value: string | undefined): CliOptions['concurrency'] {
  if (value === 'auto') return 'auto';
  if (value === undefined || value === 'off') return 'off';
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new UsageError(`--concurrency expects auto, off or a number of threads from 1 to 64; got \`${value}\``);
  return n;
}

/** `--max-file-size`: bytes, or a number with KB/MB/GB (binary units, as `formatSize` prints them). */
function parseSize(value: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(b|bytes?|kb?|mb?|gb?)?\s*$/i.exec(value);
  if (!m) throw new UsageError(`--max-file-size expects a size such as 5MB, 500KB or 1048576 (bytes), or 0 for no limit; got \`${value}\``);
  const unit = (m[2] ?? 'b').toLowerCase()[0];
  const factor = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1;
  return Math.floor(Number(m[1]) * factor);
}
