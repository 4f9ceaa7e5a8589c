// The real terminal: alternate screen, size tracking, handing the terminal to $EDITOR, and
// mounting an app with Ink. Imported only by the review/compose runners (Ink is loaded here).
import { spawnSync } from 'node:child_process';
import { render, useApp, useStdout } from 'ink';
import { useEffect, useState, type ReactElement } from 'react';
import type { EditorCommand } from './model/session.js';

const ENTER_ALT = '\u001b[?1049h\u001b[2J\u001b[H';
const LEAVE_ALT = '\u001b[?1049l';
const SHOW_CURSOR = '\u001b[?25h';
const HIDE_CURSOR = '\u001b[?25l';

export function useTerminalSize(): { width: number; height: number } {
  const { stdout } = useStdout();
  const read = () => ({ width: Math.max(40, stdout.columns || 80), height: Math.max(12, stdout.rows || 24) });
  const [size, setSize] = useState(read);
  useEffect(() => {
    const onResize = () => setSize(read());
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stdout]);
  return size;
}

/**
 * Runs an editor with the terminal: leaves the alternate screen and raw mode, waits for the
 * editor (synchronously: nothing else should draw meanwhile), then takes the screen back.
 */
export function runEditorInTerminal(command: EditorCommand): { error?: string } {
  const stdin = process.stdin;
  const stdout = process.stdout;
  const raw = stdin.isTTY ? stdin.isRaw : false;
  if (stdin.isTTY) stdin.setRawMode(false);
  stdout.write(LEAVE_ALT + SHOW_CURSOR);
  const result = spawnSync(command.command, command.args, { stdio: 'inherit' });
  stdout.write(ENTER_ALT + HIDE_CURSOR);
  if (stdin.isTTY) stdin.setRawMode(raw);
  if (result.error) return { error: (result.error as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found (set $EDITOR)' : result.error.message };
  if (result.status !== 0) return { error: `exited with ${result.status ?? result.signal}` };
  return {};
}

/** Mounts `element(quit)` full-screen on the alternate screen until it quits. */
export async function runFullScreen(element: (quit: () => void) => ReactElement): Promise<void> {
  const stdout = process.stdout;
  function Root() {
    const { exit } = useApp();
    return element(() => exit());
  }
  stdout.write(ENTER_ALT);
  let instance: ReturnType<typeof render> | undefined;
  try {
    instance = render(<Root />, { exitOnCtrlC: false, patchConsole: false });
    await instance.waitUntilExit();
  } finally {
    instance?.unmount();
    stdout.write(LEAVE_ALT + SHOW_CURSOR);
  }
}
