// A fast reader for the YAML most message files are: block mappings and sequences of
// one-line plain or quoted strings, and JSON. The `yaml` library's lexer, CST and composer
// cost ~100 µs for a two-message file, a sixth of a 5,000-file run, and ~0.4 s for 1 MB of
// JSON; this reader builds the same nodes (the library's own classes, with the same values,
// types, ranges and source tokens as far as the adapters read them) in a fraction of that.
// Anything outside that subset — comments, block scalars, flow collections other than
// JSON's, anchors, tags, multi-line scalars, non-string plain scalars in block style, tabs,
// duplicate keys, document markers — returns undefined, and the library reads the file.
// One difference is deliberate: in JSON, a node's third range offset (where its trailing
// whitespace ends, which no adapter reads) is its second. test/formats/yaml-fast.test.ts
// compares both readers' trees on real and generated files.
import { Document, Pair, Scalar, YAMLMap, YAMLSeq, type DocumentOptions, type ParseOptions, type SchemaOptions } from 'yaml';
import { SIMPLE_ESCAPES } from './yaml-scalar.js';

/** Deeper files go to the library (which also enforces the real nesting limit). */
const MAX_DEPTH = 32;
/** YAML limits implicit keys to 1024 characters (the library reports longer ones). */
const MAX_KEY = 1000;

type Node = YAMLMap | YAMLSeq | Scalar;

// The library's constructors mark every node's type with Object.defineProperty (a slow path in
// V8) and every Document builds a Schema: a 5,000-file run spent ~70 ms there. The nodes here
// are made from prototypes that carry the type mark (and the collections' schema, both
// non-enumerable, as the library makes them), and documents share one schema, options and
// directives per set of options (nothing here or in the adapters changes them).
const NODE_TYPE = Symbol.for('yaml.node.type');

function marked<T extends object>(proto: T, type: string, extra: PropertyDescriptorMap = {}): T {
  return Object.create(proto, { [NODE_TYPE]: { value: Symbol.for(type) }, ...extra }) as T;
}

const scalarProto = marked(Scalar.prototype, 'yaml.scalar');
const pairProto = marked(Pair.prototype, 'yaml.pair');
const collectionProtos = new WeakMap<object, { map: YAMLMap; seq: YAMLSeq }>();

function newScalar(value: unknown): Scalar {
  const scalar = Object.create(scalarProto) as Scalar;
  scalar.value = value;
  return scalar;
}

function newPair(key: Scalar, value: Node): Pair {
  const pair = Object.create(pairProto) as Pair;
  pair.key = key;
  pair.value = value;
  return pair;
}

function newCollection<K extends 'map' | 'seq'>(kind: K, schema: Document.Parsed['schema']): K extends 'map' ? YAMLMap : YAMLSeq {
  let protos = collectionProtos.get(schema);
  if (!protos) {
    const own = (value: unknown) => ({ schema: { value, configurable: true, enumerable: false, writable: true } });
    protos = { map: marked(YAMLMap.prototype, 'yaml.map', own(schema)), seq: marked(YAMLSeq.prototype, 'yaml.seq', own(schema)) };
    collectionProtos.set(schema, protos);
  }
  const collection = Object.create(protos[kind]) as YAMLMap & YAMLSeq;
  collection.items = [];
  return collection as K extends 'map' ? YAMLMap : YAMLSeq;
}

const docProto = marked(Document.prototype, 'yaml.document');
const templates = new Map<string, Document.Parsed>();

/** An empty parsed document, as `new Document(undefined, options)` makes it. */
function newDocument(options: ParseOptions & DocumentOptions & SchemaOptions): Document.Parsed {
  const key = JSON.stringify(options);
  let template = templates.get(key);
  if (!template) templates.set(key, (template = new Document(undefined, options) as Document.Parsed));
  const doc = Object.create(docProto) as Document.Parsed;
  doc.commentBefore = null;
  doc.comment = null;
  doc.errors = [];
  doc.warnings = [];
  doc.options = template.options;
  doc.directives = template.directives;
  doc.schema = template.schema;
  doc.contents = null;
  return doc;
}

/** Thrown inside the reader: the text is outside the subset. */
const OUTSIDE = new Error('outside the fast YAML subset');

class Reader {
  pos = 0;
  /** a blank line was skipped before the current line */
  blankBefore = false;
  /** blank lines seen by a nested node that ended: they come before the parent's next entry */
  private carriedBlank = false;

  constructor(
    readonly text: string,
    readonly doc: Document.Parsed,
  ) {}

  /**
   * Moves to the first content of the next non-blank line (from a line start); returns its
   * column, or -1 at the end of the text. Comments, tabs and lone CRs are outside the subset.
   */
  nextLine(): number {
    const t = this.text;
    this.blankBefore = this.carriedBlank;
    this.carriedBlank = false;
    for (;;) {
      let i = this.pos;
      while (t.charCodeAt(i) === 32) i++;
      if (i >= t.length) {
        this.pos = t.length;
        return -1;
      }
      const c = t.charCodeAt(i);
      if (c === 10) {
        this.pos = i + 1;
        this.blankBefore = true;
        continue;
      }
      if (c === 13) {
        if (t.charCodeAt(i + 1) !== 10) throw OUTSIDE;
        this.pos = i + 2;
        this.blankBefore = true;
        continue;
      }
      if (c === 9 || c === 35) throw OUTSIDE; // tab, comment
      const column = i - this.pos;
      this.pos = i;
      return column;
    }
  }

  /** After a value on its line: skips trailing spaces and the line break; returns the node end. */
  endOfLine(): number {
    const t = this.text;
    let i = this.pos;
    while (t.charCodeAt(i) === 32) i++;
    if (i >= t.length) return (this.pos = t.length);
    const c = t.charCodeAt(i);
    if (c === 10) return (this.pos = i + 1);
    if (c === 13 && t.charCodeAt(i + 1) === 10) return (this.pos = i + 2);
    throw OUTSIDE; // a comment, or anything else after the value
  }

  /** A block node whose first line starts at `this.pos`, at `column`. */
  block(column: number, depth: number): YAMLMap | YAMLSeq {
    if (depth > MAX_DEPTH) throw OUTSIDE;
    return this.isSeqItem(this.pos) ? this.seq(column, depth) : this.map(column, depth);
  }

  /** Is `i` at the end of its line (spaces already skipped)? */
  atLineEnd(i: number): boolean {
    const c = this.text.charCodeAt(i);
    return i >= this.text.length || c === 10 || c === 13;
  }

  /**
   * The block on the lines below an indicator that ends its line (`key:`, `-`), indented
   * more than `column`; a sequence may also sit at `column` when `seqAtColumn` (under a key).
   * An empty value (null) is outside the subset.
   */
  blockBelow(column: number, depth: number, seqAtColumn: boolean): YAMLMap | YAMLSeq {
    this.endOfLine();
    const col = this.nextLine();
    if (col < 0 || this.blankBefore) throw OUTSIDE;
    if (col < column || (col === column && !(seqAtColumn && this.isSeqItem(this.pos)))) throw OUTSIDE;
    return this.block(col, depth + 1);
  }

  isSeqItem(i: number): boolean {
    const t = this.text;
    if (t.charCodeAt(i) !== 45) return false; // -
    const next = t.charCodeAt(i + 1);
    return next === 32 || next === 10 || next === 13 || i + 1 >= t.length;
  }

  /** A block sequence at `column`; `this.pos` is at its first `-`. */
  seq(column: number, depth: number): YAMLSeq {
    const t = this.text;
    const seq = newCollection('seq', this.doc.schema);
    const start = this.pos;
    let end = start;
    let spaceBefore = false;
    for (;;) {
      // `this.pos` is at a `-` in `column`.
      let i = this.pos + 1;
      while (t.charCodeAt(i) === 32) i++;
      let item: Node;
      if (this.atLineEnd(i)) {
        // `-` alone: the item is the block on the next lines.
        this.pos = i;
        item = this.blockBelow(column, depth, false);
      } else {
        const col = column + (i - this.pos);
        this.pos = i;
        if (this.isSeqItem(i)) throw OUTSIDE; // - - nested on one line
        item = this.keyColon(i) >= 0 ? this.map(col, depth + 1) : this.scalarValue(col);
      }
      end = item.range![2];
      if (spaceBefore) item.spaceBefore = true;
      seq.items.push(item);
      const col = this.nextLine();
      spaceBefore = this.blankBefore;
      // Ends at a shallower line, or at its parent's next key when it sits at the key's column.
      if (col < column || (col === column && !this.isSeqItem(this.pos))) break;
      if (col > column) throw OUTSIDE;
    }
    if (this.pos < t.length) this.rewindToLineStart();
    seq.range = [start, end, end];
    return seq;
  }

  /** A block mapping whose keys are at `column`; `this.pos` is at its first key. */
  map(column: number, depth: number): YAMLMap {
    if (depth > MAX_DEPTH) throw OUTSIDE;
    const t = this.text;
    const map = newCollection('map', this.doc.schema);
    const start = this.pos;
    let end = start;
    const keys = new Set<string>();
    let spaceBefore = false;
    for (;;) {
      const keyStart = this.pos;
      const colon = this.keyColon(keyStart);
      if (colon < 0) throw OUTSIDE;
      const source = t.slice(keyStart, colon);
      if (!plainString(source) || source.includes(' #') || keys.has(source) || colon - keyStart > MAX_KEY) throw OUTSIDE;
      keys.add(source);
      const key = scalarNode(source, Scalar.PLAIN, t, keyStart, colon, colon, column);
      if (spaceBefore) key.spaceBefore = true;
      let i = colon + 1;
      while (t.charCodeAt(i) === 32) i++;
      this.pos = i;
      const value = this.atLineEnd(i) ? this.blockBelow(column, depth, true) : this.scalarValue(column);
      end = value.range![2];
      map.items.push(newPair(key, value));
      const col = this.nextLine();
      spaceBefore = this.blankBefore;
      if (col < column) break;
      if (col > column || this.isSeqItem(this.pos)) throw OUTSIDE;
    }
    if (this.pos < t.length) this.rewindToLineStart();
    map.range = [start, end, end];
    return map;
  }

  /** Back to the start of the current line (a parent reads its indentation again). */
  rewindToLineStart(): void {
    const t = this.text;
    let i = this.pos;
    while (i > 0 && t.charCodeAt(i - 1) === 32) i--;
    this.pos = i;
    this.carriedBlank = this.blankBefore;
  }

  /** Offset of the `: ` (or `:` at the line end) that ends a plain key starting at `i`, or -1. */
  keyColon(i: number): number {
    const t = this.text;
    const c = t.charCodeAt(i);
    if (c === 34 || c === 39) return -1; // quoted: a value (or a quoted key: outside)
    for (let j = i; j < t.length; j++) {
      const d = t.charCodeAt(j);
      if (d === 10 || d === 13) return -1;
      if (d === 58) {
        const n = t.charCodeAt(j + 1);
        if (j + 1 >= t.length || n === 32 || n === 10 || n === 13) return j;
      }
    }
    return -1;
  }

  /** A one-line scalar value at `this.pos`; `indent` is the source token's indent. */
  scalarValue(indent: number): Scalar {
    const t = this.text;
    const start = this.pos;
    const c = t.charCodeAt(start);
    let value: string;
    let type: Scalar.Type;
    let valueEnd: number;
    if (c === 34) {
      [value, valueEnd] = doubleQuoted(t, start);
      type = Scalar.QUOTE_DOUBLE;
    } else if (c === 39) {
      [value, valueEnd] = singleQuoted(t, start);
      type = Scalar.QUOTE_SINGLE;
    } else {
      let j = start;
      while (j < t.length) {
        const d = t.charCodeAt(j);
        if (d === 10 || d === 13) break;
        j++;
      }
      let e = j;
      while (t.charCodeAt(e - 1) === 32) e--;
      value = t.slice(start, e);
      if (!plainString(value) || value.includes(': ') || value.endsWith(':') || value.includes(' #')) throw OUTSIDE;
      valueEnd = e;
      type = Scalar.PLAIN;
    }
    this.pos = valueEnd;
    return scalarNode(value, type, t, start, valueEnd, this.endOfLine(), indent);
  }
}

/**
 * JSON: flow mappings and sequences of double-quoted strings, numbers, true, false and null,
 * separated by spaces and line breaks. `this.pos` is at the `{` or `[`.
 */
class JsonReader {
  pos = 0;
  /** indentation of the current line (the library's `indent` of a token) */
  private lineIndent = 0;

  constructor(
    readonly text: string,
    readonly doc: Document.Parsed,
  ) {
    while (text.charCodeAt(this.lineIndent) === 32) this.lineIndent++;
  }

  /** the last skip() crossed a blank line (the next node gets `spaceBefore`, as in the library) */
  private blank = false;
  /** line breaks the last skip() crossed */
  private breaks = 0;

  /** Skips spaces and line breaks; returns the next character code (NaN at the end). */
  skip(): number {
    const t = this.text;
    this.breaks = 0;
    for (;;) {
      const c = t.charCodeAt(this.pos);
      if (c === 32 || c === 9) this.pos++; // tabs separate tokens in flow style (not indentation)
      else if (c === 10 || (c === 13 && t.charCodeAt(this.pos + 1) === 10)) {
        if (++this.breaks === 2) this.blank = true;
        this.pos += c === 10 ? 1 : 2;
        let i = this.pos;
        while (t.charCodeAt(i) === 32) i++;
        this.lineIndent = i - this.pos;
      } else if (c === 13 || c === 35) throw OUTSIDE; // lone CRs, comments
      else return c;
    }
  }

  value(depth: number): Node {
    if (depth > MAX_DEPTH) throw OUTSIDE;
    const c = this.skip();
    const spaceBefore = this.blank;
    this.blank = false;
    let node: Node;
    if (c === 123) node = this.collection(newCollection('map', this.doc.schema), 125, depth);
    else if (c === 91) node = this.collection(newCollection('seq', this.doc.schema), 93, depth);
    else if (c === 34) node = this.string();
    else node = this.plain();
    if (spaceBefore) node.spaceBefore = true;
    return node;
  }

  /** `{…}` or `[…]`; `close` is the closing bracket's code. */
  collection<T extends YAMLMap | YAMLSeq>(node: T, close: number, depth: number): T {
    const start = this.pos++;
    this.blank = false;
    node.flow = true;
    const isMap = node instanceof YAMLMap;
    const keys = isMap ? new Set<string>() : undefined;
    if (this.skip() === close) this.pos++;
    else {
      for (;;) {
        if (keys) {
          if (this.skip() !== 34) throw OUTSIDE;
          const spaceBefore = this.blank;
          this.blank = false;
          const key = this.string();
          if (key.range![1] - key.range![0] > MAX_KEY) throw OUTSIDE;
          if (spaceBefore) key.spaceBefore = true;
          if (keys.has(key.value as string)) throw OUTSIDE;
          keys.add(key.value as string);
          // `:` on the key's line (one at a line start indents what follows, in the library)
          if (this.skip() !== 58 || this.breaks > 0) throw OUTSIDE;
          this.pos++;
          this.blank = false;
          (node as YAMLMap).items.push(newPair(key, this.value(depth + 1)));
        } else (node as YAMLSeq).items.push(this.value(depth + 1));
        const c = this.skip();
        this.pos++;
        this.blank = false;
        if (c === close) break;
        if (c !== 44) throw OUTSIDE; // ,
      }
    }
    node.range = [start, this.pos, this.pos];
    return node;
  }

  string(): Scalar {
    const start = this.pos;
    const [value, end] = doubleQuoted(this.text, start);
    this.pos = end;
    return scalarNode(value, Scalar.QUOTE_DOUBLE, this.text, start, end, end, this.lineIndent);
  }

  /** A number, true, false or null, typed as the core schema types it. */
  plain(): Scalar {
    const t = this.text;
    const start = this.pos;
    let end = start;
    for (let c = t.charCodeAt(end); (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || c === 45 || c === 43 || c === 46 || c === 69; c = t.charCodeAt(++end));
    const source = t.slice(start, end);
    const node = (value: unknown) => scalarNode(value, Scalar.PLAIN, t, start, end, end, this.lineIndent);
    this.pos = end;
    if (source === 'true' || source === 'false') return node(source === 'true');
    if (source === 'null') return node(null);
    if (/^-?(?:0|[1-9][0-9]{0,14})$/.test(source)) return node(parseInt(source, 10));
    if (/^-?(?:0|[1-9][0-9]{0,14})\.[0-9]{1,15}$/.test(source)) {
      const scalar = node(parseFloat(source));
      // as the core schema's float: trailing zeros are remembered for writing it back
      if (source.endsWith('0')) scalar.minFractionDigits = source.length - source.indexOf('.') - 1;
      return scalar;
    }
    if (/^-?(?:0|[1-9][0-9]{0,14})(?:\.[0-9]{1,15})?[eE][-+]?[0-9]{1,3}$/.test(source)) {
      const scalar = node(parseFloat(source));
      scalar.format = 'EXP';
      return scalar;
    }
    throw OUTSIDE;
  }
}

// JSON's escapes only (`\uXXXX` apart), as YAML decodes them: the other YAML escapes go to the library.
const ESCAPES: Record<string, string> = Object.fromEntries([...'"\\/bfnrt'].map((c) => [c, SIMPLE_ESCAPES[c]]));

/** `"…"` on one line with JSON's escapes: [value, end offset]. */
function doubleQuoted(t: string, start: number): [string, number] {
  let out = '';
  let from = start + 1;
  for (let j = start + 1; j < t.length; j++) {
    const d = t.charCodeAt(j);
    if (d === 34) return [out + t.slice(from, j), j + 1];
    if (d === 10 || d === 13 || d === 9) throw OUTSIDE; // folded lines, tabs
    if (d === 92) {
      out += t.slice(from, j);
      const e = t[j + 1];
      const simple = ESCAPES[e];
      if (simple !== undefined) {
        out += simple;
        j += 1;
      } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(t.slice(j + 2, j + 6))) {
        out += String.fromCharCode(parseInt(t.slice(j + 2, j + 6), 16));
        j += 5;
      } else throw OUTSIDE;
      from = j + 1;
    }
  }
  throw OUTSIDE; // unterminated: the library reports it
}

/** `'…'` on one line (`''` is a quote): [value, end offset]. */
function singleQuoted(t: string, start: number): [string, number] {
  let out = '';
  let from = start + 1;
  for (let j = start + 1; j < t.length; j++) {
    const d = t.charCodeAt(j);
    if (d === 10 || d === 13 || d === 9) throw OUTSIDE;
    if (d === 39) {
      if (t.charCodeAt(j + 1) === 39) {
        out += t.slice(from, j + 1);
        j++;
        from = j + 1;
        continue;
      }
      return [out + t.slice(from, j), j + 1];
    }
  }
  throw OUTSIDE;
}

/**
 * A plain scalar the core schema reads as this very string: no indicator first, no value of
 * another type (null, booleans, numbers), nothing the library would read differently.
 */
function plainString(s: string): boolean {
  if (s.length === 0) return false;
  const c = s.charCodeAt(0);
  // - ? : , [ ] { } # & * ! | > ' " % @ ` and digits, +, ., ~ (numbers, null)
  if ('-?:,[]{}#&*!|>\'"%@`+.~0123456789 '.includes(s[0]) || c < 32) return false;
  if (/^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$/.test(s)) return false;
  for (let i = 0; i < s.length; i++) {
    const d = s.charCodeAt(i);
    if (d === 9 || d < 32 || d === 0x7f || d === 0xfeff) return false;
  }
  return !s.endsWith(' ');
}

const TOKEN_TYPES: Partial<Record<Scalar.Type, string>> = { PLAIN: 'scalar', QUOTE_DOUBLE: 'double-quoted-scalar', QUOTE_SINGLE: 'single-quoted-scalar' };

/**
 * A scalar as the library composes it: text[start, valueEnd) is its source, nodeEnd where its
 * trailing spaces and line break end; `source` is the raw text when plain, the value when quoted.
 */
function scalarNode(value: unknown, type: Scalar.Type, text: string, start: number, valueEnd: number, nodeEnd: number, indent: number): Scalar {
  const scalar = newScalar(value);
  const raw = text.slice(start, valueEnd);
  scalar.range = [start, valueEnd, nodeEnd];
  scalar.type = type;
  scalar.source = type === Scalar.PLAIN ? raw : String(value);
  (scalar as unknown as { srcToken: object }).srcToken = { type: TOKEN_TYPES[type], offset: start, indent, source: raw };
  return scalar;
}

/**
 * The document for `text` when it is in the fast subset (a block mapping or sequence at
 * column 0), else undefined: the caller then parses it with the library.
 */
export function readSimpleYaml(text: string, options: ParseOptions & DocumentOptions & SchemaOptions): Document.Parsed | undefined {
  if (text.charCodeAt(0) === 0xfeff) return undefined;
  const doc = newDocument(options);
  const reader = new Reader(text, doc);
  try {
    const first = text[/^[ \r\n]*/.exec(text)![0].length];
    if (first === '{' || first === '[') return readJson(text, doc);
    const column = reader.nextLine();
    if (column !== 0) return undefined; // empty, or indented at the top
    if (text.startsWith('---') || text.startsWith('...') || text.startsWith('%')) return undefined;
    const contents = reader.block(0, 0);
    if (reader.nextLine() !== -1) return undefined; // something after the top node
    doc.contents = contents as Document.Parsed['contents'];
    doc.range = [contents.range![0], contents.range![2], text.length];
    return doc;
  } catch (error) {
    if (error === OUTSIDE) return undefined;
    throw error;
  }
}

function readJson(text: string, doc: Document.Parsed): Document.Parsed | undefined {
  const reader = new JsonReader(text, doc);
  const contents = reader.value(0);
  delete contents.spaceBefore; // blank lines before the document are not the node's
  if (!Number.isNaN(reader.skip())) return undefined; // something after the top node
  doc.contents = contents as Document.Parsed['contents'];
  // as the library: from the start of the line the document starts on
  doc.range = [text.lastIndexOf('\n', contents.range![0]) + 1, contents.range![2], text.length];
  return doc;
}
