// `msglint compose`: settings (channel, type, tag, category, kind, locale), the draft with
// its findings underlined, the preview pane, counts and a readability grade, and the
// findings list; the draft is linted 150 ms after the last change.
import { Box } from 'ink';
import { useEffect } from 'react';
import type { Finding } from '../../types.js';
import type { DraftLinter } from './draft-linter.js';
import { HelpScreen } from '../help.js';
import { COMPOSE_KEYS } from '../keymap.js';
import { previewOf } from '../model/preview.js';
import { grade } from '../model/readability.js';
import { PreviewPane } from '../preview-pane.js';
import { RichLines, RichText, type RichLine, type Span } from '../rich.js';
import { SEVERITY_WORD, type Theme } from '../theme.js';
import { windowAround, wrapOffsets } from '../text.js';
import { useComposeKeys, type ComposeExit } from './use-compose-keys.js';
import { contextOf, cursorLine, FIELD_LABEL, FIELD_ORDER, MESSAGE_FOCUS, useComposeState, type ComposeState } from './use-compose-state.js';

export const LINT_DEBOUNCE_MS = 150;

export interface ComposeAppProps {
  initial: ComposeState;
  linter: DraftLinter;
  width: number;
  height: number;
  theme: Theme;
  budget?: number;
  onExit: (exit: ComposeExit) => void;
  copy: (text: string) => { ok: boolean; message: string };
}

export function composeLayout(width: number, height: number) {
  const rows = height - 1;
  const body = Math.max(6, rows - 1 - 2 - 1 - 1); // header, settings (2), stats, status
  const findings = Math.max(2, Math.min(10, Math.round(body * 0.35)));
  const preview = Math.max(26, Math.min(44, Math.round(width * 0.38)));
  return { editor: body - findings, findings, preview, editorWidth: width - preview - 1 };
}

function settingsLines(state: ComposeState, theme: Theme): RichLine[] {
  const cells = FIELD_ORDER.map((name, i): RichLine => {
    const focused = state.focus === i;
    const value = state.fields[name] ?? '—';
    return [
      { text: `${FIELD_LABEL[name]} `, dim: !focused, bold: focused },
      { text: focused ? `‹ ${value} ›` : ` ${value} `, inverse: focused, color: focused ? undefined : theme.accent },
      { text: '  ' },
    ];
  });
  // Two rows of three settings.
  return [cells.slice(0, 3).flat(), cells.slice(3).flat()];
}

/** The draft with the cursor and the findings' spans, wrapped and scrolled to the cursor. */
function editorLines(state: ComposeState, width: number, height: number, theme: Theme): RichLine[] {
  const text = state.text;
  const lines = wrapOffsets(text, width);
  const focused = state.focus === MESSAGE_FOCUS && state.mode === 'edit';
  const at = cursorLine(lines, state.cursor);
  const view = windowAround(lines, lines[at]?.start ?? 0, height);
  const fresh = state.lintedText === text;
  const marks = fresh ? state.findings.filter((f) => !f.fatal) : [];
  const markAt = (offset: number): Finding | undefined => marks.find((f) => offset >= f.range[0] && offset < f.range[1]);
  const out: RichLine[] = view.lines.map((line) => {
    const spans: Span[] = [];
    const push = (t: string, style: Omit<Span, 'text'>) => {
      const last = spans[spans.length - 1];
      if (last && last.color === style.color && last.inverse === style.inverse && last.underline === style.underline && last.bold === style.bold) last.text += t;
      else spans.push({ text: t, ...style });
    };
    let i = line.start;
    while (i < line.end) {
      const code = text.codePointAt(i)!;
      const ch = String.fromCodePoint(code);
      const finding = markAt(i);
      const cursor = focused && i === state.cursor;
      push(ch === '\t' ? ' ' : ch, { inverse: cursor || undefined, underline: finding ? true : undefined, color: finding ? theme.severity[finding.severity] : undefined, bold: finding ? true : undefined });
      i += code > 0xffff ? 2 : 1;
    }
    if (focused && state.cursor === line.end && lines.indexOf(line) === at) push(' ', { inverse: true });
    return spans;
  });
  if (text === '' && !focused) out[0] = [{ text: 'Type the message here…', dim: true }];
  return out;
}

function statsLine(state: ComposeState, budget: number | undefined, theme: Theme): RichLine {
  const context = contextOf(state.fields);
  const preview = previewOf(state.text, context, [], budget);
  const g = grade(state.text, state.fields.locale ?? 'en');
  const line: RichLine = [
    { text: preview.limit !== undefined ? `${preview.length}/${preview.limit} chars` : `${preview.length} chars`, color: preview.over ? theme.danger : undefined, bold: preview.over },
    { text: ' · ', dim: true },
    { text: `preview ${Math.min(preview.length, preview.budget)}/${preview.budget}${preview.truncated ? ' cut' : ''}`, color: preview.truncated ? theme.severity.warn : undefined },
    { text: ' · ', dim: true },
  ];
  if (g.words === 0) line.push({ text: 'readability —', dim: true });
  else if (g.flesch !== undefined) line.push({ text: `Flesch ${g.flesch} ${g.label}`, color: g.hard ? theme.severity.warn : undefined }, { text: ` · ${Math.round(g.wordsPerSentence)} words/sent.`, dim: true });
  else line.push({ text: `${g.wordsPerSentence.toFixed(1)} words/sentence (${g.label})`, color: g.hard ? theme.severity.warn : undefined }, { text: ` · longest ${g.longestSentence}`, dim: true });
  return line;
}

function findingLines(state: ComposeState, height: number, theme: Theme): RichLine[] {
  const stale = state.lintedText !== state.text;
  const header: RichLine = [{ text: `Findings (${state.findings.length})`, bold: true }, { text: stale ? '  checking…' : '', dim: true }];
  if (state.findings.length === 0) return [header, [{ text: state.lintedText === undefined || stale ? '' : `  ${theme.symbols.ok} nothing to report`, color: theme.success }]];
  const rows = state.findings.slice(0, height - 1).map((f): RichLine => [
    { text: `  ${theme.symbols[f.severity]} `, color: theme.severity[f.severity], bold: true },
    { text: `${f.line}:${f.column} `, dim: true },
    { text: `${f.ruleId ?? SEVERITY_WORD[f.severity]}  `, bold: true },
    { text: f.message.replace(/\s+/g, ' ') },
  ]);
  if (state.findings.length > height - 1 && rows.length > 0) rows[rows.length - 1] = [{ text: `  … and ${state.findings.length - height + 2} more`, dim: true }];
  return [header, ...rows];
}

function statusLine(state: ComposeState, theme: Theme): RichLine {
  if (state.mode === 'confirm') return [{ text: 'Exit? ', bold: true }, { text: 'y', bold: true, color: theme.accent }, { text: ' print and exit  ' }, { text: 'n', bold: true, color: theme.accent }, { text: ' discard and exit  ' }, { text: 'Esc', bold: true, color: theme.accent }, { text: ' keep editing' }];
  if (state.status) return [{ text: state.status.text, color: state.status.tone === 'error' ? theme.danger : state.status.tone === 'success' ? theme.success : undefined }];
  return [{ text: 'Tab', bold: true, color: theme.accent }, { text: ' next setting  ', dim: true }, { text: '←→', bold: true, color: theme.accent }, { text: ' change  ', dim: true }, { text: 'Ctrl-D', bold: true, color: theme.accent }, { text: ' done  ', dim: true }, { text: 'Esc', bold: true, color: theme.accent }, { text: ' exit  ', dim: true }, { text: 'Ctrl-G', bold: true, color: theme.accent }, { text: ' help', dim: true }];
}

export function ComposeApp({ initial, linter, width, height, theme, budget, onExit, copy }: ComposeAppProps) {
  const [state, dispatch] = useComposeState(initial);
  const layout = composeLayout(width, height);
  const textWidth = Math.max(10, layout.editorWidth - 2);
  useComposeKeys(state, dispatch, { textWidth, onExit, copy });

  // Live findings, debounced.
  const contextKey = JSON.stringify(state.fields);
  useEffect(() => {
    const text = state.text;
    const timer = setTimeout(() => {
      const result = linter.lintText(text, '<text>', contextOf(state.fields));
      dispatch({ type: 'linted', text, findings: result.findings });
    }, LINT_DEBOUNCE_MS);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state.text, contextKey]);

  const rows = height - 1;
  if (state.mode === 'help') {
    return <HelpScreen title="msglint compose — keys (any key closes)" keys={COMPOSE_KEYS} width={width} height={rows} theme={theme} footer={['The final text goes to standard output; nothing is written to files.']} />;
  }
  const preview = previewOf(state.text, contextOf(state.fields), [], budget);
  const editorFocused = state.focus === MESSAGE_FOCUS;
  return (
    <Box flexDirection="column" width={width} height={rows}>
      <RichText line={[{ text: 'msglint compose', bold: true, color: theme.accent }, { text: '  draft a message; it is checked as you type', dim: true }]} width={width} />
      <RichLines lines={settingsLines(state, theme)} width={width} height={2} />
      <Box flexDirection="row" height={layout.editor}>
        <Box borderStyle={editorFocused ? 'bold' : 'single'} borderColor={editorFocused ? theme.accent : undefined} width={layout.editorWidth} height={layout.editor}>
          <RichLines lines={editorLines(state, textWidth, Math.max(1, layout.editor - 2), theme)} width={textWidth} height={Math.max(1, layout.editor - 2)} />
        </Box>
        <Box width={1} />
        <PreviewPane preview={preview} width={layout.preview} height={layout.editor} theme={theme} />
      </Box>
      <RichText line={statsLine(state, budget, theme)} width={width} />
      <RichLines lines={findingLines(state, layout.findings, theme)} width={width} height={layout.findings} />
      <RichText line={statusLine(state, theme)} width={width} />
    </Box>
  );
}
