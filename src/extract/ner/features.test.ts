import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseConll } from './conll.js';
import { FeatureTagger } from './features.js';
import type { Scorer } from './features.js';
import { loadNerModel } from './load.js';

// The shipped model tags through cached partial scores (per word, word pair, small feature
// groups); training scores every feature key. Both must give the same labels, or the model
// would be used with other features than it was trained on. A scorer that is not marked fixed
// takes the key-by-key path with the same weights.
const model = loadNerModel();
const byKeys: Scorer = { score: (keys, n, out) => model.score(keys, n, out) };
const docs = parseConll(readFileSync(new URL('./fixtures/sahel-iob2.conll', import.meta.url), 'utf8'));

function both(sentences: string[][]): [number[][], number[][]] {
  const cached = model.tagDocument(sentences).map((s) => Array.from(s));
  const keys = new FeatureTagger(model.gazetteer).tagDocument(sentences, byKeys).map((s) => Array.from(s));
  return [cached, keys];
}

describe('FeatureTagger caches', () => {
  it('give the labels of scoring every key, document after document', () => {
    for (let pass = 0; pass < 2; pass++) {
      for (const d of docs) {
        const [cached, keys] = both(d.sentences);
        expect(cached).toEqual(keys);
      }
    }
  });

  it('give the same labels in a headline in capitals and after an opening quote', () => {
    const [cached, keys] = both([
      ['MALI', 'JUNTA', 'EXPELS', 'FRENCH', 'AMBASSADOR'],
      ['"', 'Wagner', 'fighters', 'left', 'Kidal', ',', '"', 'Colonel', 'Assimi', 'Goita', 'said', '.'],
    ]);
    expect(cached).toEqual(keys);
  });

  it('give the same labels after the word cache is emptied', () => {
    const before = docs.map((d) => model.tagDocument(d.sentences).map((s) => Array.from(s)));
    model.clearCache();
    const after = docs.map((d) => model.tagDocument(d.sentences).map((s) => Array.from(s)));
    expect(after).toEqual(before);
  });

  it('stay right in a document with more word pairs than the pair cache holds', () => {
    const words: string[] = [];
    for (let i = 0; i < 60_000; i++) words.push(i % 7 === 0 ? 'Gao' : `w${i.toString(36)}`);
    const sentences: string[][] = [];
    for (let i = 0; i < words.length; i += 30) sentences.push(words.slice(i, i + 30));
    const [cached, keys] = both(sentences);
    expect(cached).toEqual(keys);
  });
});

describe('FeatureTagger quiet words', () => {
  const sahel = docs.flatMap((d) => d.sentences);
  const tagged = (skip: boolean, sentences: string[][]) => {
    const tagger = new FeatureTagger(model.gazetteer);
    tagger.skipQuiet = skip;
    return tagger.tagDocument(sentences, model).map((s) => Array.from(s));
  };

  it('are labelled as scoring them would label them, in Sahel news text', () => {
    expect(tagged(true, sahel)).toEqual(tagged(false, sahel));
  });

  it('leave a name that opens with lower-case particles to the tagger', () => {
    const sentences = [['The', 'striker', 'beat', 'the', 'defence', 'and', 'lobbed', 'van', 'der', 'Sar', '.']];
    const labels = tagged(true, sentences)[0]!;
    expect(labels).toEqual(tagged(false, sentences)[0]);
    expect(labels[9]).not.toBe(0);
  });
});
