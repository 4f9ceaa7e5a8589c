// The compose screen, driven with keys: settings, typing, live (debounced) findings, the
// preview cut, counts, readability, help, and the ways out.
import { cleanup, render } from 'ink-testing-library';
import { createElement } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { draftLinter, type DraftLinter } from '../../src/tui/compose/draft-linter.js';
import { ComposeApp } from '../../src/tui/compose/compose-app.js';
import type { ComposeExit } from '../../src/tui/compose/use-compose-keys.js';
import { initialComposeState, type ComposePreset } from '../../src/tui/compose/use-compose-state.js';
import { makeTheme } from '../../src/tui/theme.js';
import { KEY, press, ready, tempProject, type, waitForFrame } from './helpers.js';

const theme = makeTheme({ NO_COLOR: '1' });
let project: ReturnType<typeof tempProject>;
let linter: DraftLinter;
beforeAll(() => {
  project = tempProject();
  linter = draftLinter({ cwd: project.dir });
});
afterAll(() => project.cleanup());
afterEach(() => cleanup());

async function mount(preset: ComposePreset = {}, size = { width: 80, height: 24 }) {
  const exits: ComposeExit[] = [];
  const copies: string[] = [];
  const r = render(
    createElement(ComposeApp, {
      initial: initialComposeState(preset, ['HUMAN_AGENT', 'CUSTOMER_FEEDBACK']),
      linter,
      ...size,
      theme,
      onExit: (e: ComposeExit) => exits.push(e),
      copy: (text: string) => {
        copies.push(text);
        return { ok: true, message: 'Copied (test)' };
      },
    }),
  );
  await waitForFrame(r, (f) => f.includes('msglint compose'));
  await ready(r);
  return { r, exits, copies };
}

describe('msglint compose', () => {
  it('lints as you type (debounced) and shows counts, preview and readability in 80×24', async () => {
    const { r } = await mount({ channel: 'whatsapp', category: 'UTILITY' });
    expect(r.lastFrame()).toContain('channel  whatsapp');
    expect(r.lastFrame()).toContain('category  UTILITY');
    await type(r, 'Hurry, ', (f, typed) => f.includes(typed));
    r.stdin.write('your ordr is ready.'); // the rest as a paste
    await waitForFrame(r, (f) => f.includes('Hurry, your ordr is ready.'));
    const frame = await waitForFrame(r, (f) => f.includes('Unknown word `ordr`') && f.includes('no-promotional-content') && !f.includes('checking'));
    expect(frame).toContain('Findings (2)');
    expect(frame).toContain('26/1024 chars');
    expect(frame).toContain('WhatsApp preview');
    expect(frame).toContain('Flesch');
    const lines = frame.split('\n');
    expect(lines.length).toBeLessThanOrEqual(23);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(80);
  });

  it('changes settings with Tab and arrows, and re-lints with the new context', async () => {
    const { r } = await mount({ channel: 'whatsapp', category: 'UTILITY', text: 'Hurry, the sale ends today.' });
    await waitForFrame(r, (f) => f.includes('no-promotional-content'));
    // Focus: message → channel → type → tag → category.
    await press(r, KEY.tab, (f) => f.includes('‹ whatsapp ›'));
    await press(r, KEY.tab, (f) => f.includes('‹ — ›'));
    await press(r, KEY.tab, (f) => f.includes('tag ‹ — ›'));
    await press(r, KEY.tab, (f) => f.includes('‹ UTILITY ›'));
    await press(r, KEY.left, (f) => f.includes('‹ MARKETING ›'));
    await waitForFrame(r, (f) => !f.includes('no-promotional-content') && f.includes('Findings (0)'));
  });

  it('edits with the cursor: left, insert, backspace, Ctrl-U', async () => {
    const { r } = await mount();
    await type(r, 'abc', (f, typed) => f.includes(typed));
    await press(r, KEY.left, (f) => f.includes('abc'));
    await press(r, KEY.left, (f) => f.includes('abc'));
    await press(r, 'X', (f) => f.includes('aXbc'));
    await press(r, KEY.backspace, (f) => f.includes('abc') && !f.includes('aXbc'));
    await press(r, KEY.ctrlU, (f) => f.includes('0/2000 chars'));
  });

  it('shows the notification preview cut at the channel budget', async () => {
    const { r } = await mount({ channel: 'messenger' });
    const long = 'We wanted to let you know that your order has been packed and handed to the courier, who will deliver it on Friday morning.';
    r.stdin.write(long); // a paste arrives as one input
    const frame = await waitForFrame(r, (f) => f.includes('preview cut at 110'));
    expect(frame).toContain(`${long.length}/2000 chars`);
    expect(frame).toContain('preview 110/110 cut');
    await waitForFrame(r, (f) => f.includes('preview-length'));
  });

  it('Ctrl-D prints; Esc asks, n discards, Esc keeps editing; Ctrl-Y copies; Ctrl-G shows help', async () => {
    const { r, exits, copies } = await mount({ text: 'Thanks for your order!' });
    await press(r, KEY.ctrlG, (f) => f.includes('msglint compose — keys'));
    await press(r, 'x', (f) => f.includes('Findings'));
    await press(r, '\u0019', (f) => f.includes('Copied (test)'));
    expect(copies).toEqual(['Thanks for your order!']);
    await press(r, KEY.escape, (f) => f.includes('Exit? y print and exit'));
    await press(r, KEY.escape, (f) => !f.includes('Exit?'));
    await press(r, KEY.escape, (f) => f.includes('Exit?'));
    r.stdin.write('n');
    await waitForFrame(r, () => exits.length === 1);
    expect(exits[0]).toEqual({ kind: 'discard' });
    await press(r, KEY.escape, (f) => !f.includes('Exit?'));
    r.stdin.write(KEY.ctrlD);
    await waitForFrame(r, () => exits.length === 2);
    expect(exits[1]).toEqual({ kind: 'print', text: 'Thanks for your order!' });
  });
});
