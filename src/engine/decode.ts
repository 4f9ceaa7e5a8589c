// Bytes → text. UTF-8 (with or without BOM) and UTF-16 with a BOM are read; invalid UTF-8
// and binary content are reported with the byte position instead of being linted as mojibake.
import { FormatError } from '../formats/types.js';

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
  if (nul !== -1) throw new FormatError(`Binary content (NUL byte at byte ${nul}); not a text file`, 0);
  return { text: decodeUtf8(bytes, 0), bom: null };
}

function decodeUtf8(bytes: Uint8Array, base: number): string {
  try {
    return utf8.decode(bytes);
  } catch {
    // Find the first invalid sequence to name its position.
    const lenient = new TextDecoder('utf-8').decode(bytes);
    const at = lenient.indexOf('\uFFFD');
    const prefix = new TextEncoder().encode(lenient.slice(0, Math.max(0, at))).length;
    throw new FormatError(`Invalid UTF-8 at byte ${base + prefix}; save the file as UTF-8`, Math.max(0, at));
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
