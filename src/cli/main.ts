// The msglint command: parse arguments, lint, report, choose the exit code. No checking
// logic lives here.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { ConfigError } from '../engine/config.js';
import { discover, UsageError } from '../engine/discover.js';
import { closest } from '../engine/suggest.js';
import type { FileResult } from '../types.js';
import { HELP, parseCli, type CliOptions } from './args.js';
import { PACKAGE_ROOT } from '../paths.js';
import { dirname, join, resolve } from 'node:path';

function packageVersion(): string {
  return (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}


export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => string;
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

const defaultIo = (): Io => ({
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  readStdin: () => readFileSync(0, 'utf8'),
  isTTY: Boolean(process.stdout.isTTY),
  env: process.env,
  cwd: process.cwd(),
});

export async function main(argv: string[], io: Io = defaultIo()): Promise<number> {
  let options: CliOptions;
  try {
    options = parseCli(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`msglint: ${error.message}\nRun \`msglint --help\` for usage.\n`);
      return 2;
    }
    throw error;
  }
  if (options.help) {
    io.stdout(HELP + '\n');
    return 0;
  }
  if (options.version) {
    io.stdout(packageVersion() + '\n');
    return 0;
  }
  try {
    return await run(options, io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) {
      io.stderr(`msglint: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

async function run(options: CliOptions, io: Io): Promise<number> {
  const { FORMATTER_NAMES, isCustomFormatter, loadFormatter } = await import('../report/index.js');
  if (!FORMATTER_NAMES.includes(options.format) && !isCustomFormatter(options.format)) {
    const hint = closest(options.format, FORMATTER_NAMES);
    throw new UsageError(`unknown format \`${options.format}\`${hint ? `; did you mean \`${hint}\`?` : ''} (formats: ${FORMATTER_NAMES.join(', ')}, or a path to a formatter module)`);
  }
  let formatter;
  try {
    formatter = await loadFormatter(options.format, io.cwd);
  } catch (error) {
    throw new UsageError(`cannot load formatter \`${options.format}\`: ${(error as Error).message}`);
  }
  // The engine (and the rules, retext, dictionaries) load only when there is work to do.
  const { Linter, fatalResult } = await import('../engine/lint.js');
  const { ruleIds, rules } = await import('../../rules/index.js');
  for (const id of Object.keys(options.rules)) {
    if (!ruleIds.includes(id)) {
      const hint = closest(id, ruleIds);
      throw new UsageError(`--rule: unknown rule \`${id}\`${hint ? `; did you mean \`${hint}\`?` : ''}`);
    }
  }
  const linter = new Linter({
    cwd: io.cwd,
    configFile: options.config,
    useConfigFiles: !options.noConfig,
    ruleOverrides: options.rules,
  });
  let results: FileResult[] = [];
  if (options.stdin) {
    if (options.patterns.length > 0) throw new UsageError('--stdin lints standard input; do not pass paths as well');
    const name = options.stdinFilename ?? '<text>';
    results.push(linter.lintText(io.readStdin().replace(/^\uFEFF/, ''), name));
  } else {
    if (options.patterns.length === 0) throw new UsageError('no paths given (try `msglint .` or `msglint --help`)');
    // ignorePatterns of the config that applies to the working directory.
    const ignore = linter.configFor(join(io.cwd, '.msglint-probe')).ignorePatterns;
    const targets = await discover(options.patterns, io.cwd, ignore);
    for (const target of targets) {
      let result: FileResult | undefined;
      try {
        result = linter.lintFile(target.path, target.explicit);
      } catch (error) {
        if (error instanceof ConfigError) {
          io.stderr(`msglint: ${error.message}\n`);
          result = fatalResult(target.path, `Configuration error: ${error.message}`);
        } else {
          // A bug must not stop the run: report it on this file and go on with the others.
          const detail = error instanceof Error ? error.stack ?? error.message : String(error);
          io.stderr(`msglint: internal error while linting ${target.path}: ${detail}\n`);
          result = fatalResult(target.path, `Internal error: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      if (result) results.push(result);
    }
  }
  if (options.quiet) results = results.map(errorsOnly);
  const color = options.color ?? (io.isTTY && !io.env.NO_COLOR && io.env.TERM !== 'dumb');
  const output = await formatter(results, { color: options.outputFile ? false : color, cwd: io.cwd, rules, version: packageVersion() });
  if (options.outputFile) {
    const target = resolve(io.cwd, options.outputFile);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, output);
  } else if (output) io.stdout(output);
  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  const fatal = results.some((r) => r.fatalErrorCount > 0);
  if (fatal) return 2;
  if (errors > 0) return 1;
  if (options.maxWarnings >= 0 && warnings > options.maxWarnings) {
    io.stderr(`msglint found too many warnings (maximum: ${options.maxWarnings}).\n`);
    return 1;
  }
  return 0;
}

function errorsOnly(result: FileResult): FileResult {
  const findings = result.findings.filter((f) => f.severity === 'error');
  return { ...result, findings, warningCount: 0, infoCount: 0 };
}
