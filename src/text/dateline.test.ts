import { describe, expect, it } from 'vitest';
import { datelineSpan } from './dateline.js';

describe('datelineSpan', () => {
  it('finds a wire dateline opening the text', () => {
    const text = 'NIAMEY (AFP) - Gunmen killed 15 soldiers on Tuesday.';
    expect(datelineSpan(text)).toEqual({ start: 0, end: 'NIAMEY (AFP) - '.length });
    expect(datelineSpan('BAMAKO, Aug 14 (Reuters) - The junta said ...')?.start).toBe(0);
    expect(datelineSpan("NIAMEY, 11 décembre (AFP) - Au moins 34 soldats ont été tués.")).toEqual({ start: 0, end: 'NIAMEY, 11 décembre (AFP) - '.length });
  });

  it('finds it after a headline line', () => {
    const text = 'Burkina: au moins 50 civils tués dans une attaque jihadiste dans le Nord\n\nOUAGADOUGOU (AFP) - Au moins 50 civils ont été tués samedi.';
    const span = datelineSpan(text);
    expect(span && text.slice(span.start, span.end)).toBe('OUAGADOUGOU (AFP) - ');
  });

  it('finds none in ordinary text, nor after a first paragraph that is a sentence', () => {
    expect(datelineSpan('Gunmen killed 15 soldiers in western Niger on Tuesday, the army said.')).toBeNull();
    expect(datelineSpan('The army said on Monday that it had repelled an attack.\n\nNIAMEY (AFP) - Later, ...')).toBeNull();
  });

  it('finds the dateline after a headline that asks a question', () => {
    const text = 'Who are the armed groups of the Sahel?\n\nDAKAR, Jan 10 (Reuters) - JNIM was formed in 2017.';
    expect(datelineSpan(text)?.start).toBe(text.indexOf('DAKAR'));
  });
});
