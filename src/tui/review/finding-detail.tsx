// The selected finding: what is wrong, the message's context, the whole message with the
// finding's span highlighted, the rule's help, the fix and suggestions, and the doc URL.
// Lines are laid out here to fit the pane's height: the message text gets the room left.
import type { MessageContext } from '../../types.js';
import type { ReviewItem } from '../model/session.js';
import { RichLines, type RichLine, type Span } from '../rich.js';
import { SEVERITY_WORD, type Theme } from '../theme.js';
import { segmentLine, truncate, windowAround, wrap, wrapOffsets } from '../text.js';

export function contextSummary(context: MessageContext | undefined): string {
  if (!context) return '';
  const parts = [
    context.channel,
    context.messagingType,
    context.tag ? `tag ${context.tag}` : undefined,
    context.category ? `category ${context.category}` : undefined,
    context.kind ? `kind ${context.kind}` : undefined,
    context.locale ? `locale ${context.locale}` : undefined,
    context.component && context.component !== 'text' ? context.component.replace('_', ' ') : undefined,
  ];
  return parts.filter(Boolean).join(' · ');
}

function wrapped(text: string, width: number, max: number, style: Omit<Span, 'text'> = {}, firstPrefix?: Span): RichLine[] {
  const prefixWidth = firstPrefix ? firstPrefix.text.length : 0;
  const lines = wrap(text.replace(/\s+/g, ' ').trim(), Math.max(1, width - prefixWidth));
  const out = lines.slice(0, max).map((l, i): RichLine => {
    const body: Span = { text: l, ...style };
    if (!firstPrefix) return [body];
    return i === 0 ? [firstPrefix, body] : [{ text: ' '.repeat(prefixWidth) }, body];
  });
  if (lines.length > max && out.length > 0) {
    const last = out[out.length - 1];
    last[last.length - 1] = { ...last[last.length - 1], text: truncate(`${last[last.length - 1].text} …`, width - prefixWidth) };
  }
  return out;
}

/** The message text, word-wrapped, with the span highlighted, in at most `max` lines. */
export function messageLines(item: ReviewItem, width: number, max: number, theme: Theme): RichLine[] {
  const message = item.message;
  if (!message) return [];
  const bar: Span = { text: '│ ', dim: true };
  const inner = Math.max(1, width - 2);
  const lines = wrapOffsets(message.text, inner);
  const focus = item.span?.[0] ?? 0;
  const view = windowAround(lines, focus, Math.max(1, max));
  const markStyle: Omit<Span, 'text'> = { inverse: true, bold: true, color: theme.severity[item.finding.severity] };
  const out = view.lines.map((line): RichLine => [bar, ...segmentLine(message.text, line, item.span).map((s): Span => (s.mark ? { text: s.text, ...markStyle } : { text: s.text }))]);
  if (view.before && out.length > 0) out[0] = [{ text: '│ ', dim: true }, { text: '… ', dim: true }, ...out[0].slice(1)];
  if (view.after && out.length > 0) out[out.length - 1] = [...out[out.length - 1], { text: ' …', dim: true }];
  return out;
}

export function detailLines(item: ReviewItem | undefined, width: number, height: number, theme: Theme): RichLine[] {
  if (!item) return [[{ text: 'Nothing selected.', dim: true }]];
  const f = item.finding;
  const header: RichLine = [
    { text: `${theme.symbols[f.severity]} ${SEVERITY_WORD[f.severity]}`, color: theme.severity[f.severity], bold: true },
    { text: `  ${f.ruleId ?? (f.fatal ? 'fatal error' : 'msglint')}`, bold: true },
    { text: `  ${f.line}:${f.column}`, bold: true },
    { text: `  ${item.path}`, dim: true },
  ];
  const reason = wrapped(f.message, width, 3, { bold: true });
  const context = contextSummary(item.message?.context);
  const chipNumber = item.message ? item.chips.findIndex((c) => c.index === item.message!.index) : -1;
  const chipKind = item.message?.context.component === 'button' ? 'button' : 'quick reply';
  const label = item.message ? (item.message.parent !== undefined ? `${chipKind} ${chipNumber + 1} in ${item.groupLabel}` : item.groupLabel) : '';
  const contextFull = (max: number): RichLine[] => {
    if (!item.message) return [];
    const lines = wrap(`${label}  ${context}`.trim(), width);
    const shown = lines.slice(0, max);
    if (lines.length > max) shown[max - 1] = truncate(`${shown[max - 1]} …`, width);
    return shown.map((l, i): RichLine => (i === 0 && l.startsWith(label) ? [{ text: label, color: theme.accent }, { text: l.slice(label.length), dim: true }] : [{ text: l, dim: true }]));
  };
  const actions: RichLine[] = [];
  if (f.fix) actions.push([{ text: 'f', bold: true, color: theme.accent }, { text: ` fix → “${f.fix.text}”` }]);
  if (f.suggestions?.length) {
    const line: RichLine = [{ text: 'suggestions: ', dim: true }];
    f.suggestions.slice(0, 9).forEach((s, i) => {
      const usable = f.suggestionFixes?.[i] !== undefined;
      line.push({ text: `${i + 1}`, bold: true, color: usable ? theme.accent : undefined }, { text: ` ${s}${usable ? '' : ' (edit by hand)'}  `, dim: !usable });
    });
    actions.push(line);
  }
  const help = f.help ? wrapped(f.help, width, 3, {}, { text: 'help: ', color: theme.accent, bold: true }) : [];
  // The doc URL is only useful whole: two lines if needed, else the short form.
  const docs = (max: number): RichLine[] => {
    if (!f.url) return [];
    const parts = wrap(f.url, Math.max(10, width - 6));
    if (parts.length <= max) return parts.map((p, i): RichLine => [{ text: i === 0 ? 'docs: ' : '      ', dim: true }, { text: p, underline: theme.color }]);
    return [[{ text: 'docs: ', dim: true }, { text: truncate(`…${f.url.slice(f.url.lastIndexOf('/'))}`, width - 6), underline: theme.color }]];
  };
  const notInText =
    item.message && !item.span ? [[{ text: `(the finding is on a field of this message, line ${f.line})`, dim: true }] as RichLine] : [];

  // Fit: shrink help, context, reason and docs before the message gets fewer than 2 lines.
  let helpLines = help;
  let reasonLines = reason;
  let contextLines = contextFull(2);
  let docLines = docs(2);
  const fixed = () => 1 + reasonLines.length + contextLines.length + notInText.length + helpLines.length + actions.length + docLines.length;
  const minMessage = item.message ? Math.min(2, wrapOffsets(item.message.text, Math.max(1, width - 2)).length) : 0;
  const short = () => height - fixed() < minMessage;
  if (short()) docLines = docs(1);
  if (short()) contextLines = contextFull(1);
  if (short() && helpLines.length > 1) helpLines = wrapped(f.help ?? '', width, 1, {}, { text: 'help: ', color: theme.accent, bold: true });
  if (short() && reasonLines.length > 1) reasonLines = wrapped(f.message, width, 1, { bold: true });
  if (short()) docLines = [];
  const message = messageLines(item, width, Math.max(minMessage, height - fixed()), theme);
  return [header, ...reasonLines, ...contextLines, ...message, ...notInText, ...helpLines, ...actions, ...docLines];
}

export function FindingDetail({ item, width, height, theme }: { item: ReviewItem | undefined; width: number; height: number; theme: Theme }) {
  return <RichLines width={width} height={height} lines={detailLines(item, width, height, theme)} />;
}
