import { describe, expect, it } from 'vitest';
import { documentFromText } from '../../ingest/document.js';
import { emptyExtraction } from '../../model.js';
import { timesStage } from './times.js';

function texts(text: string): string[] {
  const results = emptyExtraction();
  timesStage.run(documentFromText(text, '2025-06-06'), results);
  return results.times.map((t) => t.text);
}

// Sentences where a time word or a number is not a time expression.
describe('times stage: what is not a time', () => {
  it('does not read counts, money, percentages or fractions as years or dates', () => {
    expect(texts('The army said 1,990 people had fled, and aid worth $2000 arrived.')).toEqual([]);
    expect(texts('Turnout was 1999 votes short, officials said, with 7/8 of ballots counted.')).toEqual([]);
    expect(texts('Shares rose 3/8 to 21 1/2 on heavy trading.')).toEqual([]);
  });

  it('does not read the modal "may" or the verb "fall" as a month or a season', () => {
    expect(texts('Residents may leave if the town is attacked, and prices could fall.')).toEqual([]);
    expect(texts('May God protect the soldiers, the imam said.')).toEqual([]);
  });

  it('does not read a fraction as a quarter of the year', () => {
    expect(texts('About three-quarters of the district is outside state control.')).toEqual([]);
    expect(texts('A quarter of the vote went to the opposition.')).toEqual([]);
  });

  it('does not read an age as a duration', () => {
    expect(texts('A 35-year-old shepherd was among the victims.')).toEqual([]);
  });

  it('does not read a rate as a time', () => {
    expect(texts('The operation costs the state $10 million a year.')).toEqual([]);
  });

  it('does not read a newspaper name as a recurring time', () => {
    expect(texts('The Daily Monitor reported the attack.')).toEqual([]);
  });
});

describe('times stage: month names inside other words and names', () => {
  it('does not read "Mayor" as May or the "March for Life" as March', () => {
    expect(texts('Mayor Alex Diallo joined the annual March for Life in the capital.')).toEqual([]);
  });

  it('does not read "a second" ordinal as a second of time', () => {
    expect(texts('It would be a second betrayal, she said.')).toEqual([]);
  });
});

describe('times stage: French words in English text', () => {
  it('reads no French weekday or month in an English article', () => {
    const found = texts('The Samedi Club and the Mardi Gras parade drew crowds in New Orleans, where the chef Juin served dinner.');
    expect(found).toEqual([]);
  });
});
