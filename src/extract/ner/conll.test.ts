import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { chunks, parseConll, scoreChunks, toLabelIds } from './conll.js';
import type { TypeCounts } from './conll.js';
import { LABELS } from './features.js';

const fixture = readFileSync(new URL('./fixtures/sahel-iob2.conll', import.meta.url), 'utf8');

describe('parseConll', () => {
  it('splits documents at -DOCSTART- and sentences at blank lines, keeping the last column as tag', () => {
    const docs = parseConll(fixture);
    expect(docs).toHaveLength(4);
    expect(docs[0].sentences[0].slice(0, 5)).toEqual(['Malian', 'soldiers', 'clashed', 'with', 'JNIM']);
    expect(docs[0].tags[0][4]).toBe('B-ORG');
    expect(docs.reduce((n, d) => n + d.sentences.length, 0)).toBe(13);
  });
});

describe('chunks', () => {
  it('reads IOB1 and IOB2 to the same spans', () => {
    // "the Wagner Group and Africa Corps": IOB1 needs B- only between adjacent names of one type
    const iob1 = ['O', 'I-ORG', 'I-ORG', 'B-ORG', 'I-ORG'];
    const iob2 = ['O', 'B-ORG', 'I-ORG', 'B-ORG', 'I-ORG'];
    expect(chunks(iob1)).toEqual(chunks(iob2));
    expect(chunks(iob1)).toEqual([
      { type: 'ORG', start: 1, end: 3 },
      { type: 'ORG', start: 3, end: 5 },
    ]);
  });

  it('starts a new span when the type changes, as conlleval does', () => {
    expect(chunks(['I-PER', 'I-LOC', 'O', 'I-MISC'])).toEqual([
      { type: 'PER', start: 0, end: 1 },
      { type: 'LOC', start: 1, end: 2 },
      { type: 'MISC', start: 3, end: 4 },
    ]);
  });

  it('converts to BILOU label ids', () => {
    const ids = toLabelIds(['B-PER', 'I-PER', 'I-PER', 'O', 'I-LOC']);
    expect(Array.from(ids, (l) => LABELS[l])).toEqual(['B-PER', 'I-PER', 'L-PER', 'O', 'U-LOC']);
  });
});

describe('scoreChunks', () => {
  it('counts only exact spans of the right type as correct', () => {
    const counts = new Map<string, TypeCounts>();
    // gold: [Yevgeny Prigozhin]PER founded [Wagner]ORG ; predicted: [Prigozhin]PER, [Wagner]ORG
    scoreChunks(['B-PER', 'I-PER', 'O', 'B-ORG'], ['O', 'B-PER', 'O', 'B-ORG'], counts);
    expect(counts.get('PER')).toEqual({ tp: 0, fp: 1, fn: 1 });
    expect(counts.get('ORG')).toEqual({ tp: 1, fp: 0, fn: 0 });
  });
});
