import { describe, expect, it } from 'vitest';
import { KnownNames } from './known.js';
import { LABELS } from './features.js';
import { toLabelIds } from './conll.js';

const known = new KnownNames({ org: ['Wagner', 'Wagner Group', 'IS'], person: ['Assimi Goita'] });

function run(sentence: string, tags: string[]): string[] {
  const words = sentence.split(' ');
  const labels = toLabelIds(tags);
  known.reconcile(words, labels);
  return Array.from(labels, (l) => LABELS[l]);
}

describe('KnownNames.reconcile: what it leaves alone', () => {
  it('does not add a name the tagger did not see', () => {
    expect(run('Wagner Group fighters left', ['O', 'O', 'O', 'O'])).toEqual(['O', 'O', 'O', 'O']);
  });

  it('keeps a longer name that only contains an alias', () => {
    expect(run('the composer Richard Wagner died', ['O', 'O', 'B-PER', 'I-PER', 'O'])).toEqual(['O', 'O', 'B-PER', 'L-PER', 'O']);
  });

  it('does nothing in a headline in capitals, where "IS" is a verb', () => {
    expect(run('EU IS READY TO ACT', ['B-ORG', 'B-ORG', 'O', 'O', 'O'])).toEqual(['U-ORG', 'U-ORG', 'O', 'O', 'O']);
  });

  it('matches the words after the first as written: "Islamic state" is not "Islamic State"', () => {
    const k = new KnownNames({ org: ['Islamic State'] });
    const labels = toLabelIds(['O', 'B-MISC', 'O']);
    k.reconcile(['an', 'Islamic', 'state'], labels);
    expect(Array.from(labels, (l) => LABELS[l])).toEqual(['O', 'U-MISC', 'O']);
  });

  it('matches case-sensitively: "is" is not "IS"', () => {
    expect(run('this is Mali', ['O', 'O', 'B-LOC'])).toEqual(['O', 'O', 'U-LOC']);
  });
});
