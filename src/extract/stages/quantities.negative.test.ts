import { describe, expect, it } from 'vitest';
import { documentFromText } from '../../ingest/document.js';
import { emptyExtraction } from '../../model.js';
import { tokensStage } from './tokens.js';
import { timesStage } from './times.js';
import { quantitiesStage } from './quantities.js';

function texts(text: string): string[] {
  const doc = documentFromText(text, '2025-06-06');
  const results = emptyExtraction();
  tokensStage.run(doc, results);
  timesStage.run(doc, results);
  quantitiesStage.run(doc, results);
  return results.quantities.map((q) => q.text);
}

// Numbers that are not counts of people, forces or casualties.
describe('quantities stage: what is not a count', () => {
  it('ignores years, dates and durations', () => {
    expect(texts('In 2023 the group moved north, and on 12 May 2024 it attacked again after three years of calm.')).toEqual([]);
  });

  it('ignores ages, percentages and money', () => {
    expect(texts('A 35-year-old teacher was among those questioned.')).toEqual([]);
    expect(texts('Turnout reached 40 percent, and 12% of soldiers voted.')).toEqual([]);
    expect(texts('The junta paid $10 million to 3 contractors? No: it paid $10 million in fees.').filter((t) => /million/.test(t))).toEqual([]);
  });

  it('ignores regiment, resolution and page numbers', () => {
    expect(texts('Resolution 2391 was adopted, and Regiment 33 soldiers paraded.').filter((t) => /2391|33/.test(t))).toEqual([]);
  });

  it('invents no number for vague words without a casualty', () => {
    expect(texts('Many people believe the mercenaries will stay.')).toEqual([]);
    expect(texts('A number of soldiers attended the ceremony.')).toEqual([]);
  });

  it('does not count a release as a casualty', () => {
    expect(texts('The kidnappers freed 12 hostages on Sunday.').map((t) => t)).toEqual(['12 hostages']);
  });

  it('does not make casualties of those who did the killing', () => {
    expect(texts('A herder killed his neighbour in a dispute over cattle.')).toEqual([]);
    const found = texts('Twelve soldiers killed three militants near Menaka.');
    expect(found).toEqual(['Twelve soldiers', 'killed three militants']);
  });

  it('does not count "one of" as a figure without a casualty', () => {
    expect(texts('One of the main Tuareg leaders attended the talks.')).toEqual([]);
  });
});

// French words must start no count in English text, and French text has its own non-counts.
describe('quantities stage: French words are read in French documents only', () => {
  it('reads no count in "UN peacekeepers" or French words quoted in English', () => {
    expect(texts('UN peacekeepers were attacked near Tessalit on Sunday, and a UN convoy was hit on the road to Gao, the mission said in a statement.')).toEqual([]);
    expect(texts('Residents who reached the town on Monday spoke of "une trentaine" of bodies on the road, but officials would not give any figure and said the army was still searching the area.')).toEqual([]);
  });

  it('in French text, ages, years, percentages and "un" as an article are not counts', () => {
    expect(texts("En 2023, le groupe s'est déplacé vers le nord. Un convoi de l'armée a quitté Gao. Le taux de participation a atteint 40 pour cent, selon la commission électorale nationale.")).toEqual([]);
    expect(texts("Un enfant de 12 ans figure parmi les personnes interrogées par les enquêteurs de la gendarmerie.").filter((t) => /12/.test(t))).toEqual([]);
  });
});
