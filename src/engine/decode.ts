// Bytes → text. UTF-8 (with or without BOM) and UTF-16 with a BOM are read; invalid UTF-8
// and binary content are reported with the byte position instead of being linted as mojibake.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { FormatError } from '../formats/types.js';
import { lineColumn } from './positions.js';

/** A file that cannot be decoded, positioned at the first bad byte in the text decoded before it. */
export class DecodeError extends FormatError {
  constructor(message: string, offset: number, readonly line = 1, readonly column = 1) {
    super(message, offset);
    this.name = 'DecodeError';
  }
}

export interface Decoded {
  text: string;
  bom: 'utf8' | 'utf16le' | 'utf16be' | null;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function decode(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: decodeUtf8(bytes.subarray(3), 3), bom: 'utf8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), bom: 'utf16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), bom: 'utf16be' };
  const nul = bytes.indexOf(0);
  // Binary: reported at 1:1, since the text before a NUL byte says nothing about the file.
  if (nul !== -1) throw new DecodeError(`Binary content (NUL byte at byte ${nul}); not a text file`, 0);
  return { text: decodeUtf8(bytes, 0), bom: null };
}

function decodeUtf8(bytes: Uint8Array, base: number): string {
  try {
    return utf8.decode(bytes);
  } catch {
    // The first U+FFFD of a lenient decoding that is not the bytes EF BF BD (a U+FFFD written in
    // the file) is where the first invalid sequence was.
    const lenient = new TextDecoder('utf-8').decode(bytes);
    let byte = 0;
    let from = 0;
    let at = lenient.indexOf('\uFFFD');
    for (; at !== -1; at = lenient.indexOf('\uFFFD', at + 1)) {
      byte += Buffer.byteLength(lenient.slice(from, at), 'utf8');
      if (bytes[byte] !== 0xef || bytes[byte + 1] !== 0xbf || bytes[byte + 2] !== 0xbd) break;
      byte += 3;
      from = at + 1;
    }
    if (at === -1) at = byte = 0; // cannot happen: the strict decoder failed
    const { line, column } = lineColumn(lenient.slice(0, at), at);
    throw new DecodeError(`Invalid UTF-8 at byte ${base + byte}; save the file as UTF-8`, at, line, column);
  }
}

/** Re-encodes text for writing back with the file's original BOM. */
export function encode(text: string, bom: Decoded['bom']): Uint8Array {
  if (bom === 'utf16le' || bom === 'utf16be') {
    const out = new Uint8Array(2 + text.length * 2);
    out[0] = bom === 'utf16le' ? 0xff : 0xfe;
    out[1] = bom === 'utf16le' ? 0xfe : 0xff;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      const [lo, hi] = [code & 0xff, code >> 8];
      out[2 + i * 2] = bom === 'utf16le' ? lo : hi;
      out[3 + i * 2] = bom === 'utf16le' ? hi : lo;
    }
    return out;
  }
  const body = new TextEncoder().encode(text);
  if (bom !== 'utf8') return body;
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}

/**
 * The default input size limit (`--max-file-size`). Bot files are kilobytes and the bench's
 * largest case is a 1.3 MB catalogue; a bigger file is most likely data (a product feed, a
 * fixture). Measured: one 2 MB prose message takes ~4 s and ~680 MB, 5 MB ~10 s and 1.1 GB.
 */
export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;

/** A file over the size limit (`--max-file-size`). */
export class FileTooLargeError extends Error {
  constructor(readonly size: number, readonly limit: number) {
    super(`${formatSize(size)}, over the ${formatSize(limit)} limit`);
    this.name = 'FileTooLargeError';
  }
}

/** Where reads land before they are copied out: most files fit in one read. */
const readBuffer = Buffer.allocUnsafe(64 * 1024);

/**
 * Reads a file, refusing one over `maxSize` bytes (0: no limit). Read to its end in pieces,
 * with no fstat first: for the few-hundred-byte files of a repository, the fstat's Stats object
 * cost more than the read (5,000 files: ~60 → ~45 ms). A FIFO or a device (`/dev/zero`) is
 * read the same way, up to the limit.
 */
export function readBytes(path: string, maxSize: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const n = readSync(fd, readBuffer, 0, readBuffer.length, null);
      if (n === 0) break;
      chunks.push(Buffer.from(readBuffer.subarray(0, n)));
      total += n;
      if (maxSize > 0 && total > maxSize) throw new FileTooLargeError(sizeOf(fd, total), maxSize);
    }
    return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

/** A file's size for the too-large message: its real size when it is a regular file. */
function sizeOf(fd: number, read: number): number {
  try {
    const stat = fstatSync(fd);
    return stat.isFile() ? Math.max(stat.size, read) : read;
  } catch {
    return read;
  }
}

/** `2 MB`, `500 KB`, `812 bytes` (binary units, as `--max-file-size` reads them). */
export function formatSize(bytes: number): string {
  const unit = (n: number, name: string) => `${Number.isInteger(n) ? n : n.toFixed(1)} ${name}`;
  if (bytes >= 1024 * 1024) return unit(bytes / (1024 * 1024), 'MB');
  if (bytes >= 1024) return unit(bytes / 1024, 'KB');
  return `${bytes} bytes`;
}
