// The Ink writing assistant: `msglint review` and `msglint compose`, and a progress reporter
// for long runs. This module is imported lazily by the CLI and imports nothing heavy itself:
// the engine, React and Ink load inside the commands, only when a terminal UI is shown.
import type { Io } from '../cli/main.js';

export { progressReporter, type ProgressReporter, type ProgressOptions } from './progress.js';

export const REVIEW_HELP = `Usage: msglint review [options] [paths/globs...]

Full-screen review of the findings in the given files (default: the current directory):
fix, pick a suggestion, add a word to the project dictionary, suppress with a reason, open
in $EDITOR, undo. Press ? inside for the keys.

Options (as for plain \`msglint\`): -c/--config, --no-config, --rule, --ignore-path,
--ignore-pattern, --no-ignore. Without an interactive terminal (stdin or stdout not a TTY,
or CI set), prints the stylish report instead, with the same exit code as \`msglint\`.

Exit codes: 0 no errors remain, 1 errors remain, 2 usage, configuration or unreadable files.`;

export const COMPOSE_HELP = `Usage: msglint compose [options]

Draft a message with live findings, the notification preview, the character count against
the platform limit and a readability grade. Ctrl-D prints the text to stdout and exits.

Options:
  --channel NAME          messenger | instagram | whatsapp | generic
  --messaging-type TYPE   RESPONSE | UPDATE | MESSAGE_TAG
  --tag TAG               Messenger message tag (implies MESSAGE_TAG)
  --category CATEGORY     WhatsApp template category (MARKETING, UTILITY, AUTHENTICATION)
  --kind KIND             greeting | reply | away | closing | update | fallback | …
  --locale LOCALE         e.g. en-US, de, it-IT
  --text TEXT             start from this text
  --copy                  also copy the final text to the clipboard (wl-copy/xclip/pbcopy)
  -c, --config PATH       use this config file; --no-config ignores .lintrc files

Needs an interactive terminal (stdin and stdout); exits with 2 otherwise.
Exit codes: 0 printed, 1 discarded (Esc, n), 130 aborted (Ctrl-C), 2 usage or no terminal.`;

function inCi(env: NodeJS.ProcessEnv): boolean {
  return ['CI', 'CONTINUOUS_INTEGRATION'].some((k) => k in env && env[k] !== '0' && env[k] !== 'false');
}

/**
 * Can a full-screen UI run? stdin and stdout must be terminals. Ink draws nothing but the last
 * frame when CI is set, so CI counts as not interactive, as does TERM=dumb.
 */
export function interactive(io: Io): boolean {
  return io.isTTY && Boolean(process.stdout.isTTY) && Boolean(process.stdin.isTTY) && !inCi(io.env) && io.env.TERM !== 'dumb';
}

const NOT_IN_REVIEW: [keyof import('../cli/args.js').CliOptions, string][] = [
  ['fix', '--fix'],
  ['fixDryRun', '--fix-dry-run'],
  ['stdin', '--stdin'],
  ['outputFile', '--output-file'],
  ['printConfig', '--print-config'],
  ['init', '--init'],
];

export async function reviewCommand(argv: string[], io: Io): Promise<number> {
  const { parseCli } = await import('../cli/args.js');
  const { UsageError } = await import('../engine/discover.js');
  const { ConfigError } = await import('../engine/config.js');
  let options;
  try {
    options = parseCli(argv);
    if (options.help) {
      io.stdout(REVIEW_HELP + '\n');
      return 0;
    }
    for (const [key, flag] of NOT_IN_REVIEW) {
      if (options[key]) throw new UsageError(`review: ${flag} is not available in the review (run \`msglint ${flag} …\`, or press f / 1-9 on a finding)`);
    }
    if (options.format !== 'stylish') throw new UsageError('review: --format is not available in the review (run `msglint --format …`)');
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`msglint: ${error.message}\nRun \`msglint review --help\` for usage.\n`);
      return 2;
    }
    throw error;
  }
  if (!interactive(io)) {
    // No terminal to draw on: the plain CLI's stylish report of the same files.
    const { main } = await import('../cli/main.js');
    const args = argv.map((a, i) => (i === 0 && (a === 'rules' || a === 'explain' || a === 'review' || a === 'compose') ? `./${a}` : a));
    if (options.patterns.length === 0) args.push('.');
    return main(args, io);
  }
  const { ReviewSession } = await import('./model/session.js');
  let session;
  try {
    session = await ReviewSession.open({
      cwd: io.cwd,
      patterns: options.patterns,
      lint: { configFile: options.config, useConfigFiles: !options.noConfig, ruleOverrides: options.rules },
      ignore: { ignorePath: options.ignorePath, patterns: options.ignorePatterns, enabled: options.ignore },
    });
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) {
      io.stderr(`msglint: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const total = () => session.files.reduce((n, f) => n + f.result.findings.length, 0);
  if (session.files.length === 0) {
    io.stdout('msglint review: no files to review.\n');
    return 0;
  }
  if (total() === 0) {
    io.stdout(`msglint review: no findings in ${session.files.length} file${session.files.length === 1 ? '' : 's'}.\n`);
    return 0;
  }
  const { makeTheme } = await import('./theme.js');
  const { runReview } = await import('./review/run.js');
  await runReview(session, makeTheme(io.env), io.env);
  const errors = session.files.reduce((n, f) => n + f.result.errorCount, 0);
  const changes = session.changeCount;
  io.stdout(`msglint review: ${total()} finding${total() === 1 ? '' : 's'} left (${errors} error${errors === 1 ? '' : 's'}) in ${session.files.length} file${session.files.length === 1 ? '' : 's'}; ${changes} change${changes === 1 ? '' : 's'} kept.\n`);
  return session.exitCode();
}

export async function composeCommand(argv: string[], io: Io): Promise<number> {
  const { parseComposeArgs } = await import('./compose/args.js');
  let options;
  try {
    options = parseComposeArgs(argv);
  } catch (error) {
    io.stderr(`msglint: compose: ${(error as Error).message}\nRun \`msglint compose --help\` for usage.\n`);
    return 2;
  }
  if (options.help) {
    io.stdout(COMPOSE_HELP + '\n');
    return 0;
  }
  if (!interactive(io)) {
    io.stderr('msglint: compose needs an interactive terminal (stdin and stdout must be a TTY, and CI unset); to check a draft non-interactively use `msglint --stdin --stdin-filename draft.md`.\n');
    return 2;
  }
  const { Linter } = await import('../engine/lint.js');
  const { ConfigError } = await import('../engine/config.js');
  const { tags } = await import('../language/platform.js');
  const { budgetFromConfig } = await import('./model/preview.js');
  const { initialComposeState } = await import('./compose/use-compose-state.js');
  const { draftLinter } = await import('./compose/draft-linter.js');
  const lintOptions = { cwd: io.cwd, configFile: options.config, useConfigFiles: !options.noConfig };
  let config;
  try {
    config = new Linter(lintOptions).configFor('<text>');
  } catch (error) {
    if (error instanceof ConfigError) {
      io.stderr(`msglint: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const tagData = tags().tags;
  const tagNames = [...Object.keys(tagData).filter((t) => !tagData[t].retired), ...Object.keys(tagData).filter((t) => tagData[t].retired)];
  const initial = initialComposeState(options.preset, tagNames, { channel: config.channel, locale: config.locale });
  const { makeTheme } = await import('./theme.js');
  const { copyToClipboard } = await import('./clipboard.js');
  const { runCompose } = await import('./compose/run.js');
  const exit = await runCompose({ initial, linter: draftLinter(lintOptions), theme: makeTheme(io.env), budget: budgetFromConfig(config), copy: (text) => copyToClipboard(text, io.env) });
  if (exit.kind === 'abort') return 130;
  if (exit.kind === 'discard') {
    io.stderr('msglint compose: draft discarded.\n');
    return 1;
  }
  if (exit.text !== '') io.stdout(exit.text.endsWith('\n') ? exit.text : `${exit.text}\n`);
  if (options.copy) {
    const result = copyToClipboard(exit.text, io.env);
    io.stderr(`msglint compose: ${result.message}\n`);
  }
  return 0;
}
