// The msglint command: parse arguments, lint, report, choose the exit code. No checking
// logic lives here.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { ConfigError } from '../engine/config.js';
import { discover, UsageError } from '../engine/discover.js';
import { closest } from '../engine/suggest.js';
import type { FileResult } from '../types.js';
import type { ResultCache } from '../engine/cache.js';
import type { Linter, LintOptions } from '../engine/lint.js';
import { threadsFor } from './parallel.js';
import { BIG_RUN_FILES, growHeapSlowly } from '../engine/heap.js';
import { decode, FileTooLargeError } from '../engine/decode.js';
import { ReadAhead, type ReadOutcome } from '../engine/read-ahead.js';
import { HELP, parseCli, type CliOptions } from './args.js';
import { PACKAGE_ROOT, resolveFrom } from '../paths.js';
import { importModule } from '../dynamic-import.js';
import { dirname, join, resolve } from 'node:path';

/** Loading Ink for a progress bar costs more than linting a few hundred files. */
const PROGRESS_THRESHOLD = 500;

function packageVersion(): string {
  return (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}


export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** standard input's bytes (decoded as a file's are); a string is taken as UTF-8 */
  readStdin: () => Uint8Array | string;
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

const defaultIo = (): Io => ({
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  readStdin: () => readFileSync(0),
  isTTY: Boolean(process.stdout.isTTY),
  env: process.env,
  cwd: process.cwd(),
});

/** The body of a lint worker thread (bin/lint-worker.js), loaded only there. */
export async function runLintWorker(): Promise<void> {
  (await import('./lint-worker.js')).runLintWorker();
}

/** The body of the spelling-suggestion thread (bin/suggest-worker.js), loaded only there. */
export async function runSuggestWorker(): Promise<void> {
  (await import('../language/spell/suggest-worker.js')).runSuggestWorker();
}

/** For the launcher's code cache (bin/load.js): the formats and languages this run used. */
export { usedFeatures } from '../engine/run-features.js';

export async function main(argv: string[], io: Io = defaultIo()): Promise<number> {
  // Subcommands come first; lint a path with such a name as `./rules`.
  if (argv[0] === 'review' || argv[0] === 'compose') {
    // Ink and React load only here: the plain CLI's start-up never pays for them.
    const { reviewCommand, composeCommand } = await importModule<typeof import('../tui/index.js')>(new URL('../tui/index.js', import.meta.url).href);
    return argv[0] === 'review' ? reviewCommand(argv.slice(1), io) : composeCommand(argv.slice(1), io);
  }
  if (argv[0] === 'audit') {
    const { auditCommand } = await importModule<typeof import('../audit/index.js')>(new URL('../audit/index.js', import.meta.url).href);
    return auditCommand(argv.slice(1), io);
  }
  if (argv[0] === 'rules' || argv[0] === 'explain') {
    const { rulesCommand, explainCommand } = await import('./rules-command.js');
    return argv[0] === 'rules' ? rulesCommand(argv.slice(1), io) : explainCommand(argv.slice(1), io);
  }
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
  const { Linter } = await import('../engine/lint.js');
  const { failedResult } = await import('./file-error.js');
  const { ruleIds, rules } = await import('../../rules/index.js');
  for (const id of Object.keys(options.rules)) {
    if (!ruleIds.includes(id)) {
      const hint = closest(id, ruleIds);
      throw new UsageError(`--rule: unknown rule \`${id}\`${hint ? `; did you mean \`${hint}\`?` : ''}`);
    }
  }
  if (options.init) return init(io);
  const linterOptions = {
    cwd: io.cwd,
    configFile: options.config,
    useConfigFiles: !options.noConfig,
    ruleOverrides: options.rules,
    reportUnusedDisableDirectives: options.reportUnusedDisableDirectives,
    maxFileSize: options.maxFileSize,
  };
  const linter = new Linter({
    ...linterOptions,
    // A big file found in a directory is data, not messages: skipped, with one line on stderr.
    onSkip: (path, reason) => io.stderr(`msglint: skipped ${path}: ${reason}\n`),
  });
  if (options.printConfig) {
    const config = linter.configFor(resolve(io.cwd, options.printConfig));
    io.stdout(JSON.stringify(config, null, 2) + '\n');
    return 0;
  }
  let results: FileResult[] = [];
  let writeFailed = false;
  if (options.stdin) {
    if (options.fix) throw new UsageError('--fix cannot write to standard input: lint the file itself');
    if (options.patterns.length > 0) throw new UsageError('--stdin lints standard input; do not pass paths as well');
    const name = options.stdinFilename ?? '<text>';
    // Decoded like a file (BOM, UTF-16, invalid UTF-8, binary, size limit), never lossily.
    const input = io.readStdin();
    results.push(linter.lintBytes(typeof input === 'string' ? new TextEncoder().encode(input) : input, name)!);
  } else {
    if (options.patterns.length === 0) throw new UsageError('no paths given (try `msglint .` or `msglint --help`)');
    const { IgnoreRules } = await import('../engine/ignore.js');
    const ignore = new IgnoreRules({ cwd: io.cwd, ignorePath: options.ignorePath, patterns: options.ignorePatterns, enabled: options.ignore });
    const targets = await discover(options.patterns, io.cwd);
    const { fixFile } = await import('../engine/fix.js');
    const cache = options.cache && !options.fix && !options.fixDryRun ? (await import('../engine/cache.js')).ResultCache.at(io.cwd, options.cacheLocation) : undefined;
    const { unifiedDiff } = await import('../engine/diff.js');
    // Many files: a progress bar on an interactive stderr, a few lines in CI, nothing when piped.
    const progress = targets.length >= PROGRESS_THRESHOLD ? (await importModule<typeof import('../tui/index.js')>(new URL('../tui/index.js', import.meta.url).href)).progressReporter(io) : undefined;
    progress?.start(targets.length);
    const threads = options.fix || options.fixDryRun || cache ? 1 : threadsFor(options.concurrency, targets.length);
    // On threads, once the workers have loaded (a flag changed earlier voids their code cache).
    if (targets.length >= BIG_RUN_FILES && threads === 1) growHeapSlowly();
    if (threads > 1) {
      results.push(...(await lintOnThreads(targets, ignore, linter, linterOptions, threads, io, progress)));
      targets.length = 0; // all linted: the loop below has nothing left to do
    }
    // Spelling suggestions of a single-threaded run go to the other core (--fix needs them
    // while it fixes): settled below, before any finding is reported or cached.
    let suggestions: { settle(): void } | undefined;
    if (threads === 1 && !options.fix && !options.fixDryRun) {
      const background = await import('../language/spell/background.js');
      suggestions = background.deferSuggestions();
      if (targets.length >= BIG_RUN_FILES) background.expectManySuggestions();
    }
    // Whether targets[i] is ignored, asked by the loop and by the read-ahead (a broken config
    // throws: the loop reports it, the read-ahead reads the file as if it were linted).
    const absolutes = targets.map((target) => resolveFrom(io.cwd, target.path));
    const ignoredAt: (boolean | undefined)[] = [];
    const isIgnored = (i: number) => (ignoredAt[i] ??= ignore.ignored(absolutes[i], linter.configFor(absolutes[i]).ignorePatterns));
    const wanted = (i: number) => {
      try {
        return !isIgnored(i);
      } catch {
        return true;
      }
    };
    const reads = options.fix || options.fixDryRun ? undefined : new ReadAhead(absolutes, linter.maxFileSize, wanted);
    try {
      for (const [i, target] of targets.entries()) {
        let result: FileResult | undefined;
        try {
          const absolute = absolutes[i];
          if (isIgnored(i)) {
            if (target.explicit) results.push(ignoredResult(target.path));
            continue;
          }
          const size = options.fix || options.fixDryRun ? fileSize(absolute) : 0;
          if (linter.maxFileSize > 0 && size > linter.maxFileSize) {
            // fixFile reads and lints the whole file: the size limit comes first.
            result = linter.tooLarge(target.path, new FileTooLargeError(size, linter.maxFileSize), target.explicit);
          } else if (options.fix || options.fixDryRun) {
            const outcome = fixFile(linter, io.cwd, target.path, { write: options.fix && !options.fixDryRun, types: options.fixTypes, explicit: target.explicit });
            result = outcome?.result;
            if (outcome && options.fixDryRun) io.stdout(unifiedDiff(target.path, outcome.original, outcome.fixed));
            if (outcome?.writeError) {
              io.stderr(`msglint: ${outcome.writeError}\n`);
              writeFailed = true;
            }
          } else if (cache) {
            result = cachedLint(cache, linter, target.path, absolute, reads!.take(i), target.explicit, { rules: options.rules, unused: options.reportUnusedDisableDirectives });
          } else result = linter.lintRead(target.path, reads!.take(i), target.explicit);
        } catch (error) {
          result = failedResult(target.path, error, io.stderr);
        } finally {
          await progress?.fileDone(target.path, result?.findings.length ?? 0);
        }
        if (result) results.push(result);
      }
    } finally {
      suggestions?.settle();
    }
    await progress?.end();
    cache?.save();
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
  if (fatal || writeFailed) return 2;
  if (errors > 0) return 1;
  if (options.maxWarnings >= 0 && warnings > options.maxWarnings) {
    io.stderr(`msglint found too many warnings (maximum: ${options.maxWarnings}).\n`);
    return 1;
  }
  return 0;
}

/**
 * A big run on worker threads (src/cli/parallel.ts). Ignored files are filtered here first;
 * results keep the order of `targets`.
 */
async function lintOnThreads(
  targets: { path: string; explicit: boolean }[],
  ignore: { ignored: (absolute: string, patterns?: string[]) => boolean },
  linter: Linter,
  linterOptions: Omit<LintOptions, 'onSkip'>,
  threads: number,
  io: Io,
  progress: { fileDone: (path: string, findings: number) => void | Promise<void> } | undefined,
): Promise<FileResult[]> {
  const { lintInParallel } = await import('./parallel.js');
  const { failedResult, lintOrFail } = await import('./file-error.js');
  const out: (FileResult | undefined)[] = [];
  const toLint: { path: string; explicit: boolean }[] = [];
  const slot: number[] = [];
  for (const target of targets) {
    try {
      const absolute = resolve(io.cwd, target.path);
      if (ignore.ignored(absolute, linter.configFor(absolute).ignorePatterns)) {
        if (target.explicit) out.push(ignoredResult(target.path));
        await progress?.fileDone(target.path, 0);
        continue;
      }
    } catch (error) {
      out.push(failedResult(target.path, error, io.stderr));
      await progress?.fileDone(target.path, 0);
      continue;
    }
    slot.push(out.length);
    out.push(undefined);
    toLint.push(target);
  }
  const linted = await lintInParallel(toLint, linterOptions, threads, {
    onSkip: (path, reason) => io.stderr(`msglint: skipped ${path}: ${reason}\n`),
    stderr: io.stderr,
    onFileDone: (path, result) => progress?.fileDone(path, result?.findings.length ?? 0),
    onWorkersLoaded: () => {
      if (targets.length >= BIG_RUN_FILES) growHeapSlowly();
    },
    lintHere: (path, explicit) => lintOrFail(linter, path, explicit, io.stderr),
  });
  linted.forEach((result, i) => (out[slot[i]] = result));
  return out.filter((r): r is FileResult => r !== undefined);
}

const STARTER = `# msglint configuration: every key is documented in .lintrc.example and in
# node_modules/msglint/schema/lintrc.schema.json (editors autocomplete with $schema).
$schema: ./node_modules/msglint/schema/lintrc.schema.json
root: true

# Presets: recommended, strict, messenger, instagram, whatsapp (or msglint-config-* packages).
extends: [recommended]

# The channel and locale of messages whose file does not say it.
channel: messenger
locale: en

# Brand and product names the spelling rule accepts.
words: []

# rules:
#   max-length: [warn, { maxSentences: 3 }]
#   readability: off

# Settings for some files only, e.g. every update template is a tagged message:
# overrides:
#   - files: ["templates/updates/**"]
#     context: { messagingType: MESSAGE_TAG, tag: HUMAN_AGENT }
`;

async function init(io: Io): Promise<number> {
  const { CONFIG_FILE_NAMES } = await import('../engine/config.js');
  const existing = CONFIG_FILE_NAMES.find((name) => existsSync(join(io.cwd, name)));
  if (existing) {
    io.stderr(`msglint: ${existing} already exists; --init never overwrites a config.\n`);
    return 2;
  }
  writeFileSync(join(io.cwd, '.lintrc'), STARTER, { flag: 'wx' });
  io.stdout('Wrote .lintrc: a commented starter configuration.\n');
  return 0;
}

/** Lints a file unless the cache holds its result for the same content and settings. */
function cachedLint(cache: ResultCache, linter: Linter, path: string, absolute: string, read: ReadOutcome, explicit: boolean, flags: object): FileResult | undefined {
  const { bytes } = read;
  if (!bytes) return linter.lintRead(path, read, explicit); // reports the read error, or the size
  const key = cache.key(bytes, { config: linter.configFor(absolute), flags });
  const hit = cache.get(absolute, key);
  if (hit) return { ...hit, source: decode(bytes).text };
  const result = linter.lintRead(path, read, explicit);
  if (result && result.fatalErrorCount === 0) cache.set(absolute, key, result);
  return result;
}

/** A file's size in bytes (0 when it cannot be read: reading it reports why). */
function fileSize(absolute: string): number {
  try {
    return statSync(absolute).size;
  } catch {
    return 0;
  }
}

/** ESLint's behaviour for an ignored file named on the command line: one warning. */
function ignoredResult(filePath: string): FileResult {
  return {
    filePath,
    findings: [{ ruleId: null, severity: 'warn', message: 'File ignored because of a matching ignore pattern. Use `--no-ignore` to lint it.', line: 1, column: 1, endLine: 1, endColumn: 1, range: [0, 0] }],
    errorCount: 0, warningCount: 1, infoCount: 0, fatalErrorCount: 0,
  };
}

function errorsOnly(result: FileResult): FileResult {
  const findings = result.findings.filter((f) => f.severity === 'error');
  return { ...result, findings, warningCount: 0, infoCount: 0 };
}
