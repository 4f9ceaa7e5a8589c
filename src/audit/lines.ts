// Streams a file as lines without holding it in memory: bytes are read in 1 MiB chunks into
// one reused buffer (no garbage per chunk), cut at the last newline, validated as UTF-8 (a chunk at a time, line by line only when a chunk is
// invalid) and decoded; the handler is called synchronously for every line with its 1-based
// number and its offset in UTF-16 code units (the unit of msglint's positions, BOM excluded).
import { open } from 'node:fs/promises';
import { isUtf8 } from 'node:buffer';

export interface Line {
  /** the line without its `\n` or `\r\n` */
  text: string;
  /** 1-based line number */
  number: number;
  /** offset of the line's first character in the decoded file (UTF-16 code units) */
  offset: number;
  /** the line ended with `\r\n` */
  crlf: boolean;
  /** the file ends after this line without a final newline */
  last: boolean;
}

export interface LineHandler {
  line(line: Line): void;
  /** a line that is not valid UTF-8, or longer than `maxLineBytes` (skipped) */
  bad(number: number, offset: number, reason: string): void;
}

export interface ReadLinesOptions {
  chunkSize?: number;
  /** lines longer than this are reported through `bad` and skipped (default 64 MiB) */
  maxLineBytes?: number;
}

/** Thrown for files that cannot be read as UTF-8 text at all (UTF-16, missing file). */
export class UnreadableError extends Error {}

const NEWLINE = 0x0a;

export async function readLines(path: string, handler: LineHandler, options: ReadLinesOptions = {}): Promise<{ lines: number; chars: number }> {
  const maxLine = options.maxLineBytes ?? 64 * 1024 * 1024;
  const file = await open(path, 'r');
  const buffer = Buffer.allocUnsafe(options.chunkSize ?? 1 << 20);
  let number = 0;
  let offset = 0;
  let first = true;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let skipping = false; // inside a line that exceeded maxLine

  const emitText = (text: string, last: boolean) => {
    // `text` holds whole lines, each ending with `\n` except possibly the final one (`last`).
    let start = 0;
    for (;;) {
      const nl = text.indexOf('\n', start);
      if (nl === -1) {
        if (last && start < text.length) lineOut(text.slice(start), true);
        return;
      }
      lineOut(text.slice(start, nl), last && nl === text.length - 1);
      start = nl + 1;
    }
  };
  const lineOut = (raw: string, last: boolean) => {
    number++;
    const crlf = raw.length > 0 && raw.charCodeAt(raw.length - 1) === 13;
    handler.line({ text: crlf ? raw.slice(0, -1) : raw, number, offset, crlf, last });
    offset += raw.length + 1;
  };
  const emitBytes = (bytes: Buffer, last: boolean) => {
    if (bytes.length === 0) return;
    if (isUtf8(bytes)) {
      emitText(bytes.toString('utf8'), last);
      return;
    }
    // Some line is not UTF-8: go line by line so the others are still read.
    let start = 0;
    while (start < bytes.length) {
      const nl = bytes.indexOf(NEWLINE, start);
      const end = nl === -1 ? bytes.length : nl;
      const slice = bytes.subarray(start, end);
      if (isUtf8(slice)) lineOut(slice.toString('utf8'), last && (nl === -1 || nl === bytes.length - 1));
      else {
        number++;
        handler.bad(number, offset, 'Invalid UTF-8 in this line; save the export as UTF-8');
        offset += slice.length + 1; // bytes, not UTF-16 units: later offsets in this file are approximate
      }
      if (nl === -1) break;
      start = nl + 1;
    }
  };

  try {
    for (;;) {
      const { bytesRead } = await file.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      let buf = buffer.subarray(0, bytesRead);
      if (first) {
        first = false;
        if ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff)) {
          throw new UnreadableError('UTF-16 exports are not supported; save the export as UTF-8');
        }
        if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) buf = buf.subarray(3);
      }
      let nl = buf.indexOf(NEWLINE);
      if (nl === -1) {
        if (skipping) continue;
        pending.push(Buffer.from(buf)); // a copy: the read buffer is reused
        pendingBytes += buf.length;
        if (pendingBytes > maxLine) {
          number++;
          handler.bad(number, offset, `Line longer than ${maxLine} bytes; skipped`);
          pending = [];
          pendingBytes = 0;
          skipping = true;
        }
        continue;
      }
      if (skipping) {
        skipping = false;
        offset += 1; // the skipped line's length is not counted
      } else if (pending.length > 0) {
        pending.push(buf.subarray(0, nl + 1));
        emitBytes(Buffer.concat(pending), false);
        pending = [];
        pendingBytes = 0;
      } else {
        emitBytes(buf.subarray(0, nl + 1), false);
      }
      const rest = buf.subarray(nl + 1);
      nl = rest.lastIndexOf(NEWLINE);
      if (nl !== -1) emitBytes(rest.subarray(0, nl + 1), false);
      const tail = rest.subarray(nl + 1);
      if (tail.length > 0) {
        pending.push(Buffer.from(tail)); // a copy: the read buffer is reused
        pendingBytes = tail.length;
      }
    }
  } finally {
    await file.close();
  }
  if (!skipping && pending.length > 0) emitBytes(Buffer.concat(pending), true);
  return { lines: number, chars: offset };
}
