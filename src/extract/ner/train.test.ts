import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseConll } from './conll.js';
import { trainNer } from './train.js';
import { NerModel, labelSpans } from './model.js';
import { evaluateModel } from './perceptron.js';

// A tiny training run on sentences written for this repository (fixtures/sahel-iob2.conll),
// with small hand-made name lists: it checks the learning machinery, not the shipped model.
const docs = parseConll(readFileSync(new URL('./fixtures/sahel-iob2.conll', import.meta.url), 'utf8'));
const lists = { country: ['Mali', 'Niger', 'Burkina Faso', 'Russia'], city: ['Bamako', 'Niamey', 'Moscow', 'Gao'] };

describe('trainNer', () => {
  const result = trainNer(docs, { lists, epochs: 8, seed: 7 });

  it('fits its training sentences', () => {
    const scores = evaluateModel(result.model, docs);
    expect(scores.overall.f1).toBeGreaterThan(0.95);
  });

  it('is reproducible: the same seed gives the same weights', () => {
    const again = trainNer(docs, { lists, epochs: 8, seed: 7 });
    expect(Array.from(again.model.keys())).toEqual(Array.from(result.model.keys()));
    expect(Array.from(again.model.weights)).toEqual(Array.from(result.model.weights));
  });

  it('chooses the number of epochs on a held-out slice when none is given', () => {
    const chosen = trainNer(docs, { lists, maxEpochs: 3, seed: 7, heldOut: 0.25 });
    expect(chosen.epochs).toBeGreaterThanOrEqual(1);
    expect(chosen.epochs).toBeLessThanOrEqual(3);
    expect(chosen.heldOutF1.length).toBeGreaterThanOrEqual(chosen.epochs);
  });

  it('survives a save/load round trip with identical tags', () => {
    const loaded = NerModel.deserialise(result.model.serialise());
    expect(loaded.rows).toBe(result.model.rows);
    expect(loaded.gazetteer.lists).toEqual(lists);
    const before = docs.map((d) => result.model.tagDocumentLabels(d.sentences));
    const after = docs.map((d) => loaded.tagDocumentLabels(d.sentences));
    expect(after).toEqual(before);
    // and a sentence neither saw in training
    const unseen = [['Soldiers', 'from', 'Mali', 'met', 'Africa', 'Corps', 'officers', 'in', 'Gao', '.']];
    expect(loaded.tagDocumentLabels(unseen)).toEqual(result.model.tagDocumentLabels(unseen));
  });

  it('turns labels into token spans', () => {
    const [labels] = result.model.tagDocument([docs[0].sentences[0]]);
    const spans = labelSpans(labels).map((s) => `${s.type}:${docs[0].sentences[0].slice(s.start, s.end).join(' ')}`);
    expect(spans).toEqual(['MISC:Malian', 'ORG:JNIM', 'LOC:Boulkessi']);
  });
});
