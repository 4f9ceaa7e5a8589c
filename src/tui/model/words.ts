// "Add to dictionary": appends a word to `words` of a `.lintrc` (YAML or JSON). The yaml
// package's Document API finds the `words` node and its source range; the word is inserted
// at that range only, so every comment and all formatting survive. The result must parse
// to the same config plus the word, and validate as a config, before anything is written.
import { isMap, isScalar, isSeq, parse, parseDocument, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { parseConfig, type RuleCatalog } from '../../engine/config.js';

export class WordEditError extends Error {}

function isJsonText(filePath: string, text: string): boolean {
  return /\.json$/i.test(filePath) || /^\s*\{/.test(text);
}

function lineIndent(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lead = /^[ \t]*/.exec(text.slice(lineStart))![0];
  return text.slice(lineStart, offset).trim() === '' ? lead : '';
}

function newlineOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** `word` as a YAML scalar: plain when that reads back as the same string, else double-quoted. */
export function yamlLiteral(word: string): string {
  const plain = /^[^\s#:,[\]{}&*!|>'"%@`?-][^#:,[\]{}]*$/.test(word) && !/\s$/.test(word);
  if (plain) {
    try {
      if (parse(word) === word) return word;
    } catch {
      // not plain-safe
    }
  }
  return JSON.stringify(word);
}

/**
 * Inserts `word` into the config's `words` list. The yaml Document API locates the nodes;
 * the text is then changed only at those positions, so comments, blank lines, quoting and
 * flow/block styles stay exactly as written (re-serialising the document would normalise
 * the spacing of every flow collection in the file).
 */
function insertWord(filePath: string, text: string, word: string): string {
  const nl = newlineOf(text);
  const doc = parseDocument(text, { keepSourceTokens: true });
  if (doc.errors.length > 0) throw new WordEditError(`cannot parse the config: ${doc.errors[0].message.split('\n')[0]}`);
  const json = isJsonText(filePath, text);
  const literal = json ? JSON.stringify(word) : yamlLiteral(word);
  if (doc.contents === null) {
    if (json) return `{ "words": [${literal}] }${nl}`;
    return `${text}${text === '' || text.endsWith('\n') ? '' : nl}words:${nl}  - ${literal}${nl}`;
  }
  if (!isMap(doc.contents) || !doc.contents.range) throw new WordEditError('the config is not a mapping');
  const root = doc.contents as YAMLMap;
  const pair = (root.items as Pair[]).find((p) => isScalar(p.key) && p.key.value === 'words');
  if (pair) {
    const value = pair.value as Node | null;
    if (isSeq(value) && value.range) {
      const items = (value as YAMLSeq).items as Node[];
      if ((value as YAMLSeq).flow) {
        const close = text.lastIndexOf(']', value.range[1]);
        if (items.length === 0) return text.slice(0, close) + literal + text.slice(close);
        const last = items[items.length - 1];
        const multiline = text.slice(value.range[0], items[0].range![0]).includes('\n');
        const insertion = multiline ? `,${nl}${lineIndent(text, last.range![0])}${literal}` : `, ${literal}`;
        return text.slice(0, last.range![1]) + insertion + text.slice(last.range![1]);
      }
      // Block sequence: a new `- word` line after the last item, with its indentation.
      const last = items[items.length - 1];
      const lineStart = text.lastIndexOf('\n', last.range![0] - 1) + 1;
      const dash = /^([ \t]*)-[ \t]/.exec(text.slice(lineStart));
      if (!dash) throw new WordEditError('unusual `words` layout; add the word by hand');
      const lineEnd = text.indexOf('\n', last.range![1]);
      if (lineEnd === -1) return `${text}${nl}${dash[1]}- ${literal}${nl}`;
      return `${text.slice(0, lineEnd + 1)}${dash[1]}- ${literal}${nl}${text.slice(lineEnd + 1)}`;
    }
    if (value === null || (isScalar(value) && value.value === null)) {
      const keyEnd = (pair.key as Node).range![1];
      const colon = text.indexOf(':', keyEnd);
      const valueRange = (value as Node | null)?.range;
      if (valueRange && valueRange[1] > valueRange[0]) return `${text.slice(0, valueRange[0])}[${literal}]${text.slice(valueRange[1])}`;
      return `${text.slice(0, colon + 1)} [${literal}]${text.slice(colon + 1)}`;
    }
    throw new WordEditError('`words` is not a list');
  }
  if (json || root.flow) {
    const first = (root.items as Pair[])[0];
    if (!first) {
      const open = root.range![0];
      const close = text.lastIndexOf('}', root.range![1]);
      return `${text.slice(0, open)}{ ${json ? '"words"' : 'words'}: [${literal}] }${text.slice(close + 1)}`;
    }
    const keyStart = (first.key as Node).range![0];
    const indent = lineIndent(text, keyStart);
    const separator = indent || text.slice(root.range![0] + 1, keyStart).includes('\n') ? `${nl}${indent}` : ' ';
    return `${text.slice(0, keyStart)}${json ? '"words"' : 'words'}: [${literal}],${separator}${text.slice(keyStart)}`;
  }
  const indent = lineIndent(text, (root.items[0]?.key as Node | undefined)?.range?.[0] ?? 0);
  return `${text}${text.endsWith('\n') ? '' : nl}${indent}words:${nl}${indent}  - ${literal}${nl}`;
}

/** The config text with `word` added; throws WordEditError when it cannot be done safely. */
export function addWordToConfigText(filePath: string, text: string, word: string, catalog: RuleCatalog): string {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const body = bom ? text.slice(1) : text;
  const before = body.trim() === '' ? {} : (parse(body) as Record<string, unknown> | null) ?? {};
  const existing = Array.isArray(before.words) ? (before.words as unknown[]).map(String) : [];
  if (existing.includes(word)) throw new WordEditError(`\`${word}\` is already in \`words\``);
  const next = insertWord(filePath, body, word);
  // The edit must add exactly this word and change nothing else.
  const after = (parse(next) as Record<string, unknown> | null) ?? {};
  const { words: wordsAfter, ...restAfter } = after;
  const { words: _wordsBefore, ...restBefore } = before;
  if (!Array.isArray(wordsAfter) || JSON.stringify(wordsAfter.map(String)) !== JSON.stringify([...existing, word]) || JSON.stringify(restAfter) !== JSON.stringify(restBefore)) {
    throw new WordEditError('editing the config would change more than `words`; add the word by hand');
  }
  parseConfig(next, filePath, catalog); // throws ConfigError when the result is not a valid config
  return bom + next;
}

/** Contents of a new `.lintrc` holding one word. */
export function newConfigText(word: string): string {
  return `# msglint configuration (see .lintrc.example). Created by \`msglint review\` to add a word.\nwords:\n  - ${yamlLiteral(word)}\n`;
}
