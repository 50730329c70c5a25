import { describe, expect, it } from 'vitest';
import { periodEnd, periodStart } from './periods.js';

describe('period bounds of a date value', () => {
  it.each([
    ['2025-06-06', '2025-06-06', '2025-06-06'],
    ['2025-06-06T10:30:00Z', '2025-06-06', '2025-06-06'],
    ['2025-06', '2025-06-01', '2025-06-30'],
    ['2024-02', '2024-02-01', '2024-02-29'],
    ['2023', '2023-01-01', '2023-12-31'],
    ['2021-Q4', '2021-10-01', '2021-12-31'],
    ['2025-W01', '2024-12-30', '2025-01-05'],
    ['202X', '2020-01-01', '2029-12-31'],
    ['2025-SU', '2025-01-01', '2025-12-31'],
  ])('%s covers %s to %s', (value, start, end) => {
    expect(periodStart(value)).toBe(start);
    expect(periodEnd(value)).toBe(end);
  });

  it.each(['PRESENT_REF', 'PAST_REF', 'XXXX-XX-XX', 'P3Y', '', 'last week', '2025-13'])('%s is not a calendar period', (value) => {
    expect(periodStart(value)).toBeNull();
    expect(periodEnd(value)).toBeNull();
  });
});
