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
