import { describe, expect, it } from 'vitest';
import { scanTokens, tokenize, TOKEN_PATTERN } from './tokenize.js';

const words = (s: string) => tokenize(s).map((t) => t.text);

describe('tokenize', () => {
  it('keeps dotted abbreviations, hyphenated names and numbers whole', () => {
    expect(words('According to U.S. officials, about 2,000 al-Qaida fighters remain.')).toEqual([
      'According', 'to', 'U.S.', 'officials', ',', 'about', '2,000', 'al-Qaida', 'fighters', 'remain', '.',
    ]);
  });

  it('splits possessives and negations the treebank way', () => {
    expect(words('Wagner’s exit. They didn\'t leave.')).toEqual(['Wagner', '’s', 'exit', '.', 'They', 'did', 'n\'t', 'leave', '.']);
  });

  it('gives offsets into the original text', () => {
    const text = 'In Gao, 12 killed';
    for (const t of tokenize(text, 100)) expect(text.slice(t.start - 100, t.end - 100)).toBe(t.text);
  });
});

describe('tokenize scanner', () => {
  const reference = (text: string) => [...text.matchAll(TOKEN_PATTERN)].map((m) => `${m.index}:${m[0]}`);
  const scanned = (text: string) => tokenize(text).map((t) => `${t.start}:${t.text}`);

  it('gives the tokens of the reference expression on news text and its corner cases', () => {
    for (const text of [
      'Col. Assimi Goïta’s government said on Monday that 3.5km of road near Ménaka was cut... The army didn\'t say.',
      'Contact press@un.org or see https://www.un.org/en/story?id=12 -- the U.N. said 1,250 people fled in the 1990s and 21st-century 12abc 2s.',
      'JNIM’s fighters—about 200—attacked AT&T’s e.g. offices; “We weren’t warned,” a resident told Reuters’ reporter in Tessit (20:30).',
      'n\'t \'s ’s rock’n’roll l’armée x-ray 5’s 10/12/2024 Ṣ.Ṭ. 𝐀𝐁 …',
    ]) {
      expect(scanned(text)).toEqual(reference(text));
    }
  });

  it('splits a number glued to a unit at its decimal point as the reference does', () => {
    expect(words('3.5km')).toEqual(['3', '.', '5km']);
  });

  it('reads a sentence range of a longer text as if it were the whole string', () => {
    const text = 'He said it was Wagner’s. Then he left.';
    const found: string[] = [];
    scanTokens(text, 0, 23, (s, e) => found.push(text.slice(s, e)));
    expect(found).toEqual(tokenize(text.slice(0, 23)).map((t) => t.text));
  });
});
