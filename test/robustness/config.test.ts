// Hostile configuration: a `.lintrc` comes from the repository being linted, so it is input
// like any other. Invalid values must be clear, positioned errors (exit 2); user regular
// expressions and globs must not be able to hang a run; `extends` must not loop, reach out of
// the project, load code, or touch the network; nothing in a config or content file is ever
// executed (the only code msglint loads on request is a formatter named on the command line).
//
// How "no network" is shown: every CLI run here preloads helpers/no-network.mjs
// (`node --import`), which replaces every way out of the process (net/tls/dgram sockets, DNS,
// http/https/http2, fetch, WebSocket, child_process, worker_threads) with a trap that logs the
// attempt to a file and throws; HTTP(S)_PROXY point at a closed local port as well. A test
// passes only if the trap log stays empty.
//
// `it.fails` = a known bug (named in the comment); it starts failing once fixed.
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/engine/config.js';
import { Linter, ruleCatalog } from '../../src/engine/lint.js';
import { GOOD_NAME, GOOD_TEXT, NO_NETWORK, goodFindingPresent, parseJson, removeDir, runCli, tempDir, type RunOptions } from './helpers/cli.js';
import { onlyRules } from './helpers/rules.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeDir));

function project(files: Record<string, string>): string {
  const dir = tempDir('msglint-config-', files);
  dirs.push(dir);
  return dir;
}

/** The CLI with the network/process trap preloaded; `trapped` lists what was attempted. */
async function guarded(args: string[], options: RunOptions & { cwd: string }) {
  const log = join(options.cwd, '.trap.log');
  const run = await runCli(args, {
    timeoutMs: 30_000,
    ...options,
    nodeArgs: ['--import', NO_NETWORK, ...(options.nodeArgs ?? [])],
    env: { MSGLINT_TRAP_LOG: log, HTTP_PROXY: 'http://127.0.0.1:9', HTTPS_PROXY: 'http://127.0.0.1:9', http_proxy: 'http://127.0.0.1:9', https_proxy: 'http://127.0.0.1:9', NO_PROXY: '', ...options.env },
  });
  const trapped = existsSync(log) ? readFileSync(log, 'utf8') : '';
  return { ...run, trapped };
}

function configError(text: string): ConfigError {
  try {
    parseConfig(text, '.lintrc', ruleCatalog());
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw new Error(`not a ConfigError: ${(error as Error).stack}`);
  }
  throw new Error(`no error for config:\n${text}`);
}

describe('invalid .lintrc values: a positioned ConfigError, never a crash', () => {
  // [config text, expected message (after ".lintrc:"), line:column]
  const cases: [string, RegExp, string][] = [
    ['- a\n- b\n', /a config must be a mapping of keys/, '1:1'],
    ['"just a string"\n', /a config must be a mapping of keys/, '1:1'],
    ['rules: [spelling]\n', /`rules` must be a mapping/, '1:8'],
    ['rules:\n  spelling: 7\n', /level must be one of off, info, warn, error \(got 7\)/, '2:13'],
    ['rules:\n  spelling: [warn, 1]\n', /expected \[level\] or \[level, \{options\}\]/, '2:13'],
    ['rules:\n  spelling: [warn, {}, {}]\n', /expected \[level\] or \[level, \{options\}\]/, '2:13'],
    ['rules:\n  max-length: [warn, {maxSentences: "3"}]\n', /option `maxSentences` of `max-length` must be a number/, '2:15'],
    ['rules:\n  max-length: [warn, {maxSentences: .inf}]\n', /must be a number/, '2:15'],
    ['rules:\n  speling: off\n', /unknown rule `speling`; did you mean `spelling`\?/, '2:3'],
    ['rulez: {}\n', /unknown key `rulez`; did you mean `rules`\?/, '1:1'],
    ['words: 5\n', /`words` must be a list of strings/, '1:8'],
    ['words: [a, 1, null]\n', /`words` must be a list of strings/, '1:8'],
    ['channel: fax\n', /`channel` must be one of/, '1:10'],
    ['locale: ../../etc/passwd\n', /`locale` must be a locale/, '1:9'],
    ['policyDate: yesterday\n', /`policyDate` must be a date/, '1:13'],
    ['root: "yes"\n', /`root` must be true or false/, '1:7'],
    ['extends: 42\n', /`extends` must be a list of strings/, '1:10'],
    ['placeholders: ["(unclosed"]\n', /is not a valid regular expression/, '1:16'],
    ['context: {channel: fax}\n', /`context.channel` must be one of/, '1:20'],
    ['context: {shell: "rm -rf /"}\n', /unknown context key `shell`/, '1:11'],
    ['overrides:\n  - rules: {}\n', /needs `files`/, '2:5'],
    ['overrides: {files: x}\n', /`overrides` must be a list/, '1:12'],
    ['ignorePatterns: "*"\n', /`ignorePatterns` must be a list of strings/, '1:17'],
    ['customRules: {x: {type: existence}}\n', /needs `tokens` or `pattern`/, '1:18'],
    ['customRules: {x: {type: evaluate, code: "process.exit(1)"}}\n', /`type` must be one of/, '1:25'],
    ['customRules: {x: {type: existence, pattern: "(a)\\\\1"}}\n', /not a valid regular expression for the linear-time engine/, '1:45'],
    ['customRules: {x: {type: existence, pattern: "(?=a)b"}}\n', /not a valid regular expression for the linear-time engine/, '1:45'],
    ['customRules: {x: {type: existence, pattern: "(?<=a)b"}}\n', /not a valid regular expression for the linear-time engine/, '1:45'],
    ['customRules: {x: {type: metric, formula: "process.exit(1)", condition: "> 1"}}\n', /unknown `process` in formula/, '1:42'],
    ['customRules: {x: {type: metric, formula: "words", condition: "> 1; rm -rf /"}}\n', /must be a comparison/, '1:62'],
    ['customRules: {Bad_Id: {type: existence, tokens: [a]}}\n', /must be lowercase letters, digits and dashes/, '1:15'],
    ['customRules: {spelling: {type: existence, tokens: [a]}}\n', /has the id of a built-in rule/, '1:15'],
    ['rules: {spelling: off}\nrules: {spelling: warn}\n', /invalid config: Map keys must be unique/, '2:1'],
    ['rules: {spelling: off\n', /invalid config/, '2:1'],
    ['\t- tab\n', /invalid config/, '1:1'],
  ];
  for (const [text, message, at] of cases) {
    it(`${JSON.stringify(text).slice(0, 70)} → ${message.source.slice(0, 50)}`, () => {
      const error = configError(text);
      expect(error.message).toMatch(message);
      expect(`${error.line}:${error.column}`).toBe(at);
    });
  }

  it('an alias bomb in a config is read in bounded time and memory', () => {
    const bomb = ['x: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i < 10; i++) bomb.push(`x${i}: &a${i} [${Array(9).fill(i === 1 ? '*a' : `*a${i - 1}`).join(', ')}]`);
    const start = performance.now();
    expect(configError(`${bomb.join('\n')}\n`).message).toMatch(/unknown key `x`/);
    expect(configError(`rules:\n  max-length:\n    - warn\n    - ${bomb.join('\n      ')}\n`).message).toMatch(/unknown option of `max-length`/);
    expect(performance.now() - start).toBeLessThan(2_000);
  });

  it('empty, comment-only and BOM-prefixed configs are fine', () => {
    expect(parseConfig('', '.lintrc', ruleCatalog()).rules).toEqual({});
    expect(parseConfig('# nothing\n', '.lintrc', ruleCatalog()).rules).toEqual({});
  });

  it('through the CLI: exit 2, file:line:column on stderr, every file reported with the error', async () => {
    const dir = project({ '.lintrc': 'rules:\n  spelling: loud\n', [GOOD_NAME]: GOOD_TEXT, 'b.txt': 'Hello.\n' });
    const run = await guarded(['--format', 'json', GOOD_NAME, 'b.txt'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('.lintrc:2:13: rule `spelling`: level must be one of off, info, warn, error (got "loud")');
    const results = parseJson(run);
    expect(results.map((r) => r.filePath)).toEqual([GOOD_NAME, 'b.txt']);
    expect(results.every((r) => r.fatalErrorCount === 1 && /^Configuration error: /.test(r.messages[0].message))).toBe(true);
    expect(run.stderr).not.toMatch(/internal error/i);
    expect(run.trapped).toBe('');
  });

  it('a binary or invalid-UTF-8 .lintrc is a configuration error, not a crash', async () => {
    const dir = project({ [GOOD_NAME]: GOOD_TEXT });
    writeFileSync(join(dir, '.lintrc'), Buffer.from([0x00, 0xff, 0xfe, 0x10, 0x80, 0x0a]));
    const run = await guarded(['--format', 'json', GOOD_NAME], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/\.lintrc:\d+:\d+: /);
    expect(run.stderr).not.toMatch(/internal error/i);
  });

  // Rule ids and option names are looked up as own keys only: Object.prototype names
  // (`constructor`, `toString`, `__proto__`…) are unknown rules and options, and cannot be
  // custom rule ids either.
  it('prototype names are unknown rules', () => {
    for (const id of ['constructor', 'toString', 'hasOwnProperty', '__proto__']) {
      expect(configError(`rules:\n  ${id}: off\n`).message, id).toMatch(new RegExp(`unknown rule \`${id}\``));
    }
    expect(configError('customRules: {constructor: {type: existence, tokens: [a]}}\n').message).toMatch(/custom rule id `constructor` is reserved/);
  });
  it('prototype names are unknown rule options', () => {
    expect(configError('rules:\n  max-length: [warn, {constructor: 1}]\n').message).toMatch(/unknown option of `max-length` `constructor`/);
  });
});

describe('`extends`: no cycles, no code, no network, no reaching out of the project', () => {
  it('cycles of every length are refused with the chain', async () => {
    const dir = project({
      'self/.lintrc': 'root: true\nextends: ./.lintrc\n',
      'self/a.txt': 'Hello.\n',
      'two/.lintrc': 'root: true\nextends: ./b.yml\n',
      'two/b.yml': 'extends: ./.lintrc\n',
      'two/a.txt': 'Hello.\n',
      'three/.lintrc': 'root: true\nextends: [recommended, ./b.yml]\n',
      'three/b.yml': 'extends: ./c.yml\n',
      'three/c.yml': 'extends: [strict, ./b.yml]\n',
      'three/a.txt': 'Hello.\n',
      [GOOD_NAME]: GOOD_TEXT,
    });
    const runs = await Promise.all(['self', 'two', 'three'].map((d) => guarded(['--format', 'json', `${d}/a.txt`], { cwd: dir })));
    for (const [i, run] of runs.entries()) {
      expect(run.killed, ['self', 'two', 'three'][i]).toBeUndefined();
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/`extends` cycle: .+ → .+/);
      expect(run.trapped).toBe('');
    }
    expect(runs[2].stderr).toMatch(/b\.yml → .*c\.yml → .*b\.yml/);
  });

  it('a long (acyclic) chain of 200 extends is fine', () => {
    const files: Record<string, string> = { '.lintrc': 'root: true\nextends: ./c0.yml\n', 'a.txt': 'Hello.\n' };
    for (let i = 0; i < 200; i++) files[`c${i}.yml`] = i < 199 ? `extends: ./c${i + 1}.yml\nwords: [W${i}]\n` : 'words: [Last]\n';
    const dir = project(files);
    const linter = new Linter({ cwd: dir });
    expect(linter.configFor(join(dir, 'a.txt')).words).toHaveLength(200);
  });

  it('a package that is not msglint-config-*, a URL, or a JS file: refused, nothing executed', async () => {
    const marker = (dir: string) => join(dir, 'PWNED');
    const evil = (dir: string) => `require('node:fs').writeFileSync(${JSON.stringify(marker(dir))}, 'x'); module.exports = { rules: {} };\n`;
    const dir = project({ [GOOD_NAME]: GOOD_TEXT });
    const cases: [string, Record<string, string>, RegExp][] = [
      ['lodash', {}, /unknown preset or package `lodash`/],
      ['some-npm-package-that-is-not-msglint-config-x', {}, /unknown preset or package/],
      ['https://evil.example/msglint.yml', {}, /unknown preset or package|no such config file/],
      ['./evil.js', { 'evil.js': evil(dir) }, /a config must be a mapping|invalid config/],
      ['./evil.cjs', { 'evil.cjs': evil(dir) }, /a config must be a mapping|invalid config/],
      ['./evil.mjs', { 'evil.mjs': `import fs from 'node:fs'; fs.writeFileSync(${JSON.stringify(marker(dir))}, 'x');\n` }, /a config must be a mapping|invalid config/],
      ['msglint-config-evil', { 'node_modules/msglint-config-evil/package.json': '{"name": "msglint-config-evil", "main": "index.js", "msglint": "index.js"}', 'node_modules/msglint-config-evil/index.js': evil(dir) }, /has no config data file/],
      ['msglint-config-main', { 'node_modules/msglint-config-main/package.json': '{"name": "msglint-config-main", "main": "index.js"}', 'node_modules/msglint-config-main/index.js': evil(dir) }, /has no config data file/],
      ['msglint-config-missing', {}, /cannot find the package `msglint-config-missing`/],
    ];
    const runs = await Promise.all(
      cases.map(async ([name, files], i) => {
        const sub = join(dir, `case${i}`);
        mkdirSync(sub);
        for (const [f, content] of Object.entries({ ...files, '.lintrc': `root: true\nextends: ${JSON.stringify(name)}\n`, [GOOD_NAME]: GOOD_TEXT })) {
          mkdirSync(join(sub, f, '..'), { recursive: true });
          writeFileSync(join(sub, f), content);
        }
        return guarded(['--format', 'json', GOOD_NAME], { cwd: sub });
      }),
    );
    for (const [i, run] of runs.entries()) {
      const [name, , message] = cases[i];
      expect(run.code, name).toBe(2);
      expect(run.stderr, name).toMatch(message);
      expect(run.stderr, name).not.toMatch(/internal error/i);
      expect(run.trapped, name).toBe('');
    }
    expect(existsSync(marker(dir))).toBe(false);
  }, 60_000);

  it('a shareable config package is read as data (its JS is never run)', async () => {
    const dir = project({ 'a.txt': 'Hello Coastie, thanks for expresing interest.\n' });
    const marker = join(dir, 'PWNED');
    writeFileSync(join(dir, '.lintrc'), 'root: true\nextends: msglint-config-data\n');
    mkdirSync(join(dir, 'node_modules', 'msglint-config-data'), { recursive: true });
    writeFileSync(join(dir, 'node_modules', 'msglint-config-data', 'package.json'), JSON.stringify({ name: 'msglint-config-data', main: 'index.js', msglint: 'config.yml', scripts: { postinstall: `touch ${marker}` } }));
    writeFileSync(join(dir, 'node_modules', 'msglint-config-data', 'index.js'), `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'x');\n`);
    writeFileSync(join(dir, 'node_modules', 'msglint-config-data', 'config.yml'), 'words: [Coastie]\n');
    const run = await guarded(['--format', 'json', 'a.txt'], { cwd: dir });
    const results = parseJson(run);
    expect(results[0].messages.map((m) => m.message).join('\n')).not.toContain('Coastie');
    expect(results[0].messages.some((m) => /expresing/.test(m.message))).toBe(true);
    expect(existsSync(marker)).toBe(false);
    expect(run.trapped).toBe('');
  });

  // Presets are looked up as own keys: `extends: constructor` (or toString, __proto__…) is
  // an unknown preset, a positioned configuration error.
  it('`extends: constructor` is an unknown preset, not an internal error', async () => {
    const dir = project({ '.lintrc': 'root: true\nextends: constructor\n', [GOOD_NAME]: GOOD_TEXT });
    const run = await guarded(['--format', 'json', GOOD_NAME], { cwd: dir });
    expect(run.stderr).not.toMatch(/internal error/i);
    expect(run.stderr).toMatch(/\.lintrc:2:10: `extends`: unknown preset or package `constructor`/);
  });

  // `extends` paths stay inside the project (the folder of the root .lintrc; with --config,
  // that file's folder and the working directory), also through symbolic links, and a
  // package's `msglint` field stays inside the package: anything else is refused — whether it
  // exists or not — with a positioned error, before it is read.
  it('extends: ../../../etc/passwd is refused, never read', async () => {
    const dir = project({ 'p/.lintrc': 'root: true\nextends: ../../../../../../../../etc/passwd\n', [`p/${GOOD_NAME}`]: GOOD_TEXT });
    const run = await guarded(['--format', 'json', GOOD_NAME], { cwd: join(dir, 'p') });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/\.lintrc:2:10: `extends`: `\.\.\/.*etc\/passwd` is outside the project/);
    expect(run.stderr).not.toMatch(/a config must be a mapping/);
    expect(run.trapped).toBe('');
  });
  it('a config file outside the project (above the root .lintrc) is refused in `extends`', async () => {
    const dir = project({
      'outside/evil.yml': 'rules:\n  spelling: off\n',
      'project/.lintrc': 'root: true\nextends: ../outside/evil.yml\n',
      [`project/${GOOD_NAME}`]: GOOD_TEXT,
      // A second project: a nested config may extend a file beside the root one, but not a
      // symbolic link that points out, nor a package file outside the package.
      'p2/.lintrc': 'root: true\n',
      'p2/shared.yml': 'words: [Coastie]\n',
      'p2/sub/.lintrc': 'extends: [../shared.yml]\n',
      'p2/linked/.lintrc': 'extends: ../link.yml\n',
      'p2/pkg/.lintrc': 'extends: msglint-config-escape\n',
      'p2/pkg/node_modules/msglint-config-escape/package.json': '{"name": "msglint-config-escape", "msglint": "../../../../outside/evil.yml"}',
    });
    symlinkSync(join(dir, 'outside', 'evil.yml'), join(dir, 'p2', 'link.yml'));
    const run = await guarded(['--format', 'json', GOOD_NAME], { cwd: join(dir, 'project') });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/\.lintrc:2:10: `extends`: `\.\.\/outside\/evil\.yml` is outside the project/);
    const linter = new Linter({ cwd: dir });
    expect(linter.configFor(join(dir, 'p2', 'sub', 'a.txt')).words).toEqual(['Coastie']);
    expect(() => linter.configFor(join(dir, 'p2', 'linked', 'a.txt'))).toThrow(/linked\/\.lintrc:1:10: `extends`: `\.\.\/link\.yml` is outside the project/);
    expect(() => linter.configFor(join(dir, 'p2', 'pkg', 'a.txt'))).toThrow(/the config file of `msglint-config-escape` is outside the package/);
  });
});

describe('user regular expressions and globs cannot hang a run', () => {
  it('catastrophic patterns in customRules run in linear time (re2js) on a 100 KB adversarial input', async () => {
    const patterns = ['(a+)+$', '(a|a)*b', '(a|aa)+$', '(x+x+)+y', '([a-z]+)*[0-9]', '(.*a){20}', '(a+)+!'];
    const customRules = Object.fromEntries(patterns.map((p, i) => [`evil-${i}`, { type: 'existence', pattern: p, message: `matched ${i}` }]));
    const keep = Object.keys(customRules);
    const dir = project({ '.lintrc': await onlyRules(keep, { customRules }), 'a.txt': `${'a'.repeat(100_000)}!\n`, 'b.txt': `${'x'.repeat(50_000)} ${'a'.repeat(50_000)}\n` });
    const run = await guarded(['--format', 'json', 'a.txt', 'b.txt'], { cwd: dir, timeoutMs: 30_000 });
    expect(run.killed).toBeUndefined();
    expect(run.ms).toBeLessThan(20_000);
    const results = parseJson(run);
    expect(results[0].messages.some((m) => m.message === 'matched 6')).toBe(true); // `(a+)+!` matches: the rules did run
    expect(results[1].messages.some((m) => m.message === 'matched 0')).toBe(true); // `(a+)+$` matches the trailing a's
    expect(run.code).not.toBe(2);
  }, 40_000);

  // `placeholders` patterns run on re2js (linear time), as customRules do; what it cannot
  // run (backreferences, lookaround) is a positioned configuration error.
  it.concurrent('a catastrophic `placeholders` pattern cannot hang a run', async () => {
    const dir = project({ '.lintrc': await onlyRules([], { placeholders: ['(a+)+$'] }), 'a.txt': `${'a'.repeat(32)}!\n` });
    const run = await guarded(['--format', 'json', 'a.txt'], { cwd: dir, timeoutMs: 6_000 });
    expect(run.killed).toBeUndefined();
  }, 20_000);

  // `overrides[].files`/`excludedFiles`, `ignorePatterns` and `formats[].files` globs are
  // compiled to RE2 and matched in linear time (src/engine/glob.ts).
  it.concurrent('a catastrophic glob in `overrides[].files` cannot hang a run', async () => {
    const name = `${'a'.repeat(60)}.txt`;
    const dir = project({ '.lintrc': await onlyRules([], { overrides: [{ files: ['*a*a*a*a*a*a*a*a*a*ab'], rules: {} }] }), [name]: 'Hello.\n' });
    const run = await guarded(['--format', 'json', name], { cwd: dir, timeoutMs: 6_000 });
    expect(run.killed).toBeUndefined();
  }, 20_000);
  it.concurrent('a catastrophic glob in `formats[].files` cannot hang a run; an unusable one is a positioned config error', async () => {
    const name = `${'a'.repeat(60)}.json`;
    const formats = (glob: string) => [{ files: [glob], text: ['$.msg'] }];
    const dir = project({ '.lintrc': await onlyRules([], { formats: formats('*a*a*a*a*a*a*a*a*a*a*a*a*a*a*ab') }), [name]: '{"msg": "Hello."}\n' });
    const run = await guarded(['--format', 'json', name], { cwd: dir, timeoutMs: 6_000 });
    expect(run.killed).toBeUndefined();
    const tooLong = project({ '.lintrc': await onlyRules([], { formats: formats('a'.repeat(2_000)) }), [name]: '{"msg": "Hello."}\n' });
    const refused = await guarded(['--format', 'json', name], { cwd: tooLong, timeoutMs: 6_000 });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/\.lintrc:\d+:\d+: `formats\[0\]\.files\[0\]`: .*a glob is limited to 1024 characters/);
  }, 20_000);
});

describe('nothing from a config or content file is ever executed; no network', () => {
  it('JS-looking content is linted as text; JS files are neither linted nor run; the CLI formatter flag is the only code loaded', async () => {
    const dir = project({ [GOOD_NAME]: GOOD_TEXT });
    const marker = join(dir, 'PWNED');
    const payload = `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'x')`;
    const files: Record<string, string> = {
      '.lintrc.js': `${payload};\nmodule.exports = {};\n`,
      '.lintrc.cjs': `${payload};\n`,
      'msglint.config.js': `${payload};\n`,
      'msglint.config.mjs': `import fs from 'node:fs'; fs.writeFileSync(${JSON.stringify(marker)}, 'x');\n`,
      'content/evil.js': `${payload};\n`,
      'content/evil.mjs': `import fs from 'node:fs'; fs.writeFileSync(${JSON.stringify(marker)}, 'x');\n`,
      'content/bot.lg': `# Greeting\n- Hello \${require('child_process').execSync('touch ${marker}')} and \${process.exit(3)}\n`,
      'content/draft.md': `---\nchannel: messenger\n---\nHello <script>${payload}</script> <img src=x onerror="${payload}">\n`,
      'content/catalogue.yml': `messages:\n  - text: "\${process.exit(3)} {{constructor.constructor('return process')().exit(3)}}"\n    id: !!js/function "function () { ${payload} }"\n`,
      'content/catalogue.json': `{"messages": [{"text": "Hi {{__proto__}} there", "__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}]}\n`,
      'content/locales/en.json': '{"__proto__": {"polluted": "yes"}, "greeting": {"welcome": "Hello there."}}\n',
      'content/domain.yml': `version: "3.1"\nresponses:\n  utter_greet:\n    - text: Hello there.\n      condition:\n        - __proto__: {polluted: yes}\n`,
    };
    for (const [name, content] of Object.entries(files)) {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), content);
    }
    const run = await guarded(['--format', 'json', '.'], { cwd: dir });
    expect(run.trapped).toBe('');
    expect(run.code).not.toBeNull();
    expect([0, 1, 2]).toContain(run.code); // never 3 (process.exit(3) was not run)
    const results = parseJson(run);
    expect(results.map((r) => r.filePath).sort()).toEqual(['content/bot.lg', 'content/catalogue.json', 'content/catalogue.yml', 'content/domain.yml', 'content/draft.md', 'content/locales/en.json', GOOD_NAME].sort());
    expect(goodFindingPresent(results)).toBe(true);
    expect(existsSync(marker)).toBe(false);

    // Positive control: the marker mechanism works, and a formatter named on the command line
    // IS loaded and run (documented: the only way to make msglint run code).
    writeFileSync(join(dir, 'fmt.mjs'), `import fs from 'node:fs';\nexport default (results) => { fs.writeFileSync(${JSON.stringify(marker)}, 'formatter'); return String(results.length); };\n`);
    const withFormatter = await guarded(['--format', './fmt.mjs', GOOD_NAME], { cwd: dir });
    expect(withFormatter.stdout).toBe('1');
    expect(readFileSync(marker, 'utf8')).toBe('formatter');
  }, 60_000);

  it('a formatter can only come from the command line: `format`/`formatter` keys in .lintrc are refused', () => {
    expect(configError('format: ./fmt.mjs\n').message).toMatch(/unknown key `format`/);
    expect(configError('formatter: ./fmt.mjs\n').message).toMatch(/unknown key `formatter`/);
    expect(configError('plugins: [./evil.js]\n').message).toMatch(/unknown key `plugins`/);
  });

  it('hostile keys in content and config never pollute Object.prototype (in process)', () => {
    const dir = project({
      '.lintrc': 'root: true\nrules:\n  max-length: [warn, {maxSentences: 3}]\ncontext: {kind: update}\n',
      'a.json': '{"messages": [{"text": "Hello there.", "__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}]}\n',
      'domain.yml': 'version: "3.1"\nresponses:\n  utter_greet:\n    - text: Hello there.\n      condition:\n        - {__proto__: {polluted: yes}, constructor: {prototype: {polluted: yes}}}\n',
      'locales/en.json': '{"__proto__": {"polluted": "yes"}, "a": {"b": "Hello there."}}\n',
      'b.md': '---\n__proto__: {polluted: yes}\n---\nHello there.\n',
    });
    const linter = new Linter({ cwd: dir });
    for (const file of ['a.json', 'domain.yml', 'locales/en.json', 'b.md']) linter.lintFile(file);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('`$schema` URLs, URLs in messages and e-mail addresses cause no network request', async () => {
    const dir = project({
      '.lintrc': 'root: true\n$schema: https://json.schemastore.org/msglint.json\nwords: [Coastie]\n',
      'a.yml': 'messages:\n  - text: "See https://example.com/track?id=1 or write to help@example.org, www.example.it"\n',
      [GOOD_NAME]: GOOD_TEXT,
    });
    const run = await guarded(['--format', 'json', 'a.yml', GOOD_NAME], { cwd: dir });
    expect(run.trapped).toBe('');
    expect(goodFindingPresent(parseJson(run))).toBe(true);
  });

  it('the trap itself works (a process that does use the network is caught)', async () => {
    const dir = project({});
    writeFileSync(join(dir, 'net.mjs'), "import http from 'node:http';\ntry { http.get('http://example.com/'); } catch {}\ntry { await fetch('http://example.com/'); } catch {}\nexport default () => '';\n");
    const run = await guarded(['--format', './net.mjs', '--stdin'], { cwd: dir, input: 'Hello.\n' });
    expect(run.trapped).toMatch(/node:http\.get/);
    expect(run.trapped).toMatch(/fetch/);
  });
});
