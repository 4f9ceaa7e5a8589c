// Offsets → 1-based line and column (UTF-16 code units, as ESLint, LSP and SARIF's default).
// Line breaks are `\r\n`, `\n` and a lone `\r` (classic Mac), as ESLint and LSP count them.

export function lineColumn(text: string, offset: number): { line: number; column: number } {
  return new LineIndex(text).at(offset);
}

export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      // `\r\n` is one break: its `\r` is skipped here, its `\n` starts the next line.
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) this.starts.push(i + 1);
    }
  }

  at(offset: number): { line: number; column: number } {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= clamped) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: clamped - this.starts[lo] + 1 };
  }

  lineText(line: number): string {
    const start = this.starts[line - 1] ?? this.text.length;
    const end = this.starts[line] !== undefined ? this.starts[line] - 1 : this.text.length;
    return this.text.slice(start, end).replace(/\r$/, ''); // the `\r` of a `\r\n`
  }

  get lineCount(): number {
    return this.starts.length;
  }
}
