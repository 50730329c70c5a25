import { describe, expect, it } from 'vitest';
import { parsePartialDate } from './date.js';

describe('parsePartialDate', () => {
  it('keeps the precision of ISO dates', () => {
    expect(parsePartialDate('2025')).toEqual({ value: '2025', precision: 'year' });
    expect(parsePartialDate('2025-06')).toEqual({ value: '2025-06', precision: 'month' });
    expect(parsePartialDate('2025-06-06')).toEqual({ value: '2025-06-06', precision: 'day' });
    expect(parsePartialDate(2025)).toEqual({ value: '2025', precision: 'year' });
  });

  it('normalises zoned times to UTC and keeps unzoned ones as written', () => {
    expect(parsePartialDate('2025-06-06T10:30:00+02:00')).toEqual({ value: '2025-06-06T08:30:00Z', precision: 'time' });
    expect(parsePartialDate('2025-06-06T10:30:00.123Z')).toEqual({ value: '2025-06-06T10:30:00Z', precision: 'time' });
    expect(parsePartialDate('2025-06-06 10:30')).toEqual({ value: '2025-06-06T10:30:00', precision: 'time' });
  });

  it('reads feed (RFC 822) and written dates', () => {
    expect(parsePartialDate('Fri, 06 Jun 2025 10:30:00 GMT')).toEqual({ value: '2025-06-06T10:30:00Z', precision: 'time' });
    expect(parsePartialDate('6 June 2025')).toEqual({ value: '2025-06-06', precision: 'day' });
    expect(parsePartialDate('June 6, 2025')).toEqual({ value: '2025-06-06', precision: 'day' });
    expect(parsePartialDate('Sept. 12, 2024')).toEqual({ value: '2024-09-12', precision: 'day' });
    expect(parsePartialDate('6 juin 2025')).toEqual({ value: '2025-06-06', precision: 'day' });
    expect(parsePartialDate('June 2025')).toEqual({ value: '2025-06', precision: 'month' });
  });

  it('gives null, never "now", for what it cannot read', () => {
    for (const bad of ['', 'yesterday', '2025-13', '2025-02-30', 'soon', null, undefined, {}, 'x'.repeat(500)]) {
      expect(parsePartialDate(bad)).toBeNull();
    }
  });
});
