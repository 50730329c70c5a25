import { describe, expect, it } from 'vitest';
import { classifyModality } from './modality.js';

function m(sentence: string, trigger: string, language?: string): string {
  const start = sentence.indexOf(trigger);
  return classifyModality(sentence, { start, end: start + trigger.length }, language ? { language } : {}).modality;
}

// Words that look like cues but do not govern the trigger.
describe('modality: not fooled', () => {
  it('a negation in another clause does not reach the trigger', () => {
    expect(m('Officials did not give a toll, but gunmen killed at least ten people in Bankass.', 'killed')).toBe('asserted');
  });
  it('"the failed rebellion" happened', () => {
    expect(m('After the failed rebellion, the army arrested dozens of officers.', 'arrested')).toBe('asserted');
  });
  it('a modal in a relative clause does not reach the main verb', () => {
    expect(m('The jihadists, who could be seen on motorcycles, attacked the checkpoint.', 'attacked')).toBe('asserted');
  });
  it('a modal qualifying a noun ("everyone they could find", "as fast as they could") governs no trigger after it', () => {
    expect(m('They shot everyone they could find and set fire to the granaries.', 'set fire')).toBe('asserted');
    expect(m('The villagers ran as fast as they could and soldiers fired on them.', 'fired')).toBe('asserted');
  });
  it('"continued to fall" and "the first to arrive" are not futures', () => {
    expect(m('Security continued to deteriorate across the region in 2022.', 'deteriorate')).toBe('asserted');
    expect(m('The Chadian contingent was the first to arrive in Kidal.', 'arrive')).toBe('asserted');
  });
  it('"no" inside a name or quantity elsewhere does not negate', () => {
    expect(m('Troops clashed with fighters near Diafarabé, leaving no doubt about the threat.', 'clashed')).toBe('asserted');
  });
});

describe('modality: an obligation met is not a future', () => {
  it('"had to", "have to" in a dated narrative and "were forced to" are asserted', () => {
    expect(m('By June 2014, the rebels had to retreat to the mountains.', 'retreat')).toBe('asserted');
    expect(m('By the end of 2015, the insurgent columns have to withdraw from the towns.', 'withdraw')).toBe('asserted');
    expect(m('The militants were forced to withdraw from the town after two days.', 'withdraw')).toBe('asserted');
  });
  it('"will have to" stays a future', () => {
    expect(m('The foreign troops will have to withdraw from the country by December.', 'withdraw')).toBe('future');
  });
});

describe('modality: French words that do not change it', () => {
  const fr = (sentence: string, trigger: string) => m(sentence, trigger, 'fr');

  it('"plus de" without "ne" is a quantity, "a pu" a capacity used', () => {
    expect(fr('Plus de trente civils ont été tués dans le village de Djibasso.', 'tués')).toBe('asserted');
    expect(fr("Les soldats ont pu repousser l'assaut après deux heures de combats.", 'repousser')).toBe('asserted');
  });

  it('English sentences of a French document keep the English grammar', () => {
    expect(fr('Soldiers killed 12 militants near Gao on Sunday.', 'killed')).toBe('asserted');
    expect(fr('The militants did not attack the convoy near Gao.', 'attack')).toBe('denied');
  });
});
