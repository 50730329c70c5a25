import { describe, expect, it } from 'vitest';
import { tokenize } from './tokenize.js';

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
