import { TextDecoder } from 'node:util';

/**
 * Bytes to text, refusing what is not text: an empty input, binary content (NUL bytes), bytes
 * that are not valid in the encoding. Files must be UTF-8 (or UTF-16 with a byte-order mark);
 * web pages may declare another charset.
 */

const utf8Strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Byte offset of the first invalid UTF-8 sequence, or -1. One pass, no allocation. */
export function firstInvalidUtf8(buf: Uint8Array): number {
  let i = 0;
  const n = buf.length;
  while (i < n) {
    const b = buf[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    if (i + need >= n) return i; // truncated at the end
    let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const c = buf[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

export interface DecodeOptions {
  /** charset declared by the server or the page; UTF-8 when absent */
  charset?: string | null;
  /** replace invalid bytes instead of refusing (web pages often carry a stray bad byte) */
  lenient?: boolean;
}

/** Decodes `buf` or throws an Error whose message says what is wrong with it. */
export function decodeBytes(buf: Uint8Array, options: DecodeOptions = {}): string {
  if (buf.length === 0) throw new Error('empty file');
  // UTF-16 with a byte-order mark is text even though half its bytes may be NUL
  if (buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) {
    return new TextDecoder(buf[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(buf);
  }
  if (buf.indexOf(0) >= 0) throw new Error('binary content (NUL bytes)');
  const charset = (options.charset ?? 'utf-8').trim().toLowerCase();
  if (charset !== 'utf-8' && charset !== 'utf8') {
    let decoder: TextDecoder;
    try {
      decoder = new TextDecoder(charset);
    } catch {
      throw new Error(`unknown charset "${charset}"`);
    }
    return decoder.decode(buf);
  }
  if (options.lenient) return new TextDecoder('utf-8').decode(buf);
  try {
    return utf8Strict.decode(buf);
  } catch {
    throw new Error(`invalid UTF-8 at byte ${Math.max(0, firstInvalidUtf8(buf))}`);
  }
}
