/**
 * The one text normalisation every document goes through before its id is computed, so the
 * same article read from a file, a feed or a web page hashes the same when its words are the same.
 *
 * One linear pass after NFC: no regular expression with nested quantifiers, so time stays
 * proportional to the length of the text whatever its content.
 */

const LF = 10;
const SPACE = 32;

/** Characters that only ever carry layout or encoding noise: dropped. */
function isDropped(c: number): boolean {
  if (c < 32) return c !== LF && c !== 9; // C0 controls except newline and tab
  if (c >= 0x7f && c <= 0x9f) return true; // DEL and C1 controls
  return c === 0xfeff || c === 0x200b || c === 0x00ad || c === 0x2060; // BOM, zero-width space, soft hyphen, word joiner
}

/** Horizontal white space of any script: collapsed to one ASCII space. */
function isHorizontalSpace(c: number): boolean {
  return (
    c === SPACE ||
    c === 9 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/**
 * NFC; CRLF, CR, U+2028 and U+2029 become LF; controls, BOM, zero-width spaces and soft hyphens
 * are dropped; runs of spaces and tabs become one space; spaces at line ends are dropped; runs of
 * blank lines become one blank line (a paragraph break); leading and trailing blank space is trimmed.
 */
export function normaliseText(input: string): string {
  const text = input.normalize('NFC');
  // Spaces and newlines at either end are all the normalisation would change in many texts
  // (a file's final newline): trimmed, the rest is checked in place instead of rebuilt.
  let start = 0;
  let end = text.length;
  while (start < end && (text.charCodeAt(start) === SPACE || text.charCodeAt(start) === LF)) start++;
  while (end > start && (text.charCodeAt(end - 1) === SPACE || text.charCodeAt(end - 1) === LF)) end--;
  if (isNormalised(text, start, end)) return start === 0 && end === text.length ? text : text.slice(start, end);
  return rebuild(text);
}

/**
 * True when `rebuild` would give text[start..end) back unchanged, told in one read-only pass:
 * visible characters, single ASCII spaces between two of them, and one or two newlines between
 * two of them; nothing dropped, no other line break or space, nothing blank at either end.
 */
export function isNormalised(text: string, start = 0, end = text.length): boolean {
  if (start >= end) return true;
  let prev = LF; // the start behaves like a line start: no space or newline may follow it
  let before = LF; // the character before prev
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === SPACE) {
      if (prev === SPACE || prev === LF) return false;
    } else if (c === LF) {
      if (prev === SPACE || i === start || (prev === LF && before === LF)) return false;
    } else if (c < 0x80 ? c < 32 || c === 0x7f : c === 0x2028 || c === 0x2029 || isDropped(c) || isHorizontalSpace(c)) {
      return false;
    }
    before = prev;
    prev = c;
  }
  return prev !== SPACE && prev !== LF;
}

/** A character kept as it is: no line break, nothing dropped, no horizontal space. */
function isKept(c: number): boolean {
  if (c > SPACE && c < 0x7f) return true;
  return !(c === LF || c === 13 || c === 0x2028 || c === 0x2029 || isDropped(c) || isHorizontalSpace(c));
}

/** The normalisation itself, on NFC text. */
export function rebuild(text: string): string {
  const out: string[] = [];
  let lineHasText = false;
  let pendingSpace = false;
  let newlines = 0; // newlines seen since the last visible character
  let started = false;
  let chunkStart = -1; // start of a run of characters copied as one slice

  const flushChunk = (i: number): void => {
    if (chunkStart >= 0) {
      out.push(text.slice(chunkStart, i));
      lineHasText = true;
      chunkStart = -1;
    }
  };

  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isKept(c)) {
      if (chunkStart < 0) {
        if (newlines > 0) {
          out.push(newlines >= 2 ? '\n\n' : '\n');
          lineHasText = false;
          newlines = 0;
          pendingSpace = false;
        }
        if (pendingSpace && lineHasText) out.push(' ');
        pendingSpace = false;
        chunkStart = i;
      }
      started = true;
      continue;
    }
    // one ASCII space between two kept characters is what the space would become anyway: the
    // slice goes on across it, so a line is copied in a few slices instead of one per word
    if (c === SPACE && chunkStart >= 0 && i + 1 < text.length && isKept(text.charCodeAt(i + 1))) continue;
    flushChunk(i);
    if (c === LF || c === 13 || c === 0x2028 || c === 0x2029) {
      if (c === 13 && text.charCodeAt(i + 1) === LF) i++; // CRLF is one line break
      pendingSpace = false;
      if (started) newlines++;
    } else if (isHorizontalSpace(c)) {
      pendingSpace = true;
    }
    // anything else is dropped
  }
  flushChunk(text.length);
  return out.join('');
}

/** True when `text` has no visible character (after normalisation it would be empty). */
export function isBlank(text: string): boolean {
  return normaliseText(text).length === 0;
}
