import { describe, expect, it } from 'vitest';
import { addMonths, isoWeek, weekString, yearString } from './calendar.js';
import { describe as describeTimex } from './describe.js';

describe('calendar', () => {
  it('numbers weeks the ISO 8601 way, across year ends', () => {
    expect(weekString({ y: 2025, m: 6, d: 6 })).toBe('2025-W23');
    expect(isoWeek({ y: 2021, m: 1, d: 3 })).toEqual({ y: 2020, w: 53 });
    expect(isoWeek({ y: 1989, m: 1, d: 1 })).toEqual({ y: 1988, w: 52 });
    expect(isoWeek({ y: 2024, m: 12, d: 30 })).toEqual({ y: 2025, w: 1 });
  });

  it('adds months without overflowing short months', () => {
    expect(addMonths({ y: 2025, m: 1, d: 31 }, 1)).toEqual({ y: 2025, m: 2, d: 28 });
    expect(addMonths({ y: 2025, m: 6, d: 6 }, -36)).toEqual({ y: 2022, m: 6, d: 6 });
  });

  it('writes years before the common era as TIMEX3 does', () => {
    expect(yearString(-489)).toBe('BC0490');
  });
});

describe('bounds of a TIMEX3 value', () => {
  const base = { start: 0, end: 1, text: 'x', anchored: false, rule: 'test' } as const;
  const dct = { y: 2025, m: 6, d: 6 };

  it('gives quarters, seasons, decades and centuries their months or years', () => {
    expect(describeTimex({ ...base, type: 'DATE', value: '2021-Q4' }, dct)).toEqual({ precision: 'quarter', from: '2021-10', to: '2021-12' });
    expect(describeTimex({ ...base, type: 'DATE', value: '2024-WI' }, dct)).toEqual({ precision: 'season', from: '2024-12', to: '2025-02' });
    expect(describeTimex({ ...base, type: 'DATE', value: '199' }, dct)).toEqual({ precision: 'decade', from: '1990', to: '1999' });
    expect(describeTimex({ ...base, type: 'DATE', value: '19' }, dct)).toEqual({ precision: 'century', from: '1900', to: '1999' });
  });

  it('bounds a duration that ends or starts at publication', () => {
    expect(describeTimex({ ...base, type: 'DURATION', value: 'P2W', durationAt: 'end' }, dct)).toEqual({ precision: 'range', from: '2025-05-23', to: '2025-06-06' });
    expect(describeTimex({ ...base, type: 'DURATION', value: 'P6M', durationAt: 'start' }, dct)).toEqual({ precision: 'range', from: '2025-06-06', to: '2025-12' });
    expect(describeTimex({ ...base, type: 'DURATION', value: 'PXY', durationAt: 'end' }, dct)).toEqual({ precision: 'before', before: '2025-06-06' });
  });
});
