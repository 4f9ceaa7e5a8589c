// `msglint review`: header, findings list, rule summary, the selected finding beside its
// preview, a status line and the key hints. Everything is laid out for `height - 1` rows so
// that Ink never switches to clear-the-screen redraws; it works from 80×24 up.
import { Box } from 'ink';
import { useEffect } from 'react';
import type { EditorCommand, ReviewSession } from '../model/session.js';
import { severityCounts } from '../model/session.js';
import { PreviewPane } from '../preview-pane.js';
import { HelpScreen } from '../help.js';
import { REVIEW_KEYS } from '../keymap.js';
import { RichLines, RichText, type RichLine } from '../rich.js';
import { SEVERITY_WORD, type Theme } from '../theme.js';
import { fit } from '../text.js';
import { FindingDetail } from './finding-detail.js';
import { FindingList } from './finding-list.js';
import { useReviewKeys } from './use-review-keys.js';
import { pickerEntries, selectedIndex, useReviewState, visibleItems, type ReviewState } from './use-review-state.js';

export interface ReviewAppProps {
  session: ReviewSession;
  width: number;
  height: number;
  theme: Theme;
  env: NodeJS.ProcessEnv;
  onQuit: () => void;
  runEditor: (command: EditorCommand) => { error?: string };
}

export interface ReviewLayout {
  list: number;
  detail: number;
  preview: number;
}

/** Rows of the list and the detail area, and the preview pane's width. */
export function reviewLayout(width: number, height: number): ReviewLayout {
  const body = Math.max(6, height - 1 - 4); // header, summary, status, hints
  // 80×24: 7 list rows and 12 for the finding; taller terminals give the list half.
  const list = Math.max(3, Math.min(Math.round(body * (body > 24 ? 0.5 : 0.38)), body - 8));
  return { list, detail: body - list, preview: Math.max(26, Math.min(44, Math.round(width * 0.38))) };
}

function headerLine(state: ReviewState, session: ReviewSession, theme: Theme, visibleCount: number, selected: number): RichLine {
  const counts = severityCounts(state.items);
  const line: RichLine = [
    { text: 'msglint review', bold: true, color: theme.accent },
    { text: `  ${session.files.length} file${session.files.length === 1 ? '' : 's'}  ` },
    { text: `${theme.symbols.error} ${counts.error}`, color: theme.severity.error, bold: counts.error > 0 },
    { text: ' ' },
    { text: `${theme.symbols.warn} ${counts.warn}`, color: theme.severity.warn, bold: counts.warn > 0 },
    { text: ' ' },
    { text: `${theme.symbols.info} ${counts.info}`, color: theme.severity.info },
    { text: `   ${visibleCount === 0 ? 0 : selected + 1}/${visibleCount}`, dim: true },
  ];
  if (state.ruleFilter) line.push({ text: `  rule:${state.ruleFilter}`, inverse: true });
  if (state.severityFilter) line.push({ text: `  ${SEVERITY_WORD[state.severityFilter]}s only`, inverse: true });
  if (state.search && state.mode !== 'search') line.push({ text: `  /${state.search}`, inverse: true });
  line.push({ text: '   ? help', dim: true });
  return line;
}

function summaryLine(state: ReviewState, theme: Theme): RichLine {
  const entries = pickerEntries(state.items).slice(1);
  if (entries.length === 0) return [{ text: '─ no findings ', dim: true }];
  const line: RichLine = [{ text: '─ rules: ', dim: true }];
  entries.forEach((e, i) => {
    line.push({ text: `${e.rule} ${e.count}`, bold: e.rule === state.ruleFilter, color: e.rule === state.ruleFilter ? theme.accent : undefined });
    if (i < entries.length - 1) line.push({ text: ' · ', dim: true });
  });
  return line;
}

function statusLine(state: ReviewState, theme: Theme): RichLine {
  if (state.mode === 'search') return [{ text: '/', bold: true, color: theme.accent }, { text: state.input }, { text: ' ', inverse: true }, { text: '   Enter keep · Esc cancel', dim: true }];
  if (state.mode === 'reason') return [{ text: 'Reason: ', bold: true, color: theme.accent }, { text: state.input }, { text: ' ', inverse: true }, { text: '   Enter suppress · Esc cancel', dim: true }];
  if (state.mode === 'editing') return [{ text: 'Editing in $EDITOR…', dim: true }];
  if (!state.status) return [];
  const color = state.status.tone === 'error' ? theme.danger : state.status.tone === 'success' ? theme.success : undefined;
  return [{ text: state.status.tone === 'error' ? `${theme.symbols.error} ` : state.status.tone === 'success' ? `${theme.symbols.ok} ` : '', color }, { text: state.status.text, color }];
}

/** Key hints, most useful first; as many as fit (the full map is behind `?`). */
const HINTS: [string, string][] = [
  ['↑↓', 'move'],
  ['f', 'fix'],
  ['1-9', 'pick'],
  ['a', '+word'],
  ['s', 'suppress'],
  ['e', 'edit'],
  ['u', 'undo'],
  ['/', 'search'],
  ['r', 'rule'],
  ['v', 'severity'],
  ['q', 'quit'],
];

function hintsLine(theme: Theme, width: number): RichLine {
  const help: RichLine = [{ text: '?', bold: true, color: theme.accent }, { text: ' help', dim: true }];
  const out: RichLine = [];
  let used = 6;
  for (const [key, label] of HINTS) {
    const piece = `${key} ${label}  `;
    if (used + piece.length > width) continue;
    used += piece.length;
    out.push({ text: key, bold: true, color: theme.accent }, { text: ` ${label}  `, dim: true });
  }
  return [...out, ...help];
}

function RulePicker({ state, width, height, theme }: { state: ReviewState; width: number; height: number; theme: Theme }) {
  const entries = pickerEntries(state.items);
  const lines: RichLine[] = [[{ text: 'Filter by rule (↑↓, Enter; Esc cancels)', bold: true }]];
  const room = height - 1;
  const start = Math.max(0, Math.min(state.pickerIndex - Math.floor(room / 2), entries.length - room));
  entries.slice(start, start + room).forEach((e, i) => {
    const selected = start + i === state.pickerIndex;
    lines.push([{ text: selected ? ` ${theme.symbols.pointer} ` : '   ', bold: selected }, { text: `${fit(e.rule ?? 'all rules', 30)} ${String(e.count).padStart(4)}`, inverse: selected }]);
  });
  return <RichLines width={width} height={height} lines={lines} />;
}

export function ReviewApp({ session, width, height, theme, env, onQuit, runEditor }: ReviewAppProps) {
  const [state, dispatch] = useReviewState(session.items());
  const layout = reviewLayout(width, height);
  useReviewKeys(state, dispatch, { session, env, pageSize: Math.max(1, layout.list - 2), onQuit, runEditor });

  // `e`: the "editing" frame is committed first, then the editor gets the terminal.
  useEffect(() => {
    if (state.mode !== 'editing') return;
    const timer = setTimeout(() => {
      const visible = visibleItems(state);
      const item = visible[selectedIndex(state, visible)];
      if (!item) return dispatch({ type: 'mode', mode: 'list' });
      const command = session.editorCommand(item, env);
      const outcome = runEditor(command);
      const result = session.afterExternalEdit(item.fileIndex);
      dispatch({ type: 'mode', mode: 'list' });
      dispatch({
        type: 'loaded',
        items: session.items(),
        status: outcome.error ? { text: `${command.command}: ${outcome.error}; ${result.message}`, tone: 'error' } : { text: result.message, tone: 'success' },
      });
    }, 0);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state.mode]);

  const rows = height - 1;
  if (state.mode === 'help') {
    return (
      <HelpScreen
        title="msglint review — keys (any key closes)"
        keys={REVIEW_KEYS}
        width={width}
        height={rows}
        theme={theme}
        footer={[
          'Every change is written atomically and re-linted; u undoes it (the file must not have changed since).',
          'Words go to the nearest .lintrc (a new .lintrc in the working directory when there is none).',
        ]}
      />
    );
  }
  if (state.mode === 'editing') return <RichLines width={width} height={rows} lines={[[{ text: 'Editing in $EDITOR…', dim: true }]]} />;
  const visible = visibleItems(state);
  const selected = selectedIndex(state, visible);
  const item = visible[selected];
  const detailWidth = width - layout.preview - 1;
  return (
    <Box flexDirection="column" width={width} height={rows}>
      <RichText line={headerLine(state, session, theme, visible.length, selected)} width={width} />
      {state.mode === 'rules' ? (
        <RulePicker state={state} width={width} height={layout.list} theme={theme} />
      ) : (
        <FindingList items={visible} selected={selected} width={width} height={layout.list} theme={theme} />
      )}
      <RichText line={summaryLine(state, theme)} width={width} />
      <Box flexDirection="row" height={layout.detail}>
        <FindingDetail item={item} width={detailWidth} height={layout.detail} theme={theme} />
        <Box width={1} />
        <PreviewPane preview={item?.preview} width={layout.preview} height={layout.detail} theme={theme} />
      </Box>
      <RichText line={statusLine(state, theme)} width={width} />
      <RichText line={hintsLine(theme, width)} width={width} />
    </Box>
  );
}
