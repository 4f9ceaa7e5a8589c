// A small JSON parser that remembers where each object's values are (offsets into the text),
// so findings can point at the `timestamp`, `tag` or inside the `text` of a record, and the
// mapping from a decoded string offset back through JSON escapes to the raw text.

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** value span [start, end) of each key of an object (the last one wins for duplicate keys) */
export type Spans = Map<string, [number, number]>;

export interface Parsed {
  value: unknown;
  spans: WeakMap<object, Spans>;
}

export function parseWithSpans(text: string, start = 0): Parsed {
  const spans = new WeakMap<object, Spans>();
  let i = start;
  const ws = () => {
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else return;
    }
  };
  const fail = (what: string): never => {
    throw new JsonSyntaxError(i >= text.length ? 'Unexpected end of JSON' : `${what} at ${JSON.stringify(text[i])}`, Math.min(i, text.length));
  };
  const string = (): string => {
    const open = i;
    let escaped = false;
    i++;
    for (;;) {
      if (i >= text.length) {
        i = open;
        throw new JsonSyntaxError('Unterminated string', open);
      }
      const c = text.charCodeAt(i);
      if (c === 34) break;
      if (c === 92) {
        escaped = true;
        i += 2;
        continue;
      }
      if (c < 32) fail('Control character in string');
      i++;
    }
    i++;
    const raw = text.slice(open, i);
    if (!escaped) return raw.slice(1, -1);
    try {
      return JSON.parse(raw) as string;
    } catch {
      throw new JsonSyntaxError('Invalid escape in string', open);
    }
  };
  const value = (depth: number): unknown => {
    if (depth > 512) fail('Too deeply nested');
    ws();
    const c = text[i];
    if (c === '"') return string();
    if (c === '{') {
      i++;
      const object: Record<string, unknown> = {};
      const map: Spans = new Map();
      spans.set(object, map);
      ws();
      if (text[i] === '}') {
        i++;
        return object;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('Expected a property name');
        const key = string();
        ws();
        if (text[i] !== ':') fail('Expected `:`');
        i++;
        ws();
        const from = i;
        const v = value(depth + 1);
        Object.defineProperty(object, key, { value: v, enumerable: true, writable: true, configurable: true });
        map.set(key, [from, i]);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return object;
        }
        fail('Expected `,` or `}`');
      }
    }
    if (c === '[') {
      i++;
      const array: unknown[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return array;
      }
      for (;;) {
        array.push(value(depth + 1));
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return array;
        }
        fail('Expected `,` or `]`');
      }
    }
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 64));
    if (!literal) fail('Unexpected character');
    i += literal![0].length;
    const word = literal![0];
    return word === 'true' ? true : word === 'false' ? false : word === 'null' ? null : Number(word);
  };
  const result = value(0);
  ws();
  if (i < text.length) fail('Unexpected content after the JSON value');
  return { value: result, spans };
}

/**
 * The raw index in `text` of the decoded offset `decoded` inside the JSON string whose opening
 * quote is at `quote`: escapes (`\n`, `\"`, `\u00e9`, surrogate pairs as two `\uXXXX`) count as
 * one UTF-16 code unit of the decoded string, other characters as themselves.
 */
export function rawIndexInJsonString(text: string, quote: number, decoded: number): number {
  let i = quote + 1;
  let d = 0;
  while (d < decoded && i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 34) break;
    i += c === 92 ? (text[i + 1] === 'u' ? 6 : 2) : 1;
    d++;
  }
  return i;
}
