import { describe, expect, it } from 'vitest';
import { normaliseText } from './normalise.js';

describe('normaliseText', () => {
  it('composes to NFC, unifies line endings and collapses horizontal space', () => {
    expect(normaliseText('Ame\u0301nokal\t\tof  the\u00a0Kel Adagh\r\nSecond line\r\rThird')).toBe(
      'Aménokal of the Kel Adagh\nSecond line\n\nThird',
    );
  });

  it('drops controls, BOM, zero-width spaces and soft hyphens but keeps paragraphs', () => {
    expect(normaliseText('\ufeffTim\u00adbuktu\u0007 fell.\u200b\n\n\n\n  Gao fell too.  \n')).toBe('Timbuktu fell.\n\nGao fell too.');
  });

  it('returns an empty string for blank input', () => {
    expect(normaliseText(' \n\t\r\n ')).toBe('');
  });
});
