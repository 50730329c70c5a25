import type { Span } from '../model.js';

/**
 * Word tokens with offsets, in the style of news treebanks: possessive 's and n't split off,
 * hyphenated names ("al-Qaida") and dotted abbreviations ("U.S.") kept whole, numbers with
 * thousands separators and decimals kept whole.
 *
 * The rules, tried in this order at each position that is not white space (the first that
 * matches gives the token; TOKEN_PATTERN is the same rules as one regular expression, kept as
 * the reference the scanner is tested against):
 *   1. a URL: http(s):// and everything up to white space, <, > or "
 *   2. an e-mail address
 *   3. a dotted abbreviation of two or more letters (U.S., e.g.) not followed by a letter
 *   4. a number with separators and an ordinal or plural suffix (2,000  3.5  1990s  21st),
 *      not followed by a letter or digit
 *   5. a word stem before 's or n't (Wagner|'s, did|n't)
 *   6. 's or n't
 *   7. a word, with inner hyphens, apostrophes, dots and ampersands (al-Qaida, AT&T)
 *   8. ..., …, -- or any other single character
 * "Letter" is Unicode \p{L}, a word character is a letter, a mark (\p{M}) or an ASCII digit.
 *
 * The scanner below walks char codes instead of running the expression: the expression's
 * lookaheads and Unicode classes made tokenising one of the slower steps of the pipeline.
 */
export const TOKEN_PATTERN = new RegExp(
  [
    String.raw`https?://[^\s<>"]+`,
    String.raw`[\w.+-]+@[\w-]+\.[\w.-]+`,
    String.raw`(?:\p{L}\.){2,}(?!\p{L})`,
    String.raw`\d+(?:[.,:/]\d+)*(?:st|nd|rd|th|s)?(?![\p{L}\d])`,
    String.raw`[\p{L}\p{M}\d]+(?:[-'’][\p{L}\p{M}\d]+)*(?=[’']s\b|n[’']t\b)`,
    String.raw`[’']s\b|n[’']t\b`,
    String.raw`[\p{L}\p{M}\d]+(?:[-'’.&][\p{L}\p{M}\d]+)*`,
    String.raw`\.{3}|…|--|[^\s\p{L}\p{M}\d]`,
  ].join('|'),
  'gu',
);

export interface RawToken extends Span {
  text: string;
}

// Character classes of the BMP, filled lazily: 0 unknown, then one of these.
const OTHER = 1;
const LETTER = 2;
const MARK = 3;
const SPACE = 4;
const BMP = new Uint8Array(0x10000);
const IS_LETTER = /^\p{L}$/u;
const IS_MARK = /^\p{M}$/u;
const IS_SPACE = /^\s$/u;

function classifySlow(cp: number): number {
  const s = String.fromCodePoint(cp);
  if (IS_LETTER.test(s)) return LETTER;
  if (IS_MARK.test(s)) return MARK;
  if (IS_SPACE.test(s)) return SPACE;
  return OTHER;
}

function classOf(cp: number): number {
  if (cp < 0x10000) {
    let c = BMP[cp];
    if (c === 0) c = BMP[cp] = classifySlow(cp);
    return c;
  }
  return classifySlow(cp);
}

for (let c = 0; c < 128; c++) {
  BMP[c] = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? LETTER : c === 32 || (c >= 9 && c <= 13) ? SPACE : OTHER;
}

const APOS = 39;
const RSQUO = 0x2019;
const HYPHEN = 45;
const DOT = 46;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** ASCII \w, what \b looks at. */
function isAsciiWord(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

function isQuote(c: number): boolean {
  return c === APOS || c === RSQUO;
}

/** The code point at i, read within [.., end). */
function codePointAt(text: string, i: number, end: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
  }
  return c;
}

function width(cp: number): number {
  return cp > 0xffff ? 2 : 1;
}

/** Letter, mark or ASCII digit at i (false at or past end). */
function wordAt(text: string, i: number, end: number): boolean {
  if (i >= end) return false;
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  const k = classOf(codePointAt(text, i, end));
  return k === LETTER || k === MARK;
}

function letterAt(text: string, i: number, end: number): boolean {
  if (i >= end) return false;
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  return classOf(codePointAt(text, i, end)) === LETTER;
}

/** End of a run of word characters from i. */
function wordRun(text: string, i: number, end: number): number {
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) i++;
      else break;
    } else {
      const cp = codePointAt(text, i, end);
      const k = classOf(cp);
      if (k !== LETTER && k !== MARK) break;
      i += width(cp);
    }
  }
  return i;
}

/** \b after a word character at q - 1. */
function boundaryAt(text: string, q: number, end: number): boolean {
  return q >= end || !isAsciiWord(text.charCodeAt(q));
}

/** 's or n't (with either apostrophe) at i, followed by a word boundary: its end, or -1. */
function cliticAt(text: string, i: number, end: number): number {
  const c = text.charCodeAt(i);
  if (isQuote(c)) {
    if (i + 1 < end && text.charCodeAt(i + 1) === 115 && boundaryAt(text, i + 2, end)) return i + 2;
  } else if (c === 110) {
    if (i + 2 < end && isQuote(text.charCodeAt(i + 1)) && text.charCodeAt(i + 2) === 116 && boundaryAt(text, i + 3, end)) return i + 3;
  }
  return -1;
}

function urlAt(text: string, i: number, end: number): number {
  let p = i + 4;
  if (p > end || !text.startsWith('http', i)) return -1;
  if (p < end && text.charCodeAt(p) === 115) p++;
  if (p + 3 > end || !text.startsWith('://', p)) return -1;
  p += 3;
  const start = p;
  while (p < end) {
    const c = text.charCodeAt(p);
    if (c === 60 || c === 62 || c === 34) break;
    if (c < 128 ? c === 32 || (c >= 9 && c <= 13) : classOf(c) === SPACE) break;
    p++;
  }
  return p > start ? p : -1;
}

function isEmailLocal(c: number): boolean {
  return isAsciiWord(c) || c === DOT || c === 43 || c === HYPHEN;
}

function emailAt(text: string, i: number, end: number): number {
  let p = i;
  while (p < end && isEmailLocal(text.charCodeAt(p))) p++;
  if (p === i || p >= end || text.charCodeAt(p) !== 64) return -1;
  let q = ++p;
  while (q < end && (isAsciiWord(text.charCodeAt(q)) || text.charCodeAt(q) === HYPHEN)) q++;
  if (q === p || q >= end || text.charCodeAt(q) !== DOT) return -1;
  let r = ++q;
  while (r < end && (isAsciiWord(text.charCodeAt(r)) || text.charCodeAt(r) === DOT || text.charCodeAt(r) === HYPHEN)) r++;
  return r > q ? r : -1;
}

function abbreviationAt(text: string, i: number, end: number): number {
  let p = i;
  let pairs = 0;
  while (letterAt(text, p, end)) {
    const w = width(codePointAt(text, p, end));
    if (p + w >= end || text.charCodeAt(p + w) !== DOT) break;
    p += w + 1;
    pairs++;
  }
  return pairs >= 2 && !letterAt(text, p, end) ? p : -1;
}

const SUFFIXES = ['st', 'nd', 'rd', 'th', 's'];

function numberAt(text: string, i: number, end: number): number {
  let p = i;
  while (p < end && isDigit(text.charCodeAt(p))) p++;
  const ends = [p];
  for (;;) {
    const c = text.charCodeAt(p);
    if (p + 1 < end && (c === DOT || c === 44 || c === 58 || c === 47) && isDigit(text.charCodeAt(p + 1))) {
      p += 2;
      while (p < end && isDigit(text.charCodeAt(p))) p++;
      ends.push(p);
    } else break;
  }
  const free = (q: number) => !(q < end && (letterAt(text, q, end) || isDigit(text.charCodeAt(q))));
  for (let k = ends.length - 1; k >= 0; k--) {
    const e = ends[k];
    for (const s of SUFFIXES) {
      if (e + s.length <= end && text.startsWith(s, e) && free(e + s.length)) return e + s.length;
    }
    if (free(e)) return e;
  }
  return -1;
}

/** Whether the last chain stemChainEnd walked joined two runs with an apostrophe. */
let chainHasQuote = false;

/** End of the chain of word characters joined by - ' ’ from i (rule 5's extent). */
function stemChainEnd(text: string, i: number, end: number): number {
  let p = wordRun(text, i, end);
  chainHasQuote = false;
  for (;;) {
    const c = text.charCodeAt(p);
    if (p < end && (c === HYPHEN || isQuote(c)) && wordAt(text, p + 1, end)) {
      if (c !== HYPHEN) chainHasQuote = true;
      p = wordRun(text, p + 1, end);
    } else break;
  }
  return p;
}

/** Rule 5 within the chain [i, p): the longest stem before 's or n't, or -1. */
function stemAt(text: string, i: number, p: number, end: number): number {
  // Every end inside the chain that follows a word character is a candidate, longest first.
  for (let e = p; e > i; e--) {
    const c = text.charCodeAt(e);
    if (c !== 110 && c !== APOS && c !== RSQUO) continue;
    const before = text.charCodeAt(e - 1);
    if (before === HYPHEN || isQuote(before)) continue;
    if (cliticAt(text, e, end) >= 0) return e;
  }
  return -1;
}

/** Rule 7: the chain of rule 5 from i, ending at p, continued with . and & as joiners too. */
function wordEnd(text: string, p: number, end: number): number {
  for (;;) {
    const c = text.charCodeAt(p);
    if (p < end && (c === HYPHEN || isQuote(c) || c === DOT || c === 38) && wordAt(text, p + 1, end)) p = wordRun(text, p + 1, end);
    else break;
  }
  return p;
}

/** Rule 8. */
function punctuationEnd(text: string, i: number, end: number): number {
  const c = text.charCodeAt(i);
  if (c === DOT && i + 2 < end && text.charCodeAt(i + 1) === DOT && text.charCodeAt(i + 2) === DOT) return i + 3;
  if (c === HYPHEN && i + 1 < end && text.charCodeAt(i + 1) === HYPHEN) return i + 2;
  return i + width(codePointAt(text, i, end));
}

/**
 * Calls `emit(start, end)` for each token of text[start, end), that range read as if it were
 * the whole string (lookaheads stop at `end`).
 */
export function scanTokens(text: string, start: number, end: number, emit: (start: number, end: number) => void): void {
  let at = text.indexOf('@', start);
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    const cls = c < 128 ? BMP[c] : classOf(codePointAt(text, i, end));
    if (cls === SPACE) {
      i++;
      continue;
    }
    let e = -1;
    if (c === 104) e = urlAt(text, i, end);
    if (e < 0 && at >= 0 && isEmailLocal(c)) {
      if (at < i) at = text.indexOf('@', i);
      if (at >= 0 && at < end) e = emailAt(text, i, end);
    }
    if (e < 0) {
      if (cls === LETTER) e = abbreviationAt(text, i, end);
      else if (isDigit(c)) e = numberAt(text, i, end);
    }
    if (e < 0) {
      if (cls === LETTER || cls === MARK || isDigit(c)) {
        const chain = stemChainEnd(text, i, end);
        // 's and n't both hold an apostrophe, and inside a chain an apostrophe is only ever a
        // joiner (one after the chain is followed by no word character, so no "s"): a chain
        // with no apostrophe has no stem to find.
        if (chainHasQuote) e = stemAt(text, i, chain, end);
        if (e < 0 && c === 110) e = cliticAt(text, i, end);
        if (e < 0) e = wordEnd(text, chain, end);
      } else {
        if (c === APOS || c === RSQUO) e = cliticAt(text, i, end);
        if (e < 0) e = punctuationEnd(text, i, end);
      }
    }
    emit(i, e);
    i = e;
  }
}

/** Tokens of `text`, offsets relative to `text` shifted by `base`. */
export function tokenize(text: string, base = 0): RawToken[] {
  const out: RawToken[] = [];
  scanTokens(text, 0, text.length, (s, e) => {
    out.push({ start: base + s, end: base + e, text: text.slice(s, e) });
  });
  return out;
}
