import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/engine/config.js';
import { ConfigResolver } from '../../src/engine/config-resolve.js';
import { IgnoreRules } from '../../src/engine/ignore.js';
import { Linter, ruleCatalog } from '../../src/engine/lint.js';

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'msglint-config-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

function configError(text: string): ConfigError {
  try {
    parseConfig(text, '.lintrc', ruleCatalog());
  } catch (error) {
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('config validation', () => {
  it('points at unknown keys, rules and options with suggestions', () => {
    expect(configError('chanel: messenger').message).toBe('.lintrc:1:1: unknown key `chanel`; did you mean `channel`?');
    expect(configError('rules:\n  max-lenght: warn').message).toBe('.lintrc:2:3: unknown rule `max-lenght`; did you mean `max-length`?');
    expect(configError('rules:\n  max-length: [warn, {maxSentence: 2}]').message).toContain('.lintrc:2:15: rule `max-length`: unknown option of `max-length` `maxSentence`; did you mean `maxSentences`?');
    expect(configError('rules:\n  max-length: [warn, {maxSentences: two}]').message).toContain('must be a number');
    expect(configError('rules:\n  spelling: loud').message).toContain('level must be one of off, info, warn, error');
    expect(configError('channel: telegram').message).toContain('.lintrc:1:10: `channel` must be one of');
    expect(configError('policyDate: 2026-13-45').message).toContain('`policyDate` must be a date');
    expect(configError('overrides:\n  - rules: {}').message).toContain('needs `files`');
    expect(configError('overrides:\n  - files: a\n    contxt: {}').message).toContain('did you mean `context`?');
    expect(configError('placeholders: ["(unclosed"]').message).toContain('not a valid regular expression');
    // Placeholders run on re2js (linear time): lookaround and backreferences are refused.
    expect(configError('placeholders: ["x", "(?<=a)b"]').message).toMatch(/^\.lintrc:1:21: `placeholders\[1\]` is not a valid regular expression for the linear-time engine/);
    // Globs are matched in linear time (glob.ts): what it cannot match is refused where written.
    expect(configError('overrides:\n  - files: ["a.md", "!(draft)*.md"]').message).toMatch(/^\.lintrc:2:21: `overrides\[0\]\.files\[1\]` is not a supported glob: the negated extglob/);
    expect(configError('overrides:\n  - files: a.md\n    excludedFiles: "{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}"').message).toMatch(/^\.lintrc:3:20: `overrides\[0\]\.excludedFiles\[0\]` is not a supported glob: more than 256 alternatives/);
    expect(configError('ignorePatterns: ["{1..99999}.md"]').message).toMatch(/^\.lintrc:1:18: `ignorePatterns\[0\]` is not a supported glob/);
    expect(configError('{"rules": {"spelling": "off",}').message).toMatch(/^\.lintrc:\d+:\d+: invalid config/);
  });

  it('accepts JSON and YAML with every documented key', () => {
    const config = parseConfig(
      '{"root": true, "extends": ["recommended"], "channel": "whatsapp", "locale": "it-IT", "policyDate": "2026-01-01", "words": ["Coastie"], "placeholders": ["\\\\[\\\\[(\\\\w+)\\\\]\\\\]"], "context": {"tag": "HUMAN_AGENT"}, "ignorePatterns": ["old/**"], "rules": {"spelling": ["warn", {"maxSuggestions": 1}]}, "overrides": [{"files": "*.md", "rules": {"spelling": "off"}}]}',
      '.lintrc.json',
      ruleCatalog(),
    );
    expect(config).toMatchObject({ root: true, channel: 'whatsapp', locale: 'it-IT', policyDate: '2026-01-01', context: { tag: 'HUMAN_AGENT' } });
    expect(config.overrides[0].files).toEqual(['*.md']);
  });
});

describe('config resolution', () => {
  it('cascades from the file up to root: true, nearer configs winning', () => {
    const dir = tree({
      '.lintrc': 'words: [Outer]\nrules:\n  readability: off',
      'project/.lintrc': 'root: true\nwords: [Acme]\nrules:\n  max-length: [warn, {maxSentences: 2}]',
      'project/sub/.lintrc': 'words: [Sub]\nrules:\n  max-length: error',
      'project/sub/a.txt': '',
    });
    const resolver = new ConfigResolver(ruleCatalog());
    const config = resolver.forFile(join(dir, 'project/sub/a.txt'));
    expect(config.words).toEqual(['Acme', 'Sub']);
    expect(config.rules['max-length']).toEqual(['error', { maxSentences: 2 }]); // a bare level keeps the options
    expect(config.rules.readability).toBeUndefined(); // above root: true
  });

  it('extends presets, files and shareable packages, and detects cycles', () => {
    const dir = tree({
      '.lintrc': 'root: true\nextends: [strict, whatsapp, ./base.yml, msglint-config-acme]',
      'base.yml': 'words: [Base]',
      'node_modules/msglint-config-acme/package.json': '{"name": "msglint-config-acme", "msglint": "acme.yml"}',
      'node_modules/msglint-config-acme/acme.yml': 'words: [Acme]\nrules:\n  spelling: warn',
      'cycle/.lintrc': 'root: true\nextends: ./a.yml',
      'cycle/a.yml': 'extends: ./b.yml',
      'cycle/b.yml': 'extends: ./a.yml',
      'bad/.lintrc': 'root: true\nextends: ./missing.yml',
      'outside/.lintrc': 'root: true\nextends:\n  - recommended\n  - ../base.yml',
    });
    const resolver = new ConfigResolver(ruleCatalog());
    const config = resolver.forFile(join(dir, 'x.txt'));
    expect(config.channel).toBe('whatsapp');
    expect(config.words).toEqual(['Base', 'Acme']);
    expect(config.rules['max-length']).toEqual(['error', { maxSentences: 2 }]);
    expect(config.rules.spelling).toBe('warn');
    expect(() => resolver.forFile(join(dir, 'cycle/x.txt'))).toThrow(/`extends` cycle/);
    expect(() => resolver.forFile(join(dir, 'bad/x.txt'))).toThrow(/bad\/\.lintrc:2:10: `extends`: no such config file/);
    // Above the root config: refused at the entry's position (base.yml exists, but is not read).
    expect(() => resolver.forFile(join(dir, 'outside/x.txt'))).toThrow(/outside\/\.lintrc:4:5: `extends`: `\.\.\/base\.yml` is outside the project/);
    const unknown = tree({ '.lintrc': 'extends: some-random-package' });
    expect(() => new ConfigResolver(ruleCatalog()).forFile(join(unknown, 'x.txt'))).toThrow(/unknown preset or package `some-random-package`/);
  });

  it('applies overrides by glob, including message context', () => {
    const dir = tree({
      '.lintrc': [
        'root: true',
        'overrides:',
        '  - files: ["templates/updates/**"]',
        '    excludedFiles: ["**/draft-*"]',
        '    context: { messagingType: MESSAGE_TAG, tag: POST_PURCHASE_UPDATE }',
        '  - files: "*.md"',
        '    rules: { spelling: off }',
      ].join('\n'),
      'templates/updates/shipped.txt': 'Your parcel shipped! Shop now for 20% off.\n',
      'templates/updates/draft-x.txt': 'Shop now for 20% off.\n',
      'notes/a.md': 'Tpyo here.\n',
    });
    const linter = new Linter({ cwd: dir });
    const shipped = linter.lintFile('templates/updates/shipped.txt')!;
    expect(shipped.findings.filter((f) => f.ruleId === 'no-promotional-content').map((f) => f.message)).toHaveLength(2);
    expect(shipped.findings.some((f) => f.ruleId === 'valid-message-tag')).toBe(true);
    expect(linter.lintFile('templates/updates/draft-x.txt')!.findings.some((f) => f.ruleId === 'no-promotional-content')).toBe(false);
    expect(linter.lintFile('notes/a.md')!.findings.some((f) => f.ruleId === 'spelling')).toBe(false);
  });
});

describe('ignore rules', () => {
  it('reads .lintignore, --ignore-pattern and config ignorePatterns', () => {
    const dir = tree({ '.lintignore': 'archive/\n*.draft.md\n!keep.draft.md\n', 'sub/.lintrc': 'ignorePatterns: ["legacy/**"]' });
    const rules = new IgnoreRules({ cwd: dir, patterns: ['tmp/*.txt'] });
    expect(rules.ignored(join(dir, 'archive/a.txt'))).toBe(true);
    expect(rules.ignored(join(dir, 'x.draft.md'))).toBe(true);
    expect(rules.ignored(join(dir, 'keep.draft.md'))).toBe(false);
    expect(rules.ignored(join(dir, 'tmp/a.txt'))).toBe(true);
    expect(rules.ignored(join(dir, 'a.txt'))).toBe(false);
    const config = new ConfigResolver(ruleCatalog()).forFile(join(dir, 'sub/legacy/a.txt'));
    expect(rules.ignored(join(dir, 'sub/legacy/a.txt'), config.ignorePatterns)).toBe(true);
    expect(rules.ignored(join(dir, 'legacy/a.txt'), config.ignorePatterns)).toBe(false);
    expect(new IgnoreRules({ cwd: dir, enabled: false }).ignored(join(dir, 'archive/a.txt'))).toBe(false);
  });
});

describe('custom formats from .lintrc', () => {
  it('reads any JSON/YAML through `formats` selectors, with context from the data', () => {
    const dir = tree({
      '.lintrc': 'root: true\nformats:\n  - files: "bot/*.json"\n    text: "$.intents[*].reply"\n    context:\n      tag: "^.tag"\n      channel: messenger\n',
      'bot/flows.json': JSON.stringify({ intents: [{ tag: 'POST_PURCHASE_UPDATE', reply: 'Shipped! Use code SAVE10 now.' }, { reply: 'Fine.' }] }, null, 2),
    });
    const result = new Linter({ cwd: dir }).lintFile('bot/flows.json')!;
    const promo = result.findings.find((f) => f.ruleId === 'no-promotional-content')!;
    expect(promo).toMatchObject({ line: 5, messageId: expect.stringContaining('reply') });
    expect(result.findings.some((f) => f.ruleId === 'valid-message-tag' && f.line === 4)).toBe(true);
  });

  it('reports a broken selector at its position', () => {
    const dir = tree({ '.lintrc': 'formats:\n  - files: "*.json"\n    text: "$.a[*"\n' });
    expect(() => new ConfigResolver(ruleCatalog()).forFile(join(dir, 'x.json'))).toThrow(/\.lintrc:3:\d+: /);
  });
});

describe('extends stays inside the project', () => {
  it('with --config: files inside the config\'s folder or the working directory', () => {
    const dir = tree({
      '.lintrc.base.yml': 'words: [Base]',
      'configs/ci.yml': 'extends: [../.lintrc.base.yml, ./more.yml]',
      'configs/more.yml': 'words: [More]',
      'configs/escape.yml': 'extends: ../../x.yml',
    });
    const resolver = new ConfigResolver(ruleCatalog(), dir);
    expect(resolver.forFileWith(join(dir, 'configs/ci.yml'), join(dir, 'a.txt')).words).toEqual(['Base', 'More']);
    expect(() => resolver.forFileWith(join(dir, 'configs/escape.yml'), join(dir, 'a.txt'))).toThrow(/escape\.yml:1:10: `extends`: `\.\.\/\.\.\/x\.yml` is outside the project/);
    // Run from configs/, the project is configs/ only.
    expect(() => new ConfigResolver(ruleCatalog(), join(dir, 'configs')).forFileWith(join(dir, 'configs/ci.yml'), join(dir, 'a.txt'))).toThrow(/is outside the project/);
  });
});

describe('placeholders from .lintrc', () => {
  it('custom patterns (re2js) mark placeholders, with group 1 as the name', () => {
    const dir = tree({ '.lintrc': 'root: true\nplaceholders: ["\\\\[\\\\[(\\\\w+)\\\\]\\\\]", "<<\\\\w+>>"]\n', 'a.txt': 'Hi 😀 [[frist_nmae]] and <<ordr_idd>>, your order has shipped.\n' });
    const linter = new Linter({ cwd: dir });
    expect(linter.configFor(join(dir, 'a.txt')).placeholders).toEqual(['\\[\\[(\\w+)\\]\\]', '<<\\w+>>']);
    const spelling = linter.lintFile('a.txt')!.findings.filter((f) => f.ruleId === 'spelling');
    expect(spelling).toEqual([]);
  });
});

describe('messageContext', () => {
  it('sets context for messages by id pattern, over the format heuristics', () => {
    const dir = tree({
      '.lintrc': 'root: true\nmessageContext:\n  - id: "care.*"\n    context: { kind: closing }\n  - id: "promo.banner"\n    context: { promotional: false }\n',
      'locales/en.json': JSON.stringify({ care: { done: 'Your ticket is closed.' }, promo: { banner: 'Summer sale: 20% off!' }, other: 'Your ticket is closed.' }, null, 2),
    });
    const findings = new Linter({ cwd: dir }).lintFile('locales/en.json')!.findings;
    expect(findings.filter((f) => f.ruleId === 'require-closing').map((f) => f.messageId)).toEqual(['care.done']);
    expect(findings.filter((f) => f.ruleId === 'no-promotional-content').map((f) => f.messageId)).toEqual(['promo.banner', 'promo.banner']);
  });
});

