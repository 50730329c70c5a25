import { describe, expect, it } from 'vitest';
import { classifyModality } from './modality.js';
import type { SourceMention } from '../../model.js';

/** Modality of the first occurrence of `trigger` in `sentence`. */
function m(sentence: string, trigger: string, sources?: SourceMention[]): string {
  const start = sentence.indexOf(trigger);
  if (start < 0) throw new Error(`trigger "${trigger}" not in sentence`);
  return classifyModality(sentence, { start, end: start + trigger.length }, { sources }).modality;
}

describe('modality: grammar', () => {
  it('plain past events are asserted', () => {
    expect(m('Gunmen killed 12 villagers near Djibo on Sunday.', 'killed')).toBe('asserted');
    expect(m('The army retook the town of Anefis after two days of fighting.', 'retook')).toBe('asserted');
  });

  it('negation: not, never, no one, denied, failed to', () => {
    expect(m('The militants did not attack the convoy, the governor said.', 'attack')).toBe('denied');
    expect(m('Soldiers have never withdrawn from the base at Tessalit.', 'withdrawn')).toBe('denied');
    expect(m('No one was killed in the explosion near the market.', 'killed')).toBe('denied');
    expect(m('The group denied attacking the camp at Menaka.', 'attacking')).toBe('denied');
    expect(m('The convoy failed to reach Kidal before nightfall.', 'reach')).toBe('denied');
    expect(m('The planned attack on the barracks was foiled by the police.', 'attack')).toBe('denied');
  });

  it('future: will, plans to, is set to, announced it would', () => {
    expect(m('French troops will leave Niger by the end of the year.', 'leave')).toBe('future');
    expect(m('The junta plans to expel the UN mission within six months.', 'expel')).toBe('future');
    expect(m('The last contingent is set to withdraw in December.', 'withdraw')).toBe('future');
    expect(m('Paris announced it would withdraw its ambassador from Bamako.', 'withdraw')).toBe('future');
  });

  it('hypothetical: could, may, might, if, likely', () => {
    expect(m('The fighting could spread to the border regions.', 'spread')).toBe('hypothetical');
    expect(m('Analysts say the group may attack the capital.', 'attack')).toBe('hypothetical');
    expect(m('If the talks fail, the rebels might resume attacks.', 'resume')).toBe('hypothetical');
    expect(m('A new offensive is likely before the rainy season.', 'offensive')).toBe('hypothetical');
  });

  it('negation wins over the future: "will not attack"', () => {
    expect(m('The rebels said they will not attack civilians.', 'attack')).toBe('denied');
  });
});

describe('modality: sources', () => {
  const sentence = 'The army claimed it had killed 40 militants in the operation.';
  const claim: SourceMention = {
    stage: 'sources',
    rule: 'test',
    cue: { start: 9, end: 16, text: 'claimed' },
    source: { start: 0, end: 8, text: 'The army' },
    content: { start: 17, end: sentence.length - 1, text: sentence.slice(17, -1) },
    channel: null,
    cueType: 'claim',
    sentence: 0,
  };
  it('a claim cue governing the clause makes the event claimed', () => {
    expect(m(sentence, 'killed', [claim])).toBe('claimed');
  });
  it('a denial cue makes it denied, an accusation alleged, a report reported', () => {
    expect(m(sentence, 'killed', [{ ...claim, cueType: 'denial' }])).toBe('denied');
    expect(m(sentence, 'killed', [{ ...claim, cueType: 'accusation' }])).toBe('alleged');
    expect(m(sentence, 'killed', [{ ...claim, cueType: 'report' }])).toBe('reported');
    expect(m(sentence, 'killed', [{ ...claim, cueType: 'estimate' }])).toBe('estimated');
  });
});
