// The TUI's non-React parts: config word edits, suppression placement, text layout,
// previews, readability, message grouping, and the review session's safety checks.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ruleCatalog } from '../../src/engine/lint.js';
import { grade, syllables } from '../../src/tui/model/readability.js';
import { previewOf } from '../../src/tui/model/preview.js';
import { ReviewSession, splitCommand } from '../../src/tui/model/session.js';
import { addWordToConfigText, WordEditError } from '../../src/tui/model/words.js';
import { cleanReason } from '../../src/tui/model/suppress.js';
import { colorEnabled, makeTheme } from '../../src/tui/theme.js';
import { segmentLine, textWidth, truncate, windowAround, wrap, wrapOffsets } from '../../src/tui/text.js';
import { tempProject } from './helpers.js';

const catalog = ruleCatalog();

describe('adding a word to a config', () => {
  const add = (path: string, text: string, word = 'Zorbl') => addWordToConfigText(path, text, word, catalog);

  it('appends to a YAML block list, keeping comments and layout', () => {
    const text = '# top\nwords:\n  - Coastie   # brand\n\n# rules\nrules:\n  readability: off\n';
    expect(add('/p/.lintrc', text)).toBe('# top\nwords:\n  - Coastie   # brand\n  - Zorbl\n\n# rules\nrules:\n  readability: off\n');
  });

  it('appends to a YAML flow list without reformatting the rest', () => {
    const text = 'extends: [recommended]\nwords: [Coastie, Coasties]\noverrides:\n  - files: ["a/**"]\n    context: { tag: HUMAN_AGENT }\n';
    expect(add('/p/.lintrc', text)).toBe(text.replace('[Coastie, Coasties]', '[Coastie, Coasties, Zorbl]'));
  });

  it('adds a `words` key when there is none, and quotes words YAML would not read back', () => {
    expect(add('/p/.lintrc.yml', 'channel: messenger # default\n')).toBe('channel: messenger # default\nwords:\n  - Zorbl\n');
    expect(add('/p/.lintrc.yml', 'words: []\n', 'true')).toBe('words: ["true"]\n');
    expect(add('/p/.lintrc.yml', 'words:\n  - a\n', "it's: odd")).toBe('words:\n  - a\n  - "it\'s: odd"\n');
  });

  it('edits JSON configs in place', () => {
    expect(add('/p/.lintrc.json', '{\n  "words": ["Coastie"],\n  "channel": "messenger"\n}\n')).toBe('{\n  "words": ["Coastie", "Zorbl"],\n  "channel": "messenger"\n}\n');
    expect(add('/p/.lintrc.json', '{\n  "words": [\n    "Coastie"\n  ]\n}\n')).toBe('{\n  "words": [\n    "Coastie",\n    "Zorbl"\n  ]\n}\n');
    expect(add('/p/.lintrc.json', '{\n  "channel": "messenger"\n}\n')).toBe('{\n  "words": ["Zorbl"],\n  "channel": "messenger"\n}\n');
    expect(add('/p/.lintrc', '{}')).toBe('{ "words": ["Zorbl"] }');
  });

  it('keeps CRLF and a BOM', () => {
    expect(add('/p/.lintrc', '\uFEFFwords:\r\n  - a\r\n')).toBe('\uFEFFwords:\r\n  - a\r\n  - Zorbl\r\n');
  });

  it('refuses duplicates and non-list `words`', () => {
    expect(() => add('/p/.lintrc', 'words: [Zorbl]\n')).toThrow(WordEditError);
    expect(() => add('/p/.lintrc', 'words: Zorbl\n')).toThrow(/not a list/);
  });
});

describe('text layout', () => {
  it('wraps on spaces with offsets, breaks long words, keeps empty lines', () => {
    expect(wrap('aaa bbb ccc', 7)).toEqual(['aaa bbb', 'ccc']);
    expect(wrap('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    expect(wrap('a\n\nb', 10)).toEqual(['a', '', 'b']);
    expect(wrapOffsets('aaa bbb', 4)).toEqual([
      { start: 0, end: 3 },
      { start: 4, end: 7 },
    ]);
  });

  it('measures wide characters and truncates with an ellipsis', () => {
    expect(textWidth('日本')).toBe(4);
    expect(textWidth('👍a')).toBe(3);
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('abc', 4)).toBe('abc');
  });

  it('marks a span inside a wrapped line and windows long texts around a focus', () => {
    const text = 'hello big world';
    expect(segmentLine(text, { start: 6, end: 15 }, [6, 9])).toEqual([
      { text: 'big', mark: true },
      { text: ' world', mark: false },
    ]);
    const lines = wrapOffsets('a b c d e f g h', 1);
    const view = windowAround(lines, 12, 3);
    expect(view.lines.map((l) => l.start)).toEqual([10, 12, 14]);
    expect(view.before).toBe(true);
  });
});

describe('preview and readability', () => {
  it('cuts the notification at the channel budget and counts against the limit', () => {
    const p = previewOf(`${'x'.repeat(120)}  end`, { channel: 'messenger', component: 'text' }, [{ text: 'Talk to a sizing specialist', component: 'quick_reply' }]);
    expect(p.budget).toBe(110);
    expect(p.truncated).toBe(true);
    expect(p.notification).toBe(`${'x'.repeat(110)}…`);
    expect(p.limit).toBe(2000);
    expect(p.chips[0]).toMatchObject({ length: 27, limit: 20, over: true });
    expect(previewOf('Hi', { channel: 'whatsapp', component: 'body' }, [], 49)).toMatchObject({ budget: 49, limit: 1024, truncated: false });
  });

  it('grades English with Flesch reading ease and other languages by sentence length', () => {
    expect(syllables('readability')).toBe(5);
    expect(syllables('the')).toBe(1);
    const easy = grade('Your order has shipped. It arrives on Friday.');
    expect(easy.flesch).toBeGreaterThan(70);
    const hard = grade('Notwithstanding the aforementioned conditions, reimbursement authorisation necessitates comprehensive documentation.');
    expect(hard.flesch).toBeLessThan(30);
    expect(hard.hard).toBe(true);
    const it = grade('Il tuo ordine è stato spedito. Arriva venerdì.', 'it');
    expect(it.flesch).toBeUndefined();
    expect(it.wordsPerSentence).toBe(4);
  });
});

describe('theme and helpers', () => {
  it('turns colours off for NO_COLOR and TERM=dumb', () => {
    expect(colorEnabled({})).toBe(true);
    expect(colorEnabled({ NO_COLOR: '1' })).toBe(false);
    expect(colorEnabled({ NO_COLOR: '' })).toBe(true);
    expect(colorEnabled({ TERM: 'dumb' })).toBe(false);
    const theme = makeTheme({ NO_COLOR: '1' });
    expect([theme.accent, theme.danger, theme.success, ...Object.values(theme.severity)].every((c) => c === undefined)).toBe(true);
  });

  it('splits $EDITOR like a shell and cleans reasons', () => {
    expect(splitCommand('code --wait')).toEqual(['code', '--wait']);
    expect(splitCommand('"/opt/my editor/bin/ed" -n')).toEqual(['/opt/my editor/bin/ed', '-n']);
    expect(cleanReason('  a --> b\n -- c ')).toBe('a - -> b - c');
  });
});

describe('review session', () => {
  let project: ReturnType<typeof tempProject>;
  beforeEach(() => {
    project = tempProject();
  });
  afterEach(() => project.cleanup());

  it('groups chips under their message and maps spans into message text', async () => {
    const session = await ReviewSession.open({ cwd: project.dir, patterns: ['templates/orders.yml'] });
    const items = session.items();
    const chip = items.find((i) => i.finding.ruleId === 'platform-limits')!;
    expect(chip.groupLabel).toBe('welcome');
    expect(chip.message!.text).toBe('Talk to a sizing specialist');
    expect(chip.message!.text.slice(...chip.span!)).toBe('cialist');
    expect(chip.chips.map((c) => c.text)).toEqual(['New arrivals', 'Talk to a sizing specialist']);
    const sarcasm = items.find((i) => i.finding.ruleId === 'no-sarcasm')!;
    // A folded block scalar: the message text is unfolded, the span still exact.
    expect(sarcasm.message!.text.slice(...sarcasm.span!)).toBe('As I already said');
  });

  it('suppresses inside a block scalar with a disable/enable pair around it', async () => {
    const session = await ReviewSession.open({ cwd: project.dir, patterns: ['templates/orders.yml'] });
    const item = session.items().find((i) => i.finding.ruleId === 'no-sarcasm')!;
    const result = session.suppress(item, 'quoted from the customer');
    expect(result.ok).toBe(true);
    const text = project.read('templates/orders.yml');
    expect(text).toContain('    # msglint-disable no-sarcasm -- quoted from the customer\n    text: >-\n');
    expect(text).toContain('# msglint-enable no-sarcasm\n');
    expect(session.items().some((i) => i.finding.ruleId === 'no-sarcasm')).toBe(false);
  });

  it('never writes a file that changed on disk since it was read', async () => {
    const session = await ReviewSession.open({ cwd: project.dir, patterns: ['templates/orders.yml'] });
    const item = session.items().find((i) => i.finding.ruleId === 'spelling')!;
    const path = join(project.dir, 'templates/orders.yml');
    writeFileSync(path, `${readFileSync(path, 'utf8')}\n# changed elsewhere\n`);
    const result = session.applyFix(item, 0);
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/changed on disk/);
    expect(readFileSync(path, 'utf8')).toContain('# changed elsewhere');
    expect(readFileSync(path, 'utf8')).toContain('adress');
  });

  it('refuses to undo over a later change', async () => {
    const session = await ReviewSession.open({ cwd: project.dir, patterns: ['templates/orders.yml'] });
    const path = join(project.dir, 'templates/orders.yml');
    expect(session.applyFix(session.items().find((i) => i.finding.ruleId === 'spelling')!, 0).ok).toBe(true);
    writeFileSync(path, 'messages: []\n');
    const undo = session.undo();
    expect(undo.ok).toBe(false);
    expect(readFileSync(path, 'utf8')).toBe('messages: []\n');
  });

  it('creates .lintrc in the working directory when there is none, and undo removes it', async () => {
    const { rmSync } = await import('node:fs');
    rmSync(join(project.dir, '.lintrc'));
    const session = await ReviewSession.open({ cwd: project.dir, patterns: ['templates/orders.yml'] });
    const item = session.items().find((i) => i.finding.ruleId === 'spelling')!;
    const result = session.addWord(item);
    expect(result).toMatchObject({ ok: true });
    expect(project.read('.lintrc')).toContain('words:\n  - adress\n');
    expect(session.items().some((i) => i.finding.ruleId === 'spelling')).toBe(false);
    expect(session.undo().ok).toBe(true);
    expect(existsSync(join(project.dir, '.lintrc'))).toBe(false);
  });

  it('keeps a UTF-8 BOM and CRLF line ends when fixing', async () => {
    const path = join(project.dir, 'templates/bom.yml');
    writeFileSync(path, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('messages:\r\n  - id: a\r\n    text: Your adress is saved.\r\n')]));
    const session = await ReviewSession.open({ cwd: project.dir, patterns: ['templates/bom.yml'] });
    const item = session.items().find((i) => i.finding.ruleId === 'spelling')!;
    expect(session.applyFix(item, 0).ok).toBe(true);
    const bytes = readFileSync(path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe('messages:\r\n  - id: a\r\n    text: Your address is saved.\r\n');
  });
});
