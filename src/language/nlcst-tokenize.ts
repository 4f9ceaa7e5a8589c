// The first step of the retext parsers (parse-latin's `tokenize`, which parse-english
// inherits), faster: it split a message into runs of white space, punctuation, word and
// symbol characters by testing every character against up to three large regular
// expressions, ~5% of a run. This is the same loop with each UTF-16 code unit classified
// once per process, by parse-latin's own tokenize (remembered in a table), so the trees are
// the same, object for object (test/language/nlcst-tokenize.test.ts compares them).
import type { Paragraph, SentenceContent } from 'nlcst';
import { ParseEnglish } from 'parse-english';
import { ParseLatin } from 'parse-latin';

const WHITE_SPACE = 1;
const PUNCTUATION = 2;
const WORD = 3;
const SYMBOL = 4;
const TYPES = ['', 'WhiteSpaceNode', 'PunctuationNode', 'WordNode', 'SymbolNode'] as const;
const stockTokenize = ParseLatin.prototype.tokenize;

/** Class of each code unit (0: not classified yet). */
const classes = new Uint8Array(65536);

/** What parse-latin makes of the code unit alone: the class its loop gives it. */
function classify(code: number): number {
  const kind = TYPES.indexOf(stockTokenize.call(new ParseLatin(), String.fromCharCode(code))[0].type as (typeof TYPES)[number]);
  classes[code] = kind;
  return kind;
}

interface Point {
  line: number;
  column: number;
  offset: number;
}

/** parse-latin 7's `ParseLatin#tokenize`, with classified code units instead of regex tests. */
export function tokenizeSentenceContent(value: string | null | undefined): SentenceContent[] {
  const children: SentenceContent[] = [];
  if (!value) return children;
  const currentPoint: Point = { line: 1, column: 1, offset: 0 };
  let from = 0;
  let index = 0;
  let start: Point = { ...currentPoint };
  let previousType = 0;
  let previous = -1;
  const length = value.length;
  while (index < length) {
    const current = value.charCodeAt(index);
    const currentType = classes[current] || classify(current);
    if (
      from < index &&
      previousType !== 0 &&
      !(
        previousType === currentType &&
        // Words or white space continue.
        (previousType === WORD ||
          previousType === WHITE_SPACE ||
          // Same character of punctuation or symbol also continues.
          current === previous ||
          // Surrogates of punctuation or symbol also continue.
          (current >= 0xd800 && current <= 0xdfff))
      )
    ) {
      const end = { ...currentPoint };
      children.push(createNode(previousType, value.slice(from, index), start, end));
      from = index;
      start = end;
    }
    if (current === 13 || (current === 10 && previous !== 13)) {
      currentPoint.line++;
      currentPoint.column = 1;
    } else if (current !== 10) {
      currentPoint.column++;
    }
    currentPoint.offset++;
    previousType = currentType;
    previous = current;
    index++;
  }
  if (previousType !== 0 && from < index) children.push(createNode(previousType, value.slice(from, index), start, { ...currentPoint }));
  return children;
}

// Unlike parse-latin, a node's end point is the next node's start point, and a word shares its
// points with its text: one point per boundary instead of three. Points are values nobody
// changes (parse-latin's plugins and msglint's rules replace them, never edit them), and there
// are ~100,000 boundaries in 1 MB of text. Positions stay separate objects: plugins reassign
// a word's `position.end` when they merge words.
function createNode(type: number, value: string, start: Point, end: Point): SentenceContent {
  return type === WORD
    ? {
        type: 'WordNode',
        children: [{ type: 'TextNode', value, position: { start, end } }],
        position: { start, end },
      }
    : ({ type: TYPES[type], value, position: { start, end } } as SentenceContent);
}

// parse-latin's `breakImplicitSentences` splits a sentence at white space with two or more
// line breaks, and finds it by splitting the text of every white-space node of every
// sentence on line breaks: 5% of what a run allocates. The stock plugin still does the work,
// for the paragraphs that have such white space (rare in chat messages); the others skip it.
type ParagraphPlugin = (paragraph: Paragraph) => void;

/** Does a sentence of the paragraph hold white space with two or more line breaks? */
function hasBlankLine(paragraph: Paragraph): boolean {
  for (const sentence of paragraph.children) {
    if (sentence.type !== 'SentenceNode') continue;
    for (const node of sentence.children) {
      if (node.type !== 'WhiteSpaceNode') continue;
      const text = node.value;
      let breaks = 0;
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 13 && text.charCodeAt(i + 1) === 10) i++; // \r\n is one break
        if ((c === 10 || c === 13) && ++breaks >= 2) return true;
      }
    }
  }
  return false;
}

/** The stock paragraph plugins, with breakImplicitSentences run only where it can act. */
function fasterParagraphPlugins(plugins: ParagraphPlugin[]): ParagraphPlugin[] {
  return plugins.map((plugin) => (isImplicitSentenceBreak(plugin) ? (paragraph: Paragraph) => void (hasBlankLine(paragraph) && plugin(paragraph)) : plugin));
}

/** Recognised by what it does (parse-latin does not export its plugins): it splits a sentence at a blank line. */
function isImplicitSentenceBreak(plugin: ParagraphPlugin): boolean {
  const point = { line: 1, column: 1, offset: 0 };
  const at = { start: point, end: point };
  const probe: Paragraph = {
    type: 'ParagraphNode',
    children: [
      {
        type: 'SentenceNode',
        children: [
          { type: 'WordNode', children: [{ type: 'TextNode', value: 'a', position: at }], position: at },
          { type: 'WhiteSpaceNode', value: '\n\n', position: at },
          { type: 'WordNode', children: [{ type: 'TextNode', value: 'b', position: at }], position: at },
        ],
        position: at,
      },
    ],
    position: at,
  };
  try {
    plugin(probe);
  } catch {
    return false;
  }
  return probe.children.length === 3 && probe.children[0].type === 'SentenceNode' && probe.children[2].type === 'SentenceNode';
}

/** parse-english's parser with the faster tokenizer. */
export class FastParseEnglish extends ParseEnglish {
  override tokenize(value: string | null | undefined): SentenceContent[] {
    return tokenizeSentenceContent(value);
  }
}
FastParseEnglish.prototype.tokenizeParagraphPlugins = fasterParagraphPlugins(ParseEnglish.prototype.tokenizeParagraphPlugins as ParagraphPlugin[]);

/** parse-latin's parser with the faster tokenizer. */
export class FastParseLatin extends ParseLatin {
  override tokenize(value: string | null | undefined): SentenceContent[] {
    return tokenizeSentenceContent(value);
  }
}
FastParseLatin.prototype.tokenizeParagraphPlugins = fasterParagraphPlugins(ParseLatin.prototype.tokenizeParagraphPlugins as ParagraphPlugin[]);
