// Review screen state: a pure reducer over the session's items (ink-ui's `use-*-state.ts`
// pattern). Filters (rule, severity, search) select the visible items; the selection follows
// the selected finding's key when the items are re-computed after an action.
import { useReducer } from 'react';
import type { Severity } from '../../types.js';
import type { ReviewItem } from '../model/session.js';

export type Mode = 'list' | 'help' | 'search' | 'reason' | 'rules' | 'editing';

export interface Status {
  text: string;
  tone: 'info' | 'success' | 'error';
}

export interface ReviewState {
  items: ReviewItem[];
  /** key of the selected item (kept across re-lints) */
  selectedKey?: string;
  ruleFilter?: string;
  severityFilter?: Severity;
  search: string;
  mode: Mode;
  /** text being typed in search / reason mode */
  input: string;
  /** the search before `/` was pressed (restored by Esc) */
  searchBefore: string;
  /** highlighted row of the rule picker */
  pickerIndex: number;
  status?: Status;
}

export type ReviewAction =
  | { type: 'loaded'; items: ReviewItem[]; status?: Status }
  | { type: 'move'; delta: number }
  | { type: 'moveTo'; index: number }
  | { type: 'nextFile'; delta: 1 | -1 }
  | { type: 'mode'; mode: Mode }
  | { type: 'input'; text: string }
  | { type: 'append'; text: string }
  | { type: 'backspace' }
  | { type: 'searchCommit' }
  | { type: 'searchCancel' }
  | { type: 'pickerMove'; delta: number }
  | { type: 'pickerChoose' }
  | { type: 'cycleSeverity' }
  | { type: 'clearFilters' }
  | { type: 'status'; status?: Status };

const SEVERITY_CYCLE: (Severity | undefined)[] = [undefined, 'error', 'warn', 'info'];

export function matchesSearch(item: ReviewItem, search: string): boolean {
  if (!search) return true;
  const needle = search.toLowerCase();
  const f = item.finding;
  return [f.message, f.ruleId ?? '', item.path, item.groupLabel, item.message?.text ?? '', f.actual ?? '', f.help ?? ''].some((s) => s.toLowerCase().includes(needle));
}

/** The items that pass the filters, in list order. */
export function visibleItems(state: Pick<ReviewState, 'items' | 'ruleFilter' | 'severityFilter' | 'search'>): ReviewItem[] {
  return state.items.filter(
    (item) =>
      (state.ruleFilter === undefined || (item.finding.ruleId ?? '(file)') === state.ruleFilter) &&
      (state.severityFilter === undefined || item.finding.severity === state.severityFilter) &&
      matchesSearch(item, state.search),
  );
}

/** Rule ids with counts (over all items), for the rule picker: first entry is "all". */
export function pickerEntries(items: ReviewItem[]): { rule?: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const item of items) {
    const id = item.finding.ruleId ?? '(file)';
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return [{ count: items.length }, ...[...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([rule, count]) => ({ rule, count }))];
}

export function selectedIndex(state: ReviewState, visible = visibleItems(state)): number {
  const at = visible.findIndex((i) => i.key === state.selectedKey);
  return at >= 0 ? at : 0;
}

export function selectedItem(state: ReviewState, visible = visibleItems(state)): ReviewItem | undefined {
  return visible[selectedIndex(state, visible)];
}

/** Keeps a valid selection: the same key if still visible, else the nearest by position. */
function reselect(state: ReviewState, previous?: { visible: ReviewItem[]; index: number }): ReviewState {
  const visible = visibleItems(state);
  if (visible.length === 0) return { ...state, selectedKey: undefined };
  if (visible.some((i) => i.key === state.selectedKey)) return state;
  const index = previous ? Math.min(previous.index, visible.length - 1) : 0;
  return { ...state, selectedKey: visible[index].key };
}

export function reviewReducer(state: ReviewState, action: ReviewAction): ReviewState {
  switch (action.type) {
    case 'loaded': {
      const before = visibleItems(state);
      const index = selectedIndex(state, before);
      const next = reselect({ ...state, items: action.items, status: action.status ?? state.status }, { visible: before, index });
      // The last match was fixed away: show everything again, near where the work was.
      if (visibleItems(next).length === 0 && action.items.length > 0 && before.length > 0) {
        const file = before[index]?.fileIndex;
        const near = action.items.find((i) => i.fileIndex >= (file ?? 0)) ?? action.items[0];
        return { ...next, ruleFilter: undefined, severityFilter: undefined, search: '', selectedKey: near.key };
      }
      return next;
    }
    case 'move':
    case 'moveTo': {
      const visible = visibleItems(state);
      if (visible.length === 0) return state;
      const current = selectedIndex(state, visible);
      const target = action.type === 'move' ? current + action.delta : action.index < 0 ? visible.length + action.index : action.index;
      const index = Math.max(0, Math.min(visible.length - 1, target));
      return { ...state, selectedKey: visible[index].key };
    }
    case 'nextFile': {
      const visible = visibleItems(state);
      if (visible.length === 0) return state;
      const current = selectedIndex(state, visible);
      const file = visible[current].fileIndex;
      if (action.delta > 0) {
        const next = visible.findIndex((item, i) => i > current && item.fileIndex !== file);
        return next >= 0 ? { ...state, selectedKey: visible[next].key } : state;
      }
      // Previous file: its first item.
      let i = current;
      while (i > 0 && visible[i - 1].fileIndex === file) i--;
      if (i === 0) return { ...state, selectedKey: visible[0].key };
      const previousFile = visible[i - 1].fileIndex;
      let j = i - 1;
      while (j > 0 && visible[j - 1].fileIndex === previousFile) j--;
      return { ...state, selectedKey: visible[j].key };
    }
    case 'mode': {
      if (action.mode === 'search') return { ...state, mode: 'search', input: state.search, searchBefore: state.search };
      if (action.mode === 'reason') return { ...state, mode: 'reason', input: '' };
      if (action.mode === 'rules') {
        const entries = pickerEntries(state.items);
        const at = entries.findIndex((e) => e.rule === state.ruleFilter);
        return { ...state, mode: 'rules', pickerIndex: Math.max(0, at) };
      }
      return { ...state, mode: action.mode };
    }
    case 'append':
      return reviewReducer(state, { type: 'input', text: state.input + action.text });
    case 'backspace':
      return reviewReducer(state, { type: 'input', text: [...state.input].slice(0, -1).join('') });
    case 'input': {
      const next = { ...state, input: action.text };
      // Search filters as you type.
      return state.mode === 'search' ? reselect({ ...next, search: action.text }) : next;
    }
    case 'searchCommit':
      return reselect({ ...state, mode: 'list', search: state.input });
    case 'searchCancel':
      return reselect({ ...state, mode: 'list', search: state.searchBefore, input: '' });
    case 'pickerMove': {
      const count = pickerEntries(state.items).length;
      return { ...state, pickerIndex: (state.pickerIndex + action.delta + count) % count };
    }
    case 'pickerChoose': {
      const entry = pickerEntries(state.items)[state.pickerIndex];
      return reselect({ ...state, mode: 'list', ruleFilter: entry?.rule });
    }
    case 'cycleSeverity': {
      const at = SEVERITY_CYCLE.indexOf(state.severityFilter);
      return reselect({ ...state, severityFilter: SEVERITY_CYCLE[(at + 1) % SEVERITY_CYCLE.length] });
    }
    case 'clearFilters':
      return reselect({ ...state, ruleFilter: undefined, severityFilter: undefined, search: '' });
    case 'status':
      return { ...state, status: action.status };
  }
}

export function initialReviewState(items: ReviewItem[]): ReviewState {
  return { items, selectedKey: items[0]?.key, search: '', mode: 'list', input: '', searchBefore: '', pickerIndex: 0 };
}

export function useReviewState(items: ReviewItem[]) {
  return useReducer(reviewReducer, items, initialReviewState);
}
