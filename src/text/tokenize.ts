import type { Span } from '../model.js';

/**
 * Word tokens with offsets, in the style of news treebanks: possessive 's and n't split off,
 * hyphenated names ("al-Qaida") and dotted abbreviations ("U.S.") kept whole, numbers with
 * thousands separators and decimals kept whole.
 */
const TOKEN = new RegExp(
  [
    String.raw`https?://[^\s<>"]+`,
    String.raw`[\w.+-]+@[\w-]+\.[\w.-]+`,
    String.raw`(?:\p{L}\.){2,}(?!\p{L})`, // U.S., e.g.
    String.raw`\d+(?:[.,:/]\d+)*(?:st|nd|rd|th|s)?(?![\p{L}\d])`, // 2,000  3.5  1990s  21st
    String.raw`[\p{L}\p{M}\d]+(?:[-'’][\p{L}\p{M}\d]+)*(?=[’']s\b|n[’']t\b)`, // stem before 's / n't
    String.raw`[’']s\b|n[’']t\b`,
    String.raw`[\p{L}\p{M}\d]+(?:[-'’.&][\p{L}\p{M}\d]+)*`,
    String.raw`\.{3}|…|--|[^\s\p{L}\p{M}\d]`,
  ].join('|'),
  'gu',
);

export interface RawToken extends Span {
  text: string;
}

/** Tokens of `text`, offsets relative to `text` shifted by `base`. */
export function tokenize(text: string, base = 0): RawToken[] {
  const out: RawToken[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    out.push({ start: base + m.index, end: base + m.index + m[0].length, text: m[0] });
  }
  return out;
}
