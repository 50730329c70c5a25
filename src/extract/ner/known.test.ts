import { describe, expect, it } from 'vitest';
import { KnownNames } from './known.js';
import { LABELS } from './features.js';
import { toLabelIds } from './conll.js';

const known = new KnownNames({
  org: ['Wagner Group', 'Wagner', 'National Movement for the Liberation of Azawad', 'IS'],
  person: ['Assimi Goita', 'Wagner'],
});

function run(sentence: string, tags: string[]): string[] {
  const words = sentence.split(' ');
  const labels = toLabelIds(tags);
  known.reconcile(words, labels);
  return Array.from(labels, (l) => LABELS[l]);
}

describe('KnownNames.reconcile', () => {
  it('retypes a name the tagger found inside a known organisation', () => {
    expect(run('the Russian mercenary Wagner Group', ['O', 'B-MISC', 'O', 'B-PER', 'I-PER'])).toEqual(['O', 'U-MISC', 'O', 'B-ORG', 'L-ORG']);
  });

  it('joins the pieces of a long known name into one', () => {
    const s = 'the National Movement for the Liberation of Azawad said';
    const tags = ['O', 'B-ORG', 'I-ORG', 'O', 'O', 'B-ORG', 'I-ORG', 'I-ORG', 'O'];
    expect(run(s, tags)).toEqual(['O', 'B-ORG', 'I-ORG', 'I-ORG', 'I-ORG', 'I-ORG', 'I-ORG', 'L-ORG', 'O']);
  });

  it('keeps an alias listed for an organisation and a person as the organisation', () => {
    expect(run("Analysts said Wagner 's presence grew", ['O', 'O', 'B-PER', 'O', 'O', 'O'])).toEqual(['O', 'O', 'U-ORG', 'O', 'O', 'O']);
  });
});

describe("KnownNames.reconcile: case", () => {
  const k = new KnownNames({ org: ['al-Qaeda in the Islamic Maghreb'] });
  it('matches a name of several words whatever its capitals', () => {
    const words = 'fighters of Al-Qaeda in the Islamic Maghreb attacked'.split(' ');
    const labels = toLabelIds(['O', 'O', 'B-LOC', 'O', 'O', 'B-LOC', 'I-LOC', 'O']);
    k.reconcile(words, labels);
    expect(Array.from(labels, (l) => LABELS[l])).toEqual(['O', 'O', 'B-ORG', 'I-ORG', 'I-ORG', 'I-ORG', 'L-ORG', 'O']);
  });
});
