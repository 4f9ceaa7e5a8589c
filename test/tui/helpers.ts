// Helpers for the TUI tests: temp copies of the fixture project, key codes, and waiting for
// frames (never fixed sleeps): each key press waits for the frame that shows its effect.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vi } from 'vitest';

export const FIXTURE = join(import.meta.dirname, 'fixtures', 'project');

export const KEY = {
  up: '\u001B[A',
  down: '\u001B[B',
  right: '\u001B[C',
  left: '\u001B[D',
  enter: '\r',
  escape: '\u001B',
  tab: '\t',
  backspace: '\u007F',
  ctrlD: '\u0004',
  ctrlC: '\u0003',
  ctrlG: '\u0007',
  ctrlU: '\u0015',
};

export function tempProject(): { dir: string; read: (path: string) => string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'msglint-tui-'));
  cpSync(FIXTURE, dir, { recursive: true });
  return { dir, read: (path) => readFileSync(join(dir, path), 'utf8'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

interface Rendered {
  lastFrame: () => string | undefined;
  stdin: { write: (data: string) => void; listenerCount: (event: string) => number };
}

/** Waits until the last frame satisfies `check` (which may throw or return false). */
export async function waitForFrame(r: Rendered, check: (frame: string) => boolean | void, timeout = 4000): Promise<string> {
  let frame = '';
  await vi.waitFor(
    () => {
      frame = r.lastFrame() ?? '';
      const result = check(frame);
      if (result === false) throw new Error(`frame did not match:\n${frame}`);
    },
    { timeout, interval: 10 },
  );
  return frame;
}

/** Waits until the app listens to stdin (useInput's effect has run). */
export async function ready(r: Rendered): Promise<void> {
  await vi.waitFor(() => {
    if (r.stdin.listenerCount('readable') === 0) throw new Error('not listening yet');
  }, { timeout: 4000, interval: 5 });
}

/** Presses a key and waits for a frame that satisfies `check`. */
export async function press(r: Rendered, key: string, check: (frame: string) => boolean | void): Promise<string> {
  r.stdin.write(key);
  return waitForFrame(r, check);
}

/** Types text one character at a time, waiting for each to appear in the frame. */
export async function type(r: Rendered, text: string, shown: (frame: string, typed: string) => boolean): Promise<void> {
  let typed = '';
  for (const ch of text) {
    typed += ch;
    const now = typed;
    await press(r, ch, (frame) => shown(frame, now));
  }
}
