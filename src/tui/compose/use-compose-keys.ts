// Compose screen keys: settings, text editing, exit with confirmation.
import { useInput } from 'ink';
import { useRef, type Dispatch } from 'react';
import { MESSAGE_FOCUS, type ComposeAction, type ComposeState } from './use-compose-state.js';

export type ComposeExit = { kind: 'print'; text: string } | { kind: 'discard' } | { kind: 'abort' };

export interface ComposeKeyOptions {
  /** width of the text area (for ↑ ↓ Home End over wrapped lines) */
  textWidth: number;
  onExit: (exit: ComposeExit) => void;
  copy: (text: string) => { ok: boolean; message: string };
}

export function useComposeKeys(current: ComposeState, dispatch: Dispatch<ComposeAction>, options: ComposeKeyOptions): void {
  const { textWidth, onExit } = options;
  // Read the latest state: keys can arrive before React re-subscribes this handler.
  const latest = useRef(current);
  latest.current = current;
  useInput((input, key) => {
    const state = latest.current;
    if (key.ctrl && input === 'c') return onExit({ kind: 'abort' });
    if (state.mode === 'help') return dispatch({ type: 'mode', mode: 'edit' });
    if (state.mode === 'confirm') {
      if (input === 'y' || input === 'Y' || key.return) return onExit({ kind: 'print', text: state.text });
      if (input === 'n' || input === 'N') return onExit({ kind: 'discard' });
      if (key.escape) return dispatch({ type: 'mode', mode: 'edit' });
      return;
    }
    if (key.ctrl && input === 'd') return onExit({ kind: 'print', text: state.text });
    if (key.escape) return dispatch({ type: 'mode', mode: 'confirm' });
    if (key.ctrl && input === 'g') return dispatch({ type: 'mode', mode: 'help' });
    if (key.ctrl && input === 'y') {
      const result = options.copy(state.text);
      return dispatch({ type: 'status', status: { text: result.message, tone: result.ok ? 'success' : 'error' } });
    }
    if (key.tab) return dispatch({ type: 'focus', delta: key.shift ? -1 : 1 });
    if (state.focus < MESSAGE_FOCUS) {
      if (key.leftArrow || key.upArrow) return dispatch({ type: 'cycle', delta: -1 });
      if (key.rightArrow || key.downArrow || input === ' ') return dispatch({ type: 'cycle', delta: 1 });
      if (key.return) return dispatch({ type: 'focus', delta: 1 });
      if (input === '?') return dispatch({ type: 'mode', mode: 'help' });
      return;
    }
    if (key.leftArrow) return dispatch({ type: 'cursor', to: 'left', width: textWidth });
    if (key.rightArrow) return dispatch({ type: 'cursor', to: 'right', width: textWidth });
    if (key.upArrow) return dispatch({ type: 'cursor', to: 'up', width: textWidth });
    if (key.downArrow) return dispatch({ type: 'cursor', to: 'down', width: textWidth });
    if (key.home || (key.ctrl && input === 'a')) return dispatch({ type: 'cursor', to: 'home', width: textWidth });
    if (key.end || (key.ctrl && input === 'e')) return dispatch({ type: 'cursor', to: 'end', width: textWidth });
    if (key.backspace || key.delete) return dispatch({ type: 'backspace' });
    if (key.ctrl && input === 'u') return dispatch({ type: 'clear' });
    if (key.return) return dispatch({ type: 'insert', text: '\n' });
    if (key.ctrl || key.meta) return;
    const text = input.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, '');
    if (text) dispatch({ type: 'insert', text });
  });
}
