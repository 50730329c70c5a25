import { describe, expect, it } from 'vitest';
import { classifyModality } from './modality.js';
import type { SourceMention } from '../../model.js';

/** Modality of the first occurrence of `trigger` in `sentence`. */
function m(sentence: string, trigger: string, sources?: SourceMention[], language?: string): string {
  const start = sentence.indexOf(trigger);
  if (start < 0) throw new Error(`trigger "${trigger}" not in sentence`);
  return classifyModality(sentence, { start, end: start + trigger.length }, { sources, ...(language ? { language } : {}) }).modality;
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

describe('modality: French grammar', () => {
  const fr = (sentence: string, trigger: string) => m(sentence, trigger, undefined, 'fr');

  it('a plain past is asserted', () => {
    expect(fr("Des hommes armés ont tué huit orpailleurs sur le site de Kiniéba.", 'tué')).toBe('asserted');
  });

  it('negation: "n\'a pas été", "sans faire de victimes", "a démenti"', () => {
    expect(fr("Le convoi n'a pas été attaqué sur l'axe Gao-Ansongo, selon le gouverneur.", 'attaqué')).toBe('denied');
    expect(fr("L'explosion s'est produite sans faire de victimes près du marché.", 'victimes')).toBe('denied');
    expect(fr("Le groupe a démenti avoir attaqué le camp de Ménaka.", 'attaqué')).toBe('denied');
  });

  it('possibility: "pourrait", "risquent de", "aurait pu", a conditional after "si"', () => {
    expect(fr('Les jihadistes pourraient attaquer la ville dans les prochains jours.', 'attaquer')).toBe('hypothetical');
    expect(fr('Les combats risquent de reprendre autour de Kidal.', 'reprendre')).toBe('hypothetical');
    expect(fr("L'explosion aurait pu tuer des dizaines de passagers.", 'tuer')).toBe('hypothetical');
    expect(fr("Si les renforts n'étaient pas arrivés, les assaillants auraient tué des dizaines de villageois.", 'tué')).toBe('hypothetical');
  });

  it('future: "va se retirer", "prévoit de déployer", "sera déployé"', () => {
    expect(fr('Le contingent va se retirer de Tessalit à la fin du mois.', 'retirer')).toBe('future');
    expect(fr("L'Union africaine prévoit de déployer une force en attente.", 'déployer')).toBe('future');
  });
});
