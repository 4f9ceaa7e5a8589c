// The review screen, driven with keys on a temp copy of the fixture project (80×24).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, render } from 'ink-testing-library';
import { createElement } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReviewSession, type EditorCommand } from '../../src/tui/model/session.js';
import { ReviewApp } from '../../src/tui/review/review-app.js';
import { makeTheme } from '../../src/tui/theme.js';
import { KEY, press, ready, tempProject, type, waitForFrame } from './helpers.js';

const theme = makeTheme({ NO_COLOR: '1' });

let project: ReturnType<typeof tempProject>;
beforeEach(() => {
  project = tempProject();
});
afterEach(() => {
  cleanup();
  project.cleanup();
});

async function mount(options: { width?: number; height?: number; runEditor?: (c: EditorCommand) => { error?: string } } = {}) {
  const session = await ReviewSession.open({ cwd: project.dir, patterns: ['.'] });
  const quit = { called: false };
  const editorCalls: EditorCommand[] = [];
  const r = render(
    createElement(ReviewApp, {
      session,
      width: options.width ?? 80,
      height: options.height ?? 24,
      theme,
      env: { EDITOR: 'my-editor --wait' },
      onQuit: () => {
        quit.called = true;
      },
      runEditor: (command: EditorCommand) => {
        editorCalls.push(command);
        return options.runEditor?.(command) ?? {};
      },
    }),
  );
  await waitForFrame(r, (f) => f.includes('msglint review'));
  await ready(r);
  return { r, session, quit, editorCalls };
}

/** Moves the selection down until the detail pane shows `rule`. */
async function select(r: Awaited<ReturnType<typeof mount>>['r'], search: string) {
  await press(r, '/', (f) => f.includes('Enter keep'));
  await type(r, search, (f, typed) => f.includes(`/${typed}`));
  await press(r, KEY.enter, (f) => f.includes(`/${search}`) && !f.includes('Enter keep'));
}

describe('msglint review', () => {
  it('lays out files, messages, findings, detail and preview in 80×24', async () => {
    const { r } = await mount();
    const frame = r.lastFrame()!;
    const lines = frame.split('\n');
    expect(lines.length).toBeLessThanOrEqual(23);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(80);
    expect(frame).toContain('3 files');
    expect(frame).toContain('✖ 3'); // errors: 2 promotional + 1 platform-limits
    expect(frame).toContain('⚠ 3');
    expect(frame).toContain('drafts/notice.md');
    expect(frame).toContain('1/6');
    expect(frame).toContain('rules: no-promotional-content 2');
    expect(frame).toContain('WhatsApp preview');
    expect(frame).toContain('? help');
  });

  it('navigates with j/k and across files with ]', async () => {
    const { r } = await mount();
    await press(r, 'j', (f) => f.includes('2/6') && f.includes('only 3 left'));
    await press(r, ']', (f) => f.includes('3/6') && f.includes('Unknown word `adress`'));
    await press(r, 'k', (f) => f.includes('2/6'));
    await press(r, 'G', (f) => f.includes('6/6') && f.includes('Obviously'));
    await press(r, 'g', (f) => f.includes('1/6'));
  });

  it('shows the whole message with its context, help, suggestions and docs, and the preview chips', async () => {
    const { r } = await mount();
    await select(r, 'adress');
    const frame = r.lastFrame()!;
    expect(frame).toContain('wrap-up');
    expect(frame).toContain('messenger · kind closing');
    expect(frame).toContain('Your return label was sent to your email');
    expect(frame).toContain('suggestions: 1 address  2 dress  3 a dress');
    expect(frame).toContain('help: Fix the typo');
    expect(frame).toContain('docs:');
    expect(frame).toContain('77/2000 chars');
    await press(r, KEY.escape, (f) => !f.includes('/adress'));
    await select(r, 'sizing');
    const chips = r.lastFrame()!;
    expect(chips).toContain('[New arrivals] 12/20');
    expect(chips).toMatch(/\[Talk to a sizing[^\]]*\] 27\/20 ✖/);
    expect(chips).toContain('quick reply 2 in welcome');
  });

  it('filters by rule (picker with counts) and by severity', async () => {
    const { r } = await mount();
    await press(r, 'r', (f) => f.includes('Filter by rule') && f.includes('all rules') && f.includes('no-sarcasm'));
    // Entries: all, no-promotional-content (2), no-sarcasm (2), platform-limits, spelling.
    await press(r, KEY.down, (f) => f.includes('▸ no-promotional-content'));
    await press(r, KEY.down, (f) => f.includes('▸ no-sarcasm'));
    await press(r, KEY.enter, (f) => f.includes('rule:no-sarcasm') && f.includes('1/2'));
    expect(r.lastFrame()).not.toContain('adress');
    // Clearing keeps the selected finding.
    await press(r, 'c', (f) => f.includes('5/6') && !f.includes('rule:'));
    await press(r, 'v', (f) => f.includes('errors only') && f.includes('1/3'));
    await press(r, 'v', (f) => f.includes('warnings only') && f.includes('1/3') && f.includes('Unknown word'));
    await press(r, KEY.escape, (f) => f.includes('3/6') && !f.includes('only'));
  });

  it('applies a suggestion (exact file change), then undoes it (exact restore)', async () => {
    const { r } = await mount();
    const before = readFileSync(join(project.dir, 'templates/orders.yml'));
    await select(r, 'adress');
    await press(r, '1', (f) => f.includes('Replaced `adress` with `address`'));
    expect(project.read('templates/orders.yml')).toBe(before.toString('utf8').replace('email adress.', 'email address.'));
    // The finding is gone after the re-lint; the search matched nothing more, so it was cleared.
    expect(r.lastFrame()).toContain('✖ 3 ⚠ 2');
    expect(r.lastFrame()).not.toContain('No findings match');
    expect(r.lastFrame()).not.toContain('/adress');
    await press(r, 'u', (f) => f.includes('Undone: Replaced'));
    expect(readFileSync(join(project.dir, 'templates/orders.yml')).equals(before)).toBe(true);
    await waitForFrame(r, (f) => f.includes('✖ 3 ⚠ 3'));
  });

  it('adds a word to the nearest .lintrc, keeping its comments, and undoes it', async () => {
    const { r } = await mount();
    const before = project.read('.lintrc');
    await select(r, 'adress');
    await press(r, 'a', (f) => f.includes('Added `adress` to `words` in .lintrc'));
    expect(project.read('.lintrc')).toBe(before.replace('  - Coastie   # the hoodie\n', '  - Coastie   # the hoodie\n  - adress\n'));
    expect(r.lastFrame()).toContain('⚠ 2');
    await press(r, 'u', (f) => f.includes('Undone: Added `adress`'));
    expect(project.read('.lintrc')).toBe(before);
  });

  it('suppresses with a reason: a YAML comment on the line before', async () => {
    const { r } = await mount();
    const before = project.read('templates/orders.yml');
    await select(r, 'sizing');
    await press(r, 's', (f) => f.includes('Reason:'));
    await type(r, 'legacy', (f, typed) => f.includes(`Reason: ${typed}`));
    await press(r, KEY.enter, (f) => f.includes('Suppressed platform-limits'));
    expect(project.read('templates/orders.yml')).toBe(
      before.replace('      - title: Talk to a sizing specialist\n', '      # msglint-disable-next-line platform-limits -- legacy\n      - title: Talk to a sizing specialist\n'),
    );
    expect(r.lastFrame()).toContain('✖ 2');
  });

  it('suppresses in Markdown and JSON with their own syntax', async () => {
    const { r } = await mount();
    await select(r, 'Hurry');
    await press(r, 's', (f) => f.includes('Reason:'));
    await type(r, 'ok', (f, typed) => f.includes(`Reason: ${typed}`));
    await press(r, KEY.enter, (f) => f.includes('Suppressed no-promotional-content'));
    expect(project.read('drafts/notice.md')).toContain('Hurry, there are only 3 left! <!-- msglint-disable-line no-promotional-content -- ok -->');
    await press(r, KEY.escape, (f) => !f.includes('/Hurry'));
    await select(r, 'Obviously');
    await press(r, 's', (f) => f.includes('Reason:'));
    await type(r, 'ok', (f, typed) => f.includes(`Reason: ${typed}`));
    await press(r, KEY.enter, (f) => f.includes('Suppressed no-sarcasm'));
    // A catalogue item rejects unknown keys, so the `"//text"` field is refused by the check
    // and the item's `msglint-disable` field is used.
    expect(JSON.parse(project.read('templates/replies.json')).messages[0]['msglint-disable']).toBe('no-sarcasm -- ok');
  });

  it('refuses a suppression that cannot be placed, and changes nothing', async () => {
    writeFileSync(join(project.dir, 'drafts/plain.txt'), 'As I already said, we cannot do that.\n');
    const { r } = await mount();
    await select(r, 'we cannot');
    await press(r, 's', (f) => f.includes('Reason:'));
    await type(r, 'x', (f, typed) => f.includes(`Reason: ${typed}`));
    await press(r, KEY.enter, (f) => f.includes('Cannot suppress: plain.txt has no comment syntax'));
    expect(project.read('drafts/plain.txt')).toBe('As I already said, we cannot do that.\n');
  });

  it('opens $EDITOR at the line, re-lints after the edit, and undoes the edit', async () => {
    const file = join(project.dir, 'templates/replies.json');
    const before = readFileSync(file, 'utf8');
    const { r, editorCalls } = await mount({
      runEditor: (command) => {
        const path = command.args[command.args.length - 1];
        writeFileSync(path, readFileSync(path, 'utf8').replace('Obviously, your', 'Your'));
        return {};
      },
    });
    await select(r, 'Obviously');
    await press(r, 'e', (f) => f.includes('edited; re-linted'));
    expect(editorCalls).toEqual([{ command: 'my-editor', args: ['--wait', '+5', file] }]);
    expect(r.lastFrame()).toContain('⚠ 2');
    await press(r, 'u', (f) => f.includes('Undone: Edited templates/replies.json'));
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('shows the key map on ?, and quits on q', async () => {
    const { r, quit } = await mount();
    await press(r, '?', (f) => f.includes('msglint review — keys') && f.includes('apply suggestion N'));
    await press(r, 'x', (f) => f.includes('1/6'));
    r.stdin.write('q');
    await waitForFrame(r, () => quit.called);
  });

  it('uses wider terminals', async () => {
    const { r } = await mount({ width: 120, height: 40 });
    const lines = r.lastFrame()!.split('\n');
    expect(lines.length).toBeLessThanOrEqual(39);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(120);
    expect(r.lastFrame()).toContain('templates/replies.json');
  });
});
