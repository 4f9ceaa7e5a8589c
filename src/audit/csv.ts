// A streaming RFC 4180 CSV parser fed one physical line at a time (from readLines), so a
// quoted field may span lines without the file ever being held in memory. It keeps only the
// current record: its fields, the physical lines it spans and where each field starts, so a
// finding can be mapped back into a field through `""` escapes and embedded line breaks.
//
// Accepted: `,` separators, `"`-quoted fields with `""` for a quote, CRLF or LF line ends
// (kept as written inside quoted fields), blank lines between records (skipped). Lenient: a
// `"` inside an unquoted field is taken literally. Errors (the record is skipped, parsing
// resumes on the next line): a character other than `,` after a closing quote; a quoted
// field still open at the end of the file.
import type { Line } from './lines.js';

export interface FieldSpan {
  /** index into `lines` of the physical line where the field's content starts */
  line: number;
  /** 0-based column of the content's first character (after the opening quote) */
  column: number;
  quoted: boolean;
}

export interface CsvRecord {
  fields: string[];
  spans: FieldSpan[];
  /** the physical lines of the record (line numbers, offsets, CRLF flags) */
  lines: Line[];
}

export interface CsvHandler {
  record(record: CsvRecord): void;
  error(line: number, offset: number, column: number, message: string): void;
}

export class CsvParser {
  private fields: string[] = [];
  private spans: FieldSpan[] = [];
  private lines: Line[] = [];
  private current = '';
  private span: FieldSpan = { line: 0, column: 0, quoted: false };
  private inQuotes = false;
  private active = false;

  constructor(private readonly handler: CsvHandler) {}

  push(line: Line): void {
    const t = line.text;
    if (!this.active) {
      if (t === '') return; // blank line between records
      this.active = true;
      this.startField(0, 0);
    }
    this.lines.push(line);
    const L = this.lines.length - 1;
    let i = 0;
    for (;;) {
      if (this.inQuotes) {
        const q = t.indexOf('"', i);
        if (q === -1) {
          this.current += t.slice(i);
          this.current += line.crlf ? '\r\n' : '\n';
          return; // the quoted field goes on in the next line
        }
        this.current += t.slice(i, q);
        if (t.charCodeAt(q + 1) === 34) {
          this.current += '"';
          i = q + 2;
          continue;
        }
        this.inQuotes = false;
        i = q + 1;
        if (i === t.length) break;
        if (t.charCodeAt(i) === 44) {
          this.endField();
          i++;
          this.startField(L, i);
          continue;
        }
        const first = this.lines[0];
        const where = first.number === line.number ? '' : ` (in the record starting on line ${first.number})`;
        this.handler.error(line.number, line.offset, i + 1, `Malformed CSV record: unexpected ${JSON.stringify(t[i])} after a closing quote${where}; a quote inside a quoted field is written \`""\``);
        this.reset();
        return;
      }
      if (i === this.span.column && this.span.line === L && t.charCodeAt(i) === 34 && this.current === '') {
        this.inQuotes = true;
        this.span = { line: L, column: i + 1, quoted: true };
        i++;
        continue;
      }
      const comma = t.indexOf(',', i);
      if (comma === -1) {
        this.current += t.slice(i);
        break;
      }
      this.current += t.slice(i, comma);
      this.endField();
      i = comma + 1;
      this.startField(L, i);
    }
    // End of the physical line outside quotes: the record is complete.
    this.endField();
    this.handler.record({ fields: this.fields, spans: this.spans, lines: this.lines });
    this.reset();
  }

  /** Call at the end of the file. */
  end(): void {
    if (this.active && this.inQuotes) {
      const first = this.lines[0];
      this.handler.error(first.number, first.offset, 1, `Malformed CSV record: the quoted field opened on line ${first.number + this.span.line} is never closed`);
    }
    this.reset();
  }

  private startField(line: number, column: number): void {
    this.current = '';
    this.span = { line, column, quoted: false };
  }

  private endField(): void {
    this.fields.push(this.current);
    this.spans.push(this.span);
    this.current = '';
  }

  private reset(): void {
    this.fields = [];
    this.spans = [];
    this.lines = [];
    this.current = '';
    this.inQuotes = false;
    this.active = false;
  }
}

/**
 * Where the decoded offset `decoded` of a field lies in the file: walks the field's raw text,
 * counting `""` as one character and each embedded line break as written (1 or 2 characters).
 */
export function csvPosition(record: CsvRecord, field: number, decoded: number): { line: number; column: number; offset: number } {
  const span = record.spans[field];
  let li = span.line;
  let ci = span.column;
  let k = 0;
  while (k < decoded) {
    const physical = record.lines[li];
    if (!physical) break;
    if (ci >= physical.text.length) {
      if (li + 1 >= record.lines.length) break;
      k += physical.crlf ? 2 : 1;
      li++;
      ci = 0;
      continue;
    }
    ci += span.quoted && physical.text.charCodeAt(ci) === 34 ? 2 : 1;
    k++;
  }
  const at = record.lines[Math.min(li, record.lines.length - 1)];
  return { line: at.number, column: ci + 1, offset: at.offset + ci };
}
