import { describe, expect, it } from 'vitest';
import { buildLexicon, cueLexicon } from './lexicon.js';

describe('cue lexicon', () => {
  it('loads data/cues/reporting*.yaml with every cue type known', () => {
    const lex = cueLexicon();
    expect(lex.verbs.get('said')?.[0]).toMatchObject({ lemma: 'say', type: 'report' });
    expect(lex.verbs.get('denied')?.[0].type).toBe('denial');
    expect(lex.verbs.get('accused')?.[0].type).toBe('accusation');
    expect(lex.verbs.get('proclaimed')?.[0].type).toBe('claim');
    expect(lex.hedges.get('reportedly')).toBe('hedge');
    expect(lex.prepositions.get('according')?.[0]).toEqual({ rest: ['to'], type: 'report' });
    expect(lex.channels.get('telegram')?.[0].channel).toBe('telegram');
    // nouns left out on purpose: "states" and "report" are not verb forms
    expect(lex.verbs.has('states')).toBe(false);
  });

  it('multi-word forms are tried longest first', () => {
    const lex = buildLexicon(
      'verbs:\n  point: { type: report, forms: [pointed out] }\n  aim: { type: report, forms: [pointed] }\nhedges: {}\nparticiples: {}\nadjectives: {}\nprepositions: {}\nnotSources: []\nbetween: []\n',
      'channels: {}\n',
    );
    expect(lex.verbs.get('pointed')?.map((e) => e.rest)).toEqual([['out'], []]);
  });

  it('rejects an unknown cue type', () => {
    expect(() => buildLexicon('verbs:\n  say: { type: rumour, forms: [said] }\nhedges: {}\nparticiples: {}\nadjectives: {}\nprepositions: {}\nnotSources: []\nbetween: []\n', 'channels: {}\n')).toThrow(/unknown cue type/);
  });
});
