// Shared helpers of the format adapter tests: read a real corpus file or a fixture, extract
// its messages with one adapter, and say where a piece of a message is in the file.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decode } from '../../src/engine/decode.js';
import { Linter } from '../../src/engine/lint.js';
import { LineIndex } from '../../src/engine/positions.js';
import { makeInput } from '../../src/formats/index.js';
import type { FormatAdapter } from '../../src/formats/types.js';
import type { Message, MessageContext } from '../../src/types.js';

/** A file of ../shared/corpora (beside this repository). */
export const corpus = (path: string) => fileURLToPath(new URL(`../../../shared/corpora/${path}`, import.meta.url));

export function read(path: string) {
  const text = decode(readFileSync(path)).text;
  return { text, input: makeInput(path, text), lines: new LineIndex(text) };
}

/** The adapter's messages of a file, by id, and `at(id, needle)`: `line:col-line:col` in the file. */
export function extractWith(adapter: FormatAdapter, path: string, defaults: Partial<MessageContext> = {}) {
  const { text, input, lines } = read(path);
  const extraction = adapter.extract(input, defaults);
  const byId = new Map(extraction.messages.map((m) => [m.id!, m]));
  const get = (id: string): Message => {
    const m = byId.get(id);
    if (!m) throw new Error(`no message ${id}; have ${[...byId.keys()].join(', ')}`);
    return m;
  };
  /** `line:col-line:col` of `needle` inside message `id` (the whole message without a needle). */
  const at = (id: string, needle?: string): string => {
    const m = get(id);
    const start = needle === undefined ? 0 : m.text.indexOf(needle);
    if (start < 0) throw new Error(`${JSON.stringify(needle)} not in ${JSON.stringify(m.text)}`);
    const end = needle === undefined ? m.text.length : start + needle.length;
    const s = lines.at(m.sourceMap.toFile(start));
    const e = lines.at(m.sourceMap.toFile(end, 'end'));
    return `${s.line}:${s.column}-${e.line}:${e.column}`;
  };
  return { text, lines, extraction, byId, get, at };
}

/** Lints a file with every default rule and no config. */
export const lint = (path: string) => new Linter({ useConfigFiles: false }).lintFile(path)!;

/** A finding as `rule line:col-line:col messageId`. */
export const brief = (f: { ruleId: string | null; line: number; column: number; endLine: number; endColumn: number; messageId?: string }) =>
  `${f.ruleId} ${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.messageId ?? ''}`.trim();
