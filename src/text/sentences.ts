import type { Span } from '../model.js';

/**
 * Paragraphs and sentences with offsets. Both are single forward passes over the text; the only
 * look-back is over the one word before a full stop, capped in length, so a pathological input
 * ("a.a.a.a...") stays linear.
 *
 * Paragraphs: when the text has blank lines, they separate paragraphs and a single newline is a
 * soft wrap inside one; a text without any blank line has one paragraph per line (the layout of
 * most scraped articles and of our Markdown corpus). A sentence never crosses a paragraph, so a
 * headline without a final full stop is a sentence of its own.
 */

export function splitParagraphs(text: string): Span[] {
  const out: Span[] = [];
  const blankLines = text.includes('\n\n');
  const separator = blankLines ? '\n\n' : '\n';
  let pos = 0;
  while (pos <= text.length) {
    let next = text.indexOf(separator, pos);
    if (next < 0) next = text.length;
    let start = pos;
    let end = next;
    while (start < end && isSpace(text.charCodeAt(start))) start++;
    while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
    if (end > start) out.push({ start, end });
    pos = next + separator.length;
  }
  return out;
}

/** Titles and ranks written before a name: never the end of a sentence. */
const TITLES = new Set([
  'mr', 'mrs', 'ms', 'messrs', 'mme', 'mlle', 'dr', 'prof', 'rev', 'hon', 'st', 'ste', 'mt', 'ft',
  'gen', 'lt', 'col', 'maj', 'capt', 'cpt', 'cmdr', 'cdr', 'adm', 'sgt', 'cpl', 'pvt', 'brig', 'lieut',
  'gov', 'sen', 'rep', 'pres', 'supt', 'insp', 'amb', 'sec', 'atty', 'det', 'gens', 'cols',
]);

/** Abbreviations that stand before a number ("No. 5", "Jan. 12", "Art. 3"): no break before a digit. */
const BEFORE_NUMBER = new Set([
  'no', 'nos', 'art', 'arts', 'vol', 'vols', 'p', 'pp', 'fig', 'figs', 'ch', 'para', 'ca', 'approx', 'tel', 'nr',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);

/** Abbreviations that never end a sentence, whatever follows. */
const NEVER_FINAL = new Set(['vs', 'v', 'cf', 'e.g', 'i.e', 'viz', 'approx']);

/**
 * Words that commonly open a sentence: after an ambiguous abbreviation ("U.S.", an initial) a
 * following capitalised word from this list signals a new sentence; a proper noun does not.
 */
const SENTENCE_STARTERS = new Set([
  'The', 'A', 'An', 'He', 'She', 'It', 'They', 'We', 'I', 'You', 'His', 'Her', 'Its', 'Their', 'Our',
  'This', 'That', 'These', 'Those', 'There', 'In', 'On', 'At', 'But', 'And', 'Or', 'So', 'If', 'When',
  'While', 'After', 'Before', 'As', 'For', 'However', 'Meanwhile', 'Also', 'Some', 'Many', 'Most', 'All',
  'What', 'Who', 'Why', 'How', 'Since', 'During', 'Under', 'Officials', 'Last', 'Earlier', 'Later',
]);

/** A title or rank written before a name and shortened with a full stop ("Gen", "Gov", "Dr"), capitalised. */
export function isTitleAbbreviation(word: string): boolean {
  return word.length > 0 && isUpper(word[0]) && TITLES.has(word.toLowerCase());
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 0xa0;
}

function isLower(ch: string): boolean {
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isWordChar(ch: string): boolean {
  return /[\p{L}\p{M}\p{N}'’\-.]/u.test(ch);
}

const CLOSERS = new Set(['"', '”', '’', "'", '»', ')', ']', '}', '›']);
/** Terminators of scripts that do not put a space after a sentence: a boundary on their own. */
const UNSPACED_TERMINATORS = new Set(['。', '！', '？', '؟', '۔', '।']);
const MAX_WORD = 40;

/**
 * Sentence spans of `text` (offsets shifted by `base`), never crossing a paragraph.
 */
export function splitSentences(text: string, base = 0): Span[] {
  const out: Span[] = [];
  for (const p of splitParagraphs(text)) {
    for (const block of hardLines(text, p.start, p.end)) splitParagraph(text, block.start, block.end, base, out);
  }
  return out;
}

/**
 * Sentences of the paragraph text[start..end), offsets into `text`. Use this rather than
 * splitSentences on the paragraph's slice: a slice has lost the blank lines that told a soft
 * wrap from a paragraph break.
 */
export function splitParagraphSentences(text: string, start: number, end: number): Span[] {
  const out: Span[] = [];
  for (const block of hardLines(text, start, end)) splitParagraph(text, block.start, block.end, 0, out);
  return out;
}

const LIST_ITEM_LINE = /^[ \t]*(?:[*•–-]|\d{1,3}[.)])[ \t]/u;

/**
 * Inside a paragraph, a newline is a soft wrap when the line before fills most of the width the
 * paragraph is wrapped at; a clearly shorter line (a heading, a list item, a dateline) ends there.
 */
function hardLines(text: string, from: number, to: number): Span[] {
  const firstBreak = text.indexOf('\n', from);
  if (firstBreak < 0 || firstBreak >= to) return [{ start: from, end: to }];
  const lines: Span[] = [];
  let width = 0;
  for (let pos = from; pos <= to; ) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0 || nl > to) nl = to;
    lines.push({ start: pos, end: nl });
    if (nl < to) width = Math.max(width, nl - pos); // the last line says nothing about the width
    pos = nl + 1;
  }
  const out: Span[] = [];
  let start = from;
  for (let l = 0; l < lines.length - 1; l++) {
    const len = lines[l].end - lines[l].start;
    // a line that opens a list item ("* ", "- ", "• ", "2. ") begins on its own, whatever the width
    if (width < 50 || len < 0.75 * width || LIST_ITEM_LINE.test(text.slice(lines[l + 1].start, Math.min(lines[l + 1].end, lines[l + 1].start + 8)))) {
      out.push({ start, end: lines[l].end });
      start = lines[l + 1].start;
    }
  }
  out.push({ start, end: to });
  return out;
}

/**
 * A wire dateline standing before the first sentence: "LONDON 1996-08-30", "SAN JOSE, Costa Rica
 * 2025-06-06". Place words in capitals, an ISO date, then the capitalised start of the story.
 */
const DATELINE =
  /\p{Lu}[\p{Lu}'.\-]+(?: \p{Lu}[\p{Lu}'.\-]+){0,3}(?: ?, ?\p{Lu}[\p{L}'.\-]+(?: \p{Lu}[\p{L}'.\-]+){0,2})? \d{4}-\d{2}-\d{2}(?= \p{Lu})/uy;

/** "1." "12." standing alone: a candidate item number of an inline list. */
const ENUMERATOR = /(?<!\S)(\d{1,2})\.(?=\s)/g;
const LIST_WINDOW = 400;

/**
 * Inline numbered lists ("1. Mali ... 2. Niger ... 3. Chad"), as left when a list's line breaks are
 * lost: a number is a list item when the next one (or the one before) follows within a short
 * window. Its full stop ends nothing, and each item after the first starts a sentence.
 */
function inlineList(text: string, from: number, to: number): { dots: Set<number>; starts: number[] } {
  const found: { at: number; dot: number; n: number }[] = [];
  const para = text.slice(from, to);
  ENUMERATOR.lastIndex = 0;
  for (let m = ENUMERATOR.exec(para); m !== null; m = ENUMERATOR.exec(para)) {
    found.push({ at: from + m.index, dot: from + m.index + m[1].length, n: Number(m[1]) });
  }
  const dots = new Set<number>();
  const starts: number[] = [];
  for (let a = 0; a + 1 < found.length; a++) {
    const x = found[a];
    const y = found[a + 1];
    if (y.n === x.n + 1 && y.at - x.at <= LIST_WINDOW) {
      dots.add(x.dot);
      dots.add(y.dot);
      if (starts[starts.length - 1] !== y.at) starts.push(y.at);
    }
  }
  return { dots, starts };
}

function splitParagraph(text: string, from: number, to: number, base: number, out: Span[]): void {
  let sentenceStart = from;
  // straight double quotes seen so far in the paragraph: odd means one is open. Counted over the
  // whole paragraph because a quotation often holds several sentences.
  let quotes = 0;
  const push = (end: number): void => {
    let s = sentenceStart;
    let e = end;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (e > s) out.push({ start: base + s, end: base + e });
  };
  /** A dateline at the start of a sentence is a sentence of its own; returns where to go on. */
  const dateline = (at: number): number => {
    let n = at;
    while (n < to && isSpace(text.charCodeAt(n))) n++;
    const c = text.charCodeAt(n);
    if (!(c >= 65 && c <= 90) && c < 0xc0) return at;
    DATELINE.lastIndex = n;
    const m = DATELINE.exec(text);
    if (!m || n + m[0].length > to) return at;
    sentenceStart = n;
    push(n + m[0].length);
    sentenceStart = n + m[0].length;
    return sentenceStart;
  };
  const list = text.includes('.', from) ? inlineList(text, from, to) : { dots: new Set<number>(), starts: [] };
  let nextItem = 0;

  for (let i = dateline(from); i < to; i++) {
    if (nextItem < list.starts.length && list.starts[nextItem] === i) {
      nextItem++;
      if (i > sentenceStart) {
        push(i);
        sentenceStart = i;
      }
    }
    // char codes first: the Set look-up and the one-character string cost more than the rest of
    // this loop, and only a few characters of a paragraph are anything but plain text
    const c = text.charCodeAt(i);
    if (c === 34) {
      quotes++;
      continue;
    }
    if (c !== 46 && c !== 33 && c !== 63 && c !== 0x2026 && c < 0x600) continue;
    const ch = text[i];
    if (UNSPACED_TERMINATORS.has(ch)) {
      let k = i + 1;
      while (k < to && CLOSERS.has(text[k])) k++;
      push(k);
      sentenceStart = k;
      i = k - 1;
      continue;
    }
    if (ch !== '.' && ch !== '!' && ch !== '?' && ch !== '…') continue;
    if (list.dots.has(i)) continue;
    if (ch === '.' && isItemNumber(text, sentenceStart, i)) continue;

    // the run of terminators: "?!", "...", "!!"
    let j = i + 1;
    while (j < to && (text[j] === '.' || text[j] === '!' || text[j] === '?' || text[j] === '…')) j++;
    // closing quotes and brackets right after it; quote marks passed over here are only counted
    // when the sentence ends, else the main loop counts them as it walks on
    let k = j;
    let open = quotes;
    while (k < to && CLOSERS.has(text[k])) {
      if (text[k] === '"') open++;
      k++;
    }
    if (k < to && !isSpace(text.charCodeAt(k))) {
      i = j - 1;
      continue; // "3.5", "U.S.", "example.com", "?!"-inside a word
    }
    // next visible character
    let n = k;
    while (n < to && isSpace(text.charCodeAt(n))) n++;
    // a straight quote after the space closes a quotation that is open (tokenised text writes ". \"")
    if (n < to && text[n] === '"' && open % 2 === 1) {
      open++;
      k = n + 1;
      n = k;
      while (n < to && isSpace(text.charCodeAt(n))) n++;
    }
    if (n >= to || !isBoundary(text, i, j, n, to)) {
      i = j - 1; // at the paragraph end the sentence closes anyway
      continue;
    }
    quotes = open;
    push(k);
    sentenceStart = k;
    i = dateline(k) - 1;
  }
  push(to);
}

/** "1." or "12." as the very first thing of a sentence: a list item's number, not a sentence. */
function isItemNumber(text: string, sentenceStart: number, dot: number): boolean {
  let s = sentenceStart;
  while (s < dot && isSpace(text.charCodeAt(s))) s++;
  const len = dot - s;
  if (len < 1 || len > 2) return false;
  for (let k = s; k < dot; k++) if (!isDigit(text.charCodeAt(k))) return false;
  return true;
}

/** The word right before position `i` (letters, digits, dots, hyphens, apostrophes), capped. */
function wordBefore(text: string, i: number): string {
  let s = i;
  const floor = Math.max(0, i - MAX_WORD);
  while (s > floor && isWordChar(text[s - 1])) s--;
  return text.slice(s, i);
}

/** The word starting at `n` (letters only), capped. */
function wordAt(text: string, n: number, to: number): string {
  let e = n;
  const ceil = Math.min(to, n + MAX_WORD);
  while (e < ceil && /[\p{L}\p{M}]/u.test(text[e])) e++;
  return text.slice(n, e);
}

/**
 * Is the terminator run text[i..j) followed (after closers and space) by the character at `n`
 * the end of a sentence?
 */
function isBoundary(text: string, i: number, j: number, n: number, to: number): boolean {
  const next = text[n];
  if (isLower(next)) return false;
  if (next === ',' || next === ';' || next === ':' || next === ')' || next === ']') return false;
  if (j - i > 1 || text[i] !== '.') return true; // "!", "?", "...", "?!": the next capital starts a sentence

  const word = wordBefore(text, i);
  if (word.length === 0) return true;
  const bare = word.replace(/^['’\-.]+/, '');
  if (bare.length === 0) return true;
  const lower = bare.toLowerCase();
  const nextIsDigit = isDigit(text.charCodeAt(n));
  if (NEVER_FINAL.has(lower)) return false;
  const nextWord = wordAt(text, n, to);
  const starter = SENTENCE_STARTERS.has(nextWord);
  // an initial: "George W. Bush", "J. R. R. Tolkien"
  if (bare.length === 1 && isUpper(bare)) return starter;
  if (BEFORE_NUMBER.has(lower) && /^\p{Lu}?\p{Ll}*$/u.test(bare)) {
    if (nextIsDigit) return false;
    // "Jan." and "No." also end sentences; a capitalised month abbreviation before a name is rare
    return true;
  }
  if (TITLES.has(lower) && isUpper(bare[0])) return false;
  // dotted abbreviations: "U.S.", "U.N.", "a.m.": ambiguous, decided by the next word
  if (bare.includes('.') && /^(?:\p{L}{1,3}\.)+\p{L}{1,3}$/u.test(bare)) return starter;
  return true;
}
