import { describe, expect, it } from 'vitest';
import { Gazetteer } from './gazetteer.js';

describe('Gazetteer.match', () => {
  const g = new Gazetteer({ country: ['Burkina Faso', 'Mali', 'Chad'], city: ['Bamako'] });
  const run = (words: string[], caps?: number[]): number[] => {
    const lower = words.map((w) => w.toLowerCase());
    const capitalised = Uint8Array.from(caps ?? words.map((w) => (/^\p{Lu}/u.test(w) ? 1 : 0)));
    const out = new Uint32Array(words.length);
    g.match(lower, capitalised, out);
    return Array.from(out);
  };

  it('marks the first token, the inside tokens and one-token phrases of each list', () => {
    // country is list 0: bits 0 (first), 1 (inside), 2 (whole); city is list 1: bits 3, 4, 5
    expect(run(['Troops', 'left', 'Burkina', 'Faso', 'for', 'Bamako'])).toEqual([0, 0, 1, 2, 0, 1 << 5]);
  });

  it('matches only from a capitalised token, so a verb is not a country', () => {
    expect(run(['they', 'chad', 'the', 'ball'])).toEqual([0, 0, 0, 0]);
    expect(run(['Idriss', 'Deby', 'of', 'Chad'])).toEqual([0, 0, 0, 4]);
  });
});
