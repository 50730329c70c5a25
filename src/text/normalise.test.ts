import { describe, expect, it } from 'vitest';
import { isNormalised, normaliseText, rebuild } from './normalise.js';

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

  it('takes text that is already normalised (ends trimmed) as it is, and nothing else', () => {
    const pieces = ['a', 'B', ' ', '  ', '\n', '\n\n', '\n\n\n', '\r', '\r\n', '\t', '\u00a0', '\u2028', '\ufeff', '\u200b', '\u00ad', '\u0007', '\u0085', 'e\u0301', '\u3000', '.', '\ud835\udc9c'];
    let seed = 7;
    const next = (k: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % k;
    };
    for (let n = 0; n < 20000; n++) {
      let s = '';
      for (let j = next(12); j > 0; j--) s += pieces[next(pieces.length)];
      const nfc = s.normalize('NFC');
      expect(normaliseText(s)).toBe(rebuild(nfc));
      expect(isNormalised(nfc)).toBe(rebuild(nfc) === nfc);
    }
  });
});
