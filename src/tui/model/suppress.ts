// "Suppress with a reason": writes a directive in the file's own comment syntax (see
// src/formats/directives.ts) so that the finding is silenced, and proves it before anything
// is written: every candidate edit is re-extracted (the messages' texts must not change —
// a comment inside a YAML block scalar or a Markdown paragraph would change them) and then
// re-linted (the finding must be gone and nothing new may appear). Candidates, in order:
//   1. `msglint-disable-next-line RULE -- reason` on its own line before the finding's line
//   2. `msglint-disable-line RULE -- reason` at the end of the finding's line
//   3. a `msglint-disable RULE -- reason` … `msglint-enable RULE` pair around the lines
//   JSON: a `"//<key>": "msglint-disable RULE -- reason"` field before the key, else a
//   `"msglint-disable": "RULE -- reason"` field in the enclosing object.
// `.txt` drafts have no comment syntax: suppression is refused with an explanation.
import { isMap, isScalar, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Finding } from '../../types.js';

export class SuppressError extends Error {}

export interface SuppressChecks {
  /** the file still extracts to the same message texts */
  sameMessages(text: string): boolean;
  /** undefined when the finding is silenced and nothing new appears, else why not */
  silenced(text: string): string | undefined;
}

interface Syntax {
  line: (directive: string) => string;
  trailing?: (directive: string) => string[];
}

function syntaxFor(filePath: string): Syntax | 'json' | undefined {
  const lower = filePath.toLowerCase();
  if (/\.(md|markdown)$/.test(lower)) return { line: (d) => `<!-- ${d} -->`, trailing: (d) => [` <!-- ${d} -->`, `<!-- ${d} -->`] };
  if (/\.ya?ml$/.test(lower)) return { line: (d) => `# ${d}`, trailing: (d) => [` # ${d}`] };
  if (lower.endsWith('.lg')) return { line: (d) => `> ${d}` };
  if (lower.endsWith('.json')) return 'json';
  return undefined;
}

/** A reason fit for one comment line (no line breaks, no comment terminators). */
export function cleanReason(reason: string): string {
  return reason.replace(/\s+/g, ' ').replace(/-->/g, '- ->').replace(/\s--\s/g, ' - ').trim();
}

/** Line start offsets; CRLF, LF and a lone CR each end a line (as finding positions count). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (const match of text.matchAll(/\r\n?|\n/g)) starts.push(match.index + match[0].length);
  return starts;
}

function lineEndOf(text: string, start: number): number {
  const end = text.slice(start).search(/[\r\n]/);
  return end === -1 ? text.length : start + end;
}

/** The file's line ending, used for inserted lines. */
function newlineOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : /\r(?!\n)/.test(text) && !text.includes('\n') ? '\r' : '\n';
}

export interface Suppression {
  text: string;
  /** what was inserted, for the status line */
  description: string;
}

export function planSuppression(filePath: string, text: string, finding: Finding, reason: string, checks: SuppressChecks): Suppression {
  if (!finding.ruleId) throw new SuppressError('only findings of a rule can be suppressed');
  const why = cleanReason(reason);
  if (!why) throw new SuppressError('a reason is required');
  const syntax = syntaxFor(filePath);
  if (!syntax) throw new SuppressError(`${filePath.split(/[\\/]/).pop()} has no comment syntax for directives; turn the rule off for this file in .lintrc \`overrides\` instead`);
  const rule = finding.ruleId;
  const failures: string[] = [];
  /** 'changed': the edit changes a message; 'kept': it does not silence; else the suppression. */
  const attempt = (candidate: string, description: string): Suppression | 'changed' | 'kept' => {
    if (candidate === text || !checks.sameMessages(candidate)) return 'changed';
    const problem = checks.silenced(candidate);
    if (problem) {
      failures.push(problem);
      return 'kept';
    }
    return { text: candidate, description };
  };
  const done = (r: Suppression | 'changed' | 'kept'): r is Suppression => typeof r === 'object';
  if (syntax === 'json') {
    for (const c of jsonCandidates(text, finding, rule, why)) {
      const found = attempt(c.text, c.description);
      if (done(found)) return found;
    }
    throw new SuppressError(`no msglint-disable field can silence this finding here${failures.length ? ` (${failures[0]})` : ''}; edit the file or the config instead`);
  }
  const nl = newlineOf(text);
  const starts = lineStarts(text);
  const lineStart = (line: number) => starts[line - 1] ?? text.length;
  const indentOf = (line: number) => /^[ \t]*/.exec(text.slice(lineStart(line)))![0];
  const insertBefore = (source: string, line: number, comment: string) => {
    const at = lineStart(line);
    return source.slice(0, at) + indentOf(line) + comment + nl + source.slice(at);
  };
  // 1. disable-next-line on its own line.
  const nextLine = `msglint-disable-next-line ${rule} -- ${why}`;
  const own = attempt(insertBefore(text, finding.line, syntax.line(nextLine)), `inserted \`${syntax.line(nextLine)}\` before line ${finding.line}`);
  if (done(own)) return own;
  // 2. disable-line at the end of the line.
  const sameLine = `msglint-disable-line ${rule} -- ${why}`;
  for (const trailing of syntax.trailing?.(sameLine) ?? []) {
    const end = lineEndOf(text, lineStart(finding.line));
    const found = attempt(text.slice(0, end) + trailing + text.slice(end), `added \`${trailing.trim()}\` to line ${finding.line}`);
    if (done(found)) return found;
  }
  // 3. A disable/enable pair: the nearest line above where a comment changes no message,
  //    and the nearest line below the finding.
  const disable = syntax.line(`msglint-disable ${rule} -- ${why}`);
  const enable = syntax.line(`msglint-enable ${rule}`);
  const lineCount = starts.length;
  for (let above = finding.line; above >= Math.max(1, finding.line - 40); above--) {
    const withDisable = insertBefore(text, above, disable);
    if (!checks.sameMessages(withDisable)) continue;
    const shiftedStarts = lineStarts(withDisable);
    // Lines after the insertion moved down by one.
    for (let below = finding.endLine + 1; below <= Math.min(lineCount + 1, finding.endLine + 41); below++) {
      let candidate: string;
      if (below + 1 > shiftedStarts.length) {
        candidate = withDisable + (/[\r\n]$/.test(withDisable) ? '' : nl) + enable + nl;
      } else {
        const s = shiftedStarts[below];
        const indent = /^[ \t]*/.exec(withDisable.slice(s))![0];
        candidate = withDisable.slice(0, s) + indent + enable + nl + withDisable.slice(s);
      }
      const found = attempt(candidate, `inserted \`${disable}\` before line ${above} and \`${enable}\` after line ${below - 1}`);
      if (done(found)) return found;
      if (found === 'kept') break;
    }
    break;
  }
  throw new SuppressError(`no directive placement silences this finding without changing a message${failures.length ? ` (${failures[0]})` : ''}`);
}

interface JsonCandidate {
  text: string;
  description: string;
}

function jsonCandidates(text: string, finding: Finding, rule: string, why: string): JsonCandidate[] {
  const doc = parseDocument(text, { keepSourceTokens: true, uniqueKeys: false });
  if (doc.errors.length > 0) return [];
  const at = finding.range[0];
  // The deepest key/value pair (in an object) whose value holds the finding.
  let best: { pair: Pair; map: YAMLMap } | undefined;
  const visit = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    if (isMap(node)) {
      for (const pair of node.items as Pair[]) {
        const value = pair.value as Node | null;
        const key = pair.key as Node | null;
        const from = key?.range?.[0];
        const to = value?.range?.[1];
        if (from !== undefined && to !== undefined && at >= from && at <= to && isScalar(key)) {
          best = { pair, map: node as YAMLMap };
          visit(value);
        }
      }
    } else if ('items' in (node as object)) {
      for (const item of (node as { items: unknown[] }).items) {
        const range = (item as Node | null)?.range;
        if (range && at >= range[0] && at <= range[1]) visit(item);
      }
    }
  };
  visit(doc.contents);
  if (!best) return [];
  const nl = newlineOf(text);
  const insertField = (keyStart: number, field: string) => {
    const lineStart = text.lastIndexOf('\n', keyStart - 1) + 1;
    const lead = text.slice(lineStart, keyStart);
    const separator = lead.trim() === '' ? `${nl}${lead}` : ' ';
    return `${text.slice(0, keyStart)}${field},${separator}${text.slice(keyStart)}`;
  };
  const out: JsonCandidate[] = [];
  const key = String((best.pair.key as { value: unknown }).value);
  const keyStart = (best.pair.key as Node).range![0];
  const slashField = `${JSON.stringify(`//${key}`)}: ${JSON.stringify(`msglint-disable ${rule} -- ${why}`)}`;
  out.push({ text: insertField(keyStart, slashField), description: `added \`${slashField}\`` });
  const first = (best.map.items as Pair[])[0];
  const firstStart = (first.key as Node).range![0];
  const disableField = `"msglint-disable": ${JSON.stringify(`${rule} -- ${why}`)}`;
  out.push({ text: insertField(firstStart, disableField), description: `added \`${disableField}\` to the enclosing object` });
  return out;
}
