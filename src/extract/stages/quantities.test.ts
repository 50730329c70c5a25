import { describe, expect, it } from 'vitest';
import { documentFromText } from '../../ingest/document.js';
import { emptyExtraction, type QuantityMention } from '../../model.js';
import { tokensStage } from './tokens.js';
import { timesStage } from './times.js';
import { quantitiesStage } from './quantities.js';

// Sentences written for these tests in the style of Sahel conflict reporting.
function quantities(text: string): QuantityMention[] {
  const doc = documentFromText(text, '2025-06-06');
  const results = emptyExtraction();
  tokensStage.run(doc, results);
  timesStage.run(doc, results);
  quantitiesStage.run(doc, results);
  return results.quantities;
}

describe('quantities stage: figures', () => {
  it('reads "about 2,000 mercenaries" as an approximate best figure', () => {
    const [q] = quantities('According to officials, about 2,000 Russian mercenaries are still deployed in the country.');
    expect(q).toMatchObject({ text: 'about 2,000 Russian mercenaries', low: null, best: 2000, high: null, approximate: true, counts: 'mercenaries', countsText: 'mercenaries', stage: 'quantities' });
  });

  it('reads bounds: "at least" is a floor, "more than" a floor at the stated figure, "up to" a ceiling', () => {
    const [a, b, c] = quantities('At least 12 soldiers were killed, more than 20 militants died and up to 30 civilians were wounded.');
    expect(a).toMatchObject({ low: 12, best: 12, high: null, approximate: false, counts: 'killed', countsText: 'soldiers' });
    expect(b).toMatchObject({ low: 20, best: 20, high: null, counts: 'dead', countsText: 'militants' });
    expect(c).toMatchObject({ low: null, best: null, high: 30, counts: 'wounded', countsText: 'civilians' });
  });

  it('reads ranges with the lower figure as best (the most conservative, as ACLED codes)', () => {
    const [q] = quantities('Between 10 and 15 herders were abducted near the border.');
    expect(q).toMatchObject({ low: 10, best: 10, high: 15, counts: 'abducted', countsText: 'herders' });
  });

  it('reads number words and vague amounts with ACLED conventions', () => {
    expect(quantities('Two gendarmes were injured in the blast.')[0]).toMatchObject({ low: 2, best: 2, high: 2, counts: 'wounded', countsText: 'gendarmes' });
    expect(quantities('A dozen fighters surrendered to the army.')[0]).toMatchObject({ best: 12, approximate: false, counts: 'fighters' });
    expect(quantities('Dozens of civilians were killed in the raid.')[0]).toMatchObject({ low: 12, best: 12, approximate: true, counts: 'killed', countsText: 'civilians' });
    expect(quantities('Hundreds of families have been displaced.')[0]).toMatchObject({ best: 100, counts: 'displaced' });
    expect(quantities('Several soldiers were wounded in the ambush.')[0]).toMatchObject({ low: 3, best: 3, approximate: true, counts: 'wounded' });
  });

  it('links a count to the verb that governs it: "killing 12 soldiers" counts killed soldiers', () => {
    const [q] = quantities('Jihadists stormed the camp, killing 12 soldiers and wounding nine others.');
    expect(q).toMatchObject({ text: 'killing 12 soldiers', best: 12, counts: 'killed', countsText: 'soldiers', rule: 'governed-by-casualty' });
    expect(quantities('Jihadists stormed the camp, killing 12 soldiers and wounding nine others.')[1]).toMatchObject({ best: 9, counts: 'wounded' });
  });

  it('reaches past an aside and shares a casualty across a coordination', () => {
    expect(quantities('At least 40 villagers, among them two imams, were killed overnight.')[0]).toMatchObject({ low: 40, counts: 'killed', countsText: 'villagers' });
    const [a, b] = quantities('Nine gendarmes and 14 VDP volunteers died when the convoy hit a mine.');
    expect(a).toMatchObject({ best: 9, counts: 'dead', countsText: 'gendarmes' });
    expect(b).toMatchObject({ best: 14, counts: 'dead', countsText: 'volunteers' });
  });

  it('never makes casualties of things: seized motorcycles are counted as vehicles', () => {
    const [a, b] = quantities('Troops arrested 25 suspects and seized 10 motorcycles.');
    expect(a).toMatchObject({ best: 25, counts: 'arrested', countsText: 'suspects' });
    expect(b).toMatchObject({ best: 10, counts: 'vehicles' });
  });

  it('counts one for the singular object of a killing verb ("killed a village chief", "executed a French hostage"), not for "a member of"', () => {
    expect(quantities('Gunmen killed a village chief in Tin-Hama on Friday.')).toEqual([expect.objectContaining({ best: 1, counts: 'killed', text: 'a village chief' })]);
    expect(quantities('AQIM claimed to have executed a French hostage.')).toEqual([expect.objectContaining({ best: 1, counts: 'killed' })]);
    expect(quantities('A man killed his neighbour.')).toEqual([]);
  });

  it('counts one for "a soldier was killed"', () => {
    expect(quantities('A Malian soldier was killed when his patrol hit a mine.')[0]).toMatchObject({ low: 1, best: 1, high: 1, counts: 'killed', countsText: 'soldier' });
  });

  it('reads a death toll', () => {
    expect(quantities('The death toll from the attack rose to 41 on Monday.')[0]).toMatchObject({ best: 41, counts: 'dead' });
  });
});

describe('quantities stage: losses without a figure', () => {
  it('reports "heavy losses" with no number', () => {
    const [q] = quantities('Both the army and the mercenaries suffered heavy losses in the clashes.');
    expect(q).toMatchObject({ text: 'heavy losses', low: null, best: null, high: null, counts: 'casualties' });
  });

  it('reports "many people were killed" with no number', () => {
    const [q] = quantities('Many people were killed when the market was shelled.');
    expect(q).toMatchObject({ best: null, counts: 'killed', countsText: 'people' });
  });
});

// French sentences written for these tests in the style of Sahel reporting; the document is detected as French.
describe('quantities stage: French reporting', () => {
  it('reads "plus d\'une centaine", "près d\'une vingtaine" and an infinitive of killing after a verb of outcome', () => {
    const qs = quantities("La riposte des forces de défense et de sécurité a permis de neutraliser plus d'une centaine de terroristes, affirme le communiqué. Près d'une vingtaine de civils ont été tués dans le village, selon des habitants.");
    expect(qs[0]).toMatchObject({ low: 100, best: 100, counts: 'killed', countsText: 'terroristes' });
    expect(qs[1]).toMatchObject({ best: 20, counts: 'killed', countsText: 'civils' });
  });

  it('reads a casualty after the adjectives French sets after the noun ("quinze soldats nigériens ont été tués")', () => {
    const [q] = quantities("Quinze soldats nigériens ont été tués lors d'une embuscade près de Tillabéri, a indiqué le ministère de la Défense dans un communiqué.");
    expect([q.counts, q.best]).toEqual(['killed', 15]);
  });

  it('reads "vingt et un" and "soixante et onze" in the traditional spelling', () => {
    const qs = quantities("Au moins vingt et un soldats ont été tués dimanche près de Djibo, et soixante et onze civils ont été enlevés, a annoncé l'armée dans un communiqué.");
    expect(qs.map((q) => [q.counts, q.low])).toEqual([
      ['killed', 21],
      ['abducted', 71],
    ]);
  });

  it('reads a casualty verb that governs the count and French vague amounts', () => {
    const qs = quantities("Des hommes armés ont tué au moins 12 civils dimanche près de Djibo, a annoncé le gouvernement. L'armée a riposté, tuant une trentaine de terroristes, selon l'état-major.");
    expect(qs[0]).toMatchObject({ text: 'tué au moins 12 civils', low: 12, best: 12, high: null, counts: 'killed', countsText: 'civils', rule: 'governed-by-casualty' });
    expect(qs[1]).toMatchObject({ text: 'tuant une trentaine de terroristes', low: 30, best: 30, approximate: true, counts: 'killed', countsText: 'terroristes' });
  });

  it('reads "a fait 20 morts et 15 blessés" and the passive "ont été tués"', () => {
    const qs = quantities("Une embuscade tendue par le JNIM contre un convoi de l'armée malienne a fait 20 morts et 15 blessés parmi les soldats. Douze gendarmes ont été tués lors de l'attaque du poste.");
    expect(qs.map((q) => [q.best, q.counts])).toEqual([[20, 'dead'], [15, 'wounded'], [12, 'killed']]);
  });

  it('reads French qualifiers, number words, thousands apart and "des dizaines"', () => {
    const qs = quantities("Près de 2 000 personnes ont fui leurs villages. Jusqu'à 40 soldats seraient portés disparus. Vingt-cinq jihadistes ont été abattus par l'armée. Des dizaines de villageois ont été enlevés par les assaillants.");
    expect(qs[0]).toMatchObject({ low: null, best: 2000, high: 2000, approximate: true, counts: 'displaced' });
    expect(qs[1]).toMatchObject({ low: null, best: null, high: 40, counts: 'missing', countsText: 'soldats' });
    expect(qs[2]).toMatchObject({ best: 25, counts: 'killed', countsText: 'jihadistes' });
    expect(qs[3]).toMatchObject({ low: 10, best: 10, approximate: true, counts: 'abducted', countsText: 'villageois' });
  });

  it('counts one with "un soldat a été tué", and the victims, not the soldiers, in "ont tué 3 terroristes"', () => {
    const qs = quantities("Un soldat a été tué dans l'explosion d'une mine. Lundi, 12 soldats ont tué 3 terroristes près de la frontière, selon l'armée.");
    expect(qs[0]).toMatchObject({ best: 1, counts: 'killed', countsText: 'soldat' });
    expect(qs.find((q) => q.best === 12)).toMatchObject({ counts: 'soldiers', rule: 'count-noun' });
    expect(qs.find((q) => q.best === 3)).toMatchObject({ counts: 'killed', countsText: 'terroristes' });
  });

  it('shares the verb of a count with a bare count joined to it ("killing 12 soldiers and three civilians")', () => {
    const qs = quantities('Gunmen attacked the village on Sunday, killing 12 soldiers and three civilians. The raid killed 4 soldiers, 2 policemen and 3 vehicles.');
    expect(qs.find((q) => q.best === 3 && q.countsText === 'civilians')).toMatchObject({ counts: 'killed', rule: 'count-casualty-shared' });
    expect(qs.find((q) => q.best === 2)).toMatchObject({ counts: 'killed', countsText: 'policemen' });
    // objects are not killed
    expect(qs.find((q) => q.countsText === 'vehicles')).toMatchObject({ counts: 'vehicles', rule: 'count-noun' });
  });

  it('does not share a verb across another verb ("killed 5 soldiers and wounded 3 civilians")', () => {
    const qs = quantities('They killed 5 soldiers and wounded 3 civilians.');
    expect(qs.find((q) => q.best === 3)).toMatchObject({ counts: 'wounded', rule: 'governed-by-casualty' });
  });

describe('quantities stage: a count coordinated with another noun phrase', () => {
  it('reads the casualty after "and members of the VDP" or "and civilians", but not a second count or a verb after "and"', () => {
    const qs = quantities('The group claimed that more than 100 soldiers and members of the Volunteers for the Defense of the Homeland (VDP) were killed. A source said at least 60 soldiers and civilians died.');
    expect(qs.map((q) => [q.best, q.counts])).toEqual([[100, 'killed'], [60, 'dead']]);
    const other = quantities('Militants attacked a checkpoint in Gao, killing one soldier and injuring two others. A clash left eight soldiers and 20 militants dead.');
    expect(other.map((q) => [q.best, q.counts])).toEqual([[1, 'killed'], [2, 'wounded'], [8, 'dead'], [20, 'dead']]);
  });
});

  it('counts "une centaine d\'instructeurs": a vague hundred that opens with "une", its noun with the elided "d\'"', () => {
    const [q] = quantities("Selon la télévision d'État, une centaine d'instructeurs russes sont arrivés au Niger en avril 2024.");
    expect(q).toMatchObject({ best: 100, approximate: true, counts: 'mercenaries' });
  });
});
