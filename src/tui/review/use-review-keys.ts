// Review screen keys (ink-ui's `use-*.ts` pattern): maps key presses to reducer actions and
// to session actions; every session action re-lints and reloads the items.
import { useInput, type Key } from 'ink';
import { useRef, type Dispatch } from 'react';
import type { ActionResult, EditorCommand, ReviewItem, ReviewSession } from '../model/session.js';
import { selectedItem, visibleItems, type ReviewAction, type ReviewState, type Status } from './use-review-state.js';

export interface ReviewKeyOptions {
  session: ReviewSession;
  env: NodeJS.ProcessEnv;
  /** rows of the list, for PgUp / PgDn */
  pageSize: number;
  onQuit: () => void;
  /** runs the editor synchronously with the terminal handed over; error text on failure */
  runEditor: (command: EditorCommand) => { error?: string };
}

const toStatus = (result: ActionResult): Status => ({ text: result.message, tone: result.ok ? 'success' : 'error' });

/** A printable piece of input (typed or pasted), without control characters. */
function printable(input: string, key: Key): string {
  if (key.ctrl || key.meta || key.escape || key.return || key.tab || key.backspace || key.delete) return '';
  if (key.upArrow || key.downArrow || key.leftArrow || key.rightArrow || key.pageUp || key.pageDown) return '';
  return input.replace(/[\u0000-\u001f\u007f]/g, '');
}

export function useReviewKeys(current: ReviewState, dispatch: Dispatch<ReviewAction>, options: ReviewKeyOptions): void {
  const { session, pageSize, onQuit } = options;
  // Keys arriving before React re-subscribes the handler (fast typing, pastes) must see the
  // latest state, not the state of the render that registered the handler.
  const latest = useRef(current);
  latest.current = current;
  const act = (run: (item: ReviewItem) => ActionResult) => {
    const item = selectedItem(latest.current);
    if (!item) return dispatch({ type: 'status', status: { text: 'No finding selected', tone: 'error' } });
    const result = run(item);
    dispatch({ type: 'loaded', items: session.items(), status: toStatus(result) });
  };

  useInput((input, key) => {
    const state = latest.current;
    if (key.ctrl && input === 'c') return onQuit();
    switch (state.mode) {
      case 'editing':
        return;
      case 'help':
        return dispatch({ type: 'mode', mode: 'list' });
      case 'rules':
        if (key.upArrow || input === 'k') return dispatch({ type: 'pickerMove', delta: -1 });
        if (key.downArrow || input === 'j') return dispatch({ type: 'pickerMove', delta: 1 });
        if (key.return) return dispatch({ type: 'pickerChoose' });
        if (key.escape || input === 'q' || input === 'r') return dispatch({ type: 'mode', mode: 'list' });
        return;
      case 'search':
      case 'reason': {
        if (key.escape) return dispatch(state.mode === 'search' ? { type: 'searchCancel' } : { type: 'mode', mode: 'list' });
        if (key.return) {
          if (state.mode === 'search') return dispatch({ type: 'searchCommit' });
          const reason = state.input.trim();
          if (!reason) return dispatch({ type: 'status', status: { text: 'A reason is required (Esc cancels)', tone: 'error' } });
          dispatch({ type: 'mode', mode: 'list' });
          return act((item) => session.suppress(item, reason));
        }
        if (key.backspace || key.delete) return dispatch({ type: 'backspace' });
        if (key.ctrl && input === 'u') return dispatch({ type: 'input', text: '' });
        const text = printable(input, key);
        if (text) dispatch({ type: 'append', text });
        return;
      }
      case 'list':
        break;
    }
    // List mode.
    if (key.upArrow || input === 'k') return dispatch({ type: 'move', delta: -1 });
    if (key.downArrow || input === 'j') return dispatch({ type: 'move', delta: 1 });
    if (key.pageUp) return dispatch({ type: 'move', delta: -pageSize });
    if (key.pageDown || input === ' ') return dispatch({ type: 'move', delta: pageSize });
    if (key.home || input === 'g') return dispatch({ type: 'moveTo', index: 0 });
    if (key.end || input === 'G') return dispatch({ type: 'moveTo', index: -1 });
    if (input === ']' || key.tab) return dispatch({ type: 'nextFile', delta: key.shift ? -1 : 1 });
    if (input === '[') return dispatch({ type: 'nextFile', delta: -1 });
    if (input === '/') return dispatch({ type: 'mode', mode: 'search' });
    if (input === 'r') return dispatch({ type: 'mode', mode: 'rules' });
    if (input === 'v') return dispatch({ type: 'cycleSeverity' });
    if (input === 'c' || key.escape) return dispatch({ type: 'clearFilters' });
    if (input === '?') return dispatch({ type: 'mode', mode: 'help' });
    if (input === 'q') return onQuit();
    if (input === 'f') return act((item) => session.applyFix(item, 'fix'));
    if (/^[1-9]$/.test(input)) return act((item) => session.applyFix(item, Number(input) - 1));
    if (input === 'a') return act((item) => session.addWord(item));
    if (input === 'u') {
      const result = session.undo();
      return dispatch({ type: 'loaded', items: session.items(), status: toStatus(result) });
    }
    if (input === 's') {
      const item = selectedItem(state);
      if (!item?.finding.ruleId) return dispatch({ type: 'status', status: { text: 'Only findings of a rule can be suppressed', tone: 'error' } });
      return dispatch({ type: 'mode', mode: 'reason' });
    }
    if (input === 'e') {
      if (visibleItems(state).length === 0) return;
      return dispatch({ type: 'mode', mode: 'editing' });
    }
  });
}
