// Where a JSON text stops being JSON. V8 names the position in most of its JSON.parse messages,
// but not in "Unexpected token 'x', "…" is not valid JSON" (Node 20: trailing commas, stray
// characters), so the offset is found here by a small validator (a loop with an explicit
// stack: no recursion, any depth).

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const isDigit = (ch: string | undefined) => ch !== undefined && ch >= '0' && ch <= '9';
const isHex = (ch: string | undefined) => ch !== undefined && /^[0-9a-fA-F]$/.test(ch);

/** Offset of the first character JSON.parse rejects (text.length: unexpected end), or -1 when valid. */
export function jsonErrorOffset(text: string): number {
  const open: string[] = []; // `{` / `[` not yet closed
  // What may come next: a value, a key (in an object), or what follows a value.
  let expect: 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'after' = 'value';
  let i = 0;
  for (;;) {
    while (i < text.length && WHITESPACE.has(text[i])) i++;
    if (i >= text.length) return expect === 'after' && open.length === 0 ? -1 : i;
    const c = text[i];
    if (expect === 'after') {
      const top = open[open.length - 1];
      if (top && c === ',') expect = top === '{' ? 'key' : 'value';
      else if (top && c === (top === '{' ? '}' : ']')) open.pop();
      else return i; // a second value, or the wrong bracket
      i++;
      continue;
    }
    if ((expect === 'key-or-close' && c === '}') || (expect === 'value-or-close' && c === ']')) {
      open.pop();
      expect = 'after';
      i++;
      continue;
    }
    if (expect === 'key' || expect === 'key-or-close') {
      if (c !== '"') return i;
      i = stringEnd(text, i);
      if (i < 0 || i >= text.length) return i < 0 ? -i - 1 : i;
      while (i < text.length && WHITESPACE.has(text[i])) i++;
      if (text[i] !== ':') return i;
      i++;
      expect = 'value';
      continue;
    }
    expect = 'after';
    if (c === '{' || c === '[') {
      open.push(c);
      expect = c === '{' ? 'key-or-close' : 'value-or-close';
      i++;
    } else if (c === '"') {
      i = stringEnd(text, i);
      if (i < 0) return -i - 1;
    } else if (c === 't' || c === 'f' || c === 'n') {
      const word = c === 't' ? 'true' : c === 'f' ? 'false' : 'null';
      for (let k = 0; k < word.length; k++) if (text[i + k] !== word[k]) return i + k;
      i += word.length;
    } else {
      i = numberEnd(text, i);
      if (i < 0) return -i - 1;
    }
  }
}

/** Offset after the string opening at `i`, or -(offset of the error) - 1. */
function stringEnd(text: string, i: number): number {
  let j = i + 1;
  while (j < text.length) {
    const ch = text[j];
    if (ch === '"') return j + 1;
    if (ch === '\\') {
      const next = text[j + 1];
      if (next === undefined) return -text.length - 1;
      if (next === 'u') {
        for (let k = j + 2; k < j + 6; k++) if (!isHex(text[k])) return -Math.min(k, text.length) - 1;
        j += 6;
      } else if ('"\\/bfnrt'.includes(next)) j += 2;
      else return -(j + 1) - 1; // V8 points at the character after the backslash
      continue;
    }
    if (ch < ' ') return -j - 1; // raw control character
    j++;
  }
  return -text.length - 1; // unterminated
}

/** Offset after the number starting at `i`, or -(offset of the first wrong character) - 1. */
function numberEnd(text: string, i: number): number {
  let j = i;
  if (text[j] === '-') j++;
  if (text[j] === '0') j++;
  else if (isDigit(text[j])) while (isDigit(text[j])) j++;
  else return -j - 1;
  if (text[j] === '.') {
    j++;
    if (!isDigit(text[j])) return -j - 1;
    while (isDigit(text[j])) j++;
  }
  if (text[j] === 'e' || text[j] === 'E') {
    j++;
    if (text[j] === '+' || text[j] === '-') j++;
    if (!isDigit(text[j])) return -j - 1;
    while (isDigit(text[j])) j++;
  }
  return j;
}
